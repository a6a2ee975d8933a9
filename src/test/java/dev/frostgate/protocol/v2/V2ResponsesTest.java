package dev.frostgate.protocol.v2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frostgate.error.ErrorCode;
import org.junit.jupiter.api.Test;

/** The SQL API door chooses HTTP statuses by the kind of error, never by a list of codes of its own. */
class V2ResponsesTest {

    @Test
    void refusedRequestsAnswerTheStatusOfTheirKind() {
        assertThat(V2Responses.requestStatus(ErrorCode.PAT_INVALID)).isEqualTo(401);
        assertThat(V2Responses.requestStatus(ErrorCode.OAUTH_ACCESS_TOKEN_EXPIRED)).isEqualTo(401);
        assertThat(V2Responses.requestStatus(ErrorCode.INCOMING_IP_BLOCKED)).isEqualTo(403);
        assertThat(V2Responses.requestStatus(ErrorCode.INSUFFICIENT_PRIVILEGES)).isEqualTo(403);
        assertThat(V2Responses.requestStatus(ErrorCode.STATEMENT_NOT_FOUND)).isEqualTo(404);
        assertThat(V2Responses.requestStatus(ErrorCode.TOO_MANY_STATEMENTS)).isEqualTo(429);
        assertThat(V2Responses.requestStatus(ErrorCode.MALFORMED_REQUEST)).isEqualTo(400);
        assertThat(V2Responses.requestStatus(ErrorCode.REQUEST_FAILED)).isEqualTo(500);
    }

    @Test
    void failedStatementsAnswer422UnlessTheyRanOutOfTime() {
        assertThat(V2Responses.statementFailureStatus(ErrorCode.INSUFFICIENT_PRIVILEGES)).isEqualTo(422);
        assertThat(V2Responses.statementFailureStatus(ErrorCode.SYNTAX_ERROR)).isEqualTo(422);
        assertThat(V2Responses.statementFailureStatus(ErrorCode.STATEMENT_CANCELED)).isEqualTo(422);
        assertThat(V2Responses.statementFailureStatus(ErrorCode.STATEMENT_TIMEOUT)).isEqualTo(408);
    }
}

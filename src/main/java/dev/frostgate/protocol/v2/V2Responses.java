package dev.frostgate.protocol.v2;

import dev.frostgate.error.ErrorCode;
import dev.frostgate.error.ErrorKind;
import dev.frostgate.error.FrostgateException;
import dev.frostgate.exec.QueryRegistry;
import dev.frostgate.protocol.Exchange;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SQL API's answer shapes: an error {@code {code, sqlState, message}} with a real HTTP status,
 * and the QueryStatus / QueryFailureStatus objects that name a statement.
 */
final class V2Responses {
    static final String STATEMENTS_PATH = "/api/v2/statements";

    private V2Responses() {}

    /**
     * The HTTP status of a refused request (not of a failed statement), by the kind of error: 401 for
     * authentication, 403 forbidden, 404, 408 timeout, 429 rate limited, 503 unavailable, 500 internal,
     * 400 for the rest (invalid input, conflicts).
     */
    static int requestStatus(ErrorCode code) {
        return switch (code.kind()) {
            case AUTHENTICATION -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case TIMEOUT -> 408;
            case RATE_LIMITED -> 429;
            case UNAVAILABLE -> 503;
            case INTERNAL -> 500;
            case INVALID_INPUT, CONFLICT -> 400;
        };
    }

    /** A failed statement answers 422 with its code, as Snowflake's SQL API does; one that ran out of time 408. */
    static int statementFailureStatus(ErrorCode code) {
        return code.kind() == ErrorKind.TIMEOUT ? 408 : 422;
    }

    /** A refused request, with the status of its kind. */
    static void refusal(Exchange exchange, FrostgateException refused) {
        refusal(exchange, refused.errorCode(), refused.getMessage());
    }

    static void refusal(Exchange exchange, ErrorCode code, String message) {
        error(exchange, requestStatus(code), code, message);
    }

    static void error(Exchange exchange, int status, ErrorCode code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code.code());
        body.put("sqlState", code.sqlState());
        body.put("message", message);
        exchange.respondJson(status, body);
    }

    /** A statement's status or failure: code, sqlState, message, handle, status URL and creation time. */
    static Map<String, Object> statementStatus(QueryRegistry.Submission submission, String requestId, String code,
                                               String sqlState, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("sqlState", sqlState);
        body.put("message", message);
        body.put("statementHandle", submission.queryId());
        body.put("statementStatusUrl", statusUrl(submission.queryId(), requestId));
        body.put("createdOn", submission.createdOn().toEpochMilli());
        return body;
    }

    static String statusUrl(String handle, String requestId) {
        return STATEMENTS_PATH + "/" + handle + (requestId == null ? "" : "?requestId=" + requestId);
    }
}

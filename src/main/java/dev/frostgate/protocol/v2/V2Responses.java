package dev.frostgate.protocol.v2;

import dev.frostgate.error.ErrorCode;
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

package dev.frostgate.protocol.v1;

import dev.frostgate.error.ErrorCode;
import dev.frostgate.protocol.Exchange;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The v1 envelope {@code {"data", "code", "message", "success"}}. Errors are HTTP 200 with
 * success:false, because JDBC loses the body of a non-200 answer.
 */
final class V1Responses {
    private V1Responses() {}

    static void success(Exchange exchange, Object data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", data);
        body.put("code", null);
        body.put("message", null);
        body.put("success", true);
        exchange.respondJson(200, body);
    }

    static void failure(Exchange exchange, ErrorCode code, String message, Object data) {
        failure(exchange, 200, code, message, data);
    }

    /** A failure with a non-200 status, for HTTP-level refusals such as an oversized body (413). */
    static void failure(Exchange exchange, int status, ErrorCode code, String message, Object data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", data);
        body.put("code", code.code());
        body.put("message", message);
        body.put("success", false);
        body.put("headers", null);
        exchange.respondJson(status, body);
    }

    /** A statement failure, with the SQLState and query id JDBC reads from {@code data}. */
    static void queryFailure(Exchange exchange, ErrorCode code, String message, String queryId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("errorCode", code.code());
        data.put("sqlState", code.sqlState());
        data.put("queryId", queryId);
        data.put("internalError", false);
        failure(exchange, code, message, data);
    }
}

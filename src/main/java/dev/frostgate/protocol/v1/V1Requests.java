package dev.frostgate.protocol.v1;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.frostgate.error.ErrorCode;
import dev.frostgate.protocol.Exchange;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading v1 request bodies, answering malformed ones with an envelope error. */
final class V1Requests {
    /** Session parameters sent at login and with results; JDBC fails without AUTOCOMMIT. */
    static final List<Map<String, Object>> SESSION_PARAMETERS = List.of(
            Map.of("name", "AUTOCOMMIT", "value", true),
            Map.of("name", "TIMEZONE", "value", "Etc/UTC"),
            Map.of("name", "CLIENT_SESSION_KEEP_ALIVE_HEARTBEAT_FREQUENCY", "value", 3600));

    private V1Requests() {}

    /** The JSON body; empty after an error response has been sent for a missing, huge or broken body. */
    static Optional<JsonNode> readJson(Exchange exchange) {
        try {
            byte[] body = exchange.body();
            if (body.length == 0) {
                V1Responses.failure(exchange, ErrorCode.MALFORMED_REQUEST,
                        ErrorCode.MALFORMED_REQUEST.format("the body is empty"), null);
                return Optional.empty();
            }
            JsonNode node = exchange.json().readTree(body);
            if (node == null || !node.isObject()) {
                V1Responses.failure(exchange, ErrorCode.MALFORMED_REQUEST,
                        ErrorCode.MALFORMED_REQUEST.format("the body is not a JSON object"), null);
                return Optional.empty();
            }
            return Optional.of(node);
        } catch (Exchange.BadBodyException bad) {
            if (bad.tooLarge()) {
                V1Responses.failure(exchange, 413, ErrorCode.BODY_TOO_LARGE, ErrorCode.BODY_TOO_LARGE.format(),
                        null);
            } else {
                V1Responses.failure(exchange, ErrorCode.MALFORMED_REQUEST,
                        ErrorCode.MALFORMED_REQUEST.format(bad.getMessage()), null);
            }
            return Optional.empty();
        } catch (JsonProcessingException malformed) {
            V1Responses.failure(exchange, ErrorCode.MALFORMED_REQUEST,
                    ErrorCode.MALFORMED_REQUEST.format("the body is not valid JSON"), null);
            return Optional.empty();
        } catch (java.io.IOException unreadable) {
            V1Responses.failure(exchange, ErrorCode.MALFORMED_REQUEST,
                    ErrorCode.MALFORMED_REQUEST.format("the body could not be read"), null);
            return Optional.empty();
        }
    }

    /** The {@code data} object of a login body. */
    static Optional<JsonNode> readData(Exchange exchange) {
        Optional<JsonNode> body = readJson(exchange);
        if (body.isEmpty()) {
            return body;
        }
        JsonNode data = body.get().get("data");
        if (data == null || !data.isObject()) {
            V1Responses.failure(exchange, ErrorCode.MALFORMED_REQUEST,
                    ErrorCode.MALFORMED_REQUEST.format("the body has no data object"), null);
            return Optional.empty();
        }
        return Optional.of(data);
    }
}

package dev.frostgate.protocol.v2;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.frostgate.error.ErrorCode;
import dev.frostgate.protocol.Exchange;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading SQL API requests: the bearer token and the JSON body, answering bad ones with 400/401/413/415. */
final class V2Requests {
    private static final Pattern BEARER = Pattern.compile("(?i)^\\s*Bearer\\s+(\\S+)\\s*$");

    private V2Requests() {}

    /** The token of {@code Authorization: Bearer <token>}; empty (after a 401) when missing or garbled. */
    static Optional<String> bearerToken(Exchange exchange) {
        Optional<String> token = exchange.header("Authorization").map(BEARER::matcher).filter(Matcher::matches)
                .map(matcher -> matcher.group(1));
        if (token.isEmpty()) {
            V2Responses.refusal(exchange, ErrorCode.JWT_TOKEN_INVALID, ErrorCode.JWT_TOKEN_INVALID.format()
                    + " An Authorization: Bearer header is required.");
        }
        return token;
    }

    /** The body as a JSON object; empty after an error answer. A Content-Type, when sent, must be JSON. */
    static Optional<JsonNode> readObject(Exchange exchange) {
        Optional<String> contentType = exchange.header("Content-Type");
        if (contentType.isPresent() && !contentType.get().toLowerCase(Locale.ROOT).strip()
                .startsWith("application/json")) {
            V2Responses.error(exchange, 415, ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    ErrorCode.UNSUPPORTED_MEDIA_TYPE.format(contentType.get().strip()));
            return Optional.empty();
        }
        try {
            JsonNode node = exchange.json().readTree(exchange.body());
            if (node == null || !node.isObject()) {
                return malformed(exchange, "the body is not a JSON object");
            }
            return Optional.of(node);
        } catch (Exchange.BadBodyException bad) {
            if (bad.tooLarge()) {
                V2Responses.error(exchange, 413, ErrorCode.BODY_TOO_LARGE, ErrorCode.BODY_TOO_LARGE.format());
                return Optional.empty();
            }
            return malformed(exchange, bad.getMessage());
        } catch (JsonProcessingException invalid) {
            return malformed(exchange, "the body is not valid JSON");
        } catch (IOException unreadable) {
            return malformed(exchange, "the body could not be read");
        }
    }

    static <T> Optional<T> malformed(Exchange exchange, String reason) {
        V2Responses.refusal(exchange, ErrorCode.MALFORMED_REQUEST, ErrorCode.MALFORMED_REQUEST.format(reason));
        return Optional.empty();
    }

    /** An optional string field; a present non-string value is malformed. */
    static Optional<Optional<String>> optionalText(Exchange exchange, JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return Optional.of(Optional.empty());
        }
        if (!node.isTextual()) {
            return malformed(exchange, field + " must be a string");
        }
        return Optional.of(Optional.of(node.asText()).filter(text -> !text.isEmpty()));
    }
}

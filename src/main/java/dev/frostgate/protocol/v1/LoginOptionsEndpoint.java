package dev.frostgate.protocol.v1;

import com.fasterxml.jackson.databind.JsonNode;
import dev.frostgate.auth.LoginOptions;
import dev.frostgate.error.ErrorCode;
import dev.frostgate.error.FrostgateException;
import dev.frostgate.protocol.Endpoint;
import dev.frostgate.protocol.Exchange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /session/v1/login-options} with {@code {"data":{"ACCOUNT_NAME","LOGIN_NAME"}}}: the
 * identifier-first step of the login page. Answers {@code {"data":{"options":[{"type":"PASSWORD"}]}}}.
 */
public final class LoginOptionsEndpoint implements Endpoint {
    private final LoginOptions loginOptions;

    public LoginOptionsEndpoint(LoginOptions loginOptions) {
        this.loginOptions = loginOptions;
    }

    @Override
    public void handle(Exchange exchange) {
        Optional<JsonNode> data = V1Requests.readData(exchange);
        if (data.isEmpty()) {
            return;
        }
        String account = data.get().path("ACCOUNT_NAME").asText("");
        String loginName = data.get().path("LOGIN_NAME").asText("");
        if (loginName.isBlank()) {
            V1Responses.failure(exchange, ErrorCode.MALFORMED_REQUEST,
                    ErrorCode.MALFORMED_REQUEST.format("LOGIN_NAME is missing"), null);
            return;
        }
        List<LoginOptions.Option> allowed;
        try {
            allowed = loginOptions.forLoginName(account, loginName);
        } catch (FrostgateException refused) {
            V1Responses.failure(exchange, refused.errorCode(), refused.getMessage(), null);
            return;
        }
        List<Map<String, Object>> options = allowed.stream().map(option -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("type", option.type());
            if (option.integration() != null) {
                entry.put("integration", option.integration());
            }
            return entry;
        }).toList();
        V1Responses.success(exchange, Map.of("options", options));
    }
}

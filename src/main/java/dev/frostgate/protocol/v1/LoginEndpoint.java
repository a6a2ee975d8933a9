package dev.frostgate.protocol.v1;

import com.fasterxml.jackson.databind.JsonNode;
import dev.frostgate.auth.IssuedSession;
import dev.frostgate.auth.LoginOutcome;
import dev.frostgate.auth.LoginPipeline;
import dev.frostgate.auth.LoginRequest;
import dev.frostgate.auth.Session;
import dev.frostgate.auth.SessionSettings;
import dev.frostgate.error.ErrorCode;
import dev.frostgate.protocol.Endpoint;
import dev.frostgate.protocol.Exchange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code POST /session/v1/login-request}: the driver login, turned into a {@link LoginRequest}. */
public final class LoginEndpoint implements Endpoint {
    private final LoginPipeline pipeline;
    private final SessionSettings settings;
    private final String serverVersion;

    public LoginEndpoint(LoginPipeline pipeline, SessionSettings settings, String serverVersion) {
        this.pipeline = pipeline;
        this.settings = settings;
        this.serverVersion = serverVersion;
    }

    @Override
    public void handle(Exchange exchange) throws Exception {
        Optional<JsonNode> data = V1Requests.readData(exchange);
        if (data.isEmpty()) {
            return;
        }
        JsonNode fields = data.get();
        // The drivers send the connect string's role, database, schema and warehouse as query parameters.
        LoginRequest request = new LoginRequest(text(fields, "ACCOUNT_NAME").orElse(""), text(fields, "LOGIN_NAME"),
                text(fields, "AUTHENTICATOR"), text(fields, "PASSWORD"), text(fields, "TOKEN"),
                exchange.queryParameter("roleName"),
                new LoginRequest.ClientInfo(exchange.clientAddress(), text(fields, "CLIENT_APP_ID"),
                        text(fields, "CLIENT_APP_VERSION")), text(fields, "OAUTH_TYPE"),
                new Session.Context(exchange.queryParameter("databaseName"), exchange.queryParameter("schemaName"),
                        exchange.queryParameter("warehouse")));
        switch (pipeline.login(request)) {
            case LoginOutcome.Admitted admitted -> V1Responses.success(exchange, successData(admitted.issued()));
            case LoginOutcome.Refused refused -> refuse(exchange, request, refused.failure().errorCode(),
                    refused.failure().getMessage());
            // The drivers' protocol has no round trip for a question (their second factor comes with the login
            // request); the login waits unanswered until it expires.
            case LoginOutcome.Challenged challenged -> refuse(exchange, request,
                    ErrorCode.LOGIN_CHALLENGE_NOT_SUPPORTED,
                    ErrorCode.LOGIN_CHALLENGE_NOT_SUPPORTED.format(challenged.challenge().prompt().factor()));
        }
    }

    private static void refuse(Exchange exchange, LoginRequest request, ErrorCode code, String message) {
        Map<String, Object> failureData = new LinkedHashMap<>();
        failureData.put("nextAction", "RETRY_LOGIN");
        failureData.put("authnMethod", request.authenticator().orElse("PASSWORD"));
        failureData.put("signInOptions", Map.of());
        V1Responses.failure(exchange, code, message, failureData);
    }

    /** {@code sessionInfo} is what the session starts with, which the drivers report (JDBC's getCatalog, getSchema). */
    private Map<String, Object> successData(IssuedSession issued) {
        Session session = issued.session();
        Map<String, Object> sessionInfo = new LinkedHashMap<>();
        sessionInfo.put("databaseName", session.currentDatabase().orElse(null));
        sessionInfo.put("schemaName", session.currentSchema().orElse(null));
        sessionInfo.put("warehouseName", session.currentWarehouse().orElse(null));
        sessionInfo.put("roleName", session.primaryRole());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("token", issued.sessionToken());
        data.put("masterToken", issued.masterToken());
        data.put("validityInSeconds", settings.sessionTokenValidity().toSeconds());
        data.put("masterValidityInSeconds", settings.masterTokenValidity().toSeconds());
        data.put("serverVersion", serverVersion);
        data.put("sessionId", session.id());
        data.put("healthCheckInterval", 45);
        data.put("parameters", V1Requests.SESSION_PARAMETERS);
        data.put("sessionInfo", sessionInfo);
        data.put("idToken", null);
        data.put("mfaToken", null);
        data.put("displayUserName", session.userName());
        return data;
    }

    private static Optional<String> text(JsonNode fields, String name) {
        JsonNode node = fields.get(name);
        return node == null || node.isNull() || !node.isValueNode() ? Optional.empty() : Optional.of(node.asText());
    }

}

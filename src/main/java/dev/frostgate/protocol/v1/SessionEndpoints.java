package dev.frostgate.protocol.v1;

import com.fasterxml.jackson.databind.JsonNode;
import dev.frostgate.auth.IssuedSession;
import dev.frostgate.auth.SessionManager;
import dev.frostgate.error.ErrorCode;
import dev.frostgate.error.FrostgateException;
import dev.frostgate.protocol.Endpoint;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Token renewal, logout, heartbeat and telemetry. */
public final class SessionEndpoints {
    private final SessionManager sessions;
    private final SessionAuthentication authentication;

    public SessionEndpoints(SessionManager sessions) {
        this.sessions = sessions;
        this.authentication = new SessionAuthentication(sessions);
    }

    /** {@code POST /session/token-request}: RENEW with the master token in the Authorization header. */
    public Endpoint tokenRequest() {
        return exchange -> {
            Optional<JsonNode> body = V1Requests.readJson(exchange);
            if (body.isEmpty()) {
                return;
            }
            JsonNode requestType = body.get().get("requestType");
            if (requestType != null && !requestType.asText().equalsIgnoreCase("RENEW")) {
                V1Responses.failure(exchange, ErrorCode.MALFORMED_REQUEST,
                        ErrorCode.MALFORMED_REQUEST.format("unsupported requestType"), null);
                return;
            }
            Optional<String> masterToken = SessionTokens.fromAuthorization(exchange.header("Authorization"));
            if (masterToken.isEmpty()) {
                V1Responses.failure(exchange, ErrorCode.MASTER_TOKEN_INVALID, ErrorCode.MASTER_TOKEN_INVALID.format(),
                        null);
                return;
            }
            try {
                IssuedSession renewed = sessions.renew(masterToken.get());
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("sessionToken", renewed.sessionToken());
                data.put("validityInSecondsST", sessions.settings().sessionTokenValidity().toSeconds());
                data.put("masterToken", renewed.masterToken());
                data.put("validityInSecondsMT", sessions.secondsUntilMasterExpiry(renewed.session()));
                data.put("sessionId", renewed.session().id());
                V1Responses.success(exchange, data);
            } catch (FrostgateException refused) {
                V1Responses.failure(exchange, refused.errorCode(), refused.getMessage(), null);
            }
        };
    }

    /**
     * {@code POST /session?delete=true}: logout. Idempotent: a session that has already ended (its
     * user dropped or disabled, or logged out before) answers success too, so clients close cleanly.
     */
    public Endpoint session() {
        return exchange -> {
            if (!exchange.queryParameter("delete").map(Boolean::parseBoolean).orElse(false)) {
                V1Responses.failure(exchange, ErrorCode.MALFORMED_REQUEST,
                        ErrorCode.MALFORMED_REQUEST.format("only delete=true is supported"), null);
                return;
            }
            SessionTokens.fromAuthorization(exchange.header("Authorization")).ifPresent(sessions::closeIfOpen);
            V1Responses.success(exchange, null);
        };
    }

    /** {@code POST /session/heartbeat}: keeps nothing alive here, but proves the token is still valid. */
    public Endpoint heartbeat() {
        return exchange -> {
            if (authentication.authenticate(exchange).isPresent()) {
                V1Responses.success(exchange, null);
            }
        };
    }

    /** {@code POST /telemetry/send}: client telemetry is acknowledged and dropped. */
    public Endpoint telemetry() {
        return exchange -> V1Responses.success(exchange, "Log Received");
    }

    /** {@code POST /queries/v1/abort-request}: statements here finish quickly; acknowledged. */
    public Endpoint abortRequest() {
        return exchange -> {
            if (authentication.authenticate(exchange).isPresent()) {
                V1Responses.success(exchange, null);
            }
        };
    }
}

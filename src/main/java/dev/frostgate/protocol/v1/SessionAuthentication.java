package dev.frostgate.protocol.v1;

import dev.frostgate.auth.Session;
import dev.frostgate.auth.SessionManager;
import dev.frostgate.error.ErrorCode;
import dev.frostgate.error.FrostgateException;
import dev.frostgate.protocol.Exchange;
import java.util.Optional;

/** Authenticates a v1 request by its session token, answering 390104 / 390112 itself when it cannot. */
final class SessionAuthentication {
    private final SessionManager sessions;

    SessionAuthentication(SessionManager sessions) {
        this.sessions = sessions;
    }

    Optional<Session> authenticate(Exchange exchange) {
        Optional<String> token = SessionTokens.fromAuthorization(exchange.header("Authorization"));
        if (token.isEmpty()) {
            V1Responses.failure(exchange, ErrorCode.SESSION_TOKEN_INVALID, ErrorCode.SESSION_TOKEN_INVALID.format(),
                    null);
            return Optional.empty();
        }
        try {
            return Optional.of(sessions.authenticate(token.get(), exchange.clientAddress()));
        } catch (FrostgateException refused) {
            V1Responses.failure(exchange, refused.errorCode(), refused.getMessage(), null);
            return Optional.empty();
        }
    }
}

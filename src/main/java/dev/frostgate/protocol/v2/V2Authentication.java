package dev.frostgate.protocol.v2;

import dev.frostgate.auth.BearerAuthentication;
import dev.frostgate.auth.ClientType;
import dev.frostgate.auth.LoginRequest;
import dev.frostgate.auth.Session;
import dev.frostgate.error.ErrorCode;
import dev.frostgate.error.FrostgateException;
import dev.frostgate.protocol.Exchange;
import java.util.Optional;

/**
 * Turns a SQL API request's bearer token into a session through the core's {@link BearerAuthentication};
 * refusals answer 401 with the core's code, or 403 when a network policy blocks the address.
 */
final class V2Authentication {
    static final String TOKEN_TYPE_HEADER = "X-Snowflake-Authorization-Token-Type";

    private final BearerAuthentication bearers;

    V2Authentication(BearerAuthentication bearers) {
        this.bearers = bearers;
    }

    /** Empty after an error answer. */
    Optional<Session> authenticate(Exchange exchange, String token, Optional<String> role) {
        LoginRequest.ClientInfo client = new LoginRequest.ClientInfo(exchange.clientAddress(),
                exchange.header("User-Agent"), Optional.empty(), Optional.of(ClientType.SQL_API));
        try {
            return Optional.of(bearers.authenticate(new BearerAuthentication.BearerRequest(token,
                    exchange.header(TOKEN_TYPE_HEADER), role, client)));
        } catch (FrostgateException refused) {
            V2Responses.refusal(exchange, refused);
            return Optional.empty();
        }
    }
}

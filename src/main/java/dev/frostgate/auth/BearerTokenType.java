package dev.frostgate.auth;

import dev.frostgate.crypto.PatSecretCodec;
import dev.frostgate.error.ErrorCode;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of bearer token the SQL API accepts ({@code X-Snowflake-Authorization-Token-Type}), the
 * login method each is verified as, and the error a token of that kind gets when it is invalid.
 */
public enum BearerTokenType {
    PROGRAMMATIC_ACCESS_TOKEN(AuthenticationMethod.PROGRAMMATIC_ACCESS_TOKEN, ErrorCode.PAT_INVALID),
    OAUTH(AuthenticationMethod.OAUTH_ACCESS_TOKEN, ErrorCode.OAUTH_ACCESS_TOKEN_INVALID),
    KEYPAIR_JWT(AuthenticationMethod.RSA_KEYPAIR, ErrorCode.JWT_TOKEN_INVALID);

    private final AuthenticationMethod method;
    private final ErrorCode invalidToken;

    BearerTokenType(AuthenticationMethod method, ErrorCode invalidToken) {
        this.method = method;
        this.invalidToken = invalidToken;
    }

    public AuthenticationMethod method() {
        return method;
    }

    public ErrorCode invalidToken() {
        return invalidToken;
    }

    /**
     * The declared type, or, when the header is absent, the type the token itself shows: an
     * {@code fgpat_} secret is a PAT (a damaged one is then an invalid PAT, 394400); anything else is taken for a key-pair JWT (the key-pair and OAuth
     * issue will tell a JWT's kind from its claims here). An unknown declared type is empty.
     */
    public static Optional<BearerTokenType> of(Optional<String> declared, String token) {
        if (declared.isEmpty() || declared.get().isBlank()) {
            return Optional.of(token.startsWith(PatSecretCodec.PREFIX) ? PROGRAMMATIC_ACCESS_TOKEN : KEYPAIR_JWT);
        }
        String name = declared.get().trim().toUpperCase(Locale.ROOT);
        for (BearerTokenType type : values()) {
            if (type.name().equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}

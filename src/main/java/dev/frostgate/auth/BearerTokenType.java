package dev.frostgate.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frostgate.crypto.PatSecretCodec;
import java.io.IOException;
import java.util.Base64;
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
     * {@code fgpat_} secret is a PAT (a damaged one is then an invalid PAT, 394400); a JWT whose issuer has the
     * key-pair shape {@code ACCOUNT.USER.SHA256:<fingerprint>} is a key-pair JWT, a JWT with any other issuer an
     * OAuth access token (its issuer names an integration); anything unreadable is taken for a key-pair JWT.
     * An unknown declared type is empty.
     */
    public static Optional<BearerTokenType> of(Optional<String> declared, String token) {
        if (declared.isEmpty() || declared.get().isBlank()) {
            if (token.startsWith(PatSecretCodec.PREFIX)) {
                return Optional.of(PROGRAMMATIC_ACCESS_TOKEN);
            }
            return Optional.of(unverifiedIssuer(token).filter(issuer -> !isKeyPairIssuer(issuer)).isPresent() ? OAUTH
                    : KEYPAIR_JWT);
        }
        String name = declared.get().trim().toUpperCase(Locale.ROOT);
        for (BearerTokenType type : values()) {
            if (type.name().equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAXIMUM_PAYLOAD_CHARACTERS = 16 * 1024;

    private static boolean isKeyPairIssuer(String issuer) {
        return issuer.toUpperCase(Locale.ROOT).matches("[^.]+\\.[^.]+\\.SHA256:.+");
    }

    /** The {@code iss} of a compact JWS, read without verifying anything (only to choose how to verify). */
    private static Optional<String> unverifiedIssuer(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || parts[1].length() > MAXIMUM_PAYLOAD_CHARACTERS) {
            return Optional.empty();
        }
        try {
            JsonNode issuer = JSON.readTree(Base64.getUrlDecoder().decode(parts[1])).path("iss");
            return issuer.isTextual() ? Optional.of(issuer.asText()) : Optional.empty();
        } catch (IOException | IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }
}

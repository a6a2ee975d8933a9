package dev.frostgate.auth;

import java.util.Locale;
import java.util.Optional;

/**
 * How a login proves who it is. The names are LOGIN_HISTORY's FIRST_AUTHENTICATION_FACTOR values;
 * the authenticator is what the drivers send in AUTHENTICATOR (absent means SNOWFLAKE, a password).
 */
public enum AuthenticationMethod {
    PASSWORD("SNOWFLAKE"),
    PROGRAMMATIC_ACCESS_TOKEN("PROGRAMMATIC_ACCESS_TOKEN"),
    OAUTH_ACCESS_TOKEN("OAUTH"),
    RSA_KEYPAIR("SNOWFLAKE_JWT"),
    SAML2_ASSERTION("EXTERNALBROWSER");

    private final String authenticator;

    AuthenticationMethod(String authenticator) {
        this.authenticator = authenticator;
    }

    public static Optional<AuthenticationMethod> fromAuthenticator(Optional<String> authenticator) {
        String name = authenticator.map(value -> value.trim().toUpperCase(Locale.ROOT)).orElse("SNOWFLAKE");
        for (AuthenticationMethod method : values()) {
            if (method.authenticator.equals(name)) {
                return Optional.of(method);
            }
        }
        return Optional.empty();
    }
}

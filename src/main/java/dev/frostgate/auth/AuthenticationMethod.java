package dev.frostgate.auth;

import java.util.Locale;
import java.util.Optional;

/**
 * How a login proves who it is. The names are LOGIN_HISTORY's FIRST_AUTHENTICATION_FACTOR values;
 * the authenticator is what the drivers send in AUTHENTICATOR (absent means SNOWFLAKE, a password).
 */
public enum AuthenticationMethod {
    PASSWORD("SNOWFLAKE", "PASSWORD"),
    PROGRAMMATIC_ACCESS_TOKEN("PROGRAMMATIC_ACCESS_TOKEN", "PROGRAMMATIC_ACCESS_TOKEN"),
    OAUTH_ACCESS_TOKEN("OAUTH", "OAUTH"),
    RSA_KEYPAIR("SNOWFLAKE_JWT", "KEYPAIR"),
    SAML2_ASSERTION("EXTERNALBROWSER", "SAML");

    private final String authenticator;
    private final String policyName;

    AuthenticationMethod(String authenticator, String policyName) {
        this.authenticator = authenticator;
        this.policyName = policyName;
    }

    /** The method's name in an authentication policy's AUTHENTICATION_METHODS. */
    public String policyName() {
        return policyName;
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

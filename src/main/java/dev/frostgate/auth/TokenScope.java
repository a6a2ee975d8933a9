package dev.frostgate.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.frostgate.catalog.ExternalOAuthIntegration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The session scopes of an External OAuth access token, read from EXTERNAL_OAUTH_SCOPE_MAPPING_ATTRIBUTE:
 * {@code scp} is a list, {@code scope} a string split at EXTERNAL_OAUTH_SCOPE_DELIMITER (and at spaces, the
 * OAuth 2.0 separator). {@code session:role:<r>} names a role (upper-cased, as Snowflake maps
 * {@code session:role:analyst} to ANALYST; the first one wins); {@code session:role-any} asks for any role.
 */
public record TokenScope(Optional<String> role, boolean anyRole) {
    private static final String ROLE_PREFIX = "session:role:";
    private static final String ANY_ROLE = "session:role-any";

    static TokenScope of(JWTClaimsSet claims, ExternalOAuthIntegration integration) {
        Optional<String> role = Optional.empty();
        boolean anyRole = false;
        for (String scope : scopes(claims.getClaim(integration.scopeMappingAttribute()),
                integration.scopeDelimiter())) {
            String lower = scope.toLowerCase(Locale.ROOT);
            if (lower.equals(ANY_ROLE)) {
                anyRole = true;
            } else if (role.isEmpty() && lower.startsWith(ROLE_PREFIX) && scope.length() > ROLE_PREFIX.length()) {
                role = Optional.of(scope.substring(ROLE_PREFIX.length()).toUpperCase(Locale.ROOT));
            }
        }
        return new TokenScope(role, anyRole);
    }

    private static List<String> scopes(Object value, String delimiter) {
        List<String> scopes = new ArrayList<>();
        List<?> items = value instanceof List<?> list ? list : value == null ? List.of() : List.of(value);
        for (Object item : items) {
            if (item instanceof String text) {
                for (String scope : text.replace(delimiter, " ").split("\\s+")) {
                    if (!scope.isBlank()) {
                        scopes.add(scope.trim());
                    }
                }
            }
        }
        return scopes;
    }
}

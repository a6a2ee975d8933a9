package dev.frostgate.catalog;

import static dev.frostgate.catalog.ExternalOAuthIntegrationType.ALLOWED_ROLES;
import static dev.frostgate.catalog.ExternalOAuthIntegrationType.ANY_ROLE_MODE;
import static dev.frostgate.catalog.ExternalOAuthIntegrationType.AUDIENCES;
import static dev.frostgate.catalog.ExternalOAuthIntegrationType.BLOCKED_ROLES;
import static dev.frostgate.catalog.ExternalOAuthIntegrationType.ISSUER;
import static dev.frostgate.catalog.ExternalOAuthIntegrationType.JWS_KEYS_URL;
import static dev.frostgate.catalog.ExternalOAuthIntegrationType.NETWORK_POLICY;
import static dev.frostgate.catalog.ExternalOAuthIntegrationType.PROVIDER;
import static dev.frostgate.catalog.ExternalOAuthIntegrationType.RSA_PUBLIC_KEY;
import static dev.frostgate.catalog.ExternalOAuthIntegrationType.RSA_PUBLIC_KEY_2;
import static dev.frostgate.catalog.ExternalOAuthIntegrationType.SCOPE_DELIMITER;
import static dev.frostgate.catalog.ExternalOAuthIntegrationType.SCOPE_MAPPING_ATTRIBUTE;
import static dev.frostgate.catalog.ExternalOAuthIntegrationType.USER_MAPPING_ATTRIBUTE;
import static dev.frostgate.catalog.ExternalOAuthIntegrationType.USER_MAPPING_CLAIM;

import dev.frostgate.catalog.property.PropertyDeclaration;
import dev.frostgate.crypto.RsaPublicKey;
import java.net.URI;
import java.security.interfaces.RSAPublicKey;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * An External OAuth integration as the login stage reads it: every parameter resolved (defaults
 * applied), keys parsed, and the blocked roles as they apply.
 *
 * @param provider              EXTERNAL_OAUTH_TYPE: OKTA, AZURE, PING_FEDERATE or CUSTOM
 * @param userMappingClaims     the token claims tried in order to find the user
 * @param userMappingAttribute  LOGIN_NAME or EMAIL_ADDRESS
 * @param rsaPublicKeys         EXTERNAL_OAUTH_RSA_PUBLIC_KEY then _2 (empty when JWKS URLs are used)
 * @param blockedRoles          the declared list plus ACCOUNTADMIN, ORGADMIN and SECURITYADMIN while the account
 *                              parameter EXTERNAL_OAUTH_ADD_PRIVILEGED_ROLES_TO_BLOCKED_LIST is TRUE
 * @param allowedRoles          empty: no allow-list
 * @param audiences             accepted besides the account URL
 * @param anyRoleMode           DISABLE, ENABLE or ENABLE_FOR_PRIVILEGE
 * @param scopeMappingAttribute {@code scp} (a list) or {@code scope} (a delimited string)
 */
public record ExternalOAuthIntegration(String name, boolean enabled, String provider, String issuer,
                                       List<String> userMappingClaims, String userMappingAttribute,
                                       List<URI> jwsKeysUrls, List<RSAPublicKey> rsaPublicKeys,
                                       Set<String> blockedRoles, Set<String> allowedRoles, List<String> audiences,
                                       String anyRoleMode, String scopeDelimiter, String scopeMappingAttribute,
                                       Optional<String> networkPolicy) {
    /** Roles External OAuth blocks unless the account parameter says otherwise. */
    public static final Set<String> PRIVILEGED_ROLES = Set.of("ACCOUNTADMIN", "ORGADMIN", "SECURITYADMIN");

    static ExternalOAuthIntegration from(SecurityIntegration integration, boolean addPrivilegedRoles) {
        Set<String> blocked = new LinkedHashSet<>(integration.value(BLOCKED_ROLES));
        if (addPrivilegedRoles) {
            blocked.addAll(PRIVILEGED_ROLES);
        }
        List<RSAPublicKey> keys = Stream.of(RSA_PUBLIC_KEY, RSA_PUBLIC_KEY_2).flatMap(key -> integration.value(key)
                .stream()).map(text -> RsaPublicKey.stored(text).key()).toList();
        return new ExternalOAuthIntegration(integration.name(), integration.enabled(), first(integration, PROVIDER),
                first(integration, ISSUER), integration.value(USER_MAPPING_CLAIM),
                first(integration, USER_MAPPING_ATTRIBUTE),
                integration.value(JWS_KEYS_URL).stream().map(URI::create).toList(), keys, Set.copyOf(blocked),
                Set.copyOf(integration.value(ALLOWED_ROLES)), integration.value(AUDIENCES),
                first(integration, ANY_ROLE_MODE), first(integration, SCOPE_DELIMITER),
                first(integration, SCOPE_MAPPING_ATTRIBUTE), integration.value(NETWORK_POLICY).stream().findFirst());
    }

    private static String first(SecurityIntegration integration, PropertyDeclaration parameter) {
        return integration.value(parameter).get(0);
    }
}

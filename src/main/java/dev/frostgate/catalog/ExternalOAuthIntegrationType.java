package dev.frostgate.catalog;

import static dev.frostgate.catalog.property.PropertyDeclaration.choice;
import static dev.frostgate.catalog.property.PropertyDeclaration.roleList;
import static dev.frostgate.catalog.property.PropertyDeclaration.rsaPublicKey;
import static dev.frostgate.catalog.property.PropertyDeclaration.textList;
import static dev.frostgate.catalog.property.PropertyDeclaration.urls;

import dev.frostgate.catalog.property.InvalidPropertyException;
import dev.frostgate.catalog.property.PropertyDeclaration;
import dev.frostgate.catalog.property.PropertyFailure;
import dev.frostgate.catalog.property.PropertyValues;
import dev.frostgate.policy.HostAllowList;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/** {@code TYPE = EXTERNAL_OAUTH}: Snowflake's External OAuth parameters (reference §5.1). */
public final class ExternalOAuthIntegrationType implements IntegrationType {
    public static final String NAME = "EXTERNAL_OAUTH";

    static final PropertyDeclaration PROVIDER =
            choice("EXTERNAL_OAUTH_TYPE", "OKTA", "AZURE", "PING_FEDERATE", "CUSTOM").asRequired();
    static final PropertyDeclaration ISSUER = PropertyDeclaration.text("EXTERNAL_OAUTH_ISSUER").asRequired();
    static final PropertyDeclaration USER_MAPPING_CLAIM =
            textList("EXTERNAL_OAUTH_TOKEN_USER_MAPPING_CLAIM").asRequired();
    static final PropertyDeclaration USER_MAPPING_ATTRIBUTE =
            choice("EXTERNAL_OAUTH_SNOWFLAKE_USER_MAPPING_ATTRIBUTE", "LOGIN_NAME", "EMAIL_ADDRESS").asRequired();
    static final PropertyDeclaration JWS_KEYS_URL = urls("EXTERNAL_OAUTH_JWS_KEYS_URL");
    static final PropertyDeclaration RSA_PUBLIC_KEY = rsaPublicKey("EXTERNAL_OAUTH_RSA_PUBLIC_KEY");
    static final PropertyDeclaration RSA_PUBLIC_KEY_2 = rsaPublicKey("EXTERNAL_OAUTH_RSA_PUBLIC_KEY_2");
    static final PropertyDeclaration BLOCKED_ROLES = roleList("EXTERNAL_OAUTH_BLOCKED_ROLES_LIST");
    static final PropertyDeclaration ALLOWED_ROLES = roleList("EXTERNAL_OAUTH_ALLOWED_ROLES_LIST");
    static final PropertyDeclaration AUDIENCES = textList("EXTERNAL_OAUTH_AUDIENCE_LIST");
    static final PropertyDeclaration ANY_ROLE_MODE =
            choice("EXTERNAL_OAUTH_ANY_ROLE_MODE", "DISABLE", "ENABLE", "ENABLE_FOR_PRIVILEGE");
    static final PropertyDeclaration SCOPE_DELIMITER = PropertyDeclaration.character("EXTERNAL_OAUTH_SCOPE_DELIMITER",
            ",");
    static final PropertyDeclaration SCOPE_MAPPING_ATTRIBUTE =
            choice("EXTERNAL_OAUTH_SCOPE_MAPPING_ATTRIBUTE", "scp", "scope");
    static final PropertyDeclaration NETWORK_POLICY = PropertyDeclaration.networkPolicy("NETWORK_POLICY");

    private static final List<PropertyDeclaration> PARAMETERS = List.of(PROVIDER, ISSUER, USER_MAPPING_CLAIM,
            USER_MAPPING_ATTRIBUTE, JWS_KEYS_URL, RSA_PUBLIC_KEY, RSA_PUBLIC_KEY_2, BLOCKED_ROLES, ALLOWED_ROLES,
            AUDIENCES, ANY_ROLE_MODE, SCOPE_DELIMITER, SCOPE_MAPPING_ATTRIBUTE, NETWORK_POLICY);

    private final HostAllowList jwksHosts;

    public ExternalOAuthIntegrationType(HostAllowList jwksHosts) {
        this.jwksHosts = jwksHosts;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<PropertyDeclaration> parameters() {
        return PARAMETERS;
    }

    @Override
    public String showType(SecurityIntegration integration) {
        return NAME + " - " + integration.value(PROVIDER).get(0);
    }

    @Override
    public Optional<String> authenticationMethod() {
        return Optional.of("OAUTH");
    }

    /**
     * Keys come from a JWKS URL or from the integration's own RSA keys, never both; roles are either
     * allowed or blocked by list, not both.
     */
    @Override
    public void checkConsistency(SecurityIntegration integration) {
        if (integration.isSet(JWS_KEYS_URL.name())
                && (integration.isSet(RSA_PUBLIC_KEY.name()) || integration.isSet(RSA_PUBLIC_KEY_2.name()))) {
            throw new InvalidPropertyException(new PropertyFailure.MutuallyExclusive(JWS_KEYS_URL.name(),
                    RSA_PUBLIC_KEY.name(),
                            Optional.of("token signatures are verified with the keys of one or the other")));
        }
        if (integration.isSet(BLOCKED_ROLES.name()) && integration.isSet(ALLOWED_ROLES.name())) {
            throw new InvalidPropertyException(new PropertyFailure.MutuallyExclusive(BLOCKED_ROLES.name(),
                    ALLOWED_ROLES.name(), Optional.empty()));
        }
    }

    /**
     * A new integration needs a source of keys; the second key is only the rotation partner of the first.
     * ALTER may unset the URL before setting a key (or the reverse): until then tokens cannot be verified.
     */
    @Override
    public void checkCreated(SecurityIntegration integration) {
        boolean secondKey = integration.isSet(RSA_PUBLIC_KEY_2.name());
        if (!integration.isSet(JWS_KEYS_URL.name()) && !integration.isSet(RSA_PUBLIC_KEY.name())) {
            throw new InvalidPropertyException(new PropertyFailure.OneRequired(
                    List.of(JWS_KEYS_URL.name(), RSA_PUBLIC_KEY.name()), secondKey
                            ? Optional.of(new PropertyFailure.Needs(RSA_PUBLIC_KEY_2.name(), RSA_PUBLIC_KEY.name()))
                            : Optional.empty()));
        }
    }

    /**
     * A keys URL must name a host the server may fetch from: refused when written rather than failing every login.
     * URLs stored before the allow-list was narrowed stay (logins through them fail until they are changed).
     */
    @Override
    public void checkWritten(PropertyDeclaration parameter, List<String> value) {
        if (!parameter.name().equals(JWS_KEYS_URL.name())) {
            return;
        }
        for (String url : value) {
            if (!jwksHosts.allows(URI.create(url))) {
                throw PropertyValues.invalid(parameter.name(), url,
                        "its host is not among the hosts this server may fetch keys from (--jwks-allowed-hosts "
                                + jwksHosts + ")");
            }
        }
    }
}

package dev.frostgate.catalog;

import dev.frostgate.catalog.property.PropertyValues;
import dev.frostgate.error.ErrorCode;
import dev.frostgate.error.FrostgateException;
import dev.frostgate.policy.HostAllowList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The integration types this server implements; a new type is one more entry here. */
public final class IntegrationTypes {
    /** Snowflake's other security-integration types: refused as not yet supported rather than unknown. */
    private static final Set<String> NOT_YET = Set.of("OAUTH", "SAML2", "SCIM", "API_AUTHENTICATION");

    private final List<IntegrationType> types;

    public IntegrationTypes(List<IntegrationType> types) {
        this.types = List.copyOf(types);
    }

    /** {@code jwksHosts}: the hosts External OAuth's JWKS URLs may name (--jwks-allowed-hosts). */
    public static IntegrationTypes builtIn(HostAllowList jwksHosts) {
        return new IntegrationTypes(List.of(new ExternalOAuthIntegrationType(jwksHosts)));
    }

    public Optional<IntegrationType> find(String name) {
        return types.stream().filter(type -> type.name().equals(name)).findFirst();
    }

    /** The type a CREATE names: 000002 for a known Snowflake type not implemented yet, else 002211. */
    IntegrationType require(String written) {
        String name = written.toUpperCase(Locale.ROOT);
        return find(name).orElseThrow(() -> NOT_YET.contains(name)
                ? new FrostgateException(ErrorCode.UNSUPPORTED_FEATURE, "TYPE = " + name)
                : PropertyValues.invalid("TYPE", written, "allowed values are " + String.join(", ",
                        types.stream().map(IntegrationType::name).toList())));
    }

    /** The stored type of an integration; a type dropped from the server is an internal error. */
    IntegrationType of(SecurityIntegration integration) {
        return find(integration.type()).orElseThrow(() -> new IllegalStateException("integration "
                + integration.name() + " has unknown type " + integration.type()));
    }
}

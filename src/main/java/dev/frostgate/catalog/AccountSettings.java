package dev.frostgate.catalog;

import dev.frostgate.catalog.property.PropertyDeclaration;
import dev.frostgate.catalog.property.PropertyModel;
import dev.frostgate.catalog.property.PropertySetting;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * ALTER ACCOUNT SET / UNSET of the account parameters Frostgate keeps: NETWORK_POLICY (the account's
 * network policy) and EXTERNAL_OAUTH_ADD_PRIVILEGED_ROLES_TO_BLOCKED_LIST. Each goes to the catalog
 * that owns it, with its privilege checks.
 */
public final class AccountSettings {
    private static final String NETWORK_POLICY = "NETWORK_POLICY";
    private static final PropertyModel PARAMETERS = PropertyModel.of("ACCOUNT",
            PropertyDeclaration.name(NETWORK_POLICY),
            PropertyDeclaration.bool(SecurityIntegrations.ADD_PRIVILEGED_ROLES_PARAMETER, true));

    private final NetworkPolicyCatalog networkPolicies;
    private final SecurityIntegrationCatalog integrations;

    public AccountSettings(NetworkPolicyCatalog networkPolicies, SecurityIntegrationCatalog integrations) {
        this.networkPolicies = networkPolicies;
        this.integrations = integrations;
    }

    public void set(Actor actor, List<PropertySetting> parameters) {
        for (PropertyModel.Read parameter : PARAMETERS.read(parameters)) {
            if (parameter.name().equals(NETWORK_POLICY)) {
                networkPolicies.attachToAccount(actor, parameter.value().toUpperCase(Locale.ROOT));
            } else {
                integrations.setAddPrivilegedRolesToBlockedList(actor,
                        Optional.of(Boolean.parseBoolean(parameter.value())));
            }
        }
    }

    public void unset(Actor actor, List<String> parameterNames) {
        for (PropertyDeclaration parameter : PARAMETERS.unset(parameterNames)) {
            if (parameter.name().equals(NETWORK_POLICY)) {
                networkPolicies.detachFromAccount(actor);
            } else {
                integrations.setAddPrivilegedRolesToBlockedList(actor, Optional.empty());
            }
        }
    }
}

package dev.frostgate.catalog;

import dev.frostgate.catalog.property.PropertySetting;
import dev.frostgate.catalog.property.PropertyValues;
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
    private static final String OBJECT = "ACCOUNT";

    private final NetworkPolicyCatalog networkPolicies;
    private final SecurityIntegrationCatalog integrations;

    public AccountSettings(NetworkPolicyCatalog networkPolicies, SecurityIntegrationCatalog integrations) {
        this.networkPolicies = networkPolicies;
        this.integrations = integrations;
    }

    public void set(Actor actor, List<PropertySetting> parameters) {
        for (PropertySetting parameter : parameters) {
            if (parameter.name().equals(SecurityIntegrations.ADD_PRIVILEGED_ROLES_PARAMETER)) {
                integrations.setAddPrivilegedRolesToBlockedList(actor,
                        Optional.of(PropertyValues.bool(parameter.name(), parameter.value())));
            } else if (parameter.name().equals(NETWORK_POLICY)) {
                networkPolicies.attachToAccount(actor,
                        PropertyValues.text(parameter.name(), parameter.value()).toUpperCase(Locale.ROOT));
            } else {
                throw PropertyValues.unknown(parameter.name(), OBJECT);
            }
        }
    }

    public void unset(Actor actor, List<String> parameterNames) {
        for (String parameter : parameterNames) {
            if (parameter.equals(SecurityIntegrations.ADD_PRIVILEGED_ROLES_PARAMETER)) {
                integrations.setAddPrivilegedRolesToBlockedList(actor, Optional.empty());
            } else if (parameter.equals(NETWORK_POLICY)) {
                networkPolicies.detachFromAccount(actor);
            } else {
                throw PropertyValues.unknown(parameter, OBJECT);
            }
        }
    }
}

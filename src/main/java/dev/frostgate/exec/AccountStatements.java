package dev.frostgate.exec;

import dev.frostgate.catalog.NetworkPolicyCatalog;
import dev.frostgate.catalog.PropertyValues;
import dev.frostgate.catalog.SecurityIntegrationCatalog;
import dev.frostgate.catalog.SecurityIntegrations;
import dev.frostgate.error.ErrorCode;
import dev.frostgate.error.FrostgateException;
import dev.frostgate.sql.Property;
import dev.frostgate.sql.Statement;

/**
 * ALTER ACCOUNT SET / UNSET of account parameters: NETWORK_POLICY and
 * EXTERNAL_OAUTH_ADD_PRIVILEGED_ROLES_TO_BLOCKED_LIST.
 */
final class AccountStatements {
    private final NetworkPolicyCatalog networkPolicies;
    private final SecurityIntegrationCatalog integrations;

    AccountStatements(NetworkPolicyCatalog networkPolicies, SecurityIntegrationCatalog integrations) {
        this.networkPolicies = networkPolicies;
        this.integrations = integrations;
    }

    ResultTable set(SessionContext context, Statement.AlterAccountSet set) {
        for (Property parameter : set.parameters()) {
            if (parameter.name().equals(SecurityIntegrations.ADD_PRIVILEGED_ROLES_PARAMETER)) {
                integrations.setAddPrivilegedRolesToBlockedList(context.actor(),
                        java.util.Optional.of(PropertyValues.bool(parameter.name(), parameter.value())));
                continue;
            }
            if (!parameter.name().equals("NETWORK_POLICY")) {
                throw new FrostgateException(ErrorCode.INVALID_PROPERTY, parameter.name(), "ACCOUNT");
            }
            networkPolicies.attachToAccount(context.actor(),
                    PropertyValues.text(parameter.name(), parameter.value()).toUpperCase(java.util.Locale.ROOT));
        }
        return ResultTable.success();
    }

    ResultTable unset(SessionContext context, Statement.AlterAccountUnset unset) {
        for (String parameter : unset.parameterNames()) {
            if (parameter.equals(SecurityIntegrations.ADD_PRIVILEGED_ROLES_PARAMETER)) {
                integrations.setAddPrivilegedRolesToBlockedList(context.actor(), java.util.Optional.empty());
                continue;
            }
            if (!parameter.equals("NETWORK_POLICY")) {
                throw new FrostgateException(ErrorCode.INVALID_PROPERTY, parameter, "ACCOUNT");
            }
            networkPolicies.detachFromAccount(context.actor());
        }
        return ResultTable.success();
    }
}

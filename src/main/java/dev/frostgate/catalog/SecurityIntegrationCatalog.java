package dev.frostgate.catalog;

import dev.frostgate.catalog.property.ObjectName;
import dev.frostgate.catalog.property.PropertyDeclaration;
import dev.frostgate.catalog.property.PropertySetting;
import dev.frostgate.catalog.property.PropertyValues;
import dev.frostgate.change.Change;
import dev.frostgate.change.ChangeFeed;
import dev.frostgate.error.ErrorCode;
import dev.frostgate.error.FrostgateException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Security integrations of every type: CREATE (CREATE INTEGRATION on the account; the creating role
 * owns it), ALTER / DROP (OWNERSHIP), DESCRIBE and SHOW (any privilege on it), ownership transfer, and
 * the account parameter EXTERNAL_OAUTH_ADD_PRIVILEGED_ROLES_TO_BLOCKED_LIST. What a type's parameters
 * are is its {@link IntegrationType}'s business.
 */
public final class SecurityIntegrationCatalog {
    private final SecurityIntegrationRepository repository;
    private final IntegrationTypes types;
    private final AuthenticationPolicyRepository authenticationPolicies;
    private final AccountParameterRepository accountParameters;
    private final ChangeFeed changes;
    private final Transactions transactions;
    private final AccessControl accessControl;
    private final RoleRepository roles;
    private final SecurityIntegrationEditor editor;
    private final Clock clock;
    private final String accountName;
    private final Lifecycle kind = new Lifecycle();
    private final ObjectLifecycle<SecurityIntegration> lifecycle;

    public SecurityIntegrationCatalog(SecurityIntegrationRepository repository, IntegrationTypes types,
                                      NetworkPolicyRepository networkPolicies,
                                      AuthenticationPolicyRepository authenticationPolicies,
                                      AccountParameterRepository accountParameters, ChangeFeed changes,
                                      Transactions transactions, AccessControl accessControl, RoleRepository roles,
                                      Clock clock, String accountName) {
        this.repository = repository;
        this.transactions = transactions;
        this.types = types;
        this.authenticationPolicies = authenticationPolicies;
        this.accountParameters = accountParameters;
        this.changes = changes;
        this.accessControl = accessControl;
        this.roles = roles;
        this.editor = new SecurityIntegrationEditor(name -> networkPolicies.findPolicy(name).isPresent());
        this.clock = clock;
        this.accountName = accountName;
        this.lifecycle = new ObjectLifecycle<>(kind, accessControl::requireOwnership, transactions);
    }

    /** ALTER, GRANT OWNERSHIP and DROP of integrations: the shared object lifecycle (CREATE: {@link #create}). */
    public ObjectLifecycle<SecurityIntegration> objects() {
        return lifecycle;
    }

    /**
     * CREATE [OR REPLACE] SECURITY INTEGRATION [IF NOT EXISTS]: false when IF NOT EXISTS found one. The statement
     * is validated before the name is looked at, so a bad statement is reported even for an existing name (and
     * under IF NOT EXISTS); then the lifecycle creates it, in the same unit of work.
     */
    public boolean create(Actor actor, ObjectName name, List<PropertySetting> properties, boolean orReplace,
                          boolean ifNotExists) {
        return transactions.inTransaction(() -> {
            kind.requireMayCreate(actor, name);
            kind.created(actor, name, properties);
            return lifecycle.create(actor, name, properties, orReplace, ifNotExists);
        });
    }

    /**
     * Grants on an integration go with it (OR REPLACE included, as Snowflake does without COPY GRANTS), so a
     * later integration of the same name does not inherit USE_ANY_ROLE or USAGE.
     */
    private void forgetGrants(String name) {
        roles.privilegeGrantsOn(ObjectKind.INTEGRATION, name)
                .forEach(grant -> roles.deletePrivilegeGrant(grant.privilege(), ObjectKind.INTEGRATION, name,
                        grant.role()));
        changes.publish(new Change.GrantsChanged());
    }

    /** DROP is refused (003554) while an authentication policy names the integration. */
    private void requireUnused(String name) {
        authenticationPolicies.list().stream().filter(policy -> policy.securityIntegrations().contains(name))
                .findFirst().ifPresent(policy -> {
                    throw new FrostgateException(ErrorCode.OBJECT_IN_USE, "Integration '" + name + "' cannot be "
                            + "dropped because authentication policy '" + policy.name() + "' uses it.");
                });
    }

    /** DESCRIBE: the owner or a role with any privilege on it; others are told it does not exist. */
    public SecurityIntegration describe(Actor actor, String name) {
        return repository.find(name).filter(integration -> visible(accessControl.authorization(actor), integration))
                .orElseThrow(() -> notFound(name));
    }

    /** SHOW: the integrations the actor's roles own or hold a privilege on (all with MANAGE GRANTS). */
    public List<SecurityIntegration> list(Actor actor) {
        Authorization authorization = accessControl.authorization(actor);
        return repository.list().stream().filter(integration -> visible(authorization, integration)).toList();
    }

    /** For NetworkPolicyCatalog: the integration that names a network policy, described, if there is one. */
    public Optional<String> integrationUsingNetworkPolicy(String policyName) {
        return repository.list().stream().filter(integration -> types.of(integration).parameters().stream()
                        .filter(parameter -> parameter.kind() == PropertyDeclaration.Kind.NETWORK_POLICY)
                        .anyMatch(parameter -> integration.value(parameter).contains(policyName)))
                .findFirst().map(integration -> "integration '" + integration.name() + "'");
    }

    /** The AUTHENTICATION_METHODS entry a policy naming this integration needs; empty if there is none. */
    public Optional<String> authenticationMethodOf(String name) {
        return repository.find(name).flatMap(integration -> types.of(integration).authenticationMethod());
    }

    public IntegrationType typeOf(SecurityIntegration integration) {
        return types.of(integration);
    }

    public SecurityIntegration requireExisting(String name) {
        return repository.find(name).orElseThrow(() -> notFound(name));
    }

    /** For grants on an integration (002003 if there is none): whether the actor's roles own it. */
    public boolean isOwnedBy(Actor actor, String name) {
        return accessControl.owns(actor, requireExisting(name).owner());
    }

    /** ALTER ACCOUNT SET EXTERNAL_OAUTH_ADD_PRIVILEGED_ROLES_TO_BLOCKED_LIST: ACCOUNTADMIN only, as in Snowflake. */
    public void setAddPrivilegedRolesToBlockedList(Actor actor, Optional<Boolean> value) {
        if (!accessControl.activeRoles(actor).contains(SystemRoles.ACCOUNTADMIN)) {
            throw AccessControl.insufficient("account", accountName);
        }
        String parameter = SecurityIntegrations.ADD_PRIVILEGED_ROLES_PARAMETER;
        value.ifPresentOrElse(add -> accountParameters.set(parameter, Boolean.toString(add)),
                () -> accountParameters.unset(parameter));
        changes.publish(new Change.AccountParameterChanged(parameter));
    }

    private static boolean visible(Authorization authorization, SecurityIntegration integration) {
        return authorization.mayChange(integration.owner()) || ObjectKind.INTEGRATION.privileges().stream()
                .anyMatch(privilege -> authorization.holds(privilege, ObjectKind.INTEGRATION, integration.name()));
    }

    private FrostgateException notFound(String name) {
        return lifecycle.notFound(name);
    }

    /** Security integrations as an {@link ObjectLifecycle} kind. */
    private final class Lifecycle implements ObjectLifecycle.Kind<SecurityIntegration> {
        @Override
        public String displayName() {
            return "Integration";
        }

        @Override
        public Optional<SecurityIntegration> find(String name) {
            return repository.find(name);
        }

        @Override
        public String nameOf(SecurityIntegration integration) {
            return integration.name();
        }

        @Override
        public Optional<String> ownerOf(SecurityIntegration integration) {
            return integration.owner();
        }

        @Override
        public void requireMayCreate(Actor actor, ObjectName name) {
            accessControl.requireOnAccount(actor, Privilege.CREATE_INTEGRATION, accountName);
        }

        /** The TYPE setting picks the type, and so the properties the rest may name. */
        @Override
        public SecurityIntegration created(Actor actor, ObjectName name, List<PropertySetting> properties) {
            PropertySetting typeProperty = properties.stream()
                    .filter(property -> property.name().equals(SecurityIntegrationEditor.TYPE)).findFirst()
                    .orElseThrow(() -> SecurityIntegrationEditor.missing(SecurityIntegrationEditor.TYPE));
            IntegrationType type = types.require(PropertyValues.text(typeProperty.name(), typeProperty.value()));
            return editor.create(type, new SecurityIntegration(name.name(), type.name(), true, Optional.empty(),
                    Optional.of(actor.primaryRole()), clock.instant(), Map.of()), properties);
        }

        @Override
        public SecurityIntegration set(SecurityIntegration integration, List<PropertySetting> properties) {
            return editor.set(types.of(integration), integration, properties);
        }

        @Override
        public SecurityIntegration unset(SecurityIntegration integration, List<String> propertyNames) {
            return editor.unset(types.of(integration), integration, propertyNames);
        }

        /** Snowflake has no RENAME for security integrations, and neither does the door. */
        @Override
        public SecurityIntegration renamed(SecurityIntegration integration, String newName) {
            throw new FrostgateException(ErrorCode.UNSUPPORTED_FEATURE, "ALTER SECURITY INTEGRATION RENAME");
        }

        @Override
        public SecurityIntegration ownedBy(SecurityIntegration integration, String role) {
            return integration.withOwner(role);
        }

        @Override
        public void insert(SecurityIntegration integration) {
            repository.save(integration);
        }

        @Override
        public void update(SecurityIntegration before, SecurityIntegration after) {
            repository.save(after);
        }

        /** The integration and the grants on it, in the command's unit of work. */
        @Override
        public void delete(SecurityIntegration integration) {
            repository.delete(integration.name());
            forgetGrants(integration.name());
        }

        /**
         * Only DROP is guarded: a replacement keeps the name the authentication policies use, so they still name
         * an integration (as before the lifecycle).
         */
        @Override
        public void requireRemovable(Actor actor, SecurityIntegration integration, ObjectLifecycle.Removal removal) {
            if (removal == ObjectLifecycle.Removal.DROPPED) {
                requireUnused(integration.name());
            }
        }

        @Override
        public void changed(SecurityIntegration integration) {
            changes.publish(new Change.IntegrationsChanged());
        }
    }
}

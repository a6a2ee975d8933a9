package dev.frostgate.catalog;

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
    private static final String KIND = "integration";

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
    }

    /** CREATE [OR REPLACE] SECURITY INTEGRATION [IF NOT EXISTS]: false when IF NOT EXISTS found one. */
    public boolean create(Actor actor, String name, List<PropertySetting> properties, boolean orReplace,
            boolean ifNotExists) {
        return transactions.inTransaction(() -> createInTransaction(actor, name, properties, orReplace, ifNotExists));
    }

    private boolean createInTransaction(Actor actor, String name, List<PropertySetting> properties, boolean orReplace,
                                        boolean ifNotExists) {
        accessControl.requireOnAccount(actor, Privilege.CREATE_INTEGRATION, accountName);
        PropertySetting typeProperty = properties.stream()
                .filter(property -> property.name().equals(SecurityIntegrationEditor.TYPE)).findFirst()
                .orElseThrow(() -> SecurityIntegrationEditor.missing(SecurityIntegrationEditor.TYPE));
        IntegrationType type = types.require(PropertyValues.text(typeProperty.name(), typeProperty.value()));
        // Validated before the name is looked at, so a bad statement is reported even for an existing name.
        SecurityIntegration fresh = editor.create(type, new SecurityIntegration(name, type.name(), true,
                Optional.empty(), Optional.of(actor.primaryRole()), clock.instant(), Map.of()), properties);
        Optional<SecurityIntegration> existing = repository.find(name);
        if (!Existence.mayCreate(existing, orReplace, ifNotExists, name)) {
            return false;
        }
        existing.ifPresent(found -> requireOwnership(actor, found));
        repository.save(fresh);
        existing.ifPresent(replaced -> forgetGrants(name));
        changes.publish(new Change.IntegrationsChanged());
        return true;
    }

    public void alterSet(Actor actor, String name, List<PropertySetting> properties, boolean ifExists) {
        findForChange(actor, name, ifExists).ifPresent(integration ->
                save(editor.set(types.of(integration), integration, properties)));
    }

    public void alterUnset(Actor actor, String name, List<String> parameterNames, boolean ifExists) {
        findForChange(actor, name, ifExists).ifPresent(integration ->
                save(editor.unset(types.of(integration), integration, parameterNames)));
    }

    /**
     * DROP; refused (003554) while an authentication policy names the integration. The integration and the
     * grants on it go in one unit of work.
     */
    public boolean drop(Actor actor, String name, boolean ifExists) {
        return transactions.inTransaction(() -> dropInTransaction(actor, name, ifExists));
    }

    private boolean dropInTransaction(Actor actor, String name, boolean ifExists) {
        Optional<SecurityIntegration> found = findForChange(actor, name, ifExists);
        if (found.isEmpty()) {
            return false;
        }
        authenticationPolicies.list().stream().filter(policy -> policy.securityIntegrations().contains(name))
                .findFirst().ifPresent(policy -> {
                    throw new FrostgateException(ErrorCode.OBJECT_IN_USE, "Integration '" + name + "' cannot be "
                            + "dropped because authentication policy '" + policy.name() + "' uses it.");
                });
        boolean dropped = repository.delete(name);
        forgetGrants(name);
        changes.publish(new Change.IntegrationsChanged());
        return dropped;
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

    /** GRANT OWNERSHIP ON INTEGRATION: the owner (or MANAGE GRANTS) hands it to an existing role. */
    public void transfer(Actor actor, String name, String newOwner) {
        findForChange(actor, name, false).ifPresent(integration -> save(integration.withOwner(newOwner)));
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

    private void save(SecurityIntegration integration) {
        repository.save(integration);
        changes.publish(new Change.IntegrationsChanged());
    }

    private Optional<SecurityIntegration> findForChange(Actor actor, String name, boolean ifExists) {
        return Existence.forChange(repository.find(name), ifExists, () -> notFound(name),
                integration -> requireOwnership(actor, integration));
    }

    private void requireOwnership(Actor actor, SecurityIntegration integration) {
        accessControl.requireOwnership(actor, integration.owner(), KIND, integration.name());
    }

    static FrostgateException notFound(String name) {
        return new FrostgateException(ErrorCode.OBJECT_DOES_NOT_EXIST, "Integration", name);
    }
}

package dev.frostgate.catalog;

import dev.frostgate.catalog.property.InvalidPropertyException;
import dev.frostgate.catalog.property.ObjectName;
import dev.frostgate.catalog.property.PropertyDeclaration;
import dev.frostgate.catalog.property.PropertyFailure;
import dev.frostgate.catalog.property.PropertyModel;
import dev.frostgate.catalog.property.PropertySetting;
import dev.frostgate.catalog.property.PropertyValue;
import dev.frostgate.catalog.property.PropertyValues;
import dev.frostgate.change.Change;
import dev.frostgate.change.ChangeFeed;
import dev.frostgate.error.ErrorCode;
import dev.frostgate.error.FrostgateException;
import dev.frostgate.policy.CompiledNetworkPolicy;
import dev.frostgate.policy.IpRange;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Network rules and network policies: validation, privileges, attachment to the account and to
 * users, and the lock-out guard — no change may leave the caller's own address outside the policy
 * that governs the caller. Rules and policies are {@link ObjectLifecycle} kinds ({@link #rules()},
 * {@link #policies()}). Every change, theirs and the attachments', runs in a unit of work holding the
 * network-policy lock ({@link NetworkPolicyRepository#lockForChange}, taken by {@link LockingTransactions}), so
 * the guard and the in-use checks judge the store as the previous change left it, and the change is written
 * only if they pass.
 */
public final class NetworkPolicyCatalog {
    private static final Set<String> POLICY_LISTS = Set.of("ALLOWED_NETWORK_RULE_LIST", "BLOCKED_NETWORK_RULE_LIST",
            "ALLOWED_IP_LIST", "BLOCKED_IP_LIST");
    private static final String COMMENT = "COMMENT";
    private static final String VALUE_LIST = "VALUE_LIST";
    private static final PropertyModel RULE_PROPERTIES = PropertyModel.of("NETWORK RULE",
            PropertyDeclaration.choice("TYPE", names(NetworkRule.Type.values())).asRequired(),
            PropertyDeclaration.choice("MODE", names(NetworkRule.Mode.values())),
            PropertyDeclaration.texts(VALUE_LIST).asRequired(),
            PropertyDeclaration.text(COMMENT));
    /** The lists are read by {@link #normalisedEntries}: rule names resolved, addresses checked. */
    private static final PropertyModel POLICY_PROPERTIES = PropertyModel.of("NETWORK POLICY",
            PropertyDeclaration.custom("ALLOWED_NETWORK_RULE_LIST"),
                    PropertyDeclaration.custom("BLOCKED_NETWORK_RULE_LIST"),
            PropertyDeclaration.custom("ALLOWED_IP_LIST"), PropertyDeclaration.custom("BLOCKED_IP_LIST"),
            PropertyDeclaration.text(COMMENT));

    private final NetworkPolicyRepository repository;
    private final AccountParameterRepository accountParameters;
    private final UserRepository users;
    private final NetworkAccess networkAccess;
    private final AccessControl accessControl;
    private final ChangeFeed changes;
    private final Transactions transactions;
    private final Clock clock;
    private final String accountName;
    private final List<Function<String, Optional<String>>> referenceHolders = new CopyOnWriteArrayList<>();
    private final ObjectLifecycle<NetworkRule> rules;
    private final ObjectLifecycle<NetworkPolicy> policies;

    public NetworkPolicyCatalog(NetworkPolicyRepository repository, AccountParameterRepository accountParameters,
                                UserRepository users, NetworkAccess networkAccess, AccessControl accessControl,
                                ChangeFeed changes, Transactions transactions, Clock clock, String accountName) {
        this.repository = repository;
        this.transactions = new LockingTransactions(transactions, repository::lockForChange);
        this.changes = changes;
        this.accountParameters = accountParameters;
        this.users = users;
        this.networkAccess = networkAccess;
        this.accessControl = accessControl;
        this.clock = clock;
        this.accountName = accountName;
        ObjectLifecycle.OwnershipCheck ownership = (actor, owner, objectKind, objectName) ->
                accessControl.requireOwnership(actor, owner, objectKind, objectName);
        this.rules = new ObjectLifecycle<>(new RuleKind(), ownership, this.transactions);
        this.policies = new ObjectLifecycle<>(new PolicyKind(), ownership, this.transactions);
    }

    /**
     * Registers objects other than users and the account that name network policies (security
     * integrations): for a policy name, what holds it, if anything. Such a policy cannot be dropped or renamed.
     */
    public void addReferenceHolder(Function<String, Optional<String>> holder) {
        referenceHolders.add(holder);
    }

    /** CREATE, ALTER, GRANT OWNERSHIP and DROP of network rules: the shared object lifecycle, under the lock. */
    public ObjectLifecycle<NetworkRule> rules() {
        return rules;
    }

    /** CREATE, ALTER, RENAME, GRANT OWNERSHIP and DROP of network policies: the shared object lifecycle, under the lock. */
    public ObjectLifecycle<NetworkPolicy> policies() {
        return policies;
    }

    public List<NetworkRule> listRules() {
        return repository.rules();
    }

    public List<NetworkPolicy> listPolicies() {
        return repository.policies();
    }

    /**
     * {@code ALTER NETWORK POLICY … ADD | REMOVE <list> = (…)}: a SET of the list merged with the change. The
     * merge reads the list inside the command's own locked unit of work, which the SET joins, so concurrent
     * changes of one list are judged one after the other and none is lost. Ownership is checked before the
     * entries are read, as for any ALTER.
     */
    public void alterPolicyList(Actor actor, ObjectName name, boolean add, PropertySetting change, boolean ifExists) {
        transactions.runInTransaction(() -> {
            Optional<NetworkPolicy> found = Existence.forChange(repository.findPolicy(name.name()), ifExists,
                    () -> policies.notFound(name.name()), policy -> accessControl.requireOwnership(actor,
                            policy.owner(), "network policy", policy.name()));
            found.ifPresent(policy -> policies.alterSet(actor, name,
                    List.of(new PropertySetting(change.name(), listValue(merged(policy, add, change)))), false));
        });
    }

    /** The policy's list with the change's entries (checked and normalised) added or removed. */
    private Set<String> merged(NetworkPolicy policy, boolean add, PropertySetting change) {
        if (!POLICY_LISTS.contains(change.name())) {
            throw PropertyValues.unknown(change.name(), "NETWORK POLICY");
        }
        Set<String> entries = new LinkedHashSet<>(listOf(policy, change.name()));
        List<String> changes = normalisedEntries(change);
        if (add) {
            entries.addAll(changes);
        } else {
            changes.forEach(entries::remove);
        }
        return entries;
    }

    // ---- attachment ----------------------------------------------------------------------------

    /** {@code ALTER ACCOUNT SET NETWORK_POLICY = p}: needs ATTACH POLICY on the account. */
    public void attachToAccount(Actor actor, String policyName) {
        transactions.runInTransaction(() -> attachToAccountLocked(actor, policyName));
    }

    private void attachToAccountLocked(Actor actor, String policyName) {
        accessControl.requireOnAccount(actor, Privilege.ATTACH_POLICY, accountName);
        NetworkPolicy policy = policies.require(ObjectName.of(policyName));
        Optional<User> caller = users.find(actor.userName());
        if (caller.flatMap(User::networkPolicy).isEmpty()) {
            guard(actor, networkAccess.compile(policy));
        }
        accountParameters.set(NetworkAccess.ACCOUNT_PARAMETER, policy.name());
        changed();
    }

    public void detachFromAccount(Actor actor) {
        transactions.runInTransaction(() -> detachFromAccountLocked(actor));
    }

    private void detachFromAccountLocked(Actor actor) {
        accessControl.requireOnAccount(actor, Privilege.ATTACH_POLICY, accountName);
        accountParameters.unset(NetworkAccess.ACCOUNT_PARAMETER);
        changed();
    }

    /**
     * Validates the NETWORK_POLICY a user is about to get (or lose): the policy must exist, and if the
     * user is the caller, the caller's address must stay admitted. Called inside the unit of work that
     * writes the user, whose network-policy lock it takes, so the policy stays as judged until the commit.
     */
    public void checkUserAttachment(Actor actor, String userName, Optional<String> policyName) {
        repository.lockForChange();
        Optional<CompiledNetworkPolicy> effective;
        if (policyName.isPresent()) {
            effective = Optional.of(networkAccess.compile(policies.require(ObjectName.of(policyName.get()))));
        } else {
            effective = accountParameters.find(NetworkAccess.ACCOUNT_PARAMETER).flatMap(this::compiledFromStore);
        }
        if (userName.equals(actor.userName())) {
            effective.ifPresent(policy -> guard(actor, policy));
        }
    }

    private void changed() {
        changes.publish(new Change.NetworkPoliciesChanged());
    }

    private boolean governsCaller(Actor actor, String policyName) {
        return governingPolicyName(actor).map(policyName::equals).orElse(false);
    }

    /** The caller's own policy, else the account's. */
    private Optional<String> governingPolicyName(Actor actor) {
        return users.find(actor.userName()).flatMap(User::networkPolicy)
                .or(() -> accountParameters.find(NetworkAccess.ACCOUNT_PARAMETER));
    }

    /**
     * A policy compiled from the store as this unit of work sees it, not through NetworkAccess's cache: that
     * hears of this unit's changes only after the commit, and must not load them before it.
     */
    private Optional<CompiledNetworkPolicy> compiledFromStore(String policyName) {
        return repository.findPolicy(policyName).map(networkAccess::compile);
    }

    private static void guard(Actor actor, CompiledNetworkPolicy policy) {
        if (!policy.admits(actor.clientAddress())) {
            throw new FrostgateException(ErrorCode.NETWORK_POLICY_LOCKOUT, policy.name(), actor.clientAddress());
        }
    }

    private void requireDetached(String policyName, String verb) {
        boolean onAccount = accountParameters.find(NetworkAccess.ACCOUNT_PARAMETER).map(policyName::equals)
                .orElse(false);
        List<String> onUsers = repository.usersWithPolicy(policyName);
        if (onAccount || !onUsers.isEmpty()) {
            throw new FrostgateException(ErrorCode.OBJECT_IN_USE, "Network policy '" + policyName
                    + "' cannot be " + verb + " because it is attached to "
                    + (onAccount ? "the account" : "user '" + onUsers.get(0) + "'") + ".");
        }
        requireUnreferenced(policyName, verb);
    }

    private void requireUnreferenced(String policyName, String verb) {
        for (Function<String, Optional<String>> holder : referenceHolders) {
            holder.apply(policyName).ifPresent(what -> {
                throw new FrostgateException(ErrorCode.OBJECT_IN_USE, "Network policy '" + policyName
                        + "' cannot be " + verb + " because " + what + " uses it.");
            });
        }
    }

    private NetworkPolicy applyLists(NetworkPolicy policy, List<PropertySetting> properties) {
        NetworkPolicy changed = policy;
        for (PropertyModel.Read property : POLICY_PROPERTIES.read(properties)) {
            if (property.name().equals(COMMENT)) {
                changed = new NetworkPolicy(changed.name(), changed.allowedNetworkRules(),
                        changed.blockedNetworkRules(), changed.allowedIpList(), changed.blockedIpList(),
                        Optional.of(PropertyValues.text(COMMENT, property.written())), changed.owner(),
                        changed.createdOn());
            } else {
                changed = withList(changed, property.name(),
                        normalisedEntries(new PropertySetting(property.name(), property.written())));
            }
        }
        return changed;
    }

    /** Rule names must name existing INGRESS rules; IP entries must be addresses or CIDR blocks. */
    private List<String> normalisedEntries(PropertySetting property) {
        List<String> entries = PropertyValues.textList(property.name(), property.value());
        List<String> normalised = new ArrayList<>();
        for (String entry : entries) {
            if (property.name().endsWith("_IP_LIST")) {
                if (IpRange.parse(entry).isEmpty()) {
                    throw new InvalidPropertyException(new PropertyFailure.InvalidValue(property.name(), entry));
                }
                normalised.add(entry.trim());
            } else {
                NetworkRule rule = repository.findRule(lastPart(entry))
                        .orElseThrow(() -> rules.notFound(entry));
                if (rule.mode() != NetworkRule.Mode.INGRESS) {
                    throw new FrostgateException(ErrorCode.NETWORK_RULE_NOT_INGRESS, rule.name(), rule.mode());
                }
                normalised.add(rule.name());
            }
        }
        return normalised;
    }

    private static NetworkPolicy withList(NetworkPolicy policy, String list, List<String> entries) {
        return switch (list) {
            case "ALLOWED_NETWORK_RULE_LIST" -> new NetworkPolicy(policy.name(), entries, policy.blockedNetworkRules(),
                    policy.allowedIpList(), policy.blockedIpList(), policy.comment(), policy.owner(),
                            policy.createdOn());
            case "BLOCKED_NETWORK_RULE_LIST" -> new NetworkPolicy(policy.name(), policy.allowedNetworkRules(), entries,
                    policy.allowedIpList(), policy.blockedIpList(), policy.comment(), policy.owner(),
                            policy.createdOn());
            case "ALLOWED_IP_LIST" -> new NetworkPolicy(policy.name(), policy.allowedNetworkRules(),
                    policy.blockedNetworkRules(), entries, policy.blockedIpList(), policy.comment(), policy.owner(),
                    policy.createdOn());
            case "BLOCKED_IP_LIST" -> new NetworkPolicy(policy.name(), policy.allowedNetworkRules(),
                    policy.blockedNetworkRules(), policy.allowedIpList(), entries, policy.comment(), policy.owner(),
                    policy.createdOn());
            case "COMMENT" -> new NetworkPolicy(policy.name(), policy.allowedNetworkRules(),
                    policy.blockedNetworkRules(), policy.allowedIpList(), policy.blockedIpList(), Optional.empty(),
                    policy.owner(), policy.createdOn());
            default -> throw PropertyValues.unknown(list, "NETWORK POLICY");
        };
    }

    private static List<String> listOf(NetworkPolicy policy, String list) {
        return switch (list) {
            case "ALLOWED_NETWORK_RULE_LIST" -> policy.allowedNetworkRules();
            case "BLOCKED_NETWORK_RULE_LIST" -> policy.blockedNetworkRules();
            case "ALLOWED_IP_LIST" -> policy.allowedIpList();
            default -> policy.blockedIpList();
        };
    }

    private static PropertyValue listValue(Set<String> entries) {
        return new PropertyValue.ListOf(entries.stream().map(entry -> (PropertyValue) new PropertyValue.Text(entry)).toList());
    }

    private static boolean references(NetworkPolicy policy, String ruleName) {
        return policy.allowedNetworkRules().contains(ruleName) || policy.blockedNetworkRules().contains(ruleName);
    }

    private static void validateRuleValues(NetworkRule.Type type, List<String> values) {
        for (String value : values) {
            boolean valid = switch (type) {
                case IPV4 -> IpRange.parse(value).filter(range -> range.family() == IpRange.Family.IPV4).isPresent();
                case IPV6 -> IpRange.parse(value).filter(range -> range.family() == IpRange.Family.IPV6).isPresent();
                default -> !value.isBlank();
            };
            if (!valid) {
                throw new InvalidPropertyException(new PropertyFailure.InvalidValue("VALUE_LIST", value));
            }
        }
    }

    private static String[] names(Enum<?>[] constants) {
        return Arrays.stream(constants).map(Enum::name).toArray(String[]::new);
    }



    /** Rule names in a list are written as strings but read as unquoted identifiers: {@code 'db.s.r'} → R. */
    private static String lastPart(String qualified) {
        String[] parts = qualified.trim().split("\\.");
        return parts[parts.length - 1].toUpperCase(Locale.ROOT);
    }

    /** Network rules as an {@link ObjectLifecycle} kind: TYPE and MODE are fixed at CREATE. */
    private final class RuleKind implements ObjectLifecycle.Kind<NetworkRule> {
        @Override
        public String displayName() {
            return "Network rule";
        }

        @Override
        public Optional<NetworkRule> find(String name) {
            return repository.findRule(name);
        }

        @Override
        public String nameOf(NetworkRule rule) {
            return rule.name();
        }

        @Override
        public Optional<String> ownerOf(NetworkRule rule) {
            return rule.owner();
        }

        @Override
        public void requireMayCreate(Actor actor, ObjectName name) {
            accessControl.requireOnAccount(actor, Privilege.CREATE_NETWORK_RULE, accountName);
        }

        @Override
        public NetworkRule created(Actor actor, ObjectName name, List<PropertySetting> properties) {
            NetworkRule.Type type = null;
            NetworkRule.Mode mode = NetworkRule.Mode.INGRESS;
            List<String> values = null;
            Optional<String> comment = Optional.empty();
            for (PropertyModel.Read property : RULE_PROPERTIES.read(properties)) {
                switch (property.name()) {
                    case "TYPE" -> type = NetworkRule.Type.valueOf(property.value());
                    case "MODE" -> mode = NetworkRule.Mode.valueOf(property.value());
                    case VALUE_LIST -> values = property.values();
                    default -> comment = Optional.of(property.value());
                }
            }
            if (type == null) {
                throw new InvalidPropertyException(new PropertyFailure.MissingRequired("TYPE"));
            }
            if (values == null) {
                throw new InvalidPropertyException(new PropertyFailure.MissingRequired(VALUE_LIST));
            }
            validateRuleValues(type, values);
            return new NetworkRule(name.name(), name.database(), name.schema(), type, mode, values, comment,
                    Optional.of(actor.primaryRole()), clock.instant());
        }

        @Override
        public NetworkRule set(NetworkRule rule, List<PropertySetting> properties) {
            List<String> values = rule.values();
            Optional<String> comment = rule.comment();
            for (PropertyModel.Read property : RULE_PROPERTIES.read(properties)) {
                switch (property.name()) {
                    case VALUE_LIST -> values = property.values();
                    case COMMENT -> comment = Optional.of(property.value());
                    default -> throw unchangeable(property.name());
                }
            }
            validateRuleValues(rule.type(), values);
            return rule.withValues(values, comment);
        }

        @Override
        public NetworkRule unset(NetworkRule rule, List<String> propertyNames) {
            List<String> values = rule.values();
            Optional<String> comment = rule.comment();
            for (PropertyDeclaration property : RULE_PROPERTIES.unset(propertyNames)) {
                switch (property.name()) {
                    case VALUE_LIST -> values = List.of();
                    case COMMENT -> comment = Optional.empty();
                    default -> throw unchangeable(property.name());
                }
            }
            return rule.withValues(values, comment);
        }

        /** Snowflake has no ALTER NETWORK RULE … RENAME, and no door asks for it. */
        @Override
        public NetworkRule renamed(NetworkRule rule, String newName) {
            throw new FrostgateException(ErrorCode.UNSUPPORTED_FEATURE, "ALTER NETWORK RULE RENAME");
        }

        @Override
        public NetworkRule ownedBy(NetworkRule rule, String role) {
            return new NetworkRule(rule.name(), rule.databaseName(), rule.schemaName(), rule.type(), rule.mode(),
                    rule.values(), rule.comment(), Optional.of(role), rule.createdOn());
        }

        @Override
        public void insert(NetworkRule rule) {
            repository.saveRule(rule);
        }

        /** A rule keeps its name (no RENAME), so the row of {@code after}'s name is the one replaced. */
        @Override
        public void update(NetworkRule before, NetworkRule after) {
            repository.saveRule(after);
        }

        @Override
        public void delete(NetworkRule rule) {
            repository.deleteRule(rule.name());
        }

        /** A rule a policy names stays: dropping or replacing it would change what that policy admits. */
        @Override
        public void requireRemovable(Actor actor, NetworkRule rule, ObjectLifecycle.Removal removal) {
            repository.policies().stream().filter(policy -> references(policy, rule.name())).findFirst()
                    .ifPresent(policy -> {
                        throw new FrostgateException(ErrorCode.OBJECT_IN_USE, "Network rule '" + rule.name()
                                + "' cannot be " + removal.verb() + " because it is used by network policy '"
                                + policy.name() + "'.");
                    });
        }

        /**
         * A changed rule may change the policy governing the caller: that policy, as the store now has it, must
         * still admit the caller. A new rule is in no policy yet (a used one cannot be replaced).
         */
        @Override
        public void written(Actor actor, Optional<NetworkRule> before, NetworkRule after) {
            if (before.isPresent()) {
                governingPolicyName(actor).flatMap(NetworkPolicyCatalog.this::compiledFromStore)
                        .ifPresent(policy -> guard(actor, policy));
            }
        }

        @Override
        public void changed(NetworkRule rule) {
            NetworkPolicyCatalog.this.changed();
        }

        private static InvalidPropertyException unchangeable(String propertyName) {
            return new InvalidPropertyException(new PropertyFailure.Unchangeable(propertyName, "network rule"));
        }
    }

    /** Network policies as an {@link ObjectLifecycle} kind. */
    private final class PolicyKind implements ObjectLifecycle.Kind<NetworkPolicy> {
        @Override
        public String displayName() {
            return "Network policy";
        }

        @Override
        public Optional<NetworkPolicy> find(String name) {
            return repository.findPolicy(name);
        }

        @Override
        public String nameOf(NetworkPolicy policy) {
            return policy.name();
        }

        @Override
        public Optional<String> ownerOf(NetworkPolicy policy) {
            return policy.owner();
        }

        @Override
        public void requireMayCreate(Actor actor, ObjectName name) {
            accessControl.requireOnAccount(actor, Privilege.CREATE_NETWORK_POLICY, accountName);
        }

        @Override
        public NetworkPolicy created(Actor actor, ObjectName name, List<PropertySetting> properties) {
            return applyLists(new NetworkPolicy(name.name(), List.of(), List.of(), List.of(), List.of(),
                    Optional.empty(), Optional.of(actor.primaryRole()), clock.instant()), properties);
        }

        @Override
        public NetworkPolicy set(NetworkPolicy policy, List<PropertySetting> properties) {
            return applyLists(policy, properties);
        }

        @Override
        public NetworkPolicy unset(NetworkPolicy policy, List<String> propertyNames) {
            NetworkPolicy changed = policy;
            for (PropertyDeclaration property : POLICY_PROPERTIES.unset(propertyNames)) {
                changed = withList(changed, property.name(), List.of());
            }
            return changed;
        }

        /**
         * The store carries the new name to the users and the account holding the policy; an integration that
         * names it would be left naming nothing, so such a policy keeps its name.
         */
        @Override
        public NetworkPolicy renamed(NetworkPolicy policy, String newName) {
            requireUnreferenced(policy.name(), "renamed");
            return policy.renamed(newName);
        }

        @Override
        public NetworkPolicy ownedBy(NetworkPolicy policy, String role) {
            return new NetworkPolicy(policy.name(), policy.allowedNetworkRules(), policy.blockedNetworkRules(),
                    policy.allowedIpList(), policy.blockedIpList(), policy.comment(), Optional.of(role),
                    policy.createdOn());
        }

        @Override
        public void insert(NetworkPolicy policy) {
            repository.savePolicy(policy.name(), policy);
        }

        @Override
        public void update(NetworkPolicy before, NetworkPolicy after) {
            repository.savePolicy(before.name(), after);
        }

        @Override
        public void delete(NetworkPolicy policy) {
            repository.deletePolicy(policy.name());
        }

        @Override
        public void requireRemovable(Actor actor, NetworkPolicy policy, ObjectLifecycle.Removal removal) {
            requireDetached(policy.name(), removal.verb());
        }

        /** The lock-out guard: the policy as written, if it governs the caller, must still admit the caller. */
        @Override
        public void written(Actor actor, Optional<NetworkPolicy> before, NetworkPolicy after) {
            if (governsCaller(actor, after.name())) {
                guard(actor, networkAccess.compile(after));
            }
        }

        @Override
        public void changed(NetworkPolicy policy) {
            NetworkPolicyCatalog.this.changed();
        }
    }
}

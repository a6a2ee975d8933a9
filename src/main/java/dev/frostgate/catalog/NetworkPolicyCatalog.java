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
import java.util.function.Supplier;

/**
 * Network rules and network policies: validation, privileges, attachment to the account and to
 * users, and the lock-out guard — no change may leave the caller's own address outside the policy
 * that governs the caller. Every change runs in a unit of work holding the network-policy lock
 * ({@link NetworkPolicyRepository#lockForChange}), so the guard and the in-use checks judge the store as the
 * previous change left it, and the change is written only if they pass.
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

    public NetworkPolicyCatalog(NetworkPolicyRepository repository, AccountParameterRepository accountParameters,
                                UserRepository users, NetworkAccess networkAccess, AccessControl accessControl,
                                ChangeFeed changes, Transactions transactions, Clock clock, String accountName) {
        this.repository = repository;
        this.transactions = transactions;
        this.changes = changes;
        this.accountParameters = accountParameters;
        this.users = users;
        this.networkAccess = networkAccess;
        this.accessControl = accessControl;
        this.clock = clock;
        this.accountName = accountName;
    }

    /**
     * Registers objects other than users and the account that name network policies (security
     * integrations): for a policy name, what holds it, if anything. Such a policy cannot be dropped or renamed.
     */
    public void addReferenceHolder(Function<String, Optional<String>> holder) {
        referenceHolders.add(holder);
    }

    // ---- network rules -------------------------------------------------------------------------

    public boolean createRule(Actor actor, ObjectName name, List<PropertySetting> properties, boolean orReplace,
                              boolean ifNotExists) {
        return whileLocked(() -> createRuleLocked(actor, name, properties, orReplace, ifNotExists));
    }

    private boolean createRuleLocked(Actor actor, ObjectName name, List<PropertySetting> properties, boolean orReplace,
                                     boolean ifNotExists) {
        accessControl.requireOnAccount(actor, Privilege.CREATE_NETWORK_RULE, accountName);
        Optional<NetworkRule> existing = repository.findRule(name.name());
        if (!Existence.mayCreate(existing, orReplace, ifNotExists, name.name())) {
            return false;
        }
        existing.ifPresent(rule -> requireOwnership(actor, rule.owner(), "network rule", rule.name()));
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
        repository.saveRule(new NetworkRule(name.name(), name.database(), name.schema(), type, mode, values, comment,
                Optional.of(actor.primaryRole()), clock.instant()));
        changed();
        return true;
    }

    public void alterRuleSet(Actor actor, ObjectName name, List<PropertySetting> properties, boolean ifExists) {
        runLocked(() -> alterRuleSetLocked(actor, name, properties, ifExists));
    }

    private void alterRuleSetLocked(Actor actor, ObjectName name, List<PropertySetting> properties, boolean ifExists) {
        Optional<NetworkRule> found = findRuleForChange(actor, name, ifExists);
        if (found.isEmpty()) {
            return;
        }
        NetworkRule rule = found.get();
        List<String> values = rule.values();
        Optional<String> comment = rule.comment();
        for (PropertyModel.Read property : RULE_PROPERTIES.read(properties)) {
            switch (property.name()) {
                case VALUE_LIST -> values = property.values();
                case COMMENT -> comment = Optional.of(property.value());
                default -> throw new InvalidPropertyException(
                        new PropertyFailure.Unchangeable(property.name(), "network rule"));
            }
        }
        validateRuleValues(rule.type(), values);
        saveRuleGuarded(actor, rule.withValues(values, comment));
    }

    public void alterRuleUnset(Actor actor, ObjectName name, List<String> propertyNames, boolean ifExists) {
        runLocked(() -> alterRuleUnsetLocked(actor, name, propertyNames, ifExists));
    }

    private void alterRuleUnsetLocked(Actor actor, ObjectName name, List<String> propertyNames, boolean ifExists) {
        Optional<NetworkRule> found = findRuleForChange(actor, name, ifExists);
        if (found.isEmpty()) {
            return;
        }
        NetworkRule rule = found.get();
        List<String> values = rule.values();
        Optional<String> comment = rule.comment();
        for (PropertyDeclaration property : RULE_PROPERTIES.unset(propertyNames)) {
            switch (property.name()) {
                case VALUE_LIST -> values = List.of();
                case COMMENT -> comment = Optional.empty();
                default -> throw new InvalidPropertyException(
                        new PropertyFailure.Unchangeable(property.name(), "network rule"));
            }
        }
        saveRuleGuarded(actor, rule.withValues(values, comment));
    }

    public boolean dropRule(Actor actor, ObjectName name, boolean ifExists) {
        return whileLocked(() -> dropRuleLocked(actor, name, ifExists));
    }

    private boolean dropRuleLocked(Actor actor, ObjectName name, boolean ifExists) {
        Optional<NetworkRule> found = findRuleForChange(actor, name, ifExists);
        if (found.isEmpty()) {
            return false;
        }
        List<String> usedBy = repository.policies().stream().filter(policy -> references(policy, name.name()))
                .map(NetworkPolicy::name).toList();
        if (!usedBy.isEmpty()) {
            throw new FrostgateException(ErrorCode.OBJECT_IN_USE, "Network rule '" + name.name()
                    + "' cannot be dropped because it is used by network policy '" + usedBy.get(0) + "'.");
        }
        repository.deleteRule(name.name());
        changed();
        return true;
    }

    public List<NetworkRule> rules() {
        return repository.rules();
    }

    public NetworkRule requireRule(ObjectName name) {
        return repository.findRule(name.name()).orElseThrow(() -> notFound("Network rule", name.name()));
    }

    // ---- network policies ----------------------------------------------------------------------

    public boolean createPolicy(Actor actor, ObjectName name, List<PropertySetting> properties, boolean orReplace,
                                boolean ifNotExists) {
        return whileLocked(() -> createPolicyLocked(actor, name, properties, orReplace, ifNotExists));
    }

    private boolean createPolicyLocked(Actor actor, ObjectName name, List<PropertySetting> properties,
                                       boolean orReplace, boolean ifNotExists) {
        accessControl.requireOnAccount(actor, Privilege.CREATE_NETWORK_POLICY, accountName);
        Optional<NetworkPolicy> existing = repository.findPolicy(name.name());
        if (!Existence.mayCreate(existing, orReplace, ifNotExists, name.name())) {
            return false;
        }
        if (existing.isPresent()) {
            requireOwnership(actor, existing.get().owner(), "network policy", name.name());
            requireDetached(name.name(), "replaced");
        }
        NetworkPolicy policy = applyLists(new NetworkPolicy(name.name(), List.of(), List.of(), List.of(), List.of(),
                Optional.empty(), Optional.of(actor.primaryRole()), clock.instant()), properties);
        repository.savePolicy(name.name(), policy);
        changed();
        return true;
    }

    public void alterPolicySet(Actor actor, ObjectName name, List<PropertySetting> properties, boolean ifExists) {
        runLocked(() -> alterPolicySetLocked(actor, name, properties, ifExists));
    }

    private void alterPolicySetLocked(Actor actor, ObjectName name, List<PropertySetting> properties,
                                      boolean ifExists) {
        findPolicyForChange(actor, name, ifExists)
                .ifPresent(policy -> savePolicyGuarded(actor, policy.name(), applyLists(policy, properties)));
    }

    public void alterPolicyUnset(Actor actor, ObjectName name, List<String> propertyNames, boolean ifExists) {
        runLocked(() -> alterPolicyUnsetLocked(actor, name, propertyNames, ifExists));
    }

    private void alterPolicyUnsetLocked(Actor actor, ObjectName name, List<String> propertyNames, boolean ifExists) {
        findPolicyForChange(actor, name, ifExists).ifPresent(policy -> {
            NetworkPolicy changed = policy;
            for (PropertyDeclaration property : POLICY_PROPERTIES.unset(propertyNames)) {
                changed = withList(changed, property.name(), List.of());
            }
            savePolicyGuarded(actor, policy.name(), changed);
        });
    }

    /** {@code ALTER NETWORK POLICY … ADD | REMOVE <list> = (…)}. */
    public void alterPolicyList(Actor actor, ObjectName name, boolean add, PropertySetting change, boolean ifExists) {
        runLocked(() -> alterPolicyListLocked(actor, name, add, change, ifExists));
    }

    private void alterPolicyListLocked(Actor actor, ObjectName name, boolean add, PropertySetting change,
                                       boolean ifExists) {
        findPolicyForChange(actor, name, ifExists).ifPresent(policy -> {
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
            savePolicyGuarded(actor, policy.name(),
                    applyLists(policy, List.of(new PropertySetting(change.name(), listValue(entries)))));
        });
    }

    public void renamePolicy(Actor actor, ObjectName name, ObjectName newName, boolean ifExists) {
        runLocked(() -> renamePolicyLocked(actor, name, newName, ifExists));
    }

    private void renamePolicyLocked(Actor actor, ObjectName name, ObjectName newName, boolean ifExists) {
        Optional<NetworkPolicy> found = findPolicyForChange(actor, name, ifExists);
        if (found.isEmpty()) {
            return;
        }
        if (repository.findPolicy(newName.name()).isPresent()) {
            throw new FrostgateException(ErrorCode.OBJECT_ALREADY_EXISTS, newName.name());
        }
        requireUnreferenced(name.name(), "renamed");
        repository.savePolicy(found.get().name(), found.get().renamed(newName.name()));
        changed();
    }

    public boolean dropPolicy(Actor actor, ObjectName name, boolean ifExists) {
        return whileLocked(() -> dropPolicyLocked(actor, name, ifExists));
    }

    private boolean dropPolicyLocked(Actor actor, ObjectName name, boolean ifExists) {
        Optional<NetworkPolicy> found = findPolicyForChange(actor, name, ifExists);
        if (found.isEmpty()) {
            return false;
        }
        requireDetached(name.name(), "dropped");
        repository.deletePolicy(name.name());
        changed();
        return true;
    }

    public List<NetworkPolicy> policies() {
        return repository.policies();
    }

    public NetworkPolicy requirePolicy(ObjectName name) {
        return repository.findPolicy(name.name()).orElseThrow(() -> notFound("Network policy", name.name()));
    }

    /** GRANT OWNERSHIP ON NETWORK RULE | NETWORK POLICY: the owner (or MANAGE GRANTS) hands it to a role. */
    public void transferRule(Actor actor, ObjectName name, String newOwner) {
        runLocked(() -> transferRuleLocked(actor, name, newOwner));
    }

    private void transferRuleLocked(Actor actor, ObjectName name, String newOwner) {
        NetworkRule rule = requireRule(name);
        requireOwnership(actor, rule.owner(), "network rule", rule.name());
        repository.saveRule(new NetworkRule(rule.name(), rule.databaseName(), rule.schemaName(), rule.type(),
                rule.mode(), rule.values(), rule.comment(), Optional.of(newOwner), rule.createdOn()));
    }

    public void transferPolicy(Actor actor, ObjectName name, String newOwner) {
        runLocked(() -> transferPolicyLocked(actor, name, newOwner));
    }

    private void transferPolicyLocked(Actor actor, ObjectName name, String newOwner) {
        NetworkPolicy policy = requirePolicy(name);
        requireOwnership(actor, policy.owner(), "network policy", policy.name());
        repository.savePolicy(policy.name(), new NetworkPolicy(policy.name(), policy.allowedNetworkRules(),
                policy.blockedNetworkRules(), policy.allowedIpList(), policy.blockedIpList(), policy.comment(),
                Optional.of(newOwner), policy.createdOn()));
    }

    // ---- attachment ----------------------------------------------------------------------------

    /** {@code ALTER ACCOUNT SET NETWORK_POLICY = p}: needs ATTACH POLICY on the account. */
    public void attachToAccount(Actor actor, String policyName) {
        runLocked(() -> attachToAccountLocked(actor, policyName));
    }

    private void attachToAccountLocked(Actor actor, String policyName) {
        accessControl.requireOnAccount(actor, Privilege.ATTACH_POLICY, accountName);
        NetworkPolicy policy = requirePolicy(ObjectName.of(policyName));
        Optional<User> caller = users.find(actor.userName());
        if (caller.flatMap(User::networkPolicy).isEmpty()) {
            guard(actor, networkAccess.compile(policy));
        }
        accountParameters.set(NetworkAccess.ACCOUNT_PARAMETER, policy.name());
        changed();
    }

    public void detachFromAccount(Actor actor) {
        runLocked(() -> detachFromAccountLocked(actor));
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
            effective = Optional.of(networkAccess.compile(requirePolicy(ObjectName.of(policyName.get()))));
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

    /** Writes the rule, then judges the policy governing the caller with it: a lock-out rolls the write back. */
    private void saveRuleGuarded(Actor actor, NetworkRule rule) {
        repository.saveRule(rule);
        governingPolicyName(actor).flatMap(this::compiledFromStore).ifPresent(policy -> guard(actor, policy));
        changed();
    }

    private void savePolicyGuarded(Actor actor, String previousName, NetworkPolicy policy) {
        if (governsCaller(actor, policy.name())) {
            guard(actor, networkAccess.compile(policy));
        }
        repository.savePolicy(previousName, policy);
        changed();
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

    /** Runs a change in a unit of work that holds the network-policy lock from its start. */
    private <T> T whileLocked(Supplier<T> change) {
        return transactions.inTransaction(() -> {
            repository.lockForChange();
            return change.get();
        });
    }

    private void runLocked(Runnable change) {
        whileLocked(() -> {
            change.run();
            return null;
        });
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
                        .orElseThrow(() -> notFound("Network rule", entry));
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

    private Optional<NetworkRule> findRuleForChange(Actor actor, ObjectName name, boolean ifExists) {
        return Existence.forChange(repository.findRule(name.name()), ifExists, () -> notFound("Network rule",
                name.name()), rule -> requireOwnership(actor, rule.owner(), "network rule", rule.name()));
    }

    private Optional<NetworkPolicy> findPolicyForChange(Actor actor, ObjectName name, boolean ifExists) {
        return Existence.forChange(repository.findPolicy(name.name()), ifExists, () -> notFound("Network policy",
                name.name()), policy -> requireOwnership(actor, policy.owner(), "network policy", policy.name()));
    }

    private void requireOwnership(Actor actor, Optional<String> owner, String kind, String name) {
        accessControl.requireOwnership(actor, owner, kind, name);
    }

    private static String[] names(Enum<?>[] constants) {
        return Arrays.stream(constants).map(Enum::name).toArray(String[]::new);
    }



    /** Rule names in a list are written as strings but read as unquoted identifiers: {@code 'db.s.r'} → R. */
    private static String lastPart(String qualified) {
        String[] parts = qualified.trim().split("\\.");
        return parts[parts.length - 1].toUpperCase(Locale.ROOT);
    }

    private static FrostgateException notFound(String kind, String name) {
        return new FrostgateException(ErrorCode.OBJECT_DOES_NOT_EXIST, kind, name);
    }
}

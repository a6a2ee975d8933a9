package dev.frostgate.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import dev.frostgate.catalog.property.ObjectName;
import dev.frostgate.catalog.property.PropertySetting;
import dev.frostgate.change.CachePolicy;
import dev.frostgate.change.Change;
import dev.frostgate.change.ChangeFeed;
import dev.frostgate.error.ErrorCode;
import dev.frostgate.error.FrostgateException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Authentication policies: CRUD with privileges, attachment to the account, to all PERSON or all
 * SERVICE users, or to one user, and resolution of the policy that governs a user — most specific
 * first: user, user type, account, then the built-in default.
 */
public final class AuthenticationPolicyCatalog {
    private static final PolicyAttachment.PolicyKind KIND = PolicyAttachment.PolicyKind.AUTHENTICATION;

    /** The policy that governs a user, and where it was set: USER, ACCOUNT or SYSTEM (the default). */
    public record EffectivePolicy(AuthenticationPolicy policy, String setOn) {}

    private final AuthenticationPolicyRepository repository;
    private final UserRepository users;
    private final AccessControl accessControl;
    private final NamespaceCatalog namespaces;
    private final AuthenticationPolicyEditor editor;
    private final Clock clock;
    private final String accountName;
    private final ChangeFeed changes;
    private final Cache<GovernedUser, Optional<EffectivePolicy>> effectiveByUser;
    private final ObjectLifecycle<AuthenticationPolicy> lifecycle;
    private final Transactions transactions;

    /**
     * What resolution depends on, and so the cache key: the name (for a policy on the user) and the type (for
     * FOR ALL PERSON / SERVICE USERS), so that a user whose TYPE changed is resolved afresh at once, here and on
     * every node that reads the changed user. Both empty when no user is known.
     */
    private record GovernedUser(Optional<String> name, Optional<UserType> type) {
        static GovernedUser of(Optional<User> user) {
            return new GovernedUser(user.map(User::name), user.map(User::type));
        }
    }

    /**
     * @param integrationMethods for a security integration's name, the AUTHENTICATION_METHODS entry a policy
     *                           naming it needs (empty for a name that is no integration)
     */
    public AuthenticationPolicyCatalog(AuthenticationPolicyRepository repository, UserRepository users,
                                       AccessControl accessControl, NamespaceCatalog namespaces, ChangeFeed changes,
                                       Transactions transactions, CachePolicy cachePolicy, String accountName,
                                       Function<String, Optional<String>> integrationMethods) {
        this.editor = new AuthenticationPolicyEditor(integrationMethods);
        this.transactions = transactions;
        this.changes = changes;
        this.clock = cachePolicy.clock();
        this.effectiveByUser = cachePolicy.expiringCache(100_000).build();
        changes.subscribe(Change.PoliciesChanged.class, change -> effectiveByUser.invalidateAll());
        changes.subscribe(Change.UserChanged.class, change -> forgetUser(change.userName()));
        this.repository = repository;
        this.namespaces = namespaces;
        this.users = users;
        this.accessControl = accessControl;
        this.accountName = accountName;
        this.lifecycle = new ObjectLifecycle<>(new Lifecycle(),
                (actor, owner, objectKind, objectName) -> accessControl.requireOwnership(actor, owner, objectKind,
                        objectName), transactions);
    }

    /** CREATE, ALTER, RENAME, GRANT OWNERSHIP and DROP of these policies: the shared object lifecycle. */
    public ObjectLifecycle<AuthenticationPolicy> objects() {
        return lifecycle;
    }

    public AuthenticationPolicy describe(Actor actor, ObjectName name) {
        AuthenticationPolicy policy = repository.find(name.name())
                .orElseThrow(() -> notFound(name.name()));
        if (!accessControl.owns(actor, policy.owner())
                && !accessControl.holdsOnAccount(actor, Privilege.APPLY_AUTHENTICATION_POLICY)) {
            throw notFound(name.name());
        }
        return policy;
    }

    public List<AuthenticationPolicy> list() {
        return repository.list();
    }

    public List<PolicyAttachment> attachments() {
        return repository.attachments(KIND);
    }

    /**
     * Attaches a policy to the account (all users, or all users of one type) or to a user. A target
     * that already has one needs FORCE, as in Snowflake. The policy's row stays locked until the attachment is
     * written, so a concurrent DROP either sees the attachment or has dropped the policy first.
     */
    public void attach(Actor actor, PolicyAttachment.TargetKind target, String targetName, ObjectName policyName,
                       boolean force) {
        transactions.runInTransaction(() -> attachInTransaction(actor, target, targetName, policyName, force));
    }

    private void attachInTransaction(Actor actor, PolicyAttachment.TargetKind target, String targetName,
                                     ObjectName policyName, boolean force) {
        requireApply(actor, target, targetName);
        AuthenticationPolicy policy = repository.findLocked(policyName.name())
                .orElseThrow(() -> notFound(policyName.name()));
        if (target == PolicyAttachment.TargetKind.USER) {
            users.find(targetName).orElseThrow(() -> UserCatalog.notFound(targetName));
        }
        Optional<PolicyAttachment> existing = repository.attachment(KIND, target, targetName);
        if (existing.isPresent() && !force && !existing.get().policyName().equals(policy.name())) {
            throw new FrostgateException(ErrorCode.OBJECT_ALREADY_EXISTS, "Authentication policy "
                    + existing.get().policyName() + " on " + describeTarget(target, targetName)
                    + " (use FORCE to replace it)");
        }
        repository.attach(new PolicyAttachment(KIND, target, targetName, policy.name()));
        changed();
    }

    public void detach(Actor actor, PolicyAttachment.TargetKind target, String targetName) {
        requireApply(actor, target, targetName);
        repository.detach(KIND, target, targetName);
        changed();
    }

    /** User → user type → account → the built-in default. */
    public EffectivePolicy effectivePolicy(Optional<User> user) {
        return effectiveByUser.get(GovernedUser.of(user), key -> Optional.of(resolve(user))).orElseThrow();
    }

    private EffectivePolicy resolve(Optional<User> user) {
        Optional<PolicyAttachment> attachment = user.flatMap(found ->
                repository.attachment(KIND, PolicyAttachment.TargetKind.USER, found.name()));
        String setOn = "USER";
        if (attachment.isEmpty() && user.isPresent()) {
            PolicyAttachment.TargetKind typeTarget = user.get().type() == UserType.PERSON
                    ? PolicyAttachment.TargetKind.PERSON_USERS : PolicyAttachment.TargetKind.SERVICE_USERS;
            attachment = repository.attachment(KIND, typeTarget, PolicyAttachment.ACCOUNT_TARGET);
            setOn = "ACCOUNT";
        }
        if (attachment.isEmpty()) {
            attachment = repository.attachment(KIND, PolicyAttachment.TargetKind.ACCOUNT,
                    PolicyAttachment.ACCOUNT_TARGET);
            setOn = "ACCOUNT";
        }
        Optional<AuthenticationPolicy> policy = attachment.flatMap(found -> repository.find(found.policyName()));
        if (policy.isPresent()) {
            return new EffectivePolicy(policy.get(), setOn);
        }
        return new EffectivePolicy(AuthenticationPolicy.withDefaults("SYSTEM_DEFAULT", Optional.empty(),
                Optional.empty(), Optional.empty(), clock.instant()), "SYSTEM");
    }

    private void changed() {
        changes.publish(new Change.PoliciesChanged());
    }

    /**
     * A dropped or renamed user's policy attachment went with it: forget what was resolved under its name, so a
     * new user of that name is not governed by it here (other nodes within the cache lifetime).
     */
    private void forgetUser(String userName) {
        effectiveByUser.asMap().keySet().removeIf(governed -> governed.name().equals(Optional.of(userName)));
    }

    /** APPLY AUTHENTICATION POLICY on the account; for a user also on every user or on that user. */
    private void requireApply(Actor actor, PolicyAttachment.TargetKind target, String targetName) {
        Authorization authorization = accessControl.authorization(actor);
        Privilege privilege = Privilege.APPLY_AUTHENTICATION_POLICY;
        boolean allowed = authorization.holdsOnAccount(privilege) || target == PolicyAttachment.TargetKind.USER
                && authorization.holdsOnObjectOrKind(privilege, ObjectKind.USER, targetName);
        if (!allowed) {
            throw target == PolicyAttachment.TargetKind.USER ? AccessControl.insufficient("user", targetName)
                    : AccessControl.insufficient("account", accountName);
        }
    }

    private void requireDetached(String policyName, String verb) {
        repository.attachments(KIND).stream().filter(found -> found.policyName().equals(policyName)).findFirst()
                .ifPresent(found -> {
                    throw new FrostgateException(ErrorCode.OBJECT_IN_USE, "Authentication policy '" + policyName
                            + "' cannot be " + verb + " because it is attached to "
                            + describeTarget(found.targetKind(), found.targetName()) + ".");
                });
    }

    private static String describeTarget(PolicyAttachment.TargetKind target, String targetName) {
        return switch (target) {
            case ACCOUNT -> "the account";
            case PERSON_USERS -> "all PERSON users";
            case SERVICE_USERS -> "all SERVICE users";
            case USER -> "user '" + targetName + "'";
        };
    }

    private FrostgateException notFound(String name) {
        return lifecycle.notFound(name);
    }

    /** Authentication policies as an {@link ObjectLifecycle} kind. */
    private final class Lifecycle implements ObjectLifecycle.Kind<AuthenticationPolicy> {
        @Override
        public String displayName() {
            return "Authentication policy";
        }

        @Override
        public Optional<AuthenticationPolicy> find(String name) {
            return repository.find(name);
        }

        @Override
        public Optional<AuthenticationPolicy> findForChange(String name) {
            return repository.findLocked(name);
        }

        @Override
        public String nameOf(AuthenticationPolicy policy) {
            return policy.name();
        }

        @Override
        public Optional<String> ownerOf(AuthenticationPolicy policy) {
            return policy.owner();
        }

        @Override
        public void requireMayCreate(Actor actor, ObjectName name) {
            namespaces.requireMayCreateIn(actor, Privilege.CREATE_AUTHENTICATION_POLICY, name);
        }

        @Override
        public AuthenticationPolicy created(Actor actor, ObjectName name, List<PropertySetting> properties) {
            return editor.set(AuthenticationPolicy.withDefaults(name.name(), name.database(), name.schema(),
                    Optional.of(actor.primaryRole()), clock.instant()), properties);
        }

        @Override
        public AuthenticationPolicy set(AuthenticationPolicy policy, List<PropertySetting> properties) {
            return editor.set(policy, properties);
        }

        @Override
        public AuthenticationPolicy unset(AuthenticationPolicy policy, List<String> propertyNames) {
            return editor.unset(policy, propertyNames);
        }

        @Override
        public AuthenticationPolicy renamed(AuthenticationPolicy policy, String newName) {
            return policy.toBuilder().name(newName).build();
        }

        @Override
        public AuthenticationPolicy ownedBy(AuthenticationPolicy policy, String role) {
            return policy.toBuilder().owner(Optional.of(role)).build();
        }

        @Override
        public void insert(AuthenticationPolicy policy) {
            repository.save(policy.name(), policy);
        }

        @Override
        public void update(AuthenticationPolicy before, AuthenticationPolicy after) {
            repository.save(before.name(), after);
        }

        @Override
        public void delete(AuthenticationPolicy policy) {
            repository.delete(policy.name());
        }

        @Override
        public void requireRemovable(Actor actor, AuthenticationPolicy policy, ObjectLifecycle.Removal removal) {
            requireDetached(policy.name(), removal.verb());
        }

        @Override
        public void changed(AuthenticationPolicy policy) {
            AuthenticationPolicyCatalog.this.changed();
        }
    }
}

package dev.frostgate.catalog;

import dev.frostgate.catalog.property.ObjectName;
import dev.frostgate.catalog.property.PropertySetting;
import dev.frostgate.change.Change;
import dev.frostgate.change.ChangeFeed;
import dev.frostgate.crypto.PasswordHasher;
import dev.frostgate.error.ErrorCode;
import dev.frostgate.error.FrostgateException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Users: CREATE, ALTER, RENAME, GRANT OWNERSHIP and DROP through the shared {@link ObjectLifecycle}, with the
 * rules only users have (password policy and history, the user type's properties, unique login names, the
 * network lock-out guard, their tokens disabled with them), and reading them with their privilege checks.
 */
public final class UserCatalog {
    /** Properties a user may change on itself without OWNERSHIP. */
    private static final Set<String> SELF_SERVICE_PROPERTIES = Set.of("DEFAULT_ROLE", "DEFAULT_SECONDARY_ROLES");

    private final UserRepository users;
    private final ProgrammaticAccessTokenRepository tokens;
    private final NetworkPolicyCatalog networkPolicies;
    private final ParameterPolicyCatalog passwordPolicies;
    private final AccessControl accessControl;
    private final UserPropertyEditor editor;
    private final PasswordHasher passwordHasher;
    private final Clock clock;
    private final ChangeFeed changes;
    private final String accountName;
    private final ObjectLifecycle<User> lifecycle;

    public UserCatalog(UserRepository users, ProgrammaticAccessTokenRepository tokens, AccessControl accessControl,
                       NetworkPolicyCatalog networkPolicies, ParameterPolicyCatalog passwordPolicies,
                       PasswordHasher passwordHasher, ChangeFeed changes, Transactions transactions, Clock clock,
                       String accountName) {
        this.users = users;
        this.changes = changes;
        this.tokens = tokens;
        this.passwordPolicies = passwordPolicies;
        this.networkPolicies = networkPolicies;
        this.accessControl = accessControl;
        this.editor = new UserPropertyEditor(passwordHasher);
        this.passwordHasher = passwordHasher;
        this.clock = clock;
        this.accountName = accountName;
        this.lifecycle = new ObjectLifecycle<>(new Lifecycle(), accessControl::requireOwnership, transactions);
    }

    /** CREATE, ALTER, RENAME, GRANT OWNERSHIP and DROP of users: the shared object lifecycle. */
    public ObjectLifecycle<User> objects() {
        return lifecycle;
    }

    /**
     * The password policy that governs the user (the account's for a new user) decides what is strong
     * enough, and how many of {@code previous}'s passwords may not come back (PASSWORD_HISTORY).
     */
    private UserPropertyEditor.PasswordCheck passwordCheck(String userName, Optional<User> previous) {
        return password -> {
            Optional<ParameterPolicy> policy = passwordPolicies.effectivePolicy(userName);
            PasswordRules.check(policy, password);
            int history = policy.map(found -> found.value("PASSWORD_HISTORY")).orElse(0);
            if (history > 0) {
                previous.ifPresent(user -> {
                    List<String> recent = new ArrayList<>();
                    user.passwordHash().ifPresent(recent::add);
                    recent.addAll(user.passwordHistory());
                    if (recent.stream().limit(history).anyMatch(hash -> passwordHasher.verify(password, hash))) {
                        throw new FrostgateException(ErrorCode.PASSWORD_POLICY_VIOLATION,
                                "a password that is not one of the last " + history + " used");
                    }
                });
            }
        };
    }

    /** A replaced password hash moves into the history, newest first. */
    private static User rememberPreviousPassword(User before, User after) {
        if (before.passwordHash().isEmpty() || before.passwordHash().equals(after.passwordHash())) {
            return after;
        }
        List<String> history = new ArrayList<>();
        history.add(before.passwordHash().get());
        history.addAll(before.passwordHistory());
        return after.toBuilder().passwordHistory(history.subList(0, Math.min(history.size(),
                User.PASSWORD_HISTORY_LIMIT))).build();
    }

    /** Creates the bootstrap administrator; only used on an empty store. */
    public void createBootstrapAdministrator(String name, String passwordHash) {
        Instant now = clock.instant();
        users.insert(User.builder(UserId.random(), name, now).passwordHash(Optional.of(passwordHash))
                .passwordLastSet(Optional.of(now)).defaultRole(Optional.of(SystemRoles.ACCOUNTADMIN))
                .owner(Optional.of(SystemRoles.ACCOUNTADMIN)).build());
    }

    public boolean isEmpty() {
        return !users.hasAny();
    }

    /** A user the actor may describe: itself, one it owns, or one it may MONITOR. */
    public User describe(Actor actor, String name) {
        User user = users.find(name).orElseThrow(() -> notFound(name));
        Authorization authorization = accessControl.authorization(actor);
        if (!user.name().equals(actor.userName()) && !authorization.mayChange(user.owner())
                && !authorization.holds(Privilege.MONITOR, ObjectKind.USER, user.name())) {
            throw notFound(name);
        }
        return user;
    }

    /** Every user, for the ACCOUNT_USAGE views, which require MONITOR on the account themselves. */
    public List<User> all() {
        return users.list();
    }

    /**
     * The users SHOW USERS lists: all of them for holders of MANAGE GRANTS or account MONITOR;
     * otherwise itself, those its active roles own, and those it may MONITOR — found by index, so what
     * a non-administrator's SHOW USERS costs depends on what it may see, not on how many users exist.
     */
    public List<User> visibleUsers(Actor actor) {
        Authorization authorization = accessControl.authorization(actor);
        if (authorization.holdsOnAccount(Privilege.MANAGE_GRANTS) || authorization.holdsOnAccount(Privilege.MONITOR)) {
            return users.list();
        }
        Map<String, User> visible = new TreeMap<>(NameOrder.NAMES);
        users.ownedBy(authorization.activeRoles()).forEach(user -> visible.put(user.name(), user));
        Set<String> named = new HashSet<>(
                authorization.objectsHolding(Privilege.MONITOR, ObjectKind.USER));
        named.add(actor.userName());
        named.removeAll(visible.keySet());
        named.forEach(name -> users.find(name).ifPresent(user -> visible.put(user.name(), user)));
        return List.copyOf(visible.values());
    }

    public Optional<User> find(String name) {
        return users.find(name);
    }

    public User requireExisting(String name) {
        return users.find(name).orElseThrow(() -> notFound(name));
    }

    /**
     * The user, read with its row locked until the open unit of work ends: concurrent decisions about the
     * same user (the limit of live tokens) then take turns, each seeing what the one before committed.
     */
    User requireLocked(String name) {
        return users.findLocked(name).orElseThrow(() -> notFound(name));
    }

    /** A replaced user is deleted before its successor is judged, so only another user's login name counts. */
    private void requireUniqueLoginName(User user) {
        users.findByLoginName(user.loginName())
                .filter(other -> !other.name().equals(user.name()))
                .ifPresent(other -> {
                    throw new FrostgateException(ErrorCode.OBJECT_ALREADY_EXISTS,
                            user.loginName().toUpperCase(Locale.ROOT));
                });
    }

    static FrostgateException notFound(String name) {
        return new FrostgateException(ErrorCode.OBJECT_DOES_NOT_EXIST, "User", name);
    }

    /** Users as an {@link ObjectLifecycle} kind. */
    private final class Lifecycle implements ObjectLifecycle.Kind<User> {
        @Override
        public String displayName() {
            return "User";
        }

        @Override
        public Optional<User> find(String name) {
            return users.find(name);
        }

        /**
         * Locked: concurrent decisions about the user take turns (a PAT ADD in flight for a user being replaced
         * either finishes first, so its token goes with the user, or sees the new one).
         */
        @Override
        public Optional<User> findForChange(String name) {
            return users.findLocked(name);
        }

        @Override
        public String nameOf(User user) {
            return user.name();
        }

        @Override
        public Optional<String> ownerOf(User user) {
            return user.owner();
        }

        @Override
        public void requireMayCreate(Actor actor, ObjectName name) {
            accessControl.requireOnAccount(actor, Privilege.CREATE_USER, accountName);
        }

        /**
         * A new id also when replacing: the replaced user's grants, tokens and policies were keyed by its id and
         * went with it, so the new user of that name inherits none of them (nor its password history).
         */
        @Override
        public User created(Actor actor, ObjectName name, List<PropertySetting> properties) {
            Instant now = clock.instant();
            User user = editor.set(User.builder(UserId.random(), name.name(), now), properties, now,
                    passwordCheck(name.name(), Optional.empty())).owner(Optional.of(actor.primaryRole())).build();
            UserPropertyEditor.checkTypeConsistency(user);
            requireUniqueLoginName(user);
            return user;
        }

        @Override
        public User set(User user, List<PropertySetting> properties) {
            Instant now = clock.instant();
            return edited(user, editor.set(user.toBuilder(), properties, now,
                    passwordCheck(user.name(), Optional.of(user))).build());
        }

        @Override
        public User unset(User user, List<String> propertyNames) {
            return edited(user, editor.unset(user.toBuilder(), propertyNames).build());
        }

        /** SET and UNSET alike: a password they replace (UNSET too) goes into the history, then the rules. */
        private User edited(User before, User after) {
            User changed = rememberPreviousPassword(before, after);
            UserPropertyEditor.checkTypeConsistency(changed);
            requireUniqueLoginName(changed);
            return changed;
        }

        @Override
        public User renamed(User user, String newName) {
            return user.toBuilder().name(newName).build();
        }

        @Override
        public User ownedBy(User user, String role) {
            return user.toBuilder().owner(Optional.of(role)).build();
        }

        @Override
        public void insert(User user) {
            users.insert(user);
        }

        /** Only what changed is written: a login's lock-out counter written meanwhile survives. */
        @Override
        public void update(User before, User after) {
            users.update(before, after);
        }

        /** Everything that hangs on the user (grants, tokens, sessions, policy attachments) goes with it. */
        @Override
        public void delete(User user) {
            users.delete(user.name());
        }

        /** A user cannot drop itself; CREATE OR REPLACE of the current user is not refused. */
        @Override
        public void requireRemovable(Actor actor, User user, ObjectLifecycle.Removal removal) {
            if (removal == ObjectLifecycle.Removal.DROPPED && user.name().equals(actor.userName())) {
                throw new FrostgateException(ErrorCode.CANNOT_DROP_SELF, "Cannot drop the current user.");
            }
        }

        /**
         * A network policy the user now has must exist and, set on oneself, must not lock the caller out; judged
         * as written, so a refusal rolls the change back. A user just disabled or locked by an administrator
         * (MINS_TO_UNLOCK set, which moves the lock) has its tokens DISABLED: they stay so after re-enabling or
         * unlocking, until MODIFY … SET DISABLED = FALSE, while the lock after failed logins (which leaves the
         * lock where it was) leaves them alone.
         */
        @Override
        public void written(Actor actor, Optional<User> before, User after) {
            boolean networkPolicyChanged = !after.networkPolicy().equals(before.flatMap(User::networkPolicy));
            if (networkPolicyChanged) {
                networkPolicies.checkUserAttachment(actor, after.name(), after.networkPolicy());
            }
            before.ifPresent(previous -> {
                boolean disabled = after.disabled() && !previous.disabled();
                boolean lockedByAdministrator = after.lockedUntil().isPresent()
                        && !after.lockedUntil().equals(previous.lockedUntil());
                if (disabled || lockedByAdministrator) {
                    tokens.disableAll(previous.name());
                }
                if (networkPolicyChanged) {
                    changes.publish(new Change.NetworkPoliciesChanged());
                }
            });
        }

        @Override
        public boolean mayAlterUnowned(Actor actor, User user, List<String> propertyNames) {
            return user.name().equals(actor.userName()) && SELF_SERVICE_PROPERTIES.containsAll(propertyNames);
        }

        /** Under the name it had: a renamed user's sessions and caches are keyed by the old one. */
        @Override
        public void changed(User user) {
            changes.publish(new Change.UserChanged(user.name()));
        }
    }
}

package dev.frostgate.catalog;

import dev.frostgate.catalog.property.PropertySetting;
import dev.frostgate.change.Change;
import dev.frostgate.change.ChangeFeed;
import dev.frostgate.crypto.PasswordHasher;
import dev.frostgate.error.ErrorCode;
import dev.frostgate.error.FrostgateException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/** Creating, changing, dropping and reading users, with their privilege checks. */
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
    private final Transactions transactions;
    private final String accountName;

    public UserCatalog(UserRepository users, ProgrammaticAccessTokenRepository tokens, AccessControl accessControl,
                       NetworkPolicyCatalog networkPolicies, ParameterPolicyCatalog passwordPolicies,
                       PasswordHasher passwordHasher, ChangeFeed changes, Transactions transactions, Clock clock,
                       String accountName) {
        this.users = users;
        this.transactions = transactions;
        this.changes = changes;
        this.tokens = tokens;
        this.passwordPolicies = passwordPolicies;
        this.networkPolicies = networkPolicies;
        this.accessControl = accessControl;
        this.editor = new UserPropertyEditor(passwordHasher);
        this.passwordHasher = passwordHasher;
        this.clock = clock;
        this.accountName = accountName;
    }

    /**
     * Returns false when IF NOT EXISTS found the user already there. OR REPLACE drops the old user and creates
     * the new one in one unit of work: a failure between the two leaves the old user as it was.
     */
    public boolean create(Actor actor, String name, List<PropertySetting> properties, boolean orReplace,
            boolean ifNotExists) {
        return transactions.inTransaction(() -> createInTransaction(actor, name, properties, orReplace, ifNotExists));
    }

    private boolean createInTransaction(Actor actor, String name, List<PropertySetting> properties, boolean orReplace,
                                        boolean ifNotExists) {
        accessControl.requireOnAccount(actor, Privilege.CREATE_USER, accountName);
        Optional<User> existing = users.find(name);
        if (existing.isPresent()) {
            if (ifNotExists) {
                return false;
            }
            if (!orReplace) {
                throw new FrostgateException(ErrorCode.OBJECT_ALREADY_EXISTS, name);
            }
            requireOwnership(actor, existing.get());
        }
        Instant now = clock.instant();
        // A new id also when replacing: the replaced user's grants, tokens and policies were keyed by its id and
        // go with it, so the new user of that name inherits none of them.
        User user = editor.set(User.builder(UserId.random(), name, now), properties, now, passwordCheck(name))
                .owner(Optional.of(actor.primaryRole())).build();
        UserPropertyEditor.checkTypeConsistency(user);
        if (user.networkPolicy().isPresent()) {
            networkPolicies.checkUserAttachment(actor, user.name(), user.networkPolicy());
        }
        requireUniqueLoginName(user, existing.map(User::name));
        existing.ifPresent(old -> {
            // The row lock makes this wait for a PAT ADD for the old user in flight, so that its token goes too.
            requireLocked(old.name());
            users.delete(old.name());
        });
        users.insert(user);
        existing.ifPresent(old -> changed(old.name()));
        return true;
    }

    /**
     * The password policy that governs the user (the account's for a new user) decides what is strong
     * enough, and how many previous passwords may not come back (PASSWORD_HISTORY).
     */
    private UserPropertyEditor.PasswordCheck passwordCheck(String userName) {
        return password -> {
            Optional<ParameterPolicy> policy = passwordPolicies.effectivePolicy(userName);
            PasswordRules.check(policy, password);
            int history = policy.map(found -> found.value("PASSWORD_HISTORY")).orElse(0);
            if (history > 0) {
                users.find(userName).ifPresent(user -> {
                    List<String> recent = new java.util.ArrayList<>();
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
        List<String> history = new java.util.ArrayList<>();
        history.add(before.passwordHash().get());
        history.addAll(before.passwordHistory());
        return after.toBuilder().passwordHistory(history.subList(0, Math.min(history.size(),
                User.PASSWORD_HISTORY_LIMIT))).build();
    }

    private void changed(String userName) {
        changes.publish(new Change.UserChanged(userName));
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

    public void alterSet(Actor actor, String name, List<PropertySetting> properties, boolean ifExists) {
        Instant now = clock.instant();
        alter(actor, name, ifExists, properties.stream().map(PropertySetting::name).toList(),
                user -> editor.set(user, properties, now, passwordCheck(name)));
    }

    public void alterUnset(Actor actor, String name, List<String> propertyNames, boolean ifExists) {
        alter(actor, name, ifExists, propertyNames, user -> editor.unset(user, propertyNames));
    }

    /**
     * Applies a change to an existing user. Changing only self-service properties of oneself needs no
     * privilege; anything else needs ownership (or MANAGE GRANTS). The user's row, its tokens' DISABLED and a
     * network policy's lock-out check are one unit of work.
     */
    private void alter(Actor actor, String name, boolean ifExists, List<String> touchedProperties,
                       UnaryOperator<User.Builder> change) {
        transactions.runInTransaction(() -> alterInTransaction(actor, name, ifExists, touchedProperties, change));
    }

    private void alterInTransaction(Actor actor, String name, boolean ifExists, List<String> touchedProperties,
                                    UnaryOperator<User.Builder> change) {
        Optional<User> found = findForAlter(name, ifExists);
        if (found.isEmpty()) {
            return;
        }
        User user = found.get();
        boolean selfService = user.name().equals(actor.userName())
                && SELF_SERVICE_PROPERTIES.containsAll(touchedProperties);
        if (!selfService) {
            requireOwnership(actor, user);
        }
        User changed = rememberPreviousPassword(user, change.apply(user.toBuilder()).build());
        UserPropertyEditor.checkTypeConsistency(changed);
        requireUniqueLoginName(changed, Optional.of(user.name()));
        boolean networkPolicyChanged = !changed.networkPolicy().equals(user.networkPolicy());
        if (networkPolicyChanged) {
            networkPolicies.checkUserAttachment(actor, user.name(), changed.networkPolicy());
        }
        users.update(user, changed);
        boolean lockedByAdministrator = touchedProperties.contains(UserProperty.MINS_TO_UNLOCK.name())
                && changed.lockedUntil().isPresent();
        if ((changed.disabled() && !user.disabled()) || lockedByAdministrator) {
            // Disabled or administratively locked users' tokens stay DISABLED after re-enabling or unlocking,
            // until MODIFY … SET DISABLED = FALSE; the temporary lock after failed logins leaves them alone.
            tokens.disableAll(user.name());
        }
        changed(user.name());
        if (networkPolicyChanged) {
            changes.publish(new Change.NetworkPoliciesChanged());
        }
    }

    public void rename(Actor actor, String name, String newName, boolean ifExists) {
        Optional<User> found = findForAlter(name, ifExists);
        if (found.isEmpty()) {
            return;
        }
        User user = found.get();
        requireOwnership(actor, user);
        if (users.find(newName).isPresent()) {
            throw new FrostgateException(ErrorCode.OBJECT_ALREADY_EXISTS, newName);
        }
        users.update(user, user.toBuilder().name(newName).build());
        changed(user.name());
    }

    /** Returns false when IF EXISTS found nothing to drop. */
    public boolean drop(Actor actor, String name, boolean ifExists) {
        Optional<User> found = users.find(name);
        if (found.isEmpty()) {
            if (ifExists) {
                return false;
            }
            throw notFound(name);
        }
        requireOwnership(actor, found.get());
        if (name.equals(actor.userName())) {
            throw new FrostgateException(ErrorCode.CANNOT_DROP_SELF, "Cannot drop the current user.");
        }
        boolean deleted = users.delete(name);
        changed(name);
        return deleted;
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

    void requireOwnership(Actor actor, User user) {
        accessControl.requireOwnership(actor, user.owner(), "user", user.name());
    }

    void changeOwner(String userName, String role) {
        User user = requireExisting(userName);
        users.update(user, user.toBuilder().owner(Optional.of(role)).build());
    }

    private Optional<User> findForAlter(String name, boolean ifExists) {
        Optional<User> found = users.find(name);
        if (found.isEmpty() && !ifExists) {
            throw notFound(name);
        }
        return found;
    }

    private void requireUniqueLoginName(User user, Optional<String> replacing) {
        users.findByLoginName(user.loginName())
                .filter(other -> !other.name().equals(user.name()) && !replacing.equals(Optional.of(other.name())))
                .ifPresent(other -> {
                    throw new FrostgateException(ErrorCode.OBJECT_ALREADY_EXISTS,
                            user.loginName().toUpperCase(Locale.ROOT));
                });
    }

    static FrostgateException notFound(String name) {
        return new FrostgateException(ErrorCode.OBJECT_DOES_NOT_EXIST, "User", name);
    }
}

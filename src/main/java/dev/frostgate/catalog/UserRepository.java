package dev.frostgate.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Persistence of users; implemented by the store. */
public interface UserRepository {

    Optional<User> find(String name);

    /**
     * Reads the user and locks its row until the unit of work open on this thread ({@link Transactions}) ends,
     * so that decisions about the user (the limit of live tokens) are taken one at a time; needs one open.
     */
    Optional<User> findLocked(String name);

    /** The user with this immutable id, whatever it is called now (SCIM and the console address users so). */
    Optional<User> findById(UserId id);

    /** Login names are unique and case-insensitive; they are stored upper-cased. */
    Optional<User> findByLoginName(String loginName);

    /**
     * The users whose EMAIL equals {@code email} ignoring case ({@link EmailAddresses#comparisonKey}), ordered by
     * name: an indexed lookup. EMAIL is not unique, so there may be several.
     */
    List<User> findByEmail(String email);

    List<User> list();

    /** Whether any user exists (without reading them). */
    boolean hasAny();

    /** The users whose owner is one of these roles, by name. */
    List<User> ownedBy(Collection<String> roles);

    void insert(User user);

    /**
     * Changes the stored user {@code before} (the row as read; its name is the stored one, which differs from
     * {@code after}'s on rename) into {@code after}, writing only the fields that differ between the two. What
     * others wrote since the read survives: above all the lock-out counters and LAST_SUCCESS_LOGIN that logins
     * maintain ({@link #recordFailedLogin}, {@link #recordLoginOutcome}), which an ALTER USER must not undo.
     * The row is found by its id, which both must share; a rename is this one row's change, since everything
     * that refers to the user (grants, tokens, sessions, policy attachments) refers to its id.
     */
    void update(User before, User after);

    /**
     * Removes the user and everything keyed by its id (grants to it and on it, tokens, sessions, policy
     * attachments); returns whether it existed. A new user of the same name gets a new id and so none of them.
     */
    boolean delete(String name);

    /** Records a login outcome without touching other fields, so concurrent ALTERs are not overwritten. */
    void recordLoginOutcome(String name, LoginOutcome outcome);

    /**
     * Counts one failed password in a single statement, so concurrent failures are never lost: a lock
     * that has run out starts a fresh count, reaching {@code maximumRetries} sets the lock until
     * {@code lockUntil} (and the count back to 0), and a user already locked at {@code now} is left as it is.
     */
    void recordFailedLogin(String name, java.time.Instant now, int maximumRetries, java.time.Instant lockUntil);

    /** The counters a login attempt changes. */
    record LoginOutcome(int failedLoginAttempts, Optional<java.time.Instant> lockedUntil,
                        Optional<java.time.Instant> lastSuccessLogin) {}
}

package dev.frostgate.auth;

import java.util.Optional;

/** Persistence of sessions by token digest; implemented by the store. */
public interface SessionRepository {

    void insert(Session session);

    Optional<Session> findBySessionTokenDigest(String digest);

    Optional<Session> findByMasterTokenDigest(String digest);

    Optional<Session> findById(long id);

    /**
     * Changes the stored session {@code before} (as this node read or cached it) into {@code after}, writing only
     * what differs, so that what another request or node wrote since (a USE ROLE, a renewed token) survives, say,
     * an activity update from an older copy.
     */
    void update(Session before, Session after);

    void delete(long id);

    /** Ends every session opened with the credential (a token reported leaked). */
    void deleteOpenedWith(String credentialId);

    /** Ends every session of a user (dropped or disabled users). */
    void deleteForUser(String userName);
}

package dev.frostgate.catalog;

import java.util.List;
import java.util.Optional;

/** Persistence of programmatic access tokens, found by the digest of their secret; implemented by the store. */
public interface ProgrammaticAccessTokenRepository {

    Optional<ProgrammaticAccessToken> findBySecretDigest(String digest);

    Optional<ProgrammaticAccessToken> find(String userName, String name);

    List<ProgrammaticAccessToken> forUser(String userName);

    void insert(ProgrammaticAccessToken token);

    boolean delete(String userName, String name);

    /** Replaces the token stored under {@code previousName} of its user. */
    void update(String previousName, ProgrammaticAccessToken token);

    /** Gives the live token a new secret and expiry, and keeps the old secret as its own rotated token. */
    void rotate(ProgrammaticAccessToken live, ProgrammaticAccessToken rotated);

    /** Marks every token of the user DISABLED (the user was disabled or locked by an administrator). */
    void disableAll(String userName);

    /** Marks the token DISABLED and records who reported it leaked, when, and where it was seen. */
    void reportLeaked(String tokenId, String reportedBy, java.time.Instant reportedOn, Optional<String> source);
}

package dev.frostgate.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Persistence of programmatic access tokens, found by the digest of their secret; implemented by the store. */
public interface ProgrammaticAccessTokenRepository {

    Optional<ProgrammaticAccessToken> findBySecretDigest(String digest);

    Optional<ProgrammaticAccessToken> find(String userName, String name);

    List<ProgrammaticAccessToken> forUser(String userName);

    void insert(ProgrammaticAccessToken token);

    boolean delete(String userName, String name);

    /**
     * Changes the stored token {@code before} (as read) into {@code after}, writing only what differs: a leak
     * report or a disabled user's DISABLED written since the read survives a MODIFY of, say, the comment.
     */
    void update(ProgrammaticAccessToken before, ProgrammaticAccessToken after);

    /** Gives the live token a new secret and expiry, and keeps the old secret as its own rotated token. */
    void rotate(ProgrammaticAccessToken live, ProgrammaticAccessToken rotated);

    /** Every token of every user, for ACCOUNT_USAGE.CREDENTIALS. */
    List<ProgrammaticAccessToken> all();

    /** Records when tokens last authenticated (token id → time), never moving a time backwards. */
    void recordUse(Map<String, Instant> lastUseById);

    /** Marks every token of the user DISABLED (the user was disabled or locked by an administrator). */
    void disableAll(String userName);

    /** Deletes every token, rotated ones included, that expired before the cutoff; answers how many. */
    int deleteExpiredBefore(Instant cutoff);

    /** Tokens that are neither disabled nor rotated and expire after {@code from} and at latest {@code until}. */
    List<ProgrammaticAccessToken> expiringBetween(Instant from, Instant until);

    /** How many tokens are ACTIVE at {@code now}: not expired, not disabled. */
    long countActive(Instant now);

    /** One expiry notice: a token, the expiry it warns of (a rotated token's new expiry is a new one), a threshold. */
    record ExpiryNotice(String tokenId, Instant expiresAt, int thresholdDays) {}

    /**
     * Records the notice as sent; false when it already was, by this node or another one (or its token is
     * gone). The database decides, so exactly one of several racing nodes wins.
     */
    boolean claimExpiryNotice(ExpiryNotice notice, Instant claimedAt);

    /** Forgets a claimed notice whose delivery failed, so that a later run sends it again. */
    void releaseExpiryNotice(ExpiryNotice notice);

    /** Marks the token DISABLED and records who reported it leaked, when, and where it was seen. */
    void reportLeaked(String tokenId, String reportedBy, java.time.Instant reportedOn, Optional<String> source);
}

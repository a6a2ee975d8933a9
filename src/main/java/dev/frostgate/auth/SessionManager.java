package dev.frostgate.auth;

import com.github.benmanes.caffeine.cache.Cache;
import dev.frostgate.catalog.AuthenticationPolicyCatalog;
import dev.frostgate.catalog.NetworkAccess;
import dev.frostgate.catalog.User;
import dev.frostgate.catalog.UserRepository;
import dev.frostgate.change.CachePolicy;
import dev.frostgate.change.Change;
import dev.frostgate.change.ChangeFeed;
import dev.frostgate.crypto.SecretGenerator;
import dev.frostgate.crypto.TokenDigester;
import dev.frostgate.error.ErrorCode;
import dev.frostgate.error.FrostgateException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Opens, authenticates, renews and closes sessions. Tokens are random 256-bit secrets; only their
 * keyed digests are stored. Lookups go through a short-lived cache so that a query does not cost a
 * database read; changes to a user on this node reach it through the change feed at once, other nodes
 * see role changes and logouts within the cache lifetime.
 */
public final class SessionManager {
    /** Activity is recorded at most once a minute per session, so queries do not each cost a write. */
    static final Duration ACTIVITY_RESOLUTION = Duration.ofMinutes(1);
    private static final int TOKEN_BYTES = 32;

    private final SessionRepository repository;
    private final TokenDigester digester;
    private final SecretGenerator secrets;
    private final SessionSettings settings;
    private final Clock clock;
    private final Cache<String, Session> bySessionDigest;
    private final UserRepository users;
    private final Cache<String, Optional<User>> cachedUsers;
    private final NetworkAccess networkAccess;
    private final AuthenticationPolicyCatalog authenticationPolicies;
    private final java.util.function.Function<String, Duration> idleTimeout;

    /** {@code idleTimeout} gives a user's session idle timeout (its session policy's, or 4 hours). */
    public SessionManager(SessionRepository repository, UserRepository users, NetworkAccess networkAccess,
                          AuthenticationPolicyCatalog authenticationPolicies,
                          java.util.function.Function<String, Duration> idleTimeout, TokenDigester digester,
                          SecretGenerator secrets, SessionSettings settings, ChangeFeed changes,
                          CachePolicy cachePolicy) {
        Clock clock = cachePolicy.clock();
        this.repository = repository;
        this.idleTimeout = idleTimeout;
        this.networkAccess = networkAccess;
        this.authenticationPolicies = authenticationPolicies;
        this.users = users;
        this.cachedUsers = cachePolicy.expiringCache(100_000).build();
        this.digester = digester;
        this.secrets = secrets;
        this.settings = settings;
        this.clock = clock;
        this.bySessionDigest = cachePolicy.expiringCache(100_000).build();
        changes.subscribe(Change.UserChanged.class, change -> userChanged(change.userName()));
        changes.subscribe(Change.TokenLeaked.class, change -> endSessionsOpenedWith(change.tokenId()));
    }

    public SessionSettings settings() {
        return settings;
    }

    /** {@code context}: the current database, schema and warehouse the session starts with. */
    public IssuedSession open(String userName, String primaryRole, boolean secondaryRolesAll,
                              AuthenticationMethod method, LoginRequest.ClientInfo client, Session.Origin origin,
                              Session.Context context) {
        Instant now = clock.instant();
        String sessionToken = "ST-" + secrets.randomToken(TOKEN_BYTES);
        String masterToken = "MT-" + secrets.randomToken(TOKEN_BYTES);
        Session session = new Session(secrets.randomPositiveLong() % 1_000_000_000_000_000L,
                digester.digest(sessionToken), digester.digest(masterToken), userName, primaryRole,
                secondaryRolesAll, method.name(), Optional.of(client.ipAddress()),
                Optional.of(client.clientType().name()), now, now.plus(settings.sessionTokenValidity()),
                now.plus(settings.masterTokenValidity()), context, now, origin);
        repository.insert(session);
        return new IssuedSession(session, sessionToken, masterToken);
    }

    /**
     * A session for one SQL API request: built in memory from an already verified credential, with no
     * token and no row in the store, so that a request costs no write (see {@link Session#isStored}).
     */
    public Session ephemeral(String userName, String primaryRole, boolean secondaryRolesAll,
                             AuthenticationMethod method, LoginRequest.ClientInfo client, Session.Origin origin) {
        Instant now = clock.instant();
        return new Session(secrets.randomPositiveLong() % 1_000_000_000_000_000L, "", "", userName, primaryRole,
                secondaryRolesAll, method.name(), Optional.of(client.ipAddress()),
                Optional.of(client.clientType().name()), now, now, now, Session.Context.NONE, now, origin);
    }

    /**
     * The live session a session token belongs to; 390104 if unknown, 390112 once expired (drivers
     * then renew). A session whose user was disabled or dropped is ended; a request from an address
     * the user's network policy (now) blocks is refused with 390422.
     */
    public Session authenticate(String sessionToken, String clientAddress) {
        String digest = digester.digest(sessionToken);
        Session session = Optional.ofNullable(bySessionDigest.getIfPresent(digest))
                .or(() -> repository.findBySessionTokenDigest(digest))
                .filter(found -> TokenDigester.sameDigest(found.sessionTokenDigest(), digest))
                .orElseThrow(() -> new FrostgateException(ErrorCode.SESSION_TOKEN_INVALID));
        Instant now = clock.instant();
        if (!now.isBefore(session.sessionExpiresAt()) || isIdleTooLong(session, now)) {
            throw new FrostgateException(ErrorCode.SESSION_EXPIRED);
        }
        Optional<User> user = cachedUsers.get(session.userName(), users::find).filter(found -> !found.disabled());
        if (user.isEmpty()) {
            close(session);
            throw new FrostgateException(ErrorCode.SESSION_TOKEN_INVALID);
        }
        if (!admitsRequest(user, session.authenticationMethod(), session.origin(), clientAddress)) {
            throw new FrostgateException(ErrorCode.INCOMING_IP_BLOCKED, clientAddress);
        }
        if (Duration.between(session.lastActivity(), now).compareTo(ACTIVITY_RESOLUTION) >= 0) {
            session = save(session, session.withLastActivity(now));
        } else {
            bySessionDigest.put(digest, session);
        }
        return session;
    }

    /**
     * The network stage of every request after login (sessions and verified SQL API bearers): the
     * integration's policy, when the credential came through one, beats the user's and the account's;
     * token logins under NETWORK_POLICY_EVALUATION = NOT_ENFORCED skip network policies, judged by the
     * authentication policy as it is now.
     */
    public boolean admitsRequest(Optional<User> user, String authenticationMethod, Session.Origin origin,
                                 String clientAddress) {
        boolean skipped = AuthenticationMethod.PROGRAMMATIC_ACCESS_TOKEN.name().equals(authenticationMethod)
                && !authenticationPolicies.effectivePolicy(user).policy().patPolicy().enforcesNetworkPolicy();
        return skipped || networkAccess.admits(user, origin.integrationNetworkPolicy(), clientAddress);
    }

    /** Whether the session policy's idle timeout has ended the session (its master token too). */
    private boolean isIdleTooLong(Session session, Instant now) {
        return Duration.between(session.lastActivity(), now).compareTo(idleTimeout.apply(session.userName())) > 0;
    }

    /** Issues a new session token for the session the master token belongs to; the master token stays. */
    public IssuedSession renew(String masterToken) {
        String masterDigest = digester.digest(masterToken);
        Session session = repository.findByMasterTokenDigest(masterDigest)
                .filter(found -> TokenDigester.sameDigest(found.masterTokenDigest(), masterDigest))
                .orElseThrow(() -> new FrostgateException(ErrorCode.MASTER_TOKEN_NOT_FOUND));
        Instant now = clock.instant();
        if (!now.isBefore(session.masterExpiresAt()) || isIdleTooLong(session, now)) {
            throw new FrostgateException(ErrorCode.MASTER_TOKEN_EXPIRED);
        }
        String sessionToken = "ST-" + secrets.randomToken(TOKEN_BYTES);
        bySessionDigest.invalidate(session.sessionTokenDigest());
        Session renewed = session.withTokens(digester.digest(sessionToken), now.plus(settings.sessionTokenValidity()),
                session.masterTokenDigest(), session.masterExpiresAt());
        repository.update(session, renewed);
        return new IssuedSession(renewed, sessionToken, masterToken);
    }

    /** Seconds the session's master token has left, as token-request reports it. */
    public long secondsUntilMasterExpiry(Session session) {
        return Math.max(0, Duration.between(clock.instant(), session.masterExpiresAt()).toSeconds());
    }

    /** USE ROLE / USE SECONDARY ROLES. */
    public Session changeRoles(Session session, String primaryRole, boolean secondaryRolesAll) {
        return save(session, session.withRoles(primaryRole, secondaryRolesAll));
    }

    /** USE DATABASE / SCHEMA / WAREHOUSE. */
    public Session changeContext(Session session, Session.Context context) {
        return save(session, session.withContext(context));
    }

    private Session save(Session before, Session changed) {
        if (!changed.isStored()) {
            return changed;
        }
        repository.update(before, changed);
        bySessionDigest.put(changed.sessionTokenDigest(), changed);
        return changed;
    }

    /** Logout by token; a token that belongs to no live session is ignored. */
    public void closeIfOpen(String sessionToken) {
        repository.findBySessionTokenDigest(digester.digest(sessionToken)).ifPresent(this::close);
    }

    /**
     * Forgets what this node cached about a user, so that dropping, disabling or renaming it takes
     * effect here at once (other nodes within the cache lifetime).
     */
    private void userChanged(String userName) {
        cachedUsers.invalidate(userName);
        bySessionDigest.asMap().values().removeIf(session -> session.userName().equals(userName));
    }

    /** Ends the sessions a credential opened (a token reported leaked), on this node at once. */
    private void endSessionsOpenedWith(String credentialId) {
        repository.deleteOpenedWith(credentialId);
        bySessionDigest.asMap().values()
                .removeIf(session -> session.origin().credentialId().equals(Optional.of(credentialId)));
    }

    public void close(Session session) {
        bySessionDigest.invalidate(session.sessionTokenDigest());
        repository.delete(session.id());
    }
}

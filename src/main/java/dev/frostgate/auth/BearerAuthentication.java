package dev.frostgate.auth;

import com.github.benmanes.caffeine.cache.Cache;
import dev.frostgate.change.CachePolicy;
import dev.frostgate.change.Change;
import dev.frostgate.change.ChangeFeed;
import dev.frostgate.crypto.TokenDigester;
import dev.frostgate.error.ErrorCode;
import dev.frostgate.error.FrostgateException;
import java.util.Optional;

/**
 * Authenticates a SQL API request by its bearer token ({@code Authorization: Bearer …}) through the
 * login pipeline's stages, and gives the request a session that lives only in memory.
 *
 * <p>Throughput: a verified credential is remembered for at most the cache lifetime, keyed by the
 * keyed digest of the token (never the token) with its declared type and requested role, so that a
 * client sending many requests with one token costs one verification (and one LOGIN_HISTORY row) per
 * lifetime rather than one per request. What an admission depends on forgets it at once when changed on
 * this node: the user or its tokens (that user's entries), and grants, authentication policies and
 * integrations (every entry, since any admission may rest on them); other nodes see changes within the
 * cache lifetime, as with sessions. The network policy is still checked on every request, since the
 * client address may change. Refusals are never cached.
 */
public final class BearerAuthentication {

    /** A bearer request in domain terms; {@code token} is a secret that toString never prints. */
    public record BearerRequest(String token, Optional<String> declaredType, Optional<String> role,
                                LoginRequest.ClientInfo client) {
        @Override
        public String toString() {
            return "BearerRequest[type=" + declaredType.orElse(null) + ", role=" + role.orElse(null) + ", client="
                    + client + "]";
        }
    }

    private final String accountName;
    private final LoginPipeline pipeline;
    private final SessionManager sessions;
    private final TokenDigester digester;
    private final Cache<String, LoginPipeline.Admission> admitted;

    public BearerAuthentication(String accountName, LoginPipeline pipeline, SessionManager sessions,
                                TokenDigester digester, ChangeFeed changes, CachePolicy cachePolicy) {
        this.accountName = accountName;
        this.admitted = cachePolicy.expiringCache(100_000).build();
        changes.subscribe(Change.UserChanged.class, change -> forgetUser(change.userName()));
        changes.subscribe(Change.TokensChanged.class, change -> forgetUser(change.userName()));
        changes.subscribe(Change.GrantsChanged.class, change -> admitted.invalidateAll());
        changes.subscribe(Change.PoliciesChanged.class, change -> admitted.invalidateAll());
        changes.subscribe(Change.IntegrationsChanged.class, change -> admitted.invalidateAll());
        this.pipeline = pipeline;
        this.sessions = sessions;
        this.digester = digester;
    }

    /**
     * A session for this one request, or a {@link FrostgateException}: the token type's "invalid"
     * error, 390422 for a blocked address, 390447 for an authentication policy, 390186/390189 for a role.
     */
    public Session authenticate(BearerRequest request) {
        BearerTokenType type = BearerTokenType.of(request.declaredType(), request.token())
                .orElseThrow(() -> new FrostgateException(ErrorCode.JWT_TOKEN_INVALID));
        String key = digester.digest(request.token()) + "\n" + type + "\n" + request.role().orElse("");
        LoginPipeline.Admission admission = admitted.getIfPresent(key);
        if (admission == null) {
            admission = pipeline.admitBearer(loginRequest(request, type), type.method(), type.invalidToken());
            admitted.put(key, admission);
        } else if (!sessions.admitsRequest(Optional.of(admission.user()), admission.method().name(),
                admission.origin(), request.client().ipAddress())) {
            throw new FrostgateException(ErrorCode.INCOMING_IP_BLOCKED, request.client().ipAddress());
        }
        return sessions.ephemeral(admission.user().name(), admission.primaryRole(), admission.secondaryRolesAll(),
                admission.method(), request.client(), admission.origin());
    }

    /** The SQL API's role field is case-sensitive, so it reaches the pipeline as a quoted identifier. */
    private LoginRequest loginRequest(BearerRequest request, BearerTokenType type) {
        return new LoginRequest(accountName, Optional.empty(), Optional.of(type.name()), Optional.empty(),
                Optional.of(request.token()), request.role().filter(role -> !role.isEmpty())
                .map(role -> "\"" + role + "\""), request.client());
    }

    /** Forgets what was verified for the user, so a drop, disable or token change here applies at once. */
    private void forgetUser(String userName) {
        admitted.asMap().values().removeIf(admission -> admission.user().name().equals(userName));
    }
}

package dev.frostgate.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.frostgate.catalog.UserChangeListener;
import dev.frostgate.crypto.TokenDigester;
import dev.frostgate.error.ErrorCode;
import dev.frostgate.error.FrostgateException;
import java.time.Duration;
import java.util.Optional;

/**
 * Authenticates a SQL API request by its bearer token ({@code Authorization: Bearer …}) through the
 * login pipeline's stages, and gives the request a session that lives only in memory.
 *
 * <p>Throughput: a verified credential is remembered for at most {@link #CACHE_LIFETIME}, keyed by the
 * keyed digest of the token (never the token) with its declared type and requested role, so that a
 * client sending many requests with one token costs one verification (and one LOGIN_HISTORY row) per
 * two seconds rather than one per request. Local changes to the user or its tokens forget the entry at
 * once; other nodes see them within the cache lifetime, as with sessions. The network policy is still
 * checked on every request, since the client address may change. Refusals are never cached.
 */
public final class BearerAuthentication implements UserChangeListener {
    static final Duration CACHE_LIFETIME = SessionManager.CACHE_LIFETIME;

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
    private final Cache<String, LoginPipeline.Admission> admitted =
            Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(CACHE_LIFETIME).build();

    public BearerAuthentication(String accountName, LoginPipeline pipeline, SessionManager sessions,
                                TokenDigester digester) {
        this.accountName = accountName;
        this.pipeline = pipeline;
        this.sessions = sessions;
        this.digester = digester;
    }

    /**
     * A session for this one request, or a {@link FrostgateException}: the token type's "invalid"
     * error, 390422 for a blocked address, 390447 for an authentication policy, 390186/390189 for a role.
     */
    public Session authenticate(BearerRequest request) {
        // Extension point: key-pair JWTs and OAuth access tokens are verified once their authenticators
        // are registered with the pipeline; until then they are refused with their type's error.
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
    @Override
    public void userChanged(String userName) {
        admitted.asMap().values().removeIf(admission -> admission.user().name().equals(userName));
    }
}

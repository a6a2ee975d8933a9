package dev.frostgate.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.frostgate.crypto.SecretGenerator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The logins suspended at a {@link Challenge}, in memory, until they are answered or expire: bounded in number
 * (the oldest give way) and in time (on the injected clock), each answerable once. They live on the node that
 * asked; a flow resumed on another node is not found and the user logs in again (the multi-node issue may move
 * them to the store).
 *
 * <p>Flows are kept under the SHA-256 of their id, so what memory holds cannot be replayed as an id.
 *
 * @param <T> what a suspended login keeps to go on
 */
public final class PendingLogins<T> {
    /** The longest a question stays open, whatever its stage asks for. */
    public static final Duration MAXIMUM_LIFETIME = Duration.ofMinutes(10);
    /** 256 bits, like session tokens. */
    private static final int FLOW_ID_BYTES = 32;

    /** A suspended login's id and the end of its question's life. */
    public record Hold(String flowId, Instant expiresAt) {
        @Override
        public String toString() {
            return "Hold[expiresAt=" + expiresAt + "]";
        }
    }

    private record Entry<T>(T state, Instant expiresAt) {}

    private final Cache<String, Entry<T>> flows;
    private final SecretGenerator secrets;
    private final Clock clock;

    public PendingLogins(SecretGenerator secrets, Clock clock, long maximumFlows) {
        this.secrets = secrets;
        this.clock = clock;
        // Evicting on the caller's thread keeps the bound exact at every moment (and tests deterministic).
        this.flows = Caffeine.newBuilder().maximumSize(maximumFlows).expireAfterWrite(MAXIMUM_LIFETIME)
                .ticker(() -> clock.millis() * 1_000_000L).executor(Runnable::run).build();
    }

    /** Suspends {@code state} for at most {@code lifetime} (capped at {@link #MAXIMUM_LIFETIME}). */
    public Hold hold(T state, Duration lifetime) {
        Duration kept = lifetime.compareTo(MAXIMUM_LIFETIME) > 0 ? MAXIMUM_LIFETIME : lifetime;
        String flowId = secrets.randomToken(FLOW_ID_BYTES);
        Instant expiresAt = clock.instant().plus(kept);
        flows.put(digest(flowId), new Entry<>(state, expiresAt));
        return new Hold(flowId, expiresAt);
    }

    /**
     * The suspended login, removed so that it cannot be answered twice; empty when there is none, it expired,
     * or it was already taken.
     */
    public Optional<T> take(String flowId) {
        Entry<T> entry = flows.asMap().remove(digest(flowId));
        if (entry == null || !clock.instant().isBefore(entry.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(entry.state());
    }

    /** How many logins are suspended now (expired ones that were not yet swept included). */
    public long size() {
        flows.cleanUp();
        return flows.estimatedSize();
    }

    private static String digest(String flowId) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(flowId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}

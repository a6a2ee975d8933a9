package dev.frostgate.change;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;

/**
 * How long a cache may keep what it read without hearing of a change, and the clock that measures it.
 * Caches are invalidated by the {@link ChangeFeed}; the lifetime is the fallback that bounds how stale
 * an entry can be when a change was made where this node's feed does not reach (another node, or the
 * store edited by hand). Time comes from the injected clock, so tests move a mutable clock instead of
 * sleeping.
 */
public record CachePolicy(Clock clock, Duration lifetime) {
    /** The fallback lifetime of the caches of users, sessions, grants, policies and integrations. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(2);

    public static CachePolicy of(Clock clock) {
        return new CachePolicy(clock, DEFAULT_LIFETIME);
    }

    /** A Caffeine builder whose entries expire {@link #lifetime} after they were written, by {@link #clock}. */
    public Caffeine<Object, Object> expiringCache(long maximumSize) {
        return Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(lifetime).ticker(ticker());
    }

    /** Caffeine's ticker counts nanoseconds; the clock's milliseconds are precise enough for lifetimes. */
    public Ticker ticker() {
        return () -> clock.millis() * 1_000_000L;
    }
}

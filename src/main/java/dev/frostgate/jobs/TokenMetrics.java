package dev.frostgate.jobs;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The token figures that {@code GET /metrics} serves: gauges as of the last job run (so a scrape costs
 * no query) and counters since this node started. Counts only: no user or token names.
 */
public final class TokenMetrics {
    private volatile Map<Integer, Long> expiringSoon = Map.of();
    private volatile long active;
    private volatile Optional<Instant> lastRun = Optional.empty();
    private final AtomicLong deleted = new AtomicLong();
    private final AtomicLong deliveriesSucceeded = new AtomicLong();
    private final AtomicLong deliveriesFailed = new AtomicLong();

    void tokenCounts(long activeTokens, Map<Integer, Long> expiringSoonByThreshold, Instant at) {
        active = activeTokens;
        expiringSoon = Map.copyOf(expiringSoonByThreshold);
        lastRun = Optional.of(at);
    }

    void tokensDeleted(int count) {
        deleted.addAndGet(count);
    }

    void deliveryFinished(boolean succeeded) {
        (succeeded ? deliveriesSucceeded : deliveriesFailed).incrementAndGet();
    }

    /** Expiring tokens by threshold in days, ascending; empty before the first run. */
    public Map<Integer, Long> expiringSoon() {
        return new TreeMap<>(expiringSoon);
    }

    public long active() {
        return active;
    }

    public Optional<Instant> lastRun() {
        return lastRun;
    }

    public long deleted() {
        return deleted.get();
    }

    public long deliveriesSucceeded() {
        return deliveriesSucceeded.get();
    }

    public long deliveriesFailed() {
        return deliveriesFailed.get();
    }
}

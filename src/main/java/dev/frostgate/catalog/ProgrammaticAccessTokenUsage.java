package dev.frostgate.catalog;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When tokens last authenticated, kept in memory and written to the store in one batch per
 * {@link #flush()} (scheduled by the server, and at shutdown), so a token login costs no database
 * write. Reads on this node see the unwritten times too; other nodes see them after the next flush.
 */
public final class ProgrammaticAccessTokenUsage {
    private final ProgrammaticAccessTokenRepository repository;
    private final Map<String, Instant> unwritten = new ConcurrentHashMap<>();

    public ProgrammaticAccessTokenUsage(ProgrammaticAccessTokenRepository repository) {
        this.repository = repository;
    }

    /** Kept to the microsecond, as the store keeps it, so this node shows the time other nodes read later. */
    public void used(String tokenId, Instant at) {
        unwritten.merge(tokenId, at.truncatedTo(ChronoUnit.MICROS),
                (earlier, later) -> later.isAfter(earlier) ? later : earlier);
    }

    /** The token's last use: the stored time or a later one not yet written. */
    public Optional<Instant> lastUsedOn(ProgrammaticAccessToken token) {
        Optional<Instant> pending = Optional.ofNullable(unwritten.get(token.id()));
        if (pending.isEmpty() || token.lastUsedOn().map(stored -> stored.isAfter(pending.get())).orElse(false)) {
            return token.lastUsedOn();
        }
        return pending;
    }

    /** Writes the times gathered so far; times that arrive meanwhile wait for the next flush. */
    public void flush() {
        Map<String, Instant> batch = new HashMap<>(unwritten);
        if (batch.isEmpty()) {
            return;
        }
        repository.recordUse(batch);
        batch.forEach(unwritten::remove);
    }
}

package dev.frostgate.jobs;

import dev.frostgate.catalog.ProgrammaticAccessTokenRepository;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes programmatic access tokens, rotated ones included, 7 days after they expired (Snowflake's
 * documented retention); until then SHOW USER PATS lists them as EXPIRED.
 */
public final class ExpiredTokenCleanup implements BackgroundJob {
    public static final Duration RETENTION = Duration.ofDays(7);
    private static final Logger LOG = LoggerFactory.getLogger(ExpiredTokenCleanup.class);

    private final ProgrammaticAccessTokenRepository tokens;
    private final TokenMetrics metrics;
    private final Clock clock;

    public ExpiredTokenCleanup(ProgrammaticAccessTokenRepository tokens, TokenMetrics metrics, Clock clock) {
        this.tokens = tokens;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "expired-token-cleanup";
    }

    @Override
    public void runOnce() {
        int deleted = tokens.deleteExpiredBefore(clock.instant().minus(RETENTION));
        metrics.tokensDeleted(deleted);
        if (deleted > 0) {
            LOG.info("deleted {} programmatic access tokens that expired more than {} days ago", deleted,
                    RETENTION.toDays());
        }
    }
}

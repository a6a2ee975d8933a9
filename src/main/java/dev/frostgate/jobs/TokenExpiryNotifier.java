package dev.frostgate.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frostgate.catalog.ProgrammaticAccessToken;
import dev.frostgate.catalog.ProgrammaticAccessTokenRepository;
import dev.frostgate.catalog.ProgrammaticAccessTokenRepository.ExpiryNotice;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns once per token and threshold that a programmatic access token expires soon: an INFO log line and,
 * when configured, a webhook. The database claim ({@link ProgrammaticAccessTokenRepository#claimExpiryNotice})
 * makes "once" hold across runs, restarts and nodes. Also refreshes the token gauges of {@link TokenMetrics}.
 *
 * <p>Disabled tokens and the old secrets ROTATE leaves behind ({@code <NAME>_ROTATED_<n>}, meant to
 * expire) get no notice. A token inside several thresholds at once (first seen 12 hours before expiry with
 * thresholds 7 and 1) gets one notice, for the narrowest; the wider ones are recorded as said.
 */
public final class TokenExpiryNotifier implements BackgroundJob {
    private static final Logger LOG = LoggerFactory.getLogger(TokenExpiryNotifier.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProgrammaticAccessTokenRepository tokens;
    private final String account;
    private final List<Integer> thresholdDays;
    private final Optional<ExpiryEventDelivery> delivery;
    private final TokenMetrics metrics;
    private final Clock clock;

    /** {@code thresholdDays}: not empty, each at least 1, as {@link BackgroundJobSettings} ensures. */
    public TokenExpiryNotifier(ProgrammaticAccessTokenRepository tokens, String account, List<Integer> thresholdDays,
                               Optional<ExpiryEventDelivery> delivery, TokenMetrics metrics, Clock clock) {
        this.tokens = tokens;
        this.account = account;
        this.thresholdDays = thresholdDays.stream().distinct().sorted().toList();
        this.delivery = delivery;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "token-expiry-notifier";
    }

    @Override
    public void runOnce() {
        Instant now = clock.instant();
        int widest = thresholdDays.getLast();
        List<ProgrammaticAccessToken> expiring = tokens.expiringBetween(now, now.plus(Duration.ofDays(widest)));
        Map<Integer, Long> expiringSoon = new LinkedHashMap<>();
        for (int days : thresholdDays) {
            expiringSoon.put(days, expiring.stream().filter(token -> within(token, days, now)).count());
        }
        metrics.tokenCounts(tokens.countActive(now), expiringSoon, now);
        for (ProgrammaticAccessToken token : expiring) {
            notifyOnce(token, now);
        }
    }

    private void notifyOnce(ProgrammaticAccessToken token, Instant now) {
        List<Integer> reached = thresholdDays.stream().filter(days -> within(token, days, now)).toList();
        ExpiryNotice notice = new ExpiryNotice(token.id(), token.expiresAt(), reached.getFirst());
        if (!tokens.claimExpiryNotice(notice, now)) {
            return; // said before, or another node is saying it now
        }
        for (int wider : reached.subList(1, reached.size())) {
            tokens.claimExpiryNotice(new ExpiryNotice(token.id(), token.expiresAt(), wider), now);
        }
        TokenExpiryEvent event = new TokenExpiryEvent(account, token.userName(), token.name(), token.expiresAt(),
                Duration.between(now, token.expiresAt()).toDays(), notice.thresholdDays());
        LOG.info("programmatic access token expires soon: {}", json(event));
        delivery.ifPresent(target -> target.deliver(event).whenComplete((delivered, failure) -> {
            boolean succeeded = Boolean.TRUE.equals(delivered) && failure == null;
            metrics.deliveryFinished(succeeded);
            if (!succeeded) {
                release(notice);
            }
        }));
    }

    /** At least once: a notice whose webhook finally failed is claimed again by a later run, on any node. */
    private void release(ExpiryNotice notice) {
        try {
            tokens.releaseExpiryNotice(notice);
        } catch (RuntimeException failure) {
            LOG.warn("could not release an undelivered expiry notice; it will not be sent again", failure);
        }
    }

    private static boolean within(ProgrammaticAccessToken token, int days, Instant now) {
        return !token.expiresAt().isAfter(now.plus(Duration.ofDays(days)));
    }

    static String json(TokenExpiryEvent event) {
        try {
            return JSON.writeValueAsString(event.payload());
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("cannot serialise an expiry event", impossible);
        }
    }
}

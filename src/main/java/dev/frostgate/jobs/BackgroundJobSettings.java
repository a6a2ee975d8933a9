package dev.frostgate.jobs;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How often the jobs run (zero: never on their own), the days before expiry at which tokens are announced,
 * and the optional webhook that receives the announcements.
 */
public record BackgroundJobSettings(Duration interval, List<Integer> notifyExpiryDays,
                                    Optional<WebhookSettings> webhook) {
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);
    public static final List<Integer> DEFAULT_NOTIFY_EXPIRY_DAYS = List.of(7);

    public BackgroundJobSettings {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("the jobs interval cannot be negative");
        }
        if (notifyExpiryDays.isEmpty() || notifyExpiryDays.stream().anyMatch(days -> days < 1 || days > 365)) {
            throw new IllegalArgumentException("notify-expiry-days must be whole days between 1 and 365");
        }
        notifyExpiryDays = List.copyOf(notifyExpiryDays);
    }

    public static BackgroundJobSettings defaults() {
        return new BackgroundJobSettings(DEFAULT_INTERVAL, DEFAULT_NOTIFY_EXPIRY_DAYS, Optional.empty());
    }

    public BackgroundJobSettings withWebhook(WebhookSettings value) {
        return new BackgroundJobSettings(interval, notifyExpiryDays, Optional.of(value));
    }
}

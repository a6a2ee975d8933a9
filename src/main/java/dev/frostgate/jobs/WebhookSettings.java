package dev.frostgate.jobs;

import java.net.URI;
import java.time.Duration;

/**
 * Where and how persistently expiry events are posted: {@code attempts} tries, waiting
 * {@code firstBackoff}, then twice as long each time, between them.
 */
public record WebhookSettings(URI url, int attempts, Duration firstBackoff, Duration connectTimeout,
                              Duration requestTimeout) {
    public WebhookSettings {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("the notification webhook must be an http or https URL");
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("a webhook needs at least one attempt");
        }
    }

    /** 4 attempts over about 7 seconds of back-off, each connection 5 s and each request 10 s at most. */
    public static WebhookSettings defaults(URI url) {
        return new WebhookSettings(url, 4, Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(10));
    }
}

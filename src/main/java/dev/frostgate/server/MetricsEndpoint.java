package dev.frostgate.server;

import dev.frostgate.jobs.TokenMetrics;
import dev.frostgate.protocol.Endpoint;
import dev.frostgate.protocol.Exchange;
import java.time.Instant;
import java.util.Map;

/**
 * {@code GET /metrics} in Prometheus' text format 0.0.4. Unauthenticated, like the health endpoints, as
 * Prometheus scrapes: it shows counts only, never a user or token name. The gauges are the last job run's,
 * so a scrape runs no query.
 */
final class MetricsEndpoint implements Endpoint {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final TokenMetrics tokens;

    MetricsEndpoint(TokenMetrics tokens) {
        this.tokens = tokens;
    }

    @Override
    public void handle(Exchange exchange) {
        StringBuilder text = new StringBuilder();
        declare(text, "frostgate_programmatic_access_tokens_expiring_soon", "gauge",
                "Programmatic access tokens, neither disabled nor rotated, that expire within threshold_days.");
        for (Map.Entry<Integer, Long> threshold : tokens.expiringSoon().entrySet()) {
            sample(text, "frostgate_programmatic_access_tokens_expiring_soon{threshold_days=\"" + threshold.getKey()
                    + "\"}", threshold.getValue());
        }
        declare(text, "frostgate_programmatic_access_tokens_active", "gauge",
                "Programmatic access tokens that are ACTIVE: not expired, not disabled.");
        sample(text, "frostgate_programmatic_access_tokens_active", tokens.active());
        declare(text, "frostgate_programmatic_access_tokens_deleted_total", "counter",
                "Expired programmatic access tokens deleted by the clean-up job of this node.");
        sample(text, "frostgate_programmatic_access_tokens_deleted_total", tokens.deleted());
        declare(text, "frostgate_token_expiry_webhook_deliveries_total", "counter",
                "Expiry notices posted to the webhook by this node, by outcome after all retries.");
        sample(text, "frostgate_token_expiry_webhook_deliveries_total{outcome=\"succeeded\"}",
                tokens.deliveriesSucceeded());
        sample(text, "frostgate_token_expiry_webhook_deliveries_total{outcome=\"failed\"}", tokens.deliveriesFailed());
        declare(text, "frostgate_token_jobs_last_run_timestamp_seconds", "gauge",
                "When the token gauges were last computed (0: not yet).");
        sample(text, "frostgate_token_jobs_last_run_timestamp_seconds",
                tokens.lastRun().map(Instant::getEpochSecond).orElse(0L));
        exchange.respondText(200, CONTENT_TYPE, text.toString());
    }

    private static void declare(StringBuilder text, String name, String type, String help) {
        text.append("# HELP ").append(name).append(' ').append(help).append('\n');
        text.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void sample(StringBuilder text, String series, long value) {
        text.append(series).append(' ').append(value).append('\n');
    }
}

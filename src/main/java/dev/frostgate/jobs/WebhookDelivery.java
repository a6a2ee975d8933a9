package dev.frostgate.jobs;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts expiry events as JSON to the webhook, on two daemon threads of its own, so that a slow or broken
 * receiver delays neither logins nor the job thread. Each event is tried {@code attempts} times with
 * exponential back-off; any 2xx answer is success. The log names the event's user and token, never the URL's
 * query (it may carry a key) nor a secret.
 */
public final class WebhookDelivery implements ExpiryEventDelivery, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDelivery.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final WebhookSettings settings;
    private final HttpClient http;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, task -> {
        Thread thread = new Thread(task, "frostgate-webhook-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    public WebhookDelivery(WebhookSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public CompletableFuture<Boolean> deliver(TokenExpiryEvent event) {
        try {
            return CompletableFuture.supplyAsync(() -> post(event), executor);
        } catch (RejectedExecutionException stopping) {
            return CompletableFuture.completedFuture(false);
        }
    }

    private boolean post(TokenExpiryEvent event) {
        HttpRequest request = HttpRequest.newBuilder(settings.url()).timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(TokenExpiryNotifier.json(event), StandardCharsets.UTF_8))
                .build();
        Duration backoff = settings.firstBackoff();
        String lastProblem = "";
        for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status / 100 == 2) {
                    return true;
                }
                lastProblem = "HTTP " + status;
            } catch (IOException failure) {
                lastProblem = failure.getClass().getSimpleName();
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return false;
            }
            if (attempt < settings.attempts() && !pause(backoff)) {
                return false;
            }
            backoff = backoff.multipliedBy(2);
        }
        LOG.warn("expiry notice for token {} of user {} not delivered to the webhook at {} after {} attempts ({})",
                event.tokenName(), event.userName(), settings.url().getHost(), settings.attempts(), lastProblem);
        return false;
    }

    private static boolean pause(Duration backoff) {
        try {
            Thread.sleep(backoff);
            return true;
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Abandons deliveries in flight: the server is stopping. */
    @Override
    public void close() {
        executor.shutdownNow();
        http.shutdownNow();
    }
}

package dev.frostgate.jobs;

import java.util.concurrent.CompletableFuture;

/** Sends an expiry event somewhere off the caller's thread; completes with false after a final failure. */
@FunctionalInterface
public interface ExpiryEventDelivery {
    CompletableFuture<Boolean> deliver(TokenExpiryEvent event);
}

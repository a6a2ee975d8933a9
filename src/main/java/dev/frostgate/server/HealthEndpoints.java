package dev.frostgate.server;

import dev.frostgate.protocol.Endpoint;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** {@code GET /healthz} (the process answers) and {@code GET /readyz} (the store is reachable). */
final class HealthEndpoints {
    private HealthEndpoints() {}

    static Endpoint alive() {
        return exchange -> exchange.respondJson(200, Map.of("status", "ok"));
    }

    static Endpoint ready(BooleanSupplier storeReachable) {
        return exchange -> {
            boolean reachable = storeReachable.getAsBoolean();
            exchange.respondJson(reachable ? 200 : 503, Map.of("status", reachable ? "ready" : "unavailable",
                    "store", reachable ? "reachable" : "unreachable"));
        };
    }
}

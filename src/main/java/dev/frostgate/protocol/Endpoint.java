package dev.frostgate.protocol;

/** One route's handler. Blocking work is fine: requests run on virtual threads. */
@FunctionalInterface
public interface Endpoint {
    void handle(Exchange exchange) throws Exception;
}

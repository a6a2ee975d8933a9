package dev.frostgate.bench;

/** A failure after which no further requests may be sent (e.g. a login refusal that risks a lockout). */
final class StopRun extends RuntimeException {
    StopRun(String message) {
        super(message, null, false, false);
    }
}

package dev.frostgate.bench;

import java.util.Locale;

/**
 * One row of the phase table: completions per second over the measured window, and CPU used meanwhile.
 * {@code timedOut}: an operation of a {@link LoadPhase#runBounded bounded} phase found no answer within its time
 * limit and ended the phase (the figures then cover what completed before, possibly nothing).
 */
record PhaseResult(String name, long operations, double seconds, double rate, double meanMillis,
                   double serverCores, double clientCores, long errors, boolean timedOut) {
    static final String HEADER = String.format(Locale.ROOT, "%-32s %12s %9s %8s %12s %12s %7s", "phase",
            "ops/s", "mean ms", "ops", "server CPU", "bench CPU", "errors");

    String row() {
        return String.format(Locale.ROOT, "%-32s %12.2f %9.3f %8d %10.2f c %10.2f c %7d%s", name, rate,
                meanMillis, operations, serverCores, clientCores, errors, timedOut ? "  TIMED OUT" : "");
    }
}

package dev.frostgate.bench;

/** The run cannot be carried out (or carried on): exit status 2, with the message in BENCH-SUMMARY. */
final class BenchmarkAborted extends RuntimeException {
    BenchmarkAborted(String message) {
        super(message);
    }
}

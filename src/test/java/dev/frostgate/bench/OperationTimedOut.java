package dev.frostgate.bench;

/**
 * An operation that got no answer within its own time limit (a statement still running on the server). In a
 * {@link LoadPhase#runBounded bounded} phase it ends the phase, which then reports it as timed out rather than
 * starting another operation of the kind that did not finish.
 */
final class OperationTimedOut extends Exception {
    OperationTimedOut(String message) {
        super(message, null, false, false);
    }
}

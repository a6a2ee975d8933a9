package dev.frostgate.catalog;

import java.util.function.Supplier;

/**
 * Units of work: a catalog operation that writes more than once (CREATE OR REPLACE, a DROP and what goes
 * with it, a check and the write it guards) runs in one, so it happens whole or not at all. Every
 * repository call made on the calling thread inside it joins it; a call made inside one that is already
 * open joins that one. It commits when the work returns and rolls back when the work throws, whatever it
 * throws. Implemented by the store; door-neutral, so every door's commands get the same atomicity.
 */
public interface Transactions {

    /** Runs {@code work} in a unit of work (the one open on this thread, if there is one) and returns its result. */
    <T> T inTransaction(Supplier<T> work);

    /** {@link #inTransaction(Supplier)} for work without a result. */
    default void runInTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Runs {@code action} once the unit of work open on this thread has committed, and never if it rolls
     * back; at once when none is open. Actions run in the order they were given, after the commit.
     */
    void afterCommit(Runnable action);
}

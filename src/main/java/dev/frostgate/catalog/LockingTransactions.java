package dev.frostgate.catalog;

import java.util.function.Supplier;

/**
 * Units of work that take one catalog lock first thing: for kinds whose guards judge more than the object
 * changed (the network lock-out guard reads the policy governing the caller, the in-use checks read other
 * objects), so that every command, including the ones {@link ObjectLifecycle} runs, sees the store as the
 * previous change committed it, never a change in flight. A unit already open on the thread takes the lock
 * too, and holds it until that unit ends.
 */
final class LockingTransactions implements Transactions {
    private final Transactions transactions;
    private final Runnable lock;

    /** @param lock waits for, then holds until the unit of work ends, the catalog lock */
    LockingTransactions(Transactions transactions, Runnable lock) {
        this.transactions = transactions;
        this.lock = lock;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return transactions.inTransaction(() -> {
            lock.run();
            return work.get();
        });
    }

    @Override
    public void afterCommit(Runnable action) {
        transactions.afterCommit(action);
    }
}

package dev.frostgate.catalog;

import dev.frostgate.change.Change;
import dev.frostgate.change.ChangeFeed;
import java.util.function.Consumer;

/**
 * The change feed as catalogs publish to it: a change published inside a unit of work reaches subscribers
 * only after that unit committed, and not at all if it rolled back. Otherwise a cache told of a change
 * would reload the store before the change is visible to other connections (and keep the old state for
 * its lifetime), or forget state for a change that never happened.
 */
public final class AfterCommitChangeFeed implements ChangeFeed {
    private final ChangeFeed delivery;
    private final Transactions transactions;

    public AfterCommitChangeFeed(ChangeFeed delivery, Transactions transactions) {
        this.delivery = delivery;
        this.transactions = transactions;
    }

    @Override
    public void publish(Change change) {
        transactions.afterCommit(() -> delivery.publish(change));
    }

    @Override
    public <C extends Change> void subscribe(Class<C> kind, Consumer<? super C> subscriber) {
        delivery.subscribe(kind, subscriber);
    }
}

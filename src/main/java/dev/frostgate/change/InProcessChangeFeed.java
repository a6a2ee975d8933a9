package dev.frostgate.change;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The change feed of one process: subscribers are called synchronously, in subscription order. */
public final class InProcessChangeFeed implements ChangeFeed {
    private static final Logger LOG = LoggerFactory.getLogger(InProcessChangeFeed.class);

    private record Subscription<C extends Change>(Class<C> kind, Consumer<? super C> subscriber) {
        void deliver(Change change) {
            if (kind.isInstance(change)) {
                subscriber.accept(kind.cast(change));
            }
        }
    }

    private final List<Subscription<?>> subscriptions = new CopyOnWriteArrayList<>();

    @Override
    public void publish(Change change) {
        for (Subscription<?> subscription : subscriptions) {
            try {
                subscription.deliver(change);
            } catch (RuntimeException failure) {
                // The change is already written; one broken subscriber must not fail the statement or
                // keep the others from hearing of it. Its cache still expires after its lifetime.
                LOG.error("a subscriber failed on {}", change, failure);
            }
        }
    }

    @Override
    public <C extends Change> void subscribe(Class<C> kind, Consumer<? super C> subscriber) {
        subscriptions.add(new Subscription<>(kind, subscriber));
    }
}

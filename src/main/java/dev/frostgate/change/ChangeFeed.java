package dev.frostgate.change;

import java.util.function.Consumer;

/**
 * Where the core announces its changes and caches learn of them. In one process the feed is in
 * memory ({@link InProcessChangeFeed}); with several nodes the same interface will carry events
 * between them. A subscriber runs on the publishing thread after the change was written, so it must
 * be quick (forget a cache entry) and must not throw.
 */
public interface ChangeFeed {

    void publish(Change change);

    /** Calls {@code subscriber} with every published change of the given kind. */
    <C extends Change> void subscribe(Class<C> kind, Consumer<? super C> subscriber);
}

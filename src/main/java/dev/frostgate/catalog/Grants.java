package dev.frostgate.catalog;

import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.frostgate.change.CachePolicy;
import dev.frostgate.change.Change;
import dev.frostgate.change.ChangeFeed;

/**
 * The current {@link GrantsSnapshot}: read from the store once, then served from memory until a change
 * to grants or users (dropping a user takes its grants) is published, or the cache lifetime passes (the
 * fallback for changes made on another node).
 */
public final class Grants {
    private static final String CURRENT = "current";

    private final LoadingCache<String, GrantsSnapshot> snapshot;

    public Grants(RoleRepository roles, ChangeFeed changes, CachePolicy cachePolicy) {
        this.snapshot = cachePolicy.expiringCache(1)
                .build(key -> GrantsSnapshot.read(roles));
        changes.subscribe(Change.GrantsChanged.class, change -> snapshot.invalidateAll());
        changes.subscribe(Change.UserChanged.class, change -> snapshot.invalidateAll());
    }

    public GrantsSnapshot current() {
        return snapshot.get(CURRENT);
    }
}

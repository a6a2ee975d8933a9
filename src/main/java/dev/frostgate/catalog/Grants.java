package dev.frostgate.catalog;

import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.frostgate.change.CachePolicy;
import dev.frostgate.change.Change;
import dev.frostgate.change.ChangeFeed;

/**
 * The current {@link GrantsSnapshot} generation: a new one starts when a change to grants is published, or
 * when the cache lifetime passes (the fallback for changes made on another node); a changed user is
 * forgotten by the current one (dropping a user takes its grants).
 */
public final class Grants {
    private static final String CURRENT = "current";

    private final LoadingCache<String, GrantsSnapshot> snapshot;

    public Grants(RoleRepository roles, ChangeFeed changes, CachePolicy cachePolicy) {
        this.snapshot = cachePolicy.expiringCache(1)
                .build(key -> new GrantsSnapshot(roles));
        changes.subscribe(Change.GrantsChanged.class, change -> snapshot.invalidateAll());
        changes.subscribe(Change.UserChanged.class, change -> {
            GrantsSnapshot current = snapshot.getIfPresent(CURRENT);
            if (current != null) {
                current.forgetUser(change.userName());
            }
        });
    }

    public GrantsSnapshot current() {
        return snapshot.get(CURRENT);
    }
}

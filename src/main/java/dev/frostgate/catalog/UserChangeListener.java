package dev.frostgate.catalog;

/** Told after a user is changed or dropped, so that caches of user state can be dropped at once. */
@FunctionalInterface
public interface UserChangeListener {
    void userChanged(String userName);
}

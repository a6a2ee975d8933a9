package dev.frostgate.protocol;

import java.util.function.Predicate;

/** Where a door registers its endpoints: by method and exact path, or by method and a path matcher. */
public interface Routes {

    Routes route(String method, String path, Endpoint endpoint);

    Routes route(String method, Predicate<String> pathMatcher, Endpoint endpoint);
}

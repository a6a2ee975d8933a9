package dev.frostgate.catalog;

import dev.frostgate.error.ErrorCode;
import dev.frostgate.error.FrostgateException;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The two decisions every object statement makes about an object that may already exist, taken
 * the same way everywhere: CREATE with IF NOT EXISTS / OR REPLACE, and ALTER / DROP with IF EXISTS.
 */
final class Existence {
    private Existence() {}

    /**
     * Whether CREATE goes ahead: yes for a new object or OR REPLACE (the caller then checks it may
     * replace it); no for IF NOT EXISTS on an existing one (a successful no-op, which wins over OR
     * REPLACE); otherwise 002002.
     */
    static boolean mayCreate(Optional<?> existing, boolean orReplace, boolean ifNotExists, String name) {
        if (existing.isEmpty()) {
            return true;
        }
        if (ifNotExists) {
            return false;
        }
        if (!orReplace) {
            throw new FrostgateException(ErrorCode.OBJECT_ALREADY_EXISTS, name);
        }
        return true;
    }

    /**
     * The object an ALTER or DROP changes, authorized; empty when IF EXISTS found nothing, 002003
     * when it was required.
     */
    static <T> Optional<T> forChange(Optional<T> found, boolean ifExists, Supplier<FrostgateException> notFound,
                                     Consumer<T> authorize) {
        if (found.isEmpty() && !ifExists) {
            throw notFound.get();
        }
        found.ifPresent(authorize);
        return found;
    }
}

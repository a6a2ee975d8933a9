package dev.frostgate.store;

import java.sql.SQLException;

/** A database failure. Its message is the driver's, which never contains bound parameter values. */
public final class StoreException extends RuntimeException {
    StoreException(SQLException cause) {
        super("store failure: SQLState " + cause.getSQLState(), cause);
    }

    /** True for a unique-key violation, so callers can report "already exists" instead of a failure. */
    public boolean isDuplicateKey() {
        return getCause() instanceof SQLException failure && isDuplicateKey(failure);
    }

    static boolean isDuplicateKey(SQLException failure) {
        return "23505".equals(failure.getSQLState());
    }
}

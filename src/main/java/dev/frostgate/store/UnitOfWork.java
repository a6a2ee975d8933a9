package dev.frostgate.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The unit of work open on a thread: one connection of one pool with a transaction on it, which every
 * {@link Jdbc} call of that thread on that pool joins, and the actions that wait for its commit. The
 * connection is bound to the thread rather than passed along, so repository interfaces stay free of it
 * and any sequence of repository calls can be made atomic from the catalog.
 */
final class UnitOfWork {
    private static final ThreadLocal<UnitOfWork> OPEN = new ThreadLocal<>();

    private final DataSource dataSource;
    private final Connection connection;
    private final List<Runnable> afterCommit = new ArrayList<>();

    private UnitOfWork(DataSource dataSource, Connection connection) {
        this.dataSource = dataSource;
        this.connection = connection;
    }

    /** The connection of the unit of work open on this thread for this pool, if one is open. */
    static Optional<Connection> connectionOf(DataSource dataSource) {
        return open(dataSource).map(unit -> unit.connection);
    }

    static boolean isOpen(DataSource dataSource) {
        return open(dataSource).isPresent();
    }

    /**
     * Runs {@code work} in the unit of work open on this thread, or in a new one that commits when the work
     * returns and rolls back when it throws; the new one's after-commit actions run once it has committed.
     */
    static <T> T inTransaction(DataSource dataSource, Jdbc.Work<T> work) throws SQLException {
        Optional<UnitOfWork> open = open(dataSource);
        if (open.isPresent()) {
            return work.run(open.get().connection);
        }
        UnitOfWork unit;
        T result;
        try (Connection connection = dataSource.getConnection()) {
            unit = new UnitOfWork(dataSource, connection);
            OPEN.set(unit);
            try {
                result = unit.runToCommit(work);
            } finally {
                OPEN.remove();
            }
        }
        unit.runAfterCommit();
        return result;
    }

    /** Runs an action after this thread's unit of work on the pool commits; at once when none is open. */
    static void afterCommit(DataSource dataSource, Runnable action) {
        open(dataSource).ifPresentOrElse(unit -> unit.afterCommit.add(action), action);
    }

    private static Optional<UnitOfWork> open(DataSource dataSource) {
        UnitOfWork unit = OPEN.get();
        if (unit != null && unit.dataSource != dataSource) {
            // Work spanning two pools cannot be one transaction; joining neither would silently lose atomicity.
            throw new IllegalStateException("a unit of work on another database is open on this thread");
        }
        return Optional.ofNullable(unit);
    }

    private <T> T runToCommit(Jdbc.Work<T> work) throws SQLException {
        connection.setAutoCommit(false);
        T result;
        try {
            result = work.run(connection);
            connection.commit();
        } catch (Throwable failure) {
            // The first failure is the one to report: on a connection the pool has just discarded,
            // rolling back and restoring auto-commit fail too, and must not hide it.
            try {
                connection.rollback();
                connection.setAutoCommit(true);
            } catch (SQLException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
        connection.setAutoCommit(true);
        return result;
    }

    /** Every action runs, even after one failed: the commit is done, and each action announces part of it. */
    private void runAfterCommit() {
        RuntimeException first = null;
        for (Runnable action : afterCommit) {
            try {
                action.run();
            } catch (RuntimeException failure) {
                if (first == null) {
                    first = failure;
                } else {
                    first.addSuppressed(failure);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}

package dev.frostgate.store;

import dev.frostgate.catalog.User;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * One test's database on one backend: opened lazily, reopenable on the same storage, and removed
 * (H2 directory deleted, PostgreSQL database dropped) on close.
 */
final class TestStore implements AutoCloseable {
    private final StoreBackends.Backend backend;
    private final Database.Settings settings;
    private final Runnable removeStorage;
    private final List<Database> opened = new ArrayList<>();
    private Database current;
    private boolean removed;

    TestStore(StoreBackends.Backend backend, Database.Settings settings, Runnable removeStorage) {
        this.backend = backend;
        this.settings = settings;
        this.removeStorage = removeStorage;
    }

    StoreBackends.Backend backend() {
        return backend;
    }

    Database.Settings settings() {
        return settings;
    }

    /** The test's database, opened (and so migrated) on first use. */
    synchronized Database database() {
        if (current == null) {
            current = open();
        }
        return current;
    }

    /** Another pool on the same storage; closed with the store. */
    synchronized Database open() {
        Database database = Database.open(settings);
        opened.add(database);
        return database;
    }

    /** Closes the current database and opens the same storage again, as a restarted server would. */
    synchronized Database reopen() {
        if (current != null) {
            current.close();
        }
        current = open();
        return current;
    }

    JdbcUserRepository users() {
        return new JdbcUserRepository(database());
    }

    /**
     * Changes the stored user {@code name} into {@code after} from a fresh read of it, as ALTER USER does: {@code
     * after} is a sample of any id, taken as a change of the stored user (whose id stays).
     */
    void updateUser(String name, User after) {
        User before = users().find(name).orElseThrow();
        users().update(before, StoreSamples.withId(after, before.id()));
    }

    /**
     * Stores a minimal user of each name that is not stored yet: sessions, tokens, grants and policy attachments
     * refer to an existing user (by its id), so a test storing those for a user name needs the user first.
     */
    void usersNamed(String... names) {
        for (String name : names) {
            if (users().find(name).isEmpty()) {
                // Login names are unique ignoring case, names are not ("alice" and "ALICE" are two users).
                users().insert(StoreSamples.minimalUser(name).toBuilder()
                        .loginName(StoreSamples.idOf(name).value()).build());
            }
        }
    }

    JdbcRoleRepository roles() {
        return new JdbcRoleRepository(database());
    }

    JdbcSessionRepository sessions() {
        return new JdbcSessionRepository(database());
    }

    JdbcLoginHistoryRepository history() {
        return new JdbcLoginHistoryRepository(database());
    }

    /** Rows of a query run directly on the database, bypassing the repositories. */
    List<List<Object>> rows(String sql, Object... parameters) {
        try (Connection connection = database().dataSource().getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet result = statement.executeQuery()) {
            List<List<Object>> rows = new ArrayList<>();
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<Object> row = new ArrayList<>(columns);
                for (int column = 1; column <= columns; column++) {
                    row.add(result.getObject(column));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException failure) {
            throw new IllegalStateException(sql, failure);
        }
    }

    /** The single value of a one-row, one-column query. */
    Object value(String sql, Object... parameters) {
        List<List<Object>> rows = rows(sql, parameters);
        if (rows.size() != 1 || rows.get(0).size() != 1) {
            throw new IllegalStateException(sql + " returned " + rows);
        }
        return rows.get(0).get(0);
    }

    long count(String sql, Object... parameters) {
        return ((Number) value(sql, parameters)).longValue();
    }

    int execute(String sql, Object... parameters) {
        try (Connection connection = database().dataSource().getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException failure) {
            throw new IllegalStateException(sql, failure);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                Object value = parameters[i] instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC)
                        : parameters[i];
                statement.setObject(i + 1, value);
            }
            return statement;
        } catch (SQLException failure) {
            statement.close();
            throw failure;
        }
    }

    @Override
    public synchronized void close() {
        RuntimeException failure = null;
        for (Database database : opened) {
            try {
                database.close();
            } catch (RuntimeException closing) {
                failure = closing;
            }
        }
        opened.clear();
        current = null;
        if (!removed) {
            removed = true;
            removeStorage.run();
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        return backend.displayName() + " " + settings.effectiveUrl();
    }
}

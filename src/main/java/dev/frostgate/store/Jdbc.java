package dev.frostgate.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** A thin layer over JDBC: parameter binding, row mapping and transactions, nothing more. */
final class Jdbc {
    private final DataSource dataSource;

    Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    <T> List<T> query(String sql, RowMapper<T> mapper, Object... parameters) {
        return inConnection(connection -> query(connection, sql, mapper, parameters));
    }

    <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... parameters) {
        List<T> rows = query(sql, mapper, parameters);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    int update(String sql, Object... parameters) {
        return inConnection(connection -> update(connection, sql, parameters));
    }

    static <T> List<T> query(Connection connection, String sql, RowMapper<T> mapper, Object... parameters)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        }
    }

    static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        }
    }

    /**
     * Runs the work on the connection of the unit of work open on this thread ({@link UnitOfWork}), or else on
     * a connection of its own in auto-commit.
     */
    <T> T inConnection(Work<T> work) {
        try {
            Optional<Connection> joined = UnitOfWork.connectionOf(dataSource);
            if (joined.isPresent()) {
                return work.run(joined.get());
            }
            try (Connection connection = dataSource.getConnection()) {
                return work.run(connection);
            }
        } catch (SQLException failure) {
            throw new StoreException(failure);
        }
    }

    /** Runs several statements atomically: in the unit of work open on this thread, or in one of their own. */
    <T> T inTransaction(Work<T> work) {
        try {
            return UnitOfWork.inTransaction(dataSource, work);
        } catch (SQLException failure) {
            throw new StoreException(failure);
        }
    }

    /**
     * Reads rows and locks them ({@code FOR UPDATE}) until the unit of work open on this thread ends: a
     * concurrent unit locking the same rows waits for it, and then reads what it committed. Outside a unit of
     * work the lock would end with the statement, so there must be one.
     */
    <T> List<T> queryLocking(String sql, RowMapper<T> mapper, Object... parameters) {
        if (!UnitOfWork.isOpen(dataSource)) {
            throw new IllegalStateException("a row lock is only held within a unit of work: " + sql);
        }
        return query(sql + " FOR UPDATE", mapper, parameters);
    }

    /**
     * An INSERT that a unique key may refuse: false then. Inside a unit of work the statement runs under a
     * savepoint, since PostgreSQL refuses every later statement of a transaction in which one failed.
     */
    boolean insertUnlessDuplicate(String sql, Object... parameters) {
        return inConnection(connection -> {
            Savepoint savepoint = UnitOfWork.isOpen(dataSource) ? connection.setSavepoint() : null;
            try {
                update(connection, sql, parameters);
            } catch (SQLException failure) {
                if (!StoreException.isDuplicateKey(failure)) {
                    throw failure;
                }
                if (savepoint != null) {
                    connection.rollback(savepoint);
                }
                return false;
            }
            if (savepoint != null) {
                connection.releaseSavepoint(savepoint);
            }
            return true;
        });
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            if (value instanceof Optional<?> optional) {
                value = optional.orElse(null);
            }
            switch (value) {
                case null -> statement.setNull(i + 1, Types.NULL);
                case Instant instant -> statement.setObject(i + 1, instant.atOffset(ZoneOffset.UTC));
                case Enum<?> constant -> statement.setString(i + 1, constant.name());
                // PostgreSQL text cannot hold U+0000 and H2's can: refuse it on both, with PostgreSQL's state.
                case String text when text.indexOf('\0') >= 0 ->
                        throw new SQLException("text cannot contain the character U+0000", "22021");
                default -> statement.setObject(i + 1, value);
            }
        }
    }

    static Optional<Instant> instant(ResultSet row, String column) throws SQLException {
        return Optional.ofNullable(row.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    static Optional<String> text(ResultSet row, String column) throws SQLException {
        return Optional.ofNullable(row.getString(column));
    }
}

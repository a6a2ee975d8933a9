package dev.frostgate.it;

import static dev.frostgate.testing.Sql.execute;
import static dev.frostgate.testing.Sql.failsWith;
import static dev.frostgate.testing.Sql.rows;
import static dev.frostgate.testing.Sql.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frostgate.testing.EmbeddedPostgresServer;
import dev.frostgate.testing.RunningServer;
import dev.frostgate.testing.SnowflakeJdbc;
import java.sql.Connection;
import java.time.Clock;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The whole server on a real PostgreSQL: the same store code as on H2, driven by the real JDBC
 * driver, and two server nodes sharing one database (sessions move between them).
 */
class PostgresServerTest {
    @Test
    void twoNodesShareOneDatabase() throws Exception {
        EmbeddedPostgresServer.DatabaseSettings database = EmbeddedPostgresServer.newDatabase();
        UnaryOperator<dev.frostgate.server.ServerConfig> onPostgres = config -> config.toBuilder()
                .database(database.url(), database.user(), database.password()).build();
        try (RunningServer first = RunningServer.start(onPostgres, Clock.systemUTC());
             RunningServer second = RunningServer.start(onPostgres, Clock.systemUTC())) {
            try (Connection admin = SnowflakeJdbc.V3.connect(first, "ADMIN", RunningServer.ADMIN_PASSWORD)) {
                execute(admin, "CREATE ROLE analyst", "CREATE USER ann PASSWORD = 'Ann-Passw0rd!' DEFAULT_ROLE = analyst",
                        "GRANT ROLE analyst TO USER ann",
                        "CREATE NETWORK POLICY loopback ALLOWED_IP_LIST = ('127.0.0.1')",
                        "ALTER USER ann SET NETWORK_POLICY = loopback");
                failsWith("002002", () -> execute(admin, "CREATE USER ann"));
            }
            try (Connection ann = SnowflakeJdbc.V4.connect(second, "ann", "Ann-Passw0rd!")) {
                assertThat(value(ann, "SELECT CURRENT_ROLE()")).isEqualTo("ANALYST");
            }
            try (Connection admin = SnowflakeJdbc.V3.connect(second, "ADMIN", RunningServer.ADMIN_PASSWORD)) {
                assertThat(rows(admin, "SELECT user_name, is_success FROM SNOWFLAKE.ACCOUNT_USAGE.LOGIN_HISTORY "
                        + "WHERE user_name = 'ANN'")).hasSize(1);
                assertThat(rows(admin, "SHOW USERS LIKE 'ANN'").get(0)).containsEntry("default_role", "ANALYST");
            }
            assertThat(second.consoleOutput()).doesNotContain("shown only now");
        }
    }
}

package dev.frostgate.it;

import static dev.frostgate.testing.Sql.execute;
import static dev.frostgate.testing.Sql.failsWith;
import static dev.frostgate.testing.Sql.rows;
import static dev.frostgate.testing.Sql.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frostgate.testing.MutableClock;
import dev.frostgate.testing.RunningServer;
import dev.frostgate.testing.SnowflakeJdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Password login through the real JDBC drivers: every success path and every refusal with its code. */
class PasswordLoginTest {
    private static final String PASSWORD = "Sup3r-Secret-Pw!";
    private static MutableClock clock;
    private static RunningServer server;
    private Connection admin;

    @BeforeAll
    static void start() throws Exception {
        clock = MutableClock.startingNow();
        server = RunningServer.start(UnaryOperator.identity(), clock);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    /** A fresh administrator session per test, since some tests move the clock past token expiry. */
    @BeforeEach
    void connectAdministrator() throws SQLException {
        admin = SnowflakeJdbc.V3.connect(server, "ADMIN", RunningServer.ADMIN_PASSWORD);
    }

    @AfterEach
    void disconnectAdministrator() throws SQLException {
        admin.close();
    }

    private String newUser(String properties) throws SQLException {
        String name = "U" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
        execute(admin, "CREATE USER " + name + " PASSWORD = '" + PASSWORD + "' " + properties);
        return name;
    }

    private static Connection login(SnowflakeJdbc jdbc, String user, String password, String role)
            throws SQLException {
        Properties properties = new Properties();
        properties.put("user", user);
        properties.put("password", password);
        if (role != null) {
            properties.put("role", role);
        }
        return jdbc.connect(server.jdbcUrl(), properties);
    }

    @ParameterizedTest
    @EnumSource(SnowflakeJdbc.class)
    void loginWithoutRoleUsesDefaultRoleWhenGranted(SnowflakeJdbc jdbc) throws Exception {
        execute(admin, "CREATE ROLE IF NOT EXISTS ANALYST");
        String user = newUser("DEFAULT_ROLE = ANALYST");
        execute(admin, "GRANT ROLE ANALYST TO USER " + user);
        try (Connection connection = login(jdbc, user.toLowerCase(), PASSWORD, null)) {
            assertThat(value(connection, "SELECT CURRENT_ROLE()")).isEqualTo("ANALYST");
            assertThat(value(connection, "SELECT CURRENT_USER()")).isEqualTo(user);
        }
    }

    @ParameterizedTest
    @EnumSource(SnowflakeJdbc.class)
    void defaultRoleNotGrantedFallsBackToPublic(SnowflakeJdbc jdbc) throws Exception {
        String user = newUser("DEFAULT_ROLE = SYSADMIN");
        try (Connection connection = login(jdbc, user, PASSWORD, null)) {
            assertThat(value(connection, "SELECT CURRENT_ROLE()")).isEqualTo("PUBLIC");
        }
    }

    @ParameterizedTest
    @EnumSource(SnowflakeJdbc.class)
    void connectStringRoleMustBeGranted(SnowflakeJdbc jdbc) throws Exception {
        String user = newUser("");
        SQLException refused = failsWith("390189", () -> login(jdbc, user, PASSWORD, "SYSADMIN").close());
        assertThat(refused.getMessage()).contains("Role 'SYSADMIN' specified in the connect string is not granted");
        execute(admin, "GRANT ROLE SYSADMIN TO USER " + user);
        try (Connection connection = login(jdbc, user, PASSWORD, "sysadmin")) {
            assertThat(value(connection, "SELECT CURRENT_ROLE()")).isEqualTo("SYSADMIN");
        }
    }

    @ParameterizedTest
    @EnumSource(SnowflakeJdbc.class)
    void wrongPasswordAndUnknownUserAreIndistinguishable(SnowflakeJdbc jdbc) throws Exception {
        String user = newUser("");
        SQLException wrongPassword = failsWith("390100", () -> login(jdbc, user, "not-it", null).close());
        SQLException unknownUser = failsWith("390100", () -> login(jdbc, "NOBODY_" + user, PASSWORD, null).close());
        assertThat(wrongPassword.getMessage()).isEqualTo(unknownUser.getMessage())
                .contains("Incorrect username or password was specified.");
        assertThat(wrongPassword.getSQLState()).isEqualTo(unknownUser.getSQLState()).isEqualTo("08001");
    }

    @ParameterizedTest
    @EnumSource(SnowflakeJdbc.class)
    void disabledUserIsRefused(SnowflakeJdbc jdbc) throws Exception {
        String user = newUser("DISABLED = TRUE");
        failsWith("390101", () -> login(jdbc, user, PASSWORD, null).close());
        execute(admin, "ALTER USER " + user + " SET DISABLED = FALSE");
        login(jdbc, user, PASSWORD, null).close();
    }

    @ParameterizedTest
    @EnumSource(SnowflakeJdbc.class)
    void expiredUserIsRefused(SnowflakeJdbc jdbc) throws Exception {
        String user = newUser("DAYS_TO_EXPIRY = 1");
        login(jdbc, user, PASSWORD, null).close();
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        failsWith("390106", () -> login(jdbc, user, PASSWORD, null).close());
        connectAdministrator();
        execute(admin, "ALTER USER " + user + " UNSET DAYS_TO_EXPIRY");
        login(jdbc, user, PASSWORD, null).close();
    }

    @ParameterizedTest
    @EnumSource(SnowflakeJdbc.class)
    void serviceUsersCannotUsePasswords(SnowflakeJdbc jdbc) throws Exception {
        String name = "SVC_" + jdbc;
        execute(admin, "CREATE OR REPLACE USER " + name + " TYPE = SERVICE");
        failsWith("001009", () -> execute(admin, "ALTER USER " + name + " SET PASSWORD = 'Whatever-123'"));
        failsWith("390100", () -> login(jdbc, name, "Whatever-123", null).close());
    }

    @ParameterizedTest
    @EnumSource(SnowflakeJdbc.class)
    void fiveFailuresLockTheUserForFifteenMinutes(SnowflakeJdbc jdbc) throws Exception {
        String user = newUser("");
        for (int attempt = 0; attempt < 5; attempt++) {
            failsWith("390100", () -> login(jdbc, user, "wrong", null).close());
        }
        SQLException locked = failsWith("390102", () -> login(jdbc, user, PASSWORD, null).close());
        assertThat(locked.getMessage()).contains("User temporarily locked");
        List<Map<String, String>> shown = rows(admin, "SHOW USERS LIKE '" + user + "'");
        assertThat(Long.parseLong(shown.get(0).get("mins_to_unlock"))).isBetween(14L, 15L);
        assertThat(rows(admin, "DESCRIBE USER " + user)).anySatisfy(row -> {
            assertThat(row.get("property")).isEqualTo("MINS_TO_UNLOCK");
            assertThat(row.get("value")).isEqualTo("15");
        });

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        login(jdbc, user, PASSWORD, null).close();
        connectAdministrator();

        for (int attempt = 0; attempt < 5; attempt++) {
            failsWith("390100", () -> login(jdbc, user, "wrong", null).close());
        }
        failsWith("390102", () -> login(jdbc, user, PASSWORD, null).close());
        execute(admin, "ALTER USER " + user + " SET MINS_TO_UNLOCK = 0");
        login(jdbc, user, PASSWORD, null).close();
    }

    @org.junit.jupiter.api.Test
    void lastSuccessLoginIsKeptToTheSecondAndASuccessStillClearsFailures() throws Exception {
        String user = newUser("");
        clock.advance(Duration.ofMillis(1_100 - clock.millis() % 1_000));
        login(SnowflakeJdbc.V3, user, PASSWORD, null).close();
        String first = lastSuccessLogin(user);
        assertThat(first).isNotBlank();
        clock.advance(Duration.ofMillis(500));
        login(SnowflakeJdbc.V3, user, PASSWORD, null).close();
        assertThat(lastSuccessLogin(user)).as("the same second: the row is not written again").isEqualTo(first);
        for (int round = 0; round < 2; round++) {
            for (int attempt = 0; attempt < 4; attempt++) {
                failsWith("390100", () -> login(SnowflakeJdbc.V3, user, "wrong", null).close());
            }
            // Still the same second: the success must clear the four failures, or the next round locks the user.
            login(SnowflakeJdbc.V3, user, PASSWORD, null).close();
        }
        clock.advance(Duration.ofSeconds(1));
        login(SnowflakeJdbc.V3, user, PASSWORD, null).close();
        assertThat(lastSuccessLogin(user)).as("a later second is recorded").isNotEqualTo(first);
    }

    private String lastSuccessLogin(String user) throws SQLException {
        return rows(admin, "SHOW USERS LIKE '" + user + "'").get(0).get("last_success_login");
    }

    @ParameterizedTest
    @EnumSource(SnowflakeJdbc.class)
    void otherAccountsAreRefusedClearly(SnowflakeJdbc jdbc) throws Exception {
        Properties properties = new Properties();
        properties.put("user", "ADMIN");
        properties.put("password", RunningServer.ADMIN_PASSWORD);
        String url = "jdbc:snowflake://127.0.0.1:" + server.port() + "/?ssl=off&account=elsewhere"
                + "&disablePlatformDetection=true";
        SQLException refused = failsWith("390201", () -> jdbc.connect(url, properties).close());
        assertThat(refused.getMessage()).contains("ELSEWHERE");
    }

    @ParameterizedTest
    @EnumSource(SnowflakeJdbc.class)
    void everyAttemptIsInTheLoginHistory(SnowflakeJdbc jdbc) throws Exception {
        String user = newUser("");
        failsWith("390100", () -> login(jdbc, user, "wrong", null).close());
        login(jdbc, user, PASSWORD, null).close();
        List<Map<String, String>> history = rows(admin, "SELECT user_name, is_success, error_code, error_message, "
                + "first_authentication_factor, reported_client_type, client_ip FROM SNOWFLAKE.ACCOUNT_USAGE.LOGIN_HISTORY "
                + "WHERE user_name = '" + user + "' ORDER BY event_id");
        assertThat(history).hasSize(2);
        assertThat(history.get(0)).containsEntry("IS_SUCCESS", "NO").containsEntry("ERROR_CODE", "390100")
                .containsEntry("ERROR_MESSAGE", "INCORRECT_USERNAME_PASSWORD")
                .containsEntry("FIRST_AUTHENTICATION_FACTOR", "PASSWORD")
                .containsEntry("REPORTED_CLIENT_TYPE", "JDBC_DRIVER").containsEntry("CLIENT_IP", "127.0.0.1");
        assertThat(history.get(1)).containsEntry("IS_SUCCESS", "YES").containsEntry("ERROR_CODE", null);
    }
}

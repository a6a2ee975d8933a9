package dev.frostgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frostgate.testing.NodeDriver;
import dev.frostgate.testing.NodeDriver.Outcome;
import dev.frostgate.testing.NodeDriver.Result;
import dev.frostgate.testing.RunningServer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The unmodified Snowflake Node.js driver ({@code snowflake-sdk} 3.3.0, through
 * {@code node-tests/run-scenario.js}) against a real server: logins, every login refusal with its
 * code, statements, and statement errors with theirs.
 */
class NodeDriverTest {
    private static final String PASSWORD = "N0de-Driver-Pw!";
    private static final String INCORRECT = "Incorrect username or password was specified.";

    private static NodeDriver node;
    private static RunningServer server;

    @BeforeAll
    static void start() throws Exception {
        node = NodeDriver.prepare();
        server = RunningServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    private static Map<String, Object> as(String user, String password) {
        return NodeDriver.connection(server, user, password);
    }

    /** Runs statements as ADMIN through the Node driver; each one must succeed. */
    private static Outcome admin(String... statements) {
        Outcome outcome = node.run(as("ADMIN", RunningServer.ADMIN_PASSWORD), statements);
        assertThat(outcome.login().ok()).as("ADMIN login: %s", outcome).isTrue();
        assertThat(outcome.results()).as("%s", outcome).hasSize(statements.length).allSatisfy(
                result -> assertThat(result.ok()).as("%s", outcome).isTrue());
        return outcome;
    }

    private static String newUser(String properties) {
        String name = unique("NODE_U");
        admin("CREATE USER " + name + " PASSWORD = '" + PASSWORD + "' " + properties);
        return name;
    }

    /** A refused login: the code as the driver reports it, and no statement run. */
    private static NodeDriver.Login refused(Map<String, Object> connection, String code) {
        Outcome outcome = node.run(connection, "SELECT 1");
        assertThat(outcome.login().ok()).as("%s", outcome).isFalse();
        assertThat(outcome.login().code()).as("%s", outcome).isEqualTo(code);
        assertThat(outcome.results()).isEmpty();
        return outcome.login();
    }

    /** A login's message without the " [uuid]" that marks a recorded failure, if the server adds one. */
    private static String withoutIncidentId(String message) {
        return message.replaceFirst("\\s*\\[[0-9a-fA-F-]{36}]$", "");
    }

    @Test
    void passwordLoginRunsQueries() {
        Outcome outcome = node.run(as("ADMIN", RunningServer.ADMIN_PASSWORD),
                "SELECT 1", "SELECT CURRENT_USER(), CURRENT_ROLE()");

        assertThat(outcome.login().ok()).as("%s", outcome).isTrue();
        assertThat(outcome.login().code()).isNull();
        Result one = outcome.result(0);
        assertThat(one.ok()).as("%s", outcome).isTrue();
        assertThat(one.columns()).containsExactly("1");
        assertThat(one.rows()).containsExactly(List.of(1));
        Result who = outcome.result(1);
        assertThat(who.ok()).as("%s", outcome).isTrue();
        assertThat(who.columns()).containsExactly("CURRENT_USER()", "CURRENT_ROLE()");
        assertThat(who.rows()).containsExactly(List.of("ADMIN", "ACCOUNTADMIN"));
    }

    @Test
    void hostPortAndProtocolConnectLikeAnAccessUrl() {
        Map<String, Object> connection = as("admin", RunningServer.ADMIN_PASSWORD);
        connection.remove("accessUrl");
        connection.put("host", "localhost");
        connection.put("port", server.port());
        connection.put("protocol", "http");

        Outcome outcome = node.run(connection, "SELECT CURRENT_USER()");

        assertThat(outcome.login().ok()).as("%s", outcome).isTrue();
        assertThat(outcome.result(0).rows()).containsExactly(List.of("ADMIN"));
    }

    @Test
    void userAndRoleCreatedThroughNodeLogInWithThatRole() {
        String user = unique("NODE_BOB");
        String role = unique("NODE_R");
        Outcome created = admin(
                "CREATE USER " + user + " PASSWORD = '" + PASSWORD + "' DEFAULT_ROLE = 'PUBLIC'",
                "CREATE ROLE " + role,
                "GRANT ROLE " + role + " TO USER " + user,
                "DESCRIBE USER " + user,
                "SHOW ROLES");
        assertThat(created.result(0).rows()).containsExactly(List.of("User " + user + " successfully created."));
        assertThat(created.result(1).rows()).containsExactly(List.of("Role " + role + " successfully created."));
        Result described = created.result(3);
        assertThat(described.columns()).startsWith("property", "value");
        assertThat(described.rows())
                .anySatisfy(row -> assertThat(row.subList(0, 2)).containsExactly("NAME", user))
                .anySatisfy(row -> assertThat(row.subList(0, 2)).containsExactly("DEFAULT_ROLE", "PUBLIC"));
        assertThat(created.result(4).column("name")).contains(role, "ACCOUNTADMIN", "PUBLIC");

        Map<String, Object> connection = as(user.toLowerCase(), PASSWORD);
        connection.put("role", role.toLowerCase());
        Outcome login = node.run(connection,
                "SELECT CURRENT_USER(), CURRENT_ROLE()",
                "USE ROLE PUBLIC",
                "SELECT CURRENT_ROLE()",
                "CREATE USER " + unique("NODE_NOPE"));

        assertThat(login.login().ok()).as("%s", login).isTrue();
        assertThat(login.result(0).rows()).containsExactly(List.of(user, role));
        assertThat(login.result(1).ok()).as("%s", login).isTrue();
        assertThat(login.result(2).rows()).containsExactly(List.of("PUBLIC"));
        Result forbidden = login.result(3);
        assertThat(forbidden.ok()).isFalse();
        assertThat(forbidden.code()).as("%s", login).isEqualTo("003001");
        assertThat(forbidden.sqlState()).isEqualTo("42501");
        assertThat(forbidden.message()).contains("Insufficient privileges");
    }

    @Test
    void wrongPasswordAndUnknownUserAreRefusedIdentically() {
        String user = newUser("");

        NodeDriver.Login wrongPassword = refused(as(user, "not-the-password"), "390100");
        NodeDriver.Login unknownUser = refused(as("NOBODY_" + user, PASSWORD), "390100");

        assertThat(wrongPassword.message()).startsWith(INCORRECT);
        assertThat(withoutIncidentId(unknownUser.message())).isEqualTo(withoutIncidentId(wrongPassword.message()));
    }

    @Test
    void otherAccountIsRefused() {
        NodeDriver.Login login = refused(
                NodeDriver.connection(server, "elsewhere", "ADMIN", RunningServer.ADMIN_PASSWORD), "390201");
        assertThat(login.message()).contains("ELSEWHERE");
    }

    @Test
    void roleInConnectOptionsMustBeGranted() {
        String user = newUser("");
        Map<String, Object> connection = as(user, PASSWORD);
        connection.put("role", "SYSADMIN");

        NodeDriver.Login login = refused(connection, "390189");

        assertThat(login.message()).contains("Role 'SYSADMIN' specified in the connect string is not granted");
    }

    @Test
    void disabledUserIsRefusedUntilEnabled() {
        String user = newUser("DISABLED = TRUE");

        NodeDriver.Login login = refused(as(user, PASSWORD), "390101");
        assertThat(login.message()).contains("User access disabled");

        admin("ALTER USER " + user + " SET DISABLED = FALSE");
        Outcome enabled = node.run(as(user, PASSWORD), "SELECT CURRENT_USER()");
        assertThat(enabled.login().ok()).as("%s", enabled).isTrue();
        assertThat(enabled.result(0).rows()).containsExactly(List.of(user));
    }

    @Test
    void fiveFailuresLockTheUser() {
        String user = newUser("");
        for (int attempt = 0; attempt < 5; attempt++) {
            refused(as(user, "wrong-" + attempt), "390100");
        }

        NodeDriver.Login locked = refused(as(user, PASSWORD), "390102");

        assertThat(locked.message()).contains("User temporarily locked");
    }

    @Test
    void statementErrorsCarryTheirCodesAndLeaveTheSessionUsable() {
        Outcome outcome = node.run(as("ADMIN", RunningServer.ADMIN_PASSWORD),
                "SELEC 1",
                "SELECT * FROM NODE_NO_SUCH_TABLE",
                "DROP USER NODE_NO_SUCH_USER",
                "SELECT 2");

        assertThat(outcome.login().ok()).as("%s", outcome).isTrue();
        Result syntax = outcome.result(0);
        assertThat(syntax.ok()).isFalse();
        assertThat(syntax.code()).as("%s", outcome).isEqualTo("001003");
        assertThat(syntax.sqlState()).isEqualTo("42000");
        assertThat(syntax.message()).contains("syntax error");

        Result missingTable = outcome.result(1);
        assertThat(missingTable.ok()).isFalse();
        assertThat(missingTable.code()).as("%s", outcome).isEqualTo("002003");
        assertThat(missingTable.sqlState()).isEqualTo("42S02");
        assertThat(missingTable.message()).contains("'NODE_NO_SUCH_TABLE' does not exist or not authorized");

        Result missingUser = outcome.result(2);
        assertThat(missingUser.ok()).isFalse();
        assertThat(missingUser.code()).as("%s", outcome).isEqualTo("002003");
        assertThat(missingUser.message()).contains("NODE_NO_SUCH_USER");

        assertThat(outcome.result(3).rows()).containsExactly(List.of(2));
    }

    @Test
    void showUsersListsUsersByName() {
        String user = newUser("");

        Outcome outcome = admin("SHOW USERS");

        Result shown = outcome.result(0);
        assertThat(shown.columns()).contains("name", "login_name", "disabled", "default_role");
        assertThat(shown.rows()).isNotEmpty().allSatisfy(row -> assertThat(row).hasSameSizeAs(shown.columns()));
        assertThat(shown.column("name")).contains("ADMIN", user);
    }
}

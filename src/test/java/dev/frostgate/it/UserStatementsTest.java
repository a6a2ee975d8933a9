package dev.frostgate.it;

import static dev.frostgate.testing.Sql.execute;
import static dev.frostgate.testing.Sql.failsWith;
import static dev.frostgate.testing.Sql.rows;
import static dev.frostgate.testing.Sql.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frostgate.testing.RunningServer;
import dev.frostgate.testing.SnowflakeJdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CREATE / ALTER / DROP / DESCRIBE USER and SHOW USERS through the real JDBC driver. */
class UserStatementsTest {
    private static RunningServer server;
    private static Connection admin;

    @BeforeAll
    static void start() throws Exception {
        server = RunningServer.start();
        admin = SnowflakeJdbc.V3.connect(server, "ADMIN", RunningServer.ADMIN_PASSWORD);
    }

    @AfterAll
    static void stop() throws Exception {
        admin.close();
        server.close();
    }

    private static Map<String, String> describe(String user) throws SQLException {
        return rows(admin, "DESCRIBE USER " + user).stream()
                .collect(Collectors.toMap(row -> row.get("property"), row -> String.valueOf(row.get("value"))));
    }

    private static Map<String, String> shown(String user) throws SQLException {
        List<Map<String, String>> rows = rows(admin, "SHOW USERS LIKE '" + user + "'");
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    @Test
    void createWithEveryPropertyAndReadItBack() throws Exception {
        execute(admin, """
                CREATE USER alice
                  TYPE = PERSON
                  LOGIN_NAME = 'alice@example.com'
                  PASSWORD = 'Alice-Passw0rd!'
                  EMAIL = 'alice@example.com'
                  FIRST_NAME = 'Alice' LAST_NAME = 'Liddell'
                  DISPLAY_NAME = 'Alice L.'
                  COMMENT = 'analyst'
                  DISABLED = FALSE
                  MUST_CHANGE_PASSWORD = TRUE
                  DAYS_TO_EXPIRY = 30
                  DEFAULT_ROLE = PUBLIC
                  DEFAULT_SECONDARY_ROLES = ()
                """);
        Map<String, String> described = describe("alice");
        assertThat(described).containsEntry("NAME", "ALICE").containsEntry("LOGIN_NAME", "ALICE@EXAMPLE.COM")
                .containsEntry("EMAIL", "alice@example.com").containsEntry("FIRST_NAME", "Alice")
                .containsEntry("LAST_NAME", "Liddell").containsEntry("DISPLAY_NAME", "Alice L.")
                .containsEntry("COMMENT", "analyst").containsEntry("MUST_CHANGE_PASSWORD", "true")
                .containsEntry("DISABLED", "false").containsEntry("DEFAULT_ROLE", "PUBLIC")
                .containsEntry("DEFAULT_SECONDARY_ROLES", "[]").containsEntry("TYPE", "PERSON")
                .containsEntry("PASSWORD", "********");
        assertThat(Double.parseDouble(described.get("DAYS_TO_EXPIRY"))).isBetween(29.9, 30.0);

        Map<String, String> row = shown("ALICE");
        assertThat(row).containsEntry("login_name", "ALICE@EXAMPLE.COM").containsEntry("has_password", "true")
                .containsEntry("must_change_password", "true").containsEntry("owner", "ACCOUNTADMIN")
                .containsEntry("type", "PERSON").containsEntry("default_secondary_roles", "[]");
        assertThat(row.keySet()).containsSubsequence("name", "created_on", "login_name", "display_name", "email",
                "mins_to_unlock", "days_to_expiry", "comment", "disabled", "must_change_password", "snowflake_lock",
                "default_role", "default_secondary_roles", "owner", "last_success_login", "locked_until_time",
                "has_password", "has_rsa_public_key", "type", "has_mfa");
        assertThat(rows(admin, "SHOW USERS").toString()).doesNotContain("Alice-Passw0rd!");
        assertThat(rows(admin, "DESCRIBE USER alice").toString()).doesNotContain("Alice-Passw0rd!");
    }

    @Test
    void identifiersFollowSnowflakeCaseRules() throws Exception {
        execute(admin, "CREATE USER \"MixedCase\"", "CREATE USER plain_name");
        assertThat(rows(admin, "SHOW USERS LIKE 'MixedCase'")).extracting(row -> row.get("name"))
                .containsExactly("MixedCase");
        assertThat(rows(admin, "SHOW USERS LIKE 'plain%'")).extracting(row -> row.get("name"))
                .containsExactly("PLAIN_NAME");
        failsWith("002003", () -> execute(admin, "DESCRIBE USER mixedcase"));
    }

    @Test
    void createConflictsAndTheirModifiers() throws Exception {
        execute(admin, "CREATE USER dup COMMENT = 'first'");
        SQLException exists = failsWith("002002", () -> execute(admin, "CREATE USER dup"));
        assertThat(exists.getMessage()).contains("Object 'DUP' already exists.");
        execute(admin, "CREATE USER IF NOT EXISTS dup COMMENT = 'ignored'");
        assertThat(describe("dup")).containsEntry("COMMENT", "first");
        execute(admin, "CREATE OR REPLACE USER dup COMMENT = 'second'");
        assertThat(describe("dup")).containsEntry("COMMENT", "second");
        failsWith("002002", () -> execute(admin, "CREATE USER other LOGIN_NAME = 'DUP'"));
    }

    @Test
    void alterSetUnsetAndRename() throws Exception {
        execute(admin, "CREATE USER carol EMAIL = 'c@example.com' COMMENT = 'x'");
        execute(admin, "ALTER USER carol SET COMMENT = 'changed', DISPLAY_NAME = 'Carol'");
        assertThat(describe("carol")).containsEntry("COMMENT", "changed").containsEntry("DISPLAY_NAME", "Carol");
        execute(admin, "ALTER USER carol UNSET COMMENT, EMAIL");
        assertThat(describe("carol")).containsEntry("COMMENT", "null").containsEntry("EMAIL", "null");
        execute(admin, "ALTER USER carol RENAME TO caroline");
        failsWith("002003", () -> execute(admin, "DESCRIBE USER carol"));
        assertThat(describe("caroline")).containsEntry("NAME", "CAROLINE");
        execute(admin, "ALTER USER IF EXISTS nobody_here SET COMMENT = 'x'");
        failsWith("002003", () -> execute(admin, "ALTER USER nobody_here SET COMMENT = 'x'"));
    }

    @Test
    void badPropertiesAreRefusedWithTheirCodes() throws Exception {
        SQLException unknown = failsWith("001008", () -> execute(admin, "CREATE USER bad1 COLOUR = 'blue'"));
        assertThat(unknown.getMessage()).contains("invalid property 'COLOUR'");
        SQLException badType = failsWith("002211", () -> execute(admin, "CREATE USER bad2 TYPE = ROBOT"));
        assertThat(badType.getMessage()).contains("'TYPE'");
        failsWith("002211", () -> execute(admin, "CREATE USER bad3 DISABLED = 'perhaps'"));
        failsWith("002211", () -> execute(admin, "CREATE USER bad4 MINS_TO_UNLOCK = -1"));
        failsWith("002211", () -> execute(admin, "CREATE USER bad5 DEFAULT_SECONDARY_ROLES = ('R1')"));
        SQLException service = failsWith("001009",
                () -> execute(admin, "CREATE USER bad6 TYPE = SERVICE PASSWORD = 'Secret-123456'"));
        assertThat(service.getMessage()).doesNotContain("Secret-123456");
        failsWith("001009", () -> execute(admin, "CREATE USER bad7 TYPE = SERVICE FIRST_NAME = 'Bob'"));
        assertThat(rows(admin, "SHOW USERS LIKE 'BAD%'")).isEmpty();
    }

    @Test
    void legacyServiceUsersKeepPasswords() throws Exception {
        execute(admin, "CREATE USER legacy TYPE = LEGACY_SERVICE PASSWORD = 'Legacy-Passw0rd'");
        try (Connection connection = SnowflakeJdbc.V3.connect(server, "legacy", "Legacy-Passw0rd")) {
            assertThat(value(connection, "SELECT CURRENT_USER()")).isEqualTo("LEGACY");
        }
    }

    @Test
    void dropUserEndsItsSessions() throws Exception {
        execute(admin, "CREATE USER dave PASSWORD = 'Dave-Passw0rd!'");
        try (Connection dave = SnowflakeJdbc.V3.connect(server, "dave", "Dave-Passw0rd!")) {
            assertThat(value(dave, "SELECT 1")).isEqualTo("1");
            execute(admin, "DROP USER dave");
            failsWith("390104", () -> value(dave, "SELECT 1"));
        }
        failsWith("002003", () -> execute(admin, "DROP USER dave"));
        execute(admin, "DROP USER IF EXISTS dave");
    }

    @Test
    void disablingAUserAbortsItsSessions() throws Exception {
        execute(admin, "CREATE USER erin PASSWORD = 'Erin-Passw0rd!'");
        try (Connection erin = SnowflakeJdbc.V3.connect(server, "erin", "Erin-Passw0rd!")) {
            assertThat(value(erin, "SELECT 1")).isEqualTo("1");
            execute(admin, "ALTER USER erin SET DISABLED = TRUE");
            failsWith("390104", () -> value(erin, "SELECT 1"));
        }
    }

    @Test
    void administratorCannotDropItself() throws Exception {
        failsWith("003541", () -> execute(admin, "DROP USER admin"));
    }

    @Test
    void showUsersFiltersAndLimits() throws Exception {
        execute(admin, "CREATE USER zed_one", "CREATE USER zed_two", "CREATE USER zed_three");
        assertThat(rows(admin, "SHOW USERS LIKE 'zed%'")).hasSize(3);
        assertThat(rows(admin, "SHOW USERS STARTS WITH 'ZED_T'")).extracting(row -> row.get("name"))
                .containsExactlyInAnyOrder("ZED_TWO", "ZED_THREE");
        assertThat(rows(admin, "SHOW USERS LIKE 'zed%' LIMIT 2")).hasSize(2);
    }
}

package dev.frostgate.it;

import static dev.frostgate.testing.Sql.execute;
import static dev.frostgate.testing.Sql.failsWith;
import static dev.frostgate.testing.Sql.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frostgate.testing.MutableClock;
import dev.frostgate.testing.RunningServer;
import dev.frostgate.testing.SnowflakeJdbc;
import dev.frostgate.testing.TestServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Password and session policies through the real JDBC driver: statements, password rules, lockout thresholds. */
class PasswordPolicyTest {
    private RunningServer server;
    private Connection admin;

    @RegisterExtension
    static final TestServer running = TestServer.perClass();

    @BeforeEach
    void start() throws Exception {
        server = running.server();
        admin = running.admin();
    }

    private Map<String, String> describe(String kind, String policy) throws SQLException {
        return rows(admin, "DESCRIBE " + kind + " POLICY " + policy).stream()
                .collect(Collectors.toMap(row -> row.get("property"), row -> String.valueOf(row.get("value"))));
    }

    @Test
    void theBuiltInMinimumAppliesWithoutAPolicy() throws Exception {
        SQLException tooShort = failsWith("003002", () -> execute(admin, "CREATE USER weak PASSWORD = 'Ab1'"));
        assertThat(tooShort.getMessage()).contains("at least 8 characters").doesNotContain("Ab1'");
        SQLException noUpper = failsWith("003002", () -> execute(admin, "CREATE USER weak PASSWORD = 'lowercase123'"));
        assertThat(noUpper.getMessage()).contains("upper-case").doesNotContain("lowercase123");
        failsWith("003002", () -> execute(admin, "CREATE USER weak PASSWORD = 'NoDigitsHere'"));
        execute(admin, "CREATE USER strong PASSWORD = 'Strong-Enough1'");
    }

    @Test
    void anAttachedPolicyDecidesStrengthAndLockout() throws Exception {
        execute(admin, "CREATE PASSWORD POLICY strict PASSWORD_MIN_LENGTH = 12 PASSWORD_MIN_SPECIAL_CHARS = 1 "
                + "PASSWORD_MAX_RETRIES = 2 PASSWORD_LOCKOUT_TIME_MINS = 30 COMMENT = 'strict'");
        assertThat(describe("PASSWORD", "strict")).containsEntry("PASSWORD_MIN_LENGTH", "12")
                .containsEntry("PASSWORD_MIN_SPECIAL_CHARS", "1").containsEntry("PASSWORD_MAX_RETRIES", "2")
                .containsEntry("PASSWORD_MAX_AGE_DAYS", "90").containsEntry("COMMENT", "strict");
        assertThat(rows(admin, "SHOW PASSWORD POLICIES").get(0)).containsEntry("name", "STRICT")
                .containsEntry("kind", "PASSWORD_POLICY");
        execute(admin, "ALTER ACCOUNT SET PASSWORD POLICY strict");
        failsWith("003002", () -> execute(admin, "CREATE USER pat PASSWORD = 'Abcdefgh12'"));
        failsWith("003002", () -> execute(admin, "CREATE USER pat PASSWORD = 'Abcdefgh1234'"));
        execute(admin, "CREATE USER pat PASSWORD = 'Abcdefgh123!'");

        for (int attempt = 0; attempt < 2; attempt++) {
            failsWith("390100", () -> SnowflakeJdbc.V3.connect(server, "pat", "Wrong-Password-1!").close());
        }
        failsWith("390102", () -> SnowflakeJdbc.V3.connect(server, "pat", "Abcdefgh123!").close());
        assertThat(Long.parseLong(rows(admin, "SHOW USERS LIKE 'PAT'").get(0).get("mins_to_unlock"))).isBetween(29L, 30L);
        execute(admin, "ALTER USER pat SET MINS_TO_UNLOCK = 0");
        SnowflakeJdbc.V3.connect(server, "pat", "Abcdefgh123!").close();

        execute(admin, "CREATE PASSWORD POLICY relaxed PASSWORD_MIN_UPPER_CASE_CHARS = 0",
                "ALTER USER pat SET PASSWORD POLICY relaxed");
        execute(admin, "ALTER USER pat SET PASSWORD = 'lowercase1234'");
        failsWith("002002", () -> execute(admin, "ALTER USER pat SET PASSWORD POLICY strict"));
        execute(admin, "ALTER USER pat SET PASSWORD POLICY strict FORCE");
        SQLException attached = failsWith("003554", () -> execute(admin, "DROP PASSWORD POLICY strict"));
        assertThat(attached.getMessage()).contains("STRICT");
        execute(admin, "ALTER USER pat UNSET PASSWORD POLICY", "ALTER ACCOUNT UNSET PASSWORD POLICY",
                "DROP PASSWORD POLICY strict");
    }

    @Test
    void passwordsOlderThanThePolicyAllowsAreRefused() throws Exception {
        MutableClock clock = MutableClock.startingNow();
        try (RunningServer aging = RunningServer.start(UnaryOperator.identity(), clock);
             Connection administrator = SnowflakeJdbc.V3.connect(aging, "ADMIN", RunningServer.ADMIN_PASSWORD)) {
            execute(administrator, "CREATE USER old_timer PASSWORD = 'Old-Timer-Pw1'",
                    "CREATE PASSWORD POLICY monthly PASSWORD_MAX_AGE_DAYS = 30",
                    "ALTER USER old_timer SET PASSWORD POLICY monthly");
            clock.advance(Duration.ofDays(29));
            SnowflakeJdbc.V3.connect(aging, "old_timer", "Old-Timer-Pw1").close();
            clock.advance(Duration.ofDays(2));
            failsWith("390140", () -> SnowflakeJdbc.V3.connect(aging, "old_timer", "Old-Timer-Pw1").close());
            failsWith("390100", () -> SnowflakeJdbc.V3.connect(aging, "old_timer", "Wrong-Pw-123").close());
            try (Connection fresh = SnowflakeJdbc.V3.connect(aging, "ADMIN", RunningServer.ADMIN_PASSWORD)) {
                execute(fresh, "ALTER USER old_timer SET PASSWORD = 'New-Timer-Pw2'");
            }
            SnowflakeJdbc.V3.connect(aging, "old_timer", "New-Timer-Pw2").close();
        }
    }

    @Test
    void recentPasswordsCannotComeBack() throws Exception {
        execute(admin, "CREATE PASSWORD POLICY remembers PASSWORD_HISTORY = 2", "ALTER ACCOUNT SET PASSWORD POLICY remembers",
                "CREATE USER forgetful PASSWORD = 'First-Passw0rd'",
                "ALTER USER forgetful SET PASSWORD = 'Second-Passw0rd'");
        SQLException current = failsWith("003002", () -> execute(admin, "ALTER USER forgetful SET PASSWORD = 'Second-Passw0rd'"));
        assertThat(current.getMessage()).contains("not one of the last 2").doesNotContain("Second-Passw0rd");
        failsWith("003002", () -> execute(admin, "ALTER USER forgetful SET PASSWORD = 'First-Passw0rd'"));
        execute(admin, "ALTER USER forgetful SET PASSWORD = 'Third-Passw0rd'",
                "ALTER USER forgetful SET PASSWORD = 'First-Passw0rd'");
        SnowflakeJdbc.V3.connect(server, "forgetful", "First-Passw0rd").close();
    }

    @Test
    void invalidPasswordPoliciesAreRefused() throws Exception {
        failsWith("002211", () -> execute(admin, "CREATE PASSWORD POLICY p PASSWORD_MIN_LENGTH = 7"));
        failsWith("002211", () -> execute(admin, "CREATE PASSWORD POLICY p PASSWORD_MAX_RETRIES = 11"));
        failsWith("004800", () -> execute(admin, "CREATE PASSWORD POLICY p PASSWORD_MIN_LENGTH = 20 "
                + "PASSWORD_MAX_LENGTH = 10"));
        failsWith("001008", () -> execute(admin, "CREATE PASSWORD POLICY p SESSION_IDLE_TIMEOUT_MINS = 10"));
        execute(admin, "CREATE PASSWORD POLICY p");
        failsWith("000002", () -> execute(admin, "ALTER ACCOUNT SET PASSWORD POLICY p FOR ALL PERSON USERS"));
        execute(admin, "CREATE USER plain PASSWORD = 'Plain-Passw0rd'");
        try (Connection plain = SnowflakeJdbc.V3.connect(server, "plain", "Plain-Passw0rd")) {
            failsWith("003001", () -> execute(plain, "CREATE PASSWORD POLICY mine"));
            failsWith("003001", () -> execute(plain, "ALTER ACCOUNT SET PASSWORD POLICY p"));
        }
    }

    @Test
    void sessionPoliciesAreCreatedDescribedAndAttached() throws Exception {
        execute(admin, "CREATE SESSION POLICY short_sessions SESSION_IDLE_TIMEOUT_MINS = 30");
        assertThat(describe("SESSION", "short_sessions")).containsEntry("SESSION_IDLE_TIMEOUT_MINS", "30")
                .containsEntry("SESSION_UI_IDLE_TIMEOUT_MINS", "240");
        failsWith("002211", () -> execute(admin, "ALTER SESSION POLICY short_sessions SET SESSION_IDLE_TIMEOUT_MINS = 4"));
        execute(admin, "ALTER SESSION POLICY short_sessions RENAME TO brief_sessions",
                "ALTER ACCOUNT SET SESSION POLICY brief_sessions", "ALTER USER admin SET SESSION POLICY brief_sessions");
        assertThat(rows(admin, "SHOW SESSION POLICIES")).extracting(row -> row.get("name")).containsExactly("BRIEF_SESSIONS");
        failsWith("003554", () -> execute(admin, "DROP SESSION POLICY brief_sessions"));
        execute(admin, "CREATE ROLE policy_owner", "GRANT OWNERSHIP ON SESSION POLICY brief_sessions TO ROLE policy_owner",
                "CREATE NETWORK POLICY owned_elsewhere", "GRANT OWNERSHIP ON NETWORK POLICY owned_elsewhere TO ROLE policy_owner",
                "CREATE AUTHENTICATION POLICY owned_too", "GRANT OWNERSHIP ON AUTHENTICATION POLICY owned_too TO ROLE policy_owner",
                "CREATE PASSWORD POLICY owned_three", "GRANT OWNERSHIP ON PASSWORD POLICY owned_three TO ROLE policy_owner");
        assertThat(rows(admin, "SHOW SESSION POLICIES").get(0)).containsEntry("owner", "POLICY_OWNER");
        assertThat(rows(admin, "SHOW AUTHENTICATION POLICIES LIKE 'OWNED_TOO'").get(0)).containsEntry("owner", "POLICY_OWNER");
        assertThat(describe("PASSWORD", "owned_three")).containsEntry("OWNER", "POLICY_OWNER");
        failsWith("002003", () -> execute(admin, "GRANT OWNERSHIP ON PASSWORD POLICY owned_three TO ROLE no_such_role"));
        execute(admin, "CREATE USER plain_owner PASSWORD = 'Plain-Owner-Pw1'", "GRANT ROLE policy_owner TO USER plain_owner");
        try (Connection owner = SnowflakeJdbc.V3.connect(server, "plain_owner", "Plain-Owner-Pw1")) {
            execute(owner, "USE SECONDARY ROLES NONE");
            failsWith("003001", () -> execute(owner, "ALTER SESSION POLICY brief_sessions SET SESSION_IDLE_TIMEOUT_MINS = 60"));
            execute(owner, "USE ROLE policy_owner", "ALTER SESSION POLICY brief_sessions SET SESSION_IDLE_TIMEOUT_MINS = 60",
                    "ALTER NETWORK POLICY owned_elsewhere SET COMMENT = 'mine now'");
        }
    }
}

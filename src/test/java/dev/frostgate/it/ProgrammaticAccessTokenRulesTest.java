package dev.frostgate.it;

import static dev.frostgate.testing.Sql.allowLoopbackOnly;
import static dev.frostgate.testing.Sql.execute;
import static dev.frostgate.testing.Sql.failsWith;
import static dev.frostgate.testing.Sql.rows;
import static dev.frostgate.testing.Sql.tokenSecret;
import static dev.frostgate.testing.Sql.value;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frostgate.server.ServerConfig;
import dev.frostgate.testing.MutableClock;
import dev.frostgate.testing.RunningServer;
import dev.frostgate.testing.SnowflakeJdbc;
import dev.frostgate.testing.V1Client;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle rules of programmatic access tokens at login (reference §1.9): the network-policy
 * prerequisite, policy changes that stop older tokens, the administrative lock, the OAUTH_TYPE login
 * form, and what LOGIN_HISTORY and ACCOUNT_USAGE.CREDENTIALS record.
 */
class ProgrammaticAccessTokenRulesTest {
    private static final String PASSWORD = "Alice-Passw0rd!";
    private final MutableClock clock = MutableClock.startingNow();
    private Path dataDirectory;
    private RunningServer server;
    private Connection admin;

    @BeforeEach
    void start() throws Exception {
        server = RunningServer.start(config -> config, clock);
        dataDirectory = server.dataDirectory();
        admin = SnowflakeJdbc.V3.connect(server, "ADMIN", RunningServer.ADMIN_PASSWORD);
        execute(admin, "CREATE ROLE analyst", "CREATE USER alice PASSWORD = '" + PASSWORD + "'",
                "GRANT ROLE analyst TO USER alice");
    }

    @AfterEach
    void stop() throws Exception {
        admin.close();
        server.close();
    }

    private Connection withToken(String secret) throws SQLException {
        Properties properties = new Properties();
        properties.put("authenticator", "PROGRAMMATIC_ACCESS_TOKEN");
        properties.put("token", secret);
        return SnowflakeJdbc.V3.connect(server.jdbcUrl(), properties);
    }

    private void logsIn(String secret) throws SQLException {
        try (Connection connection = withToken(secret)) {
            assertThat(value(connection, "SELECT CURRENT_USER()")).isEqualTo("ALICE");
        }
    }

    private void refused(String code, String secret) {
        failsWith(code, () -> withToken(secret).close());
    }

    @Test
    void networkPolicyEvaluationDecidesWhetherAPolicyIsRequiredAndEnforced() throws Exception {
        String secret = tokenSecret(admin, "ALTER USER alice ADD PAT laptop");
        refused("390432", secret);
        execute(admin, "CREATE USER svc TYPE = SERVICE", "GRANT ROLE analyst TO USER svc");
        SQLException serviceRefused = failsWith("001009",
                () -> tokenSecret(admin, "ALTER USER svc ADD PAT job ROLE_RESTRICTION = 'ANALYST'"));
        assertThat(serviceRefused.getMessage()).contains("network policy");

        execute(admin, "ALTER USER alice MODIFY PAT laptop SET MINS_TO_BYPASS_NETWORK_POLICY_REQUIREMENT = 10");
        logsIn(secret);
        clock.advance(Duration.ofMinutes(11));
        refused("390432", secret);

        execute(admin, "CREATE AUTHENTICATION POLICY relaxed PAT_POLICY = (NETWORK_POLICY_EVALUATION = ENFORCED_NOT_REQUIRED)",
                "ALTER USER alice SET AUTHENTICATION POLICY relaxed", "ALTER USER svc SET AUTHENTICATION POLICY relaxed");
        logsIn(secret);
        tokenSecret(admin, "ALTER USER svc ADD PAT job ROLE_RESTRICTION = 'ANALYST'");

        execute(admin, "CREATE NETWORK POLICY office ALLOWED_IP_LIST = ('10.0.0.0/8')",
                "ALTER USER alice SET NETWORK_POLICY = office");
        refused("390422", secret);

        execute(admin, "ALTER AUTHENTICATION POLICY relaxed SET PAT_POLICY = (NETWORK_POLICY_EVALUATION = NOT_ENFORCED)");
        logsIn(secret);
        failsWith("390422", () -> SnowflakeJdbc.V3.connect(server, "alice", PASSWORD).close());

        // The bypass lifts only the requirement, never a policy that applies.
        execute(admin, "ALTER AUTHENTICATION POLICY relaxed SET PAT_POLICY = (NETWORK_POLICY_EVALUATION = ENFORCED_REQUIRED)",
                "ALTER USER alice MODIFY PAT laptop SET MINS_TO_BYPASS_NETWORK_POLICY_REQUIREMENT = 60");
        refused("390422", secret);
        execute(admin, "ALTER USER alice UNSET NETWORK_POLICY");
        logsIn(secret);
        assertThat(rows(admin, "SHOW USER PATS FOR USER alice").get(0))
                .containsEntry("mins_to_bypass_network_policy_requirement", "60");
    }

    @Test
    void policyChangesStopTokensIssuedBeforeThem() throws Exception {
        allowLoopbackOnly(admin);
        String unrestricted = tokenSecret(admin, "ALTER USER alice ADD PAT long_lived DAYS_TO_EXPIRY = 100");
        String restricted = tokenSecret(admin, "ALTER USER alice ADD PAT analyst_only ROLE_RESTRICTION = 'ANALYST' "
                + "DAYS_TO_EXPIRY = 10");
        logsIn(unrestricted);

        execute(admin, "CREATE AUTHENTICATION POLICY strict PAT_POLICY = (MAX_EXPIRY_IN_DAYS = 30)",
                "ALTER USER alice SET AUTHENTICATION POLICY strict");
        refused("394400", unrestricted);
        logsIn(restricted);

        execute(admin, "ALTER AUTHENTICATION POLICY strict SET PAT_POLICY = (REQUIRE_ROLE_RESTRICTION_FOR_PERSON_USERS = TRUE)");
        refused("394400", unrestricted);
        logsIn(restricted);

        execute(admin, "ALTER AUTHENTICATION POLICY strict SET PAT_POLICY = (BLOCKED_ROLES_LIST = ('ANALYST'))");
        refused("394400", restricted);
        logsIn(unrestricted);

        execute(admin, "ALTER AUTHENTICATION POLICY strict SET AUTHENTICATION_METHODS = ('PASSWORD')");
        refused("390447", unrestricted);
        failsWith("004800", () -> tokenSecret(admin, "ALTER USER alice ADD PAT another"));

        execute(admin, "ALTER USER alice UNSET AUTHENTICATION POLICY");
        logsIn(unrestricted);
        logsIn(restricted);
    }

    @Test
    void aRestrictedTokensSessionKeepsItsOneRole() throws Exception {
        allowLoopbackOnly(admin);
        execute(admin, "CREATE ROLE reporting", "GRANT ROLE reporting TO USER alice",
                "ALTER USER alice SET DEFAULT_SECONDARY_ROLES = ('ALL')");
        String noSecondaryRoles = "{\"roles\":\"\",\"value\":\"\"}";
        try (Connection restricted = withToken(tokenSecret(admin,
                "ALTER USER alice ADD PAT analyst_only ROLE_RESTRICTION = 'ANALYST'"))) {
            assertThat(value(restricted, "SELECT CURRENT_SECONDARY_ROLES()"))
                    .as("off from the start, despite DEFAULT_SECONDARY_ROLES = ('ALL')").isEqualTo(noSecondaryRoles);
            failsWith("003013", () -> execute(restricted, "USE ROLE reporting"));
            failsWith("003013", () -> execute(restricted, "USE SECONDARY ROLES ALL"));
            execute(restricted, "USE ROLE analyst", "USE SECONDARY ROLES NONE");
            assertThat(value(restricted, "SELECT CURRENT_ROLE()")).isEqualTo("ANALYST");
            assertThat(value(restricted, "SELECT CURRENT_SECONDARY_ROLES()")).doesNotContain("REPORTING");
        }
        try (Connection unrestricted = withToken(tokenSecret(admin, "ALTER USER alice ADD PAT any_role"))) {
            assertThat(value(unrestricted, "SELECT CURRENT_SECONDARY_ROLES()"))
                    .as("what DEFAULT_SECONDARY_ROLES = ('ALL') gives a session without a restriction")
                    .contains("REPORTING").contains("\"value\":\"ALL\"");
            execute(unrestricted, "USE ROLE reporting");
            assertThat(value(unrestricted, "SELECT CURRENT_ROLE()")).isEqualTo("REPORTING");
        }
    }

    @Test
    void anAdministrativeLockDisablesTokensButTheTemporaryLockDoesNot() throws Exception {
        allowLoopbackOnly(admin);
        String secret = tokenSecret(admin, "ALTER USER alice ADD PAT laptop");
        for (int attempt = 0; attempt < 5; attempt++) {
            failsWith("390100", () -> SnowflakeJdbc.V3.connect(server, "alice", "wrong-password").close());
        }
        failsWith("390102", () -> SnowflakeJdbc.V3.connect(server, "alice", PASSWORD).close());
        assertThat(rows(admin, "SHOW USER PATS FOR USER alice").get(0)).containsEntry("status", "ACTIVE");
        logsIn(secret);

        execute(admin, "ALTER USER alice SET MINS_TO_UNLOCK = 30");
        assertThat(rows(admin, "SHOW USER PATS FOR USER alice").get(0)).containsEntry("status", "DISABLED");
        refused("394400", secret);
        execute(admin, "ALTER USER alice SET MINS_TO_UNLOCK = 0");
        refused("394400", secret);
        execute(admin, "ALTER USER alice MODIFY PAT laptop SET DISABLED = FALSE");
        logsIn(secret);
    }

    @Test
    void theOauthTypeFormAndTheLoginHistoryNameTheToken() throws Exception {
        allowLoopbackOnly(admin);
        String secret = tokenSecret(admin, "ALTER USER alice ADD PAT laptop");
        String credentialId = value(admin, "SELECT credential_id FROM SNOWFLAKE.ACCOUNT_USAGE.CREDENTIALS "
                + "WHERE name = 'LAPTOP'");
        V1Client client = new V1Client(server);
        V1Client.Reply oauthType = loginRaw(client, Map.of("AUTHENTICATOR", "OAUTH",
                "OAUTH_TYPE", "PROGRAMMATIC_ACCESS_TOKEN", "TOKEN", secret));
        assertThat(oauthType.success()).as(oauthType.body().toString()).isTrue();
        V1Client.Reply plainOauth = loginRaw(client, Map.of("AUTHENTICATOR", "OAUTH", "TOKEN", secret));
        assertThat(plainOauth.success()).isFalse();

        execute(admin, "ALTER USER alice MODIFY PAT laptop SET DISABLED = TRUE");
        V1Client.Reply disabled = loginRaw(client, Map.of("AUTHENTICATOR", "PROGRAMMATIC_ACCESS_TOKEN",
                "TOKEN", secret));
        assertThat(disabled.code()).isEqualTo("394400");
        assertThat(disabled.body().path("message").asText()).isEqualTo("Programmatic access token is invalid.");
        assertThat(disabled.body().toString()).doesNotContain(secret);

        List<Map<String, String>> history = rows(admin, "SELECT is_success, error_code, first_authentication_factor_id "
                + "FROM SNOWFLAKE.ACCOUNT_USAGE.LOGIN_HISTORY WHERE user_name = 'ALICE' "
                + "AND first_authentication_factor = 'PROGRAMMATIC_ACCESS_TOKEN' ORDER BY event_id");
        assertThat(history).hasSize(2);
        assertThat(history.get(0)).containsEntry("IS_SUCCESS", "YES")
                .containsEntry("FIRST_AUTHENTICATION_FACTOR_ID", credentialId);
        assertThat(history.get(1)).containsEntry("IS_SUCCESS", "NO").containsEntry("ERROR_CODE", "394400")
                .containsEntry("FIRST_AUTHENTICATION_FACTOR_ID", credentialId);
        // Every column of the rows, not only those selected above: none may hold the secret (SecretHygieneTest
        // checks the database files and the log).
        assertThat(rows(admin, "SELECT * FROM SNOWFLAKE.ACCOUNT_USAGE.LOGIN_HISTORY WHERE user_name = 'ALICE'"))
                .hasSizeGreaterThanOrEqualTo(2).allSatisfy(row -> assertThat(row.values()).allSatisfy(
                        column -> assertThat(String.valueOf(column)).doesNotContain(secret)));
    }

    private static V1Client.Reply loginRaw(V1Client client, Map<String, String> credential) throws Exception {
        Map<String, Object> data = new java.util.HashMap<>(credential);
        data.put("ACCOUNT_NAME", "frostgate");
        data.put("CLIENT_APP_ID", "JavaScript");
        data.put("CLIENT_APP_VERSION", "3.3.0");
        byte[] body = new ObjectMapper().writeValueAsString(Map.of("data", data)).getBytes(StandardCharsets.UTF_8);
        return client.post("/session/v1/login-request", body, Map.of());
    }

    @Test
    void credentialsListTokensWithTheirLastUseWhichSurvivesARestart() throws Exception {
        allowLoopbackOnly(admin);
        String secret = tokenSecret(admin, "ALTER USER alice ADD PAT laptop ROLE_RESTRICTION = 'ANALYST' COMMENT = 'mine'");
        String credentials = "SELECT * FROM SNOWFLAKE.ACCOUNT_USAGE.CREDENTIALS WHERE type = 'PAT'";
        List<Map<String, String>> before = rows(admin, credentials);
        assertThat(before).hasSize(1);
        assertThat(before.get(0).keySet()).containsExactly("CREDENTIAL_ID", "NAME", "USER_NAME", "TYPE", "DOMAIN",
                "COMMENT", "STATUS", "ADDITIONAL_DETAILS", "CREATED_BY", "LAST_ALTERED_BY", "CREATED_ON",
                "LAST_USED_ON", "LAST_ALTERED", "EXPIRATION_DATE");
        assertThat(before.get(0)).containsEntry("NAME", "LAPTOP").containsEntry("USER_NAME", "ALICE")
                .containsEntry("DOMAIN", "PROGRAMMATIC_ACCESS_TOKEN").containsEntry("STATUS", "ACTIVE")
                .containsEntry("COMMENT", "mine").containsEntry("CREATED_BY", "ADMIN")
                .containsEntry("LAST_USED_ON", null);
        assertThat(before.get(0).get("ADDITIONAL_DETAILS")).isEqualTo("{\"ROLE_RESTRICTION\":[\"ANALYST\"]}");

        clock.advance(Duration.ofMinutes(5));
        Instant used = clock.instant();
        logsIn(secret);
        // Kept to the microsecond, the precision of the store, so the time shown is the same before and after a flush.
        Instant expectedLastUse = used.truncatedTo(ChronoUnit.MICROS);
        assertThat(lastUsedOn(admin, "LAPTOP")).isEqualTo(expectedLastUse);
        execute(admin, "ALTER USER alice ROTATE PAT laptop");
        assertThat(rows(admin, credentials + " AND additional_details LIKE '%ROTATED_TO%'")).hasSize(1)
                .allSatisfy(row -> assertThat(row.get("ADDITIONAL_DETAILS")).contains("\"ROTATED_TO\":\"LAPTOP\""));
        try (Connection alice = SnowflakeJdbc.V3.connect(server, "alice", PASSWORD)) {
            failsWith("003001", () -> rows(alice, credentials));
        }

        admin.close();
        server.stop();
        try (RunningServer restarted = RunningServer.start(config -> ServerConfig.embedded(dataDirectory)
                .withAdminPassword(RunningServer.ADMIN_PASSWORD), clock);
             Connection again = SnowflakeJdbc.V3.connect(restarted, "ADMIN", RunningServer.ADMIN_PASSWORD)) {
            assertThat(lastUsedOn(again, "LAPTOP")).as("written at shutdown, read back after the restart")
                    .isEqualTo(expectedLastUse);
            assertThat(rows(again, credentials).toString()).doesNotContain(secret);
        }
    }

    private static Instant lastUsedOn(Connection connection, String tokenName) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet credentials = statement.executeQuery("SELECT last_used_on FROM "
                     + "SNOWFLAKE.ACCOUNT_USAGE.CREDENTIALS WHERE type = 'PAT' AND name = '" + tokenName + "'")) {
            assertThat(credentials.next()).isTrue();
            Instant lastUse = credentials.getTimestamp(1).toInstant();
            assertThat(credentials.next()).isFalse();
            return lastUse;
        }
    }
}

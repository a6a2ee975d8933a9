package dev.frostgate.it;

import static dev.frostgate.testing.Sql.allowLoopbackOnly;
import static dev.frostgate.testing.Sql.execute;
import static dev.frostgate.testing.Sql.failsWith;
import static dev.frostgate.testing.Sql.rows;
import static dev.frostgate.testing.Sql.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frostgate.testing.NodeDriver;
import dev.frostgate.testing.NodeDriver.Outcome;
import dev.frostgate.testing.RunningServer;
import dev.frostgate.testing.SnowflakeJdbc;
import dev.frostgate.testing.TestServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Seed 000, the blog walking through PATs for Tableau, step by step with the statements as the blog
 * writes them: once through the real JDBC driver, once through the real Node.js driver. Tableau uses
 * the token in place of the password, so that is how the token logs in here.
 */
class Seed000WalkthroughTest {
    private static final String PASSWORD = "Tableau-Passw0rd";
    @RegisterExtension
    static final TestServer running = TestServer.perClass();
    private RunningServer server;
    private Connection admin;

    @BeforeEach
    void start() throws Exception {
        server = running.server();
        admin = running.admin();
        execute(admin, "CREATE ROLE bi_reader", "CREATE USER tableau_user PASSWORD = '" + PASSWORD + "'",
                "GRANT ROLE bi_reader TO USER tableau_user");
        // The blog's prerequisite: the user is under a network policy with at least one network rule.
        allowLoopbackOnly(admin);
    }

    private static Map<String, String> single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).isTrue();
            Map<String, String> row = new java.util.LinkedHashMap<>();
            for (int column = 1; column <= result.getMetaData().getColumnCount(); column++) {
                row.put(result.getMetaData().getColumnLabel(column), result.getString(column));
            }
            assertThat(result.next()).isFalse();
            return row;
        }
    }

    private static Instant expiresAt(Connection connection, String tokenName) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet shown = statement.executeQuery("SHOW USER PATS FOR USER tableau_user")) {
            while (shown.next()) {
                if (shown.getString("name").equals(tokenName)) {
                    return shown.getTimestamp("expires_at").toInstant();
                }
            }
        }
        throw new AssertionError("no token " + tokenName);
    }

    private String roleWithToken(String secret) throws SQLException {
        try (Connection tableau = SnowflakeJdbc.V3.connect(server, "tableau_user", secret)) {
            return value(tableau, "SELECT CURRENT_ROLE()");
        }
    }

    @Test
    void theBlogStepByStepThroughJdbc() throws Exception {
        assertThat(rows(admin, "SHOW USER PATS FOR USER tableau_user")).isEmpty();

        String publicToken = single(admin, """
                alter user if exists tableau_user add programmatic access token tableau_token
                days_to_expiry = 365 -- up to 365 days
                role_restriction = 'PUBLIC';""").get("token_secret");
        assertThat(roleWithToken(publicToken)).isEqualTo("PUBLIC");

        failsWith("002002", () -> single(admin, """
                alter user if exists tableau_user add programmatic access token tableau_token
                days_to_expiry = 365
                role_restriction = 'BI_READER';"""));

        execute(admin, "ALTER USER tableau_user REMOVE PAT tableau_token;");
        assertThat(rows(admin, "SHOW USER PATS FOR USER tableau_user;")).isEmpty();
        failsWith("394400", () -> roleWithToken(publicToken));

        String readerToken = single(admin, """
                alter user if exists tableau_user add programmatic access token tableau_token
                days_to_expiry = 365
                role_restriction = 'BI_READER';""").get("token_secret");
        assertThat(roleWithToken(readerToken)).isEqualTo("BI_READER");

        execute(admin, "CREATE AUTHENTICATION POLICY pat_max_90\nPAT_POLICY=(\nMAX_EXPIRY_IN_DAYS=90\n);",
                "ALTER USER tableau_user SET AUTHENTICATION POLICY pat_max_90;");
        SQLException outOfRange = failsWith("002211", () -> single(admin, """
                alter user if exists tableau_user add programmatic access token tableau_token
                days_to_expiry = 365
                role_restriction = 'PUBLIC';"""));
        assertThat(outOfRange.getMessage()).contains("out of range", "1 to 90");

        execute(admin, "CREATE AUTHENTICATION POLICY pat_default_90\nPAT_POLICY=(\nDEFAULT_EXPIRY_IN_DAYS=90\n);",
                "ALTER USER tableau_user SET AUTHENTICATION POLICY pat_default_90 FORCE");
        Instant before = Instant.now();
        single(admin, "ALTER USER tableau_user ADD PAT default_expiry");
        Instant expiresAt = expiresAt(admin, "DEFAULT_EXPIRY");
        assertThat(Duration.between(before, expiresAt).toDays()).isBetween(89L, 90L);
        execute(admin, "ALTER USER tableau_user REMOVE PAT default_expiry");

        Map<String, String> rotated = single(admin,
                "ALTER USER IF EXISTS tableau_user ROTATE PROGRAMMATIC ACCESS TOKEN tableau_token;");
        assertThat(rotated.keySet()).containsExactly("token_name", "token_secret", "rotated_token_name");
        assertThat(rotated.get("rotated_token_name")).matches("TABLEAU_TOKEN_ROTATED_\\d{13}");
        List<Map<String, String>> afterRotation = rows(admin, "SHOW USER PATS FOR USER tableau_user;");
        assertThat(afterRotation).extracting(row -> row.get("name"))
                .containsExactlyInAnyOrder("TABLEAU_TOKEN", rotated.get("rotated_token_name"));
        assertThat(roleWithToken(rotated.get("token_secret"))).isEqualTo("BI_READER");

        execute(admin, "ALTER USER tableau_user UNSET AUTHENTICATION POLICY;");
        assertThat(rows(admin, "SHOW AUTHENTICATION POLICIES ON USER tableau_user")).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("set_on", "SYSTEM"));

        execute(admin, "ALTER USER tableau_user SET DISABLED = TRUE;");
        assertThat(rows(admin, "SHOW USER PATS FOR USER tableau_user")).extracting(row -> row.get("status"))
                .containsOnly("DISABLED");
        execute(admin, "ALTER USER tableau_user SET DISABLED = FALSE;");
        try (Connection withPassword = SnowflakeJdbc.V3.connect(server, "tableau_user", PASSWORD)) {
            assertThat(value(withPassword, "SELECT CURRENT_USER()")).isEqualTo("TABLEAU_USER");
        }
        failsWith("394400", () -> roleWithToken(rotated.get("token_secret")));
        execute(admin, "ALTER USER tableau_user MODIFY PROGRAMMATIC ACCESS TOKEN tableau_token SET DISABLED = FALSE;");
        assertThat(roleWithToken(rotated.get("token_secret"))).isEqualTo("BI_READER");

        List<Map<String, String>> credentials = rows(admin,
                "SELECT * FROM SNOWFLAKE.ACCOUNT_USAGE.CREDENTIALS WHERE type = 'PAT';");
        assertThat(credentials).extracting(row -> row.get("NAME"))
                .containsExactlyInAnyOrder("TABLEAU_TOKEN", rotated.get("rotated_token_name"));
        assertThat(credentials).filteredOn(row -> row.get("NAME").equals("TABLEAU_TOKEN"))
                .singleElement().satisfies(row -> assertThat(row).containsEntry("STATUS", "ACTIVE")
                        .containsEntry("USER_NAME", "TABLEAU_USER"));
        assertThat(credentials.toString()).doesNotContain(readerToken, rotated.get("token_secret"));
    }

    @Test
    void theBlogStepByStepThroughTheNodeDriver() {
        NodeDriver node = NodeDriver.prepare();
        Outcome added = node.run(NodeDriver.connection(server, "ADMIN", RunningServer.ADMIN_PASSWORD),
                "SHOW USER PATS FOR USER tableau_user",
                "alter user if exists tableau_user add programmatic access token tableau_token "
                        + "days_to_expiry = 365 role_restriction = 'PUBLIC'",
                "alter user if exists tableau_user add programmatic access token tableau_token "
                        + "days_to_expiry = 365 role_restriction = 'BI_READER'",
                "ALTER USER tableau_user REMOVE PAT tableau_token",
                "SHOW USER PATS FOR USER tableau_user",
                "alter user if exists tableau_user add programmatic access token tableau_token "
                        + "days_to_expiry = 365 role_restriction = 'BI_READER'",
                "CREATE AUTHENTICATION POLICY pat_max_90 PAT_POLICY=(MAX_EXPIRY_IN_DAYS=90)",
                "ALTER USER tableau_user SET AUTHENTICATION POLICY pat_max_90",
                "alter user if exists tableau_user add programmatic access token tableau_token "
                        + "days_to_expiry = 365 role_restriction = 'PUBLIC'",
                "ALTER USER IF EXISTS tableau_user ROTATE PROGRAMMATIC ACCESS TOKEN tableau_token",
                "SHOW USER PATS FOR USER tableau_user",
                "ALTER USER tableau_user UNSET AUTHENTICATION POLICY",
                "ALTER USER tableau_user SET DISABLED = TRUE",
                "ALTER USER tableau_user SET DISABLED = FALSE",
                "SHOW USER PATS FOR USER tableau_user");
        assertThat(added.login().ok()).as("%s", added).isTrue();
        assertThat(added.result(0).rows()).isEmpty();
        assertThat(added.result(1).columns()).containsExactly("token_name", "token_secret");
        String publicToken = (String) added.result(1).rows().get(0).get(1);
        assertThat(added.result(2).code()).isEqualTo("002002");
        assertThat(added.result(4).rows()).isEmpty();
        assertThat(added.result(8).code()).isEqualTo("002211");
        assertThat(added.result(8).message()).contains("out of range");
        assertThat(added.result(9).columns()).containsExactly("token_name", "token_secret", "rotated_token_name");
        String rotatedSecret = (String) added.result(9).rows().get(0).get(1);
        assertThat(added.result(10).rows()).hasSize(2);
        assertThat(added.result(14).column("status")).containsOnly("DISABLED");

        Map<String, Object> asTableau = NodeDriver.connection(server, "tableau_user", rotatedSecret);
        assertThat(node.run(asTableau, "SELECT CURRENT_ROLE()").login().code()).isEqualTo("394400");
        assertThat(node.run(NodeDriver.connection(server, "tableau_user", publicToken), "SELECT 1").login().code())
                .isEqualTo("394400");

        Outcome reEnabled = node.run(NodeDriver.connection(server, "ADMIN", RunningServer.ADMIN_PASSWORD),
                "ALTER USER tableau_user MODIFY PROGRAMMATIC ACCESS TOKEN tableau_token SET DISABLED = FALSE",
                "SELECT * FROM SNOWFLAKE.ACCOUNT_USAGE.CREDENTIALS WHERE type = 'PAT'");
        assertThat(reEnabled.result(0).ok()).as("%s", reEnabled).isTrue();
        assertThat(reEnabled.result(1).column("NAME")).hasSize(2).contains("TABLEAU_TOKEN");
        assertThat(reEnabled.result(1).column("ADDITIONAL_DETAILS").toString()).contains("ROTATED_TO");

        Outcome viaToken = node.run(asTableau, "SELECT CURRENT_ROLE()");
        assertThat(viaToken.login().ok()).as("%s", viaToken).isTrue();
        assertThat(viaToken.result(0).rows()).containsExactly(List.of("BI_READER"));
        Map<String, Object> tokenAuthenticator = new java.util.HashMap<>(NodeDriver.connection(server, "tableau_user",
                "unused"));
        tokenAuthenticator.remove("password");
        tokenAuthenticator.put("authenticator", "PROGRAMMATIC_ACCESS_TOKEN");
        tokenAuthenticator.put("token", rotatedSecret);
        Outcome withAuthenticator = node.run(tokenAuthenticator, "SELECT CURRENT_USER()");
        assertThat(withAuthenticator.login().ok()).as("%s", withAuthenticator).isTrue();
        assertThat(withAuthenticator.result(0).rows()).containsExactly(List.of("TABLEAU_USER"));
    }
}

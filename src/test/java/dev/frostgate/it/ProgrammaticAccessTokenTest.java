package dev.frostgate.it;

import static dev.frostgate.testing.Sql.allowLoopbackOnly;
import static dev.frostgate.testing.Sql.execute;
import static dev.frostgate.testing.Sql.failsWith;
import static dev.frostgate.testing.Sql.rows;
import static dev.frostgate.testing.Sql.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frostgate.testing.RunningServer;
import dev.frostgate.testing.SnowflakeJdbc;
import dev.frostgate.testing.TestServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Programmatic access tokens through the real JDBC driver: the first slice of issue 4. */
class ProgrammaticAccessTokenTest {
    private static final String PASSWORD = "Tableau-Passw0rd";
    @RegisterExtension
    final TestServer running = new TestServer();
    private RunningServer server;
    private Connection admin;

    @BeforeEach
    void start() throws Exception {
        server = running.server();
        admin = running.admin();
        execute(admin, "CREATE ROLE analyst", "CREATE USER tableau_user PASSWORD = '" + PASSWORD + "'",
                "GRANT ROLE analyst TO USER tableau_user");
        allowLoopbackOnly(admin);
    }

    /** ADD returns its one row to JDBC (statement type 0x6244): token_name and the secret. */
    private static Map<String, String> addToken(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).isTrue();
            assertThat(result.getMetaData().getColumnLabel(1)).isEqualTo("token_name");
            assertThat(result.getMetaData().getColumnLabel(2)).isEqualTo("token_secret");
            return Map.of("name", result.getString(1), "secret", result.getString(2));
        }
    }

    private Connection withToken(SnowflakeJdbc jdbc, String user, String secret) throws SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.put("user", user);
        }
        properties.put("authenticator", "PROGRAMMATIC_ACCESS_TOKEN");
        properties.put("token", secret);
        return jdbc.connect(server.jdbcUrl(), properties);
    }

    @Test
    void addUseShowAndRemoveAToken() throws Exception {
        Map<String, String> token;
        try (Connection user = SnowflakeJdbc.V3.connect(server, "tableau_user", PASSWORD)) {
            token = addToken(user, "ALTER USER ADD PROGRAMMATIC ACCESS TOKEN tableau_token "
                    + "ROLE_RESTRICTION = 'ANALYST' DAYS_TO_EXPIRY = 30 COMMENT = 'for Tableau'");
            assertThat(token.get("name")).isEqualTo("TABLEAU_TOKEN");
            assertThat(token.get("secret")).startsWith("fgpat_").hasSize(52);
            List<Map<String, String>> shown = rows(user, "SHOW USER PROGRAMMATIC ACCESS TOKENS");
            assertThat(shown).hasSize(1);
            assertThat(shown.get(0).keySet()).containsExactly("name", "user_name", "role_restriction", "expires_at",
                    "status", "comment", "created_on", "created_by", "mins_to_bypass_network_policy_requirement",
                    "rotated_to");
            assertThat(shown.get(0)).containsEntry("status", "ACTIVE").containsEntry("role_restriction", "ANALYST")
                    .containsEntry("comment", "for Tableau");
            assertThat(shown.toString()).doesNotContain(token.get("secret"));
            failsWith("002002", () -> addToken(user, "ALTER USER ADD PAT tableau_token"));
            try (Statement statement = user.createStatement();
                 ResultSet none = statement.executeQuery("ALTER USER ADD PAT IF NOT EXISTS tableau_token")) {
                assertThat(none.next()).isFalse();
            }
        }
        for (SnowflakeJdbc jdbc : SnowflakeJdbc.values()) {
            try (Connection viaToken = withToken(jdbc, "tableau_user", token.get("secret"))) {
                assertThat(value(viaToken, "SELECT CURRENT_ROLE()")).isEqualTo("ANALYST");
                assertThat(value(viaToken, "SELECT CURRENT_SECONDARY_ROLES()")).isEqualTo("{\"roles\":\"\",\"value\":\"\"}");
            }
            try (Connection withoutUser = withToken(jdbc, null, token.get("secret"))) {
                assertThat(value(withoutUser, "SELECT CURRENT_USER()")).isEqualTo("TABLEAU_USER");
            }
        }
        try (Connection asPassword = SnowflakeJdbc.V3.connect(server, "tableau_user", token.get("secret"))) {
            assertThat(value(asPassword, "SELECT CURRENT_ROLE()")).isEqualTo("ANALYST");
        }
        assertThat(rows(admin, "SELECT first_authentication_factor, is_success FROM SNOWFLAKE.ACCOUNT_USAGE.LOGIN_HISTORY "
                + "WHERE user_name = 'TABLEAU_USER' AND first_authentication_factor = 'PROGRAMMATIC_ACCESS_TOKEN'"))
                .hasSize(5).allSatisfy(row -> assertThat(row).containsEntry("IS_SUCCESS", "YES"));

        failsWith("394400", () -> withToken(SnowflakeJdbc.V3, "admin", token.get("secret")).close());
        String forged = token.get("secret").substring(0, 20) + "x" + token.get("secret").substring(21);
        SQLException invalid = failsWith("394400", () -> withToken(SnowflakeJdbc.V3, "tableau_user", forged).close());
        assertThat(invalid.getMessage()).contains("Programmatic access token is invalid.");

        execute(admin, "REVOKE ROLE analyst FROM USER tableau_user");
        failsWith("394400", () -> withToken(SnowflakeJdbc.V3, "tableau_user", token.get("secret")).close());
        execute(admin, "GRANT ROLE analyst TO USER tableau_user");
        withToken(SnowflakeJdbc.V3, "tableau_user", token.get("secret")).close();

        assertThat(value(admin, "SELECT 1")).isEqualTo("1");
        execute(admin, "ALTER USER tableau_user REMOVE PAT tableau_token");
        failsWith("394400", () -> withToken(SnowflakeJdbc.V3, "tableau_user", token.get("secret")).close());
        failsWith("002003", () -> execute(admin, "ALTER USER tableau_user REMOVE PAT tableau_token"));
        execute(admin, "ALTER USER tableau_user REMOVE PAT IF EXISTS tableau_token");
    }

    @Test
    void disablingTheUserDisablesItsTokensUntilEachIsReEnabled() throws Exception {
        Map<String, String> token = addToken(admin, "ALTER USER tableau_user ADD PAT reporting ROLE_RESTRICTION = 'ANALYST'");
        assertThat(value(admin, "SELECT SYSTEM$DECODE_PAT('" + token.get("secret") + "')"))
                .isEqualTo("{\"STATE\":\"ACTIVE\",\"PAT_NAME\":\"REPORTING\",\"USER_NAME\":\"TABLEAU_USER\"}");
        execute(admin, "ALTER USER tableau_user SET DISABLED = TRUE", "ALTER USER tableau_user SET DISABLED = FALSE");
        assertThat(rows(admin, "SHOW USER PATS FOR USER tableau_user").get(0)).containsEntry("status", "DISABLED");
        failsWith("394400", () -> withToken(SnowflakeJdbc.V3, null, token.get("secret")).close());
        assertThat(value(admin, "SELECT SYSTEM$DECODE_PAT('" + token.get("secret") + "')")).contains("\"STATE\":\"DISABLED\"");
        execute(admin, "ALTER USER tableau_user MODIFY PAT reporting SET DISABLED = FALSE COMMENT = 'back'");
        withToken(SnowflakeJdbc.V3, null, token.get("secret")).close();
        execute(admin, "ALTER USER tableau_user MODIFY PROGRAMMATIC ACCESS TOKEN reporting RENAME TO dashboards",
                "ALTER USER tableau_user MODIFY PAT dashboards UNSET COMMENT",
                "ALTER USER tableau_user MODIFY PAT IF EXISTS nothing_here SET COMMENT = 'x'");
        assertThat(rows(admin, "SHOW USER PATS FOR USER tableau_user").get(0)).containsEntry("name", "DASHBOARDS")
                .containsEntry("comment", null).containsEntry("status", "ACTIVE");
        failsWith("002003", () -> execute(admin, "ALTER USER tableau_user MODIFY PAT nothing_here SET COMMENT = 'x'"));
        failsWith("001008", () -> execute(admin, "ALTER USER tableau_user MODIFY PAT dashboards SET ROLE_RESTRICTION = 'PUBLIC'"));
        failsWith("100035", () -> value(admin, "SELECT SYSTEM$DECODE_PAT('not-a-token')"));
        withToken(SnowflakeJdbc.V4, "tableau_user", token.get("secret")).close();
    }

    @Test
    void rotationKeepsTheOldSecretForAWhileAndTokenSessionsCannotManageTokens() throws Exception {
        Map<String, String> original = addToken(admin, "ALTER USER tableau_user ADD PAT tableau DAYS_TO_EXPIRY = 10");
        String rotatedName;
        String newSecret;
        try (Statement statement = admin.createStatement();
             ResultSet rotated = statement.executeQuery("ALTER USER tableau_user ROTATE PAT tableau "
                     + "EXPIRE_ROTATED_TOKEN_AFTER_HOURS = 2")) {
            assertThat(rotated.next()).isTrue();
            assertThat(rotated.getString("token_name")).isEqualTo("TABLEAU");
            newSecret = rotated.getString("token_secret");
            rotatedName = rotated.getString("rotated_token_name");
        }
        assertThat(newSecret).isNotEqualTo(original.get("secret")).startsWith("fgpat_");
        assertThat(rotatedName).matches("TABLEAU_ROTATED_\\d{13}");
        List<Map<String, String>> shown = rows(admin, "SHOW USER PATS FOR USER tableau_user");
        assertThat(shown).extracting(row -> row.get("name")).containsExactlyInAnyOrder("TABLEAU", rotatedName);
        assertThat(shown).filteredOn(row -> row.get("name").equals(rotatedName))
                .allSatisfy(row -> assertThat(row).containsEntry("rotated_to", "TABLEAU"));
        withToken(SnowflakeJdbc.V3, null, original.get("secret")).close();
        try (Connection viaToken = withToken(SnowflakeJdbc.V3, null, newSecret)) {
            failsWith("003001", () -> execute(viaToken, "ALTER USER REMOVE PAT tableau"));
            failsWith("003001", () -> execute(viaToken, "ALTER USER MODIFY PAT tableau SET COMMENT = 'x'"));
            failsWith("003001", () -> execute(viaToken, "ALTER USER ROTATE PAT tableau"));
        }
        execute(admin, "ALTER USER tableau_user ROTATE PAT tableau EXPIRE_ROTATED_TOKEN_AFTER_HOURS = 0");
        failsWith("394400", () -> withToken(SnowflakeJdbc.V3, null, newSecret).close());
        failsWith("002211", () -> execute(admin, "ALTER USER tableau_user ROTATE PAT tableau "
                + "EXPIRE_ROTATED_TOKEN_AFTER_HOURS = 100000"));
    }

    @Test
    void rulesOnNamesExpiryRolesAndWhoMayManage() throws Exception {
        execute(admin, "CREATE USER svc TYPE = SERVICE", "GRANT ROLE analyst TO USER svc");
        failsWith("001009", () -> addToken(admin, "ALTER USER svc ADD PAT svc_token"));
        addToken(admin, "ALTER USER svc ADD PAT svc_token ROLE_RESTRICTION = 'ANALYST'");
        failsWith("003013", () -> addToken(admin, "ALTER USER svc ADD PAT other ROLE_RESTRICTION = 'SYSADMIN'"));
        failsWith("002211", () -> addToken(admin, "ALTER USER tableau_user ADD PAT too_long DAYS_TO_EXPIRY = 366"));
        failsWith("002211", () -> addToken(admin, "ALTER USER tableau_user ADD PAT never DAYS_TO_EXPIRY = 0"));
        failsWith("001008", () -> addToken(admin, "ALTER USER tableau_user ADD PAT odd COLOUR = 'red'"));
        try (Connection user = SnowflakeJdbc.V3.connect(server, "tableau_user", PASSWORD)) {
            failsWith("003001", () -> addToken(user, "ALTER USER svc ADD PAT mine ROLE_RESTRICTION = 'ANALYST'"));
            failsWith("003001", () -> rows(user, "SHOW USER PATS FOR USER svc"));
            for (int index = 0; index < 15; index++) {
                addToken(user, "ALTER USER ADD PAT token_" + index);
            }
            SQLException limit = failsWith("001009", () -> addToken(user, "ALTER USER ADD PAT one_too_many"));
            assertThat(limit.getMessage()).contains("maximum of 15");
        }
        execute(admin, "CREATE ROLE token_admin", "GRANT MODIFY PROGRAMMATIC AUTHENTICATION METHODS ON USER svc TO ROLE token_admin",
                "CREATE USER operator PASSWORD = 'Operator-Pw1!'", "GRANT ROLE token_admin TO USER operator");
        try (Connection operator = SnowflakeJdbc.V3.connect(server, "operator", "Operator-Pw1!")) {
            assertThat(rows(operator, "SHOW USER PATS FOR USER svc")).extracting(row -> row.get("name"))
                    .containsExactly("SVC_TOKEN");
        }
    }
}

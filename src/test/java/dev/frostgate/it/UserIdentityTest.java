package dev.frostgate.it;

import static dev.frostgate.testing.Sql.allowLoopbackOnly;
import static dev.frostgate.testing.Sql.execute;
import static dev.frostgate.testing.Sql.failsWith;
import static dev.frostgate.testing.Sql.rows;
import static dev.frostgate.testing.Sql.tokenSecret;
import static dev.frostgate.testing.Sql.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.frostgate.store.Database;
import dev.frostgate.testing.RunningServer;
import dev.frostgate.testing.SnowflakeJdbc;
import dev.frostgate.testing.TestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Users' immutable ids seen through the real JDBC driver: a rename keeps everything the user holds, and a user
 * dropped and created again under the same name is someone else who inherits nothing.
 */
class UserIdentityTest {
    private static final String PASSWORD = "Bob-Passw0rd-1";
    /** Shorter than the attached policy allows, long enough for the account's default rules. */
    private static final String SHORT_PASSWORD = "Short-Passw0rd1";
    @RegisterExtension
    final TestServer running = new TestServer();
    private RunningServer server;
    private Connection admin;

    @BeforeEach
    void start() throws Exception {
        server = running.server();
        admin = running.admin();
        allowLoopbackOnly(admin);
        execute(admin, "CREATE ROLE analyst", "CREATE PASSWORD POLICY long_passwords PASSWORD_MIN_LENGTH = 20");
    }

    /** A user holding a role, a token restricted to it and a password policy; returns the token's secret. */
    private String userHoldingEverything(String name) throws SQLException {
        execute(admin, "CREATE USER " + name + " PASSWORD = '" + PASSWORD + "'",
                "GRANT ROLE analyst TO USER " + name, "ALTER USER " + name + " SET PASSWORD POLICY long_passwords");
        return tokenSecret(admin, "ALTER USER " + name + " ADD PAT laptop ROLE_RESTRICTION = 'ANALYST'");
    }

    @Test
    void aRenamedUserKeepsItsIdRoleGrantsTokensSessionsAndPolicies() throws Exception {
        String secret = userHoldingEverything("bob");
        String id = storedId("BOB");
        try (Connection bob = SnowflakeJdbc.V3.connect(server, "bob", PASSWORD)) {

            execute(admin, "ALTER USER bob RENAME TO robert");

            assertThat(storedId("ROBERT")).isEqualTo(id);
            assertThat(value(bob, "SELECT CURRENT_USER()")).as("the open session goes on as the renamed user")
                    .isEqualTo("ROBERT");
            assertThat(rows(admin, "SHOW GRANTS TO USER robert")).extracting(row -> row.get("role"))
                    .containsExactly("ANALYST");
            assertThat(rows(admin, "SHOW USER PATS FOR USER robert")).extracting(row -> row.get("name"))
                    .containsExactly("LAPTOP");
            // The login name stays BOB: a rename changes the name only.
            try (Connection withToken = withToken("bob", secret)) {
                assertThat(value(withToken, "SELECT CURRENT_USER()")).isEqualTo("ROBERT");
                assertThat(value(withToken, "SELECT CURRENT_ROLE()")).isEqualTo("ANALYST");
            }
            failsWith("003002", () -> execute(admin, "ALTER USER robert SET PASSWORD = '" + SHORT_PASSWORD + "'"));
            failsWith("002003", () -> execute(admin, "SHOW USER PATS FOR USER bob"));
        }
    }

    /**
     * The attack: a user with a role, a token, a password policy and an open session is dropped, and someone who
     * may create users creates one of the same name (and so, here, the same login name). The newcomer is another
     * id and gets none of it: no role, no token, no policy, and neither the old token nor the old session works.
     */
    @Test
    void aUserDroppedAndCreatedAgainUnderTheSameNameInheritsNothing() throws Exception {
        String secret = userHoldingEverything("mallory");
        String droppedId = storedId("MALLORY");
        try (Connection oldSession = SnowflakeJdbc.V3.connect(server, "mallory", PASSWORD)) {
            assertThat(value(oldSession, "SELECT CURRENT_USER()")).isEqualTo("MALLORY");

            execute(admin, "DROP USER mallory", "CREATE USER mallory PASSWORD = '" + PASSWORD + "'");

            String newId = storedId("MALLORY");
            assertThat(newId).isNotEqualTo(droppedId);
            assertThat(rows(admin, "SHOW GRANTS TO USER mallory")).isEmpty();
            assertThat(rows(admin, "SHOW USER PATS FOR USER mallory")).isEmpty();
            assertThat(catchThrowable(() -> withToken("mallory", secret).close())).as("the old token")
                    .isInstanceOf(SQLException.class);
            assertThat(catchThrowable(() -> value(oldSession, "SELECT CURRENT_USER()"))).as("the old session")
                    .isInstanceOf(SQLException.class);
            execute(admin, "ALTER USER mallory SET PASSWORD = '" + SHORT_PASSWORD + "'");
            try (Connection newcomer = SnowflakeJdbc.V3.connect(server, "mallory", SHORT_PASSWORD)) {
                failsWith("003013", () -> execute(newcomer, "USE ROLE analyst"));
            }

            execute(admin, "CREATE OR REPLACE USER mallory PASSWORD = '" + PASSWORD + "'");
            assertThat(storedId("MALLORY")).as("a replaced user is a new user").isNotIn(droppedId, newId);
        }
    }

    private Connection withToken(String user, String secret) throws SQLException {
        Properties properties = new Properties();
        properties.put("user", user);
        properties.put("authenticator", "PROGRAMMATIC_ACCESS_TOKEN");
        properties.put("token", secret);
        return SnowflakeJdbc.V3.connect(server.jdbcUrl(), properties);
    }

    /** The user's id as stored (SQL never shows it, as Snowflake does not), read beside the running server. */
    private String storedId(String name) throws SQLException {
        String url = new Database.Settings(Optional.empty(), Optional.empty(), Optional.empty(), server.dataDirectory(),
                1).effectiveUrl();
        try (Connection store = DriverManager.getConnection(url, "", "");
             PreparedStatement select = store.prepareStatement("SELECT id FROM users WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet found = select.executeQuery()) {
                assertThat(found.next()).as("user %s is stored", name).isTrue();
                return found.getString(1);
            }
        }
    }
}

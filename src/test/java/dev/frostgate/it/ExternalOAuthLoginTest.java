package dev.frostgate.it;

import static dev.frostgate.testing.Sql.execute;
import static dev.frostgate.testing.Sql.failsWith;
import static dev.frostgate.testing.Sql.rows;
import static dev.frostgate.testing.Sql.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frostgate.testing.NodeDriver;
import dev.frostgate.testing.RunningServer;
import dev.frostgate.testing.SnowflakeJdbc;
import dev.frostgate.testing.SqlApiClient;
import java.net.InetAddress;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * External OAuth with a real identity provider (mock-oauth2-server on loopback, its JWKS URL in the
 * integration): its tokens log in through the real JDBC and Node drivers and as SQL API bearers.
 */
class ExternalOAuthLoginTest {
    private static final String AUDIENCE = "https://frostgate.example/api";
    private static MockOAuth2Server idp;
    private static RunningServer server;
    private static Connection admin;

    @BeforeAll
    static void start() throws Exception {
        idp = new MockOAuth2Server();
        idp.start(InetAddress.getLoopbackAddress(), 0);
        server = RunningServer.start();
        admin = SnowflakeJdbc.V3.connect(server, "ADMIN", RunningServer.ADMIN_PASSWORD);
        execute(admin, "CREATE SECURITY INTEGRATION idp TYPE = EXTERNAL_OAUTH EXTERNAL_OAUTH_TYPE = CUSTOM "
                        + "EXTERNAL_OAUTH_ISSUER = '" + idp.issuerUrl("idp") + "' "
                        + "EXTERNAL_OAUTH_JWS_KEYS_URL = '" + idp.jwksUrl("idp") + "' "
                        + "EXTERNAL_OAUTH_AUDIENCE_LIST = ('" + AUDIENCE + "') "
                        + "EXTERNAL_OAUTH_TOKEN_USER_MAPPING_CLAIM = 'sub' "
                        + "EXTERNAL_OAUTH_SNOWFLAKE_USER_MAPPING_ATTRIBUTE = 'LOGIN_NAME'",
                "CREATE ROLE analyst", "CREATE ROLE reporting",
                "CREATE USER alice DEFAULT_ROLE = reporting", "GRANT ROLE analyst TO USER alice",
                "GRANT ROLE reporting TO USER alice");
    }

    @AfterAll
    static void stop() throws Exception {
        admin.close();
        server.close();
        idp.shutdown();
    }

    private static String token(String subject, Object scopes) {
        return idp.issueToken("idp", subject, AUDIENCE, Map.of("scp", scopes)).serialize();
    }

    private static Connection jdbc(String token) throws java.sql.SQLException {
        Properties properties = new Properties();
        properties.put("authenticator", "oauth");
        properties.put("token", token);
        return SnowflakeJdbc.V3.connect(server.jdbcUrl(), properties);
    }

    @Test
    void theJdbcDriverLogsInWithTheScopeRoleAndTheHistoryNamesTheIntegration() throws Exception {
        try (Connection alice = jdbc(token("alice", List.of("session:role:analyst")))) {
            assertThat(value(alice, "SELECT CURRENT_USER()")).isEqualTo("ALICE");
            assertThat(value(alice, "SELECT CURRENT_ROLE()")).isEqualTo("ANALYST");
        }
        assertThat(rows(admin, "SELECT first_authentication_factor, authenticating_integration_name FROM "
                + "SNOWFLAKE.ACCOUNT_USAGE.LOGIN_HISTORY WHERE user_name = 'ALICE' AND is_success = 'YES'"))
                .isNotEmpty().allSatisfy(row -> assertThat(row)
                        .containsEntry("FIRST_AUTHENTICATION_FACTOR", "OAUTH_ACCESS_TOKEN")
                        .containsEntry("AUTHENTICATING_INTEGRATION_NAME", "IDP"));
    }

    @Test
    void theNodeDriverLogsIn() {
        Map<String, Object> connection = NodeDriver.connection(server, null, null);
        connection.remove("username");
        connection.remove("password");
        connection.put("authenticator", "OAUTH");
        connection.put("token", token("alice", List.of("session:role:public")));
        NodeDriver.Outcome outcome = NodeDriver.prepare().run(connection, "SELECT CURRENT_USER(), CURRENT_ROLE()");
        assertThat(outcome.login().ok()).as("%s", outcome).isTrue();
        assertThat(outcome.result(0).rows()).containsExactly(List.of("ALICE", "PUBLIC"));
    }

    @Test
    void theSqlApiAcceptsTheTokenWithOrWithoutTheTypeHeader() throws Exception {
        SqlApiClient api = new SqlApiClient(server);
        String token = token("alice", List.of("session:role:analyst"));
        SqlApiClient.Reply declared = api.post("/api/v2/statements", "{\"statement\":\"SELECT CURRENT_USER(), "
                + "CURRENT_ROLE()\"}", SqlApiClient.bearer(token, "OAUTH"));
        assertThat(declared.status()).as(declared.text()).isEqualTo(200);
        assertThat(declared.body().path("data").get(0).get(0).asText()).isEqualTo("ALICE");
        assertThat(declared.body().path("data").get(0).get(1).asText()).isEqualTo("ANALYST");
        SqlApiClient.Reply recognised = api.statement(token("alice", List.of("session:role:analyst")), "SELECT 1");
        assertThat(recognised.status()).as(recognised.text()).isEqualTo(200);
        SqlApiClient.Reply asKeyPair = api.post("/api/v2/statements", "{\"statement\":\"SELECT 1\"}",
                SqlApiClient.bearer(token, "KEYPAIR_JWT"));
        assertThat(asKeyPair.status()).isEqualTo(401);
        assertThat(asKeyPair.code()).isEqualTo("390144");
    }

    @Test
    void roleAnyFollowsTheAnyRoleMode() throws Exception {
        String anyRole = token("alice", "session:role-any");
        failsWith("390303", () -> jdbc(anyRole).close());
        execute(admin, "ALTER SECURITY INTEGRATION idp SET EXTERNAL_OAUTH_ANY_ROLE_MODE = 'ENABLE_FOR_PRIVILEGE'");
        try {
            failsWith("390303", () -> jdbc(anyRole).close());
            execute(admin, "GRANT USE_ANY_ROLE ON INTEGRATION idp TO ROLE reporting");
            try (Connection alice = jdbc(anyRole)) {
                assertThat(value(alice, "SELECT CURRENT_ROLE()")).isEqualTo("REPORTING");
            }
            execute(admin, "ALTER SECURITY INTEGRATION idp SET EXTERNAL_OAUTH_ANY_ROLE_MODE = 'ENABLE'");
            try (Connection alice = jdbc(anyRole)) {
                assertThat(value(alice, "SELECT CURRENT_ROLE()")).isEqualTo("REPORTING");
            }
        } finally {
            execute(admin, "ALTER SECURITY INTEGRATION idp SET EXTERNAL_OAUTH_ANY_ROLE_MODE = 'DISABLE'");
        }
    }

    @Test
    void verifyExternalOauthTokenReportsPassedOrFailedWithoutEchoingTheToken() throws Exception {
        String good = token("alice", List.of("session:role:analyst"));
        assertThat(value(admin, "SELECT SYSTEM$VERIFY_EXTERNAL_OAUTH_TOKEN('" + good + "')")).isEqualTo(
                "Token Validation finished.{\"Validation Result\":\"Passed\",\"Issuer\":\"" + idp.issuerUrl("idp")
                        + "\",\"User\":\"ALICE\"}");
        String wrongAudience = idp.issueToken("idp", "alice", "somebody-else", Map.of("scp",
                List.of("session:role:analyst"))).serialize();
        String failed = value(admin, "SELECT SYSTEM$VERIFY_EXTERNAL_OAUTH_TOKEN('" + wrongAudience + "')");
        assertThat(failed).isEqualTo("Token Validation finished.{\"Validation Result\":\"Failed\","
                + "\"Failure Reason\":\"EXTERNAL_OAUTH_AUDIENCE_VALIDATION_FAILED\"}");
        assertThat(value(admin, "SELECT SYSTEM$VERIFY_EXTERNAL_OAUTH_TOKEN('not.a.token')"))
                .contains("\"Failed\"").doesNotContain("not.a.token");
        try (Connection alice = jdbc(good)) {
            failsWith("003001", () -> value(alice, "SELECT SYSTEM$VERIFY_EXTERNAL_OAUTH_TOKEN('" + good + "')"));
        }
    }

    @Test
    void aScopeRoleIsTheSessionsPrimaryRoleButSecondaryRolesMayBeUsed() throws Exception {
        try (Connection alice = jdbc(token("alice", List.of("session:role:analyst")))) {
            failsWith("003013", () -> execute(alice, "USE ROLE reporting"));
            execute(alice, "USE ROLE analyst", "USE SECONDARY ROLES ALL");
            assertThat(value(alice, "SELECT CURRENT_ROLE()")).isEqualTo("ANALYST");
            assertThat(value(alice, "SELECT CURRENT_SECONDARY_ROLES()")).contains("REPORTING");
        }
        execute(admin, "ALTER SECURITY INTEGRATION idp SET EXTERNAL_OAUTH_ANY_ROLE_MODE = 'ENABLE'");
        try (Connection alice = jdbc(token("alice", "session:role-any"))) {
            execute(alice, "USE ROLE analyst");
            assertThat(value(alice, "SELECT CURRENT_ROLE()")).isEqualTo("ANALYST");
        } finally {
            execute(admin, "ALTER SECURITY INTEGRATION idp SET EXTERNAL_OAUTH_ANY_ROLE_MODE = 'DISABLE'");
        }
    }

    @Test
    void anAuthenticationPolicyMustAllowOauthAndTheIntegration() throws Exception {
        execute(admin, "CREATE USER bob", "CREATE AUTHENTICATION POLICY oauth_elsewhere "
                + "AUTHENTICATION_METHODS = ('OAUTH') SECURITY_INTEGRATIONS = ('OTHER_IDP')",
                "ALTER USER bob SET AUTHENTICATION POLICY oauth_elsewhere");
        failsWith("390447", () -> jdbc(token("bob", List.of("session:role:public"))).close());
        execute(admin, "ALTER AUTHENTICATION POLICY oauth_elsewhere SET SECURITY_INTEGRATIONS = ('IDP')");
        try (Connection bob = jdbc(token("bob", List.of("session:role:public")))) {
            assertThat(value(bob, "SELECT CURRENT_USER()")).isEqualTo("BOB");
        }
        execute(admin, "CREATE AUTHENTICATION POLICY password_only AUTHENTICATION_METHODS = ('PASSWORD')",
                "ALTER USER bob SET AUTHENTICATION POLICY password_only FORCE");
        failsWith("390447", () -> jdbc(token("bob", List.of("session:role:public"))).close());
    }

    @Test
    void theIntegrationsNetworkPolicyBeatsTheUsers() throws Exception {
        execute(admin, "CREATE USER carol", "CREATE NETWORK POLICY loopback_only ALLOWED_IP_LIST = ('127.0.0.1')",
                "CREATE NETWORK POLICY nobody ALLOWED_IP_LIST = ('192.0.2.1')",
                "ALTER USER carol SET NETWORK_POLICY = loopback_only");
        try (Connection carol = jdbc(token("carol", List.of("session:role:public")))) {
            assertThat(value(carol, "SELECT CURRENT_USER()")).isEqualTo("CAROL");
        }
        execute(admin, "ALTER SECURITY INTEGRATION idp SET NETWORK_POLICY = 'NOBODY'");
        try {
            failsWith("390422", () -> jdbc(token("carol", List.of("session:role:public"))).close());
            execute(admin, "ALTER SECURITY INTEGRATION idp SET NETWORK_POLICY = 'LOOPBACK_ONLY'",
                    "ALTER USER carol SET NETWORK_POLICY = nobody");
            try (Connection carol = jdbc(token("carol", List.of("session:role:public")))) {
                // Every request of the session is judged by the integration's policy, not the user's.
                assertThat(value(carol, "SELECT CURRENT_USER()")).isEqualTo("CAROL");
                assertThat(value(carol, "SELECT 1")).isEqualTo("1");
            }
        } finally {
            execute(admin, "ALTER SECURITY INTEGRATION idp UNSET NETWORK_POLICY");
        }
    }
}

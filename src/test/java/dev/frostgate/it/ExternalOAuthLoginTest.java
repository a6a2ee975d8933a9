package dev.frostgate.it;

import static dev.frostgate.testing.Sql.execute;
import static dev.frostgate.testing.Sql.failsWith;
import static dev.frostgate.testing.Sql.rows;
import static dev.frostgate.testing.Sql.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frostgate.testing.NodeDriver;
import dev.frostgate.testing.OAuthTestEnvironment;
import dev.frostgate.testing.SnowflakeJdbc;
import dev.frostgate.testing.SqlApiClient;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * External OAuth with a real identity provider (mock-oauth2-server on loopback, its JWKS URL in the
 * integration): its tokens log in through the real JDBC and Node drivers and as SQL API bearers.
 */
class ExternalOAuthLoginTest {
    @RegisterExtension
    static final OAuthTestEnvironment oauth = new OAuthTestEnvironment();

    @BeforeAll
    static void start() throws Exception {
        execute(oauth.admin(), oauth.idp().createIntegration("idp", "idp", "sub", "LOGIN_NAME"),
                "CREATE ROLE analyst", "CREATE ROLE reporting",
                "CREATE USER alice DEFAULT_ROLE = reporting", "GRANT ROLE analyst TO USER alice",
                "GRANT ROLE reporting TO USER alice");
    }

    private static String token(String subject, Object scopes) {
        return oauth.idp().token("idp", subject, Map.of("scp", scopes));
    }

    private static Connection jdbc(String token) throws java.sql.SQLException {
        return SnowflakeJdbc.V3.connectWithOAuth(oauth.server(), token);
    }

    @Test
    void theJdbcDriverLogsInWithTheScopeRoleAndTheHistoryNamesTheIntegration() throws Exception {
        try (Connection alice = jdbc(token("alice", List.of("session:role:analyst")))) {
            assertThat(value(alice, "SELECT CURRENT_USER()")).isEqualTo("ALICE");
            assertThat(value(alice, "SELECT CURRENT_ROLE()")).isEqualTo("ANALYST");
        }
        assertThat(rows(oauth.admin(), "SELECT first_authentication_factor, authenticating_integration_name FROM "
                + "SNOWFLAKE.ACCOUNT_USAGE.LOGIN_HISTORY WHERE user_name = 'ALICE' AND is_success = 'YES'"))
                .isNotEmpty().allSatisfy(row -> assertThat(row)
                        .containsEntry("FIRST_AUTHENTICATION_FACTOR", "OAUTH_ACCESS_TOKEN")
                        .containsEntry("AUTHENTICATING_INTEGRATION_NAME", "IDP"));
    }

    @Test
    void theNodeDriverLogsIn() {
        NodeDriver.Outcome outcome = NodeDriver.prepare().run(NodeDriver.oauthConnection(oauth.server(),
                token("alice", List.of("session:role:public"))), "SELECT CURRENT_USER(), CURRENT_ROLE()");
        assertThat(outcome.login().ok()).as("%s", outcome).isTrue();
        assertThat(outcome.result(0).rows()).containsExactly(List.of("ALICE", "PUBLIC"));
    }

    @Test
    void theSqlApiAcceptsTheTokenWithOrWithoutTheTypeHeader() throws Exception {
        SqlApiClient api = new SqlApiClient(oauth.server());
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
        execute(oauth.admin(),
                "ALTER SECURITY INTEGRATION idp SET EXTERNAL_OAUTH_ANY_ROLE_MODE = 'ENABLE_FOR_PRIVILEGE'");
        try {
            failsWith("390303", () -> jdbc(anyRole).close());
            execute(oauth.admin(), "GRANT USE_ANY_ROLE ON INTEGRATION idp TO ROLE reporting");
            try (Connection alice = jdbc(anyRole)) {
                assertThat(value(alice, "SELECT CURRENT_ROLE()")).isEqualTo("REPORTING");
            }
            execute(oauth.admin(), "ALTER SECURITY INTEGRATION idp SET EXTERNAL_OAUTH_ANY_ROLE_MODE = 'ENABLE'");
            try (Connection alice = jdbc(anyRole)) {
                assertThat(value(alice, "SELECT CURRENT_ROLE()")).isEqualTo("REPORTING");
            }
        } finally {
            execute(oauth.admin(), "ALTER SECURITY INTEGRATION idp SET EXTERNAL_OAUTH_ANY_ROLE_MODE = 'DISABLE'");
        }
    }

    @Test
    void verifyExternalOauthTokenReportsPassedOrFailedWithoutEchoingTheToken() throws Exception {
        String good = token("alice", List.of("session:role:analyst"));
        assertThat(value(oauth.admin(), "SELECT SYSTEM$VERIFY_EXTERNAL_OAUTH_TOKEN('" + good + "')")).isEqualTo(
                "Token Validation finished.{\"Validation Result\":\"Passed\",\"Issuer\":\"" + oauth.idp().issuer("idp")
                        + "\",\"User\":\"ALICE\"}");
        String wrongAudience = oauth.idp().token("idp", "alice", "somebody-else", Map.of("scp",
                List.of("session:role:analyst")));
        String failed = value(oauth.admin(), "SELECT SYSTEM$VERIFY_EXTERNAL_OAUTH_TOKEN('" + wrongAudience + "')");
        assertThat(failed).isEqualTo("Token Validation finished.{\"Validation Result\":\"Failed\","
                + "\"Failure Reason\":\"EXTERNAL_OAUTH_AUDIENCE_VALIDATION_FAILED\"}");
        assertThat(value(oauth.admin(), "SELECT SYSTEM$VERIFY_EXTERNAL_OAUTH_TOKEN('not.a.token')"))
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
        execute(oauth.admin(), "ALTER SECURITY INTEGRATION idp SET EXTERNAL_OAUTH_ANY_ROLE_MODE = 'ENABLE'");
        try (Connection alice = jdbc(token("alice", "session:role-any"))) {
            execute(alice, "USE ROLE analyst");
            assertThat(value(alice, "SELECT CURRENT_ROLE()")).isEqualTo("ANALYST");
        } finally {
            execute(oauth.admin(), "ALTER SECURITY INTEGRATION idp SET EXTERNAL_OAUTH_ANY_ROLE_MODE = 'DISABLE'");
        }
    }

    @Test
    void anAuthenticationPolicyMustAllowOauthAndTheIntegration() throws Exception {
        execute(oauth.admin(), "CREATE USER bob", "CREATE AUTHENTICATION POLICY oauth_elsewhere "
                + "AUTHENTICATION_METHODS = ('OAUTH') SECURITY_INTEGRATIONS = ('OTHER_IDP')",
                "ALTER USER bob SET AUTHENTICATION POLICY oauth_elsewhere");
        failsWith("390447", () -> jdbc(token("bob", List.of("session:role:public"))).close());
        execute(oauth.admin(), "ALTER AUTHENTICATION POLICY oauth_elsewhere SET SECURITY_INTEGRATIONS = ('IDP')");
        try (Connection bob = jdbc(token("bob", List.of("session:role:public")))) {
            assertThat(value(bob, "SELECT CURRENT_USER()")).isEqualTo("BOB");
        }
        execute(oauth.admin(), "CREATE AUTHENTICATION POLICY password_only AUTHENTICATION_METHODS = ('PASSWORD')",
                "ALTER USER bob SET AUTHENTICATION POLICY password_only FORCE");
        failsWith("390447", () -> jdbc(token("bob", List.of("session:role:public"))).close());
    }

    @Test
    void theIntegrationsNetworkPolicyBeatsTheUsers() throws Exception {
        execute(oauth.admin(), "CREATE USER carol",
                "CREATE NETWORK POLICY loopback_only ALLOWED_IP_LIST = ('127.0.0.1')",
                "CREATE NETWORK POLICY nobody ALLOWED_IP_LIST = ('192.0.2.1')",
                "ALTER USER carol SET NETWORK_POLICY = loopback_only");
        try (Connection carol = jdbc(token("carol", List.of("session:role:public")))) {
            assertThat(value(carol, "SELECT CURRENT_USER()")).isEqualTo("CAROL");
        }
        execute(oauth.admin(), "ALTER SECURITY INTEGRATION idp SET NETWORK_POLICY = 'NOBODY'");
        try {
            failsWith("390422", () -> jdbc(token("carol", List.of("session:role:public"))).close());
            execute(oauth.admin(), "ALTER SECURITY INTEGRATION idp SET NETWORK_POLICY = 'LOOPBACK_ONLY'",
                    "ALTER USER carol SET NETWORK_POLICY = nobody");
            try (Connection carol = jdbc(token("carol", List.of("session:role:public")))) {
                // Every request of the session is judged by the integration's policy, not the user's.
                assertThat(value(carol, "SELECT CURRENT_USER()")).isEqualTo("CAROL");
                assertThat(value(carol, "SELECT 1")).isEqualTo("1");
            }
        } finally {
            execute(oauth.admin(), "ALTER SECURITY INTEGRATION idp UNSET NETWORK_POLICY");
        }
    }
}

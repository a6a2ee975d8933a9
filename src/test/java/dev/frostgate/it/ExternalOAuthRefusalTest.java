package dev.frostgate.it;

import static dev.frostgate.testing.Sql.execute;
import static dev.frostgate.testing.Sql.loginFailureReason;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frostgate.testing.NodeDriver;
import dev.frostgate.testing.OAuthTestEnvironment;
import dev.frostgate.testing.SqlApiClient;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * External OAuth refusals as the other clients see them, with tokens of a real identity provider (mock-oauth2-server):
 * the Node driver (snowflake-sdk, authenticator 'OAUTH') reports the server's code, and the SQL API answers 401 with
 * the code in its body, whether the bearer's type is declared (X-Snowflake-Authorization-Token-Type: OAUTH) or
 * recognised from the token. Each refusal is traced to its specific reason through its failure uuid, and no answer
 * contains the token.
 */
class ExternalOAuthRefusalTest {
    @RegisterExtension
    static final OAuthTestEnvironment oauth = new OAuthTestEnvironment();

    /** One way a token is refused: what the client must show and the reason the failure details must name. */
    private record Refusal(String what, String token, String code, String reason) {}

    @BeforeAll
    static void start() throws Exception {
        execute(oauth.admin(), oauth.idp().createIntegration("idp", "idp", "sub", "LOGIN_NAME"),
                "ALTER SECURITY INTEGRATION idp SET EXTERNAL_OAUTH_BLOCKED_ROLES_LIST = ('AUDITOR')",
                "CREATE ROLE analyst", "CREATE ROLE auditor", "CREATE USER alice",
                "GRANT ROLE analyst TO USER alice", "GRANT ROLE auditor TO USER alice");
    }

    private static Map<String, Object> scope(String role) {
        return Map.of("scp", List.of("session:role:" + role));
    }

    /** A token alice may log in with: every refusal below differs from it in one thing only. */
    private static String accepted() {
        return oauth.idp().token("idp", "alice", scope("analyst"));
    }

    private static List<Refusal> refusals() {
        return List.of(
                new Refusal("expired", oauth.idp().expiredToken("idp", "alice", scope("analyst")), "390318",
                        "OAUTH_ACCESS_TOKEN_EXPIRED"),
                new Refusal("wrong audience", oauth.idp().token("idp", "alice", "https://elsewhere.example",
                        scope("analyst")), "390303", "EXTERNAL_OAUTH_AUDIENCE_VALIDATION_FAILED"),
                new Refusal("unknown issuer", oauth.idp().token("stranger", "alice", scope("analyst")), "390303",
                        "EXTERNAL_OAUTH_ACCESS_TOKEN_ISSUER_NOT_FOUND"),
                new Refusal("blocked role", oauth.idp().token("idp", "alice", scope("auditor")), "390303",
                        "EXTERNAL_OAUTH_ROLE_NOT_ALLOWED"));
    }

    @Test
    void theNodeDriverReportsEachRefusalsCodeAndNeverTheToken() throws Exception {
        NodeDriver node = NodeDriver.prepare();
        NodeDriver.Outcome control = node.run(NodeDriver.oauthConnection(oauth.server(), accepted()),
                "SELECT CURRENT_ROLE()");
        assertThat(control.login().ok()).as("%s", control).isTrue();
        assertThat(control.result(0).rows()).containsExactly(List.of("ANALYST"));

        for (Refusal refusal : refusals()) {
            NodeDriver.Outcome outcome = node.run(NodeDriver.oauthConnection(oauth.server(), refusal.token()),
                    "SELECT 1");
            assertThat(outcome.login().ok()).as(refusal.what()).isFalse();
            assertThat(outcome.login().code()).as(refusal.what() + ": %s", outcome).isEqualTo(refusal.code());
            assertThat(outcome.toString()).as(refusal.what()).doesNotContain(refusal.token());
            assertThat(loginFailureReason(oauth.admin(), outcome.login().message())).as(refusal.what())
                    .isEqualTo(refusal.reason());
        }
    }

    @Test
    void theSqlApiAnswers401WithTheCodeWhetherOrNotTheTokenTypeIsDeclared() throws Exception {
        SqlApiClient api = new SqlApiClient(oauth.server());
        for (String declaredType : Arrays.asList("OAUTH", null)) {
            SqlApiClient.Reply control = submit(api, accepted(), declaredType);
            assertThat(control.status()).as("type %s: %s", declaredType, control.text()).isEqualTo(200);

            for (Refusal refusal : refusals()) {
                String what = refusal.what() + ", type " + declaredType;
                SqlApiClient.Reply reply = submit(api, refusal.token(), declaredType);
                assertThat(reply.status()).as(what + ": " + reply.text()).isEqualTo(401);
                assertThat(reply.code()).as(what).isEqualTo(refusal.code());
                assertThat(reply.body().path("sqlState").asText()).as(what).isEqualTo("08004");
                assertThat(reply.text()).as(what).doesNotContain(refusal.token());
                assertThat(loginFailureReason(oauth.admin(), reply.body().path("message").asText())).as(what)
                        .isEqualTo(refusal.reason());
            }
        }
    }

    private static SqlApiClient.Reply submit(SqlApiClient api, String token, String declaredType) throws Exception {
        return api.post("/api/v2/statements", "{\"statement\":\"SELECT 1\"}", SqlApiClient.bearer(token, declaredType));
    }
}

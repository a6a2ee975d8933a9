package dev.frostgate.it;

import static dev.frostgate.testing.Sql.allowLoopbackOnly;
import static dev.frostgate.testing.Sql.execute;
import static dev.frostgate.testing.Sql.tokenSecret;
import static dev.frostgate.testing.Sql.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frostgate.testing.RunningServer;
import dev.frostgate.testing.SnowflakeJdbc;
import dev.frostgate.testing.TestServer;
import dev.frostgate.testing.SqlApiClient;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SQL API v2 door over real HTTP, authenticated by programmatic access tokens. */
class SqlApiTest {
    private static final String PASSWORD = "Tableau-Passw0rd";
    private static final String UUID_SUFFIX = " \\[[0-9a-f-]{36}\\]$";
    private RunningServer server;
    private Connection admin;
    private SqlApiClient api;
    private String restricted;
    private String unrestricted;

    @RegisterExtension
    final TestServer running = new TestServer(config -> config.toBuilder().sqlApiStatementsPerUser(2).build(),
            Clock.systemUTC());

    @BeforeEach
    void start() throws Exception {
        server = running.server();
        admin = running.admin();
        execute(admin, "CREATE ROLE analyst", "CREATE USER tableau_user PASSWORD = '" + PASSWORD + "'",
                "GRANT ROLE analyst TO USER tableau_user");
        allowLoopbackOnly(admin);
        restricted = tokenSecret(admin, "ALTER USER tableau_user ADD PAT restricted ROLE_RESTRICTION = 'ANALYST'");
        unrestricted = tokenSecret(admin, "ALTER USER tableau_user ADD PAT open_token");
        api = new SqlApiClient(server);
    }

    @Test
    void selectOneWithAndWithoutTheTokenTypeHeader() throws Exception {
        String requestId = UUID.randomUUID().toString();
        SqlApiClient.Reply plain = api.statement(unrestricted, "SELECT 1", Map.of(), "?requestId=" + requestId);
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.code()).isEqualTo("090001");
        assertThat(plain.body().path("sqlState").asText()).isEqualTo("00000");
        assertThat(plain.body().path("message").asText()).isEqualTo("Statement executed successfully.");
        assertThat(plain.body().path("requestId").asText()).isEqualTo(requestId);
        assertThat(plain.body().path("statementStatusUrl").asText())
                .isEqualTo("/api/v2/statements/" + plain.handle() + "?requestId=" + requestId);
        assertThat(plain.body().path("createdOn").asLong()).isPositive();
        assertThat(plain.body().path("data").toString()).isEqualTo("[[\"1\"]]");
        var metadata = plain.body().path("resultSetMetaData");
        assertThat(metadata.path("numRows").asInt()).isEqualTo(1);
        assertThat(metadata.path("format").asText()).isEqualTo("jsonv2");
        assertThat(metadata.path("rowType").get(0).path("name").asText()).isEqualTo("1");
        assertThat(metadata.path("rowType").get(0).path("type").asText()).isEqualTo("fixed");
        assertThat(metadata.path("rowType").get(0).has("nullable")).isTrue();
        assertThat(metadata.path("partitionInfo").get(0).path("rowCount").asInt()).isEqualTo(1);

        SqlApiClient.Reply typed = api.post("/api/v2/statements", "{\"statement\":\"SELECT CURRENT_USER()\"}",
                SqlApiClient.bearer(unrestricted, "PROGRAMMATIC_ACCESS_TOKEN"));
        assertThat(typed.status()).isEqualTo(200);
        assertThat(typed.body().path("data").toString()).isEqualTo("[[\"TABLEAU_USER\"]]");
        assertThat(typed.text()).doesNotContain(unrestricted);
    }

    @Test
    void theRoleFieldAndTheTokensRoleRestrictionChooseThePrimaryRole() throws Exception {
        assertThat(api.statement(restricted, "SELECT CURRENT_ROLE()").body().path("data").toString())
                .isEqualTo("[[\"ANALYST\"]]");
        SqlApiClient.Reply other = api.statement(restricted, "SELECT 1", Map.of("role", "PUBLIC"), "");
        assertThat(other.status()).isEqualTo(401);
        assertThat(other.code()).isEqualTo("390186");
        assertThat(api.statement(unrestricted, "SELECT CURRENT_ROLE()", Map.of("role", "ANALYST"), "").body()
                .path("data").toString()).isEqualTo("[[\"ANALYST\"]]");
        SqlApiClient.Reply notGranted = api.statement(unrestricted, "SELECT 1", Map.of("role", "SYSADMIN"), "");
        assertThat(notGranted.status()).isEqualTo(401);
        assertThat(notGranted.code()).isEqualTo("390189");
        // The role field is case-sensitive, as Snowflake documents it.
        assertThat(api.statement(unrestricted, "SELECT 1", Map.of("role", "analyst"), "").code()).isEqualTo("390189");
    }

    @Test
    void badCredentialsAreRefusedWithTheTokenTypesCode() throws Exception {
        String forged = unrestricted.substring(0, 20) + (unrestricted.charAt(20) == 'x' ? "y" : "x")
                + unrestricted.substring(21);
        SqlApiClient.Reply invalid = api.statement(forged, "SELECT 1");
        assertThat(invalid.status()).isEqualTo(401);
        assertThat(invalid.code()).isEqualTo("394400");

        SqlApiClient.Reply asOauth = api.post("/api/v2/statements", "{\"statement\":\"SELECT 1\"}",
                SqlApiClient.bearer(unrestricted, "OAUTH"));
        assertThat(asOauth.status()).isEqualTo(401);
        assertThat(asOauth.code()).isEqualTo("390303");
        assertThat(asOauth.body().path("message").asText()).matches("Invalid OAuth access token\\." + UUID_SUFFIX);

        SqlApiClient.Reply jwt = api.statement("eyJhbGciOiJSUzI1NiJ9.e30.c2ln", "SELECT 1");
        assertThat(jwt.status()).isEqualTo(401);
        assertThat(jwt.code()).isEqualTo("390144");
        assertThat(jwt.body().path("message").asText()).matches("JWT token is invalid\\." + UUID_SUFFIX);

        SqlApiClient.Reply missing = api.post("/api/v2/statements", "{\"statement\":\"SELECT 1\"}", Map.of());
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.code()).isEqualTo("390144");
        SqlApiClient.Reply garbled = api.post("/api/v2/statements", "{\"statement\":\"SELECT 1\"}",
                Map.of("Authorization", "Basic " + unrestricted));
        assertThat(garbled.status()).isEqualTo(401);
        for (SqlApiClient.Reply reply : java.util.List.of(invalid, asOauth, jwt, missing, garbled)) {
            assertThat(reply.text()).doesNotContain(unrestricted);
        }
    }

    @Test
    void everyVerificationIsInTheLoginHistoryAndNoSessionIsStored() throws Exception {
        assertThat(api.statement(restricted, "SELECT 1").status()).isEqualTo(200);
        api.statement(restricted + "x", "SELECT 1");
        var history = rows(admin, "SELECT is_success, error_code, reported_client_type FROM "
                + "SNOWFLAKE.ACCOUNT_USAGE.LOGIN_HISTORY WHERE user_name = 'TABLEAU_USER' "
                + "AND first_authentication_factor = 'PROGRAMMATIC_ACCESS_TOKEN'");
        assertThat(history).anySatisfy(row -> assertThat(row).containsEntry("IS_SUCCESS", "YES")
                .containsEntry("REPORTED_CLIENT_TYPE", "SQL_API"));
    }

    @Test
    void asyncStatementsArePolledUntilTheyHaveAResult() throws Exception {
        SqlApiClient.Reply accepted = api.statement(unrestricted, "SELECT SYSTEM$WAIT(1)", Map.of(), "?async=true");
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.code()).isEqualTo("333334");
        assertThat(accepted.body().path("message").asText()).startsWith("Asynchronous execution in progress.");
        String url = accepted.body().path("statementStatusUrl").asText();
        assertThat(url).startsWith("/api/v2/statements/" + accepted.handle());
        assertThat(api.get(url, unrestricted).status()).isEqualTo(202);
        SqlApiClient.Reply done = pollUntilFinished(url, unrestricted);
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body().path("data").toString()).isEqualTo("[[\"waited 1 seconds\"]]");
        assertThat(api.get("/api/v2/statements/" + accepted.handle() + "?partition=0", unrestricted).status())
                .isEqualTo(200);
        assertThat(api.get("/api/v2/statements/" + accepted.handle() + "?partition=1", unrestricted).status())
                .isEqualTo(400);
        SqlApiClient.Reply unknown = api.get("/api/v2/statements/" + UUID.randomUUID(), unrestricted);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("000709");
    }

    private SqlApiClient.Reply pollUntilFinished(String url, String token) throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            SqlApiClient.Reply reply = api.get(url, token);
            if (reply.status() != 202) {
                return reply;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("statement still running: " + url);
    }

    @Test
    void aRunningStatementCanBeCancelled() throws Exception {
        SqlApiClient.Reply accepted = api.statement(unrestricted, "SELECT SYSTEM$WAIT(30)", Map.of(), "?async=true");
        SqlApiClient.Reply cancelled = api.post("/api/v2/statements/" + accepted.handle() + "/cancel", "",
                SqlApiClient.bearer(unrestricted, null));
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.code()).isEqualTo("000604");
        assertThat(cancelled.body().path("statementHandle").asText()).isEqualTo(accepted.handle());
        SqlApiClient.Reply status = api.get("/api/v2/statements/" + accepted.handle(), unrestricted);
        assertThat(status.status()).isEqualTo(422);
        assertThat(status.code()).isEqualTo("000604");
    }

    @Test
    void theWarehouseFieldIsTheStatementsCurrentWarehouse() throws Exception {
        assertThat(api.statement(unrestricted, "SELECT CURRENT_WAREHOUSE()", Map.of("warehouse", "Api_Wh"), "")
                .body().path("data").toString()).as("as given: the SQL API's fields are case-sensitive")
                .isEqualTo("[[\"Api_Wh\"]]");
        assertThat(api.statement(unrestricted, "SELECT CURRENT_WAREHOUSE()").body().path("data").toString())
                .as("each request runs in a session of its own").isEqualTo("[[null]]");
    }

    @Test
    void aFailingStatementIs422WithItsCodeAndHandle() throws Exception {
        SqlApiClient.Reply failed = api.statement(unrestricted, "SELEC 1");
        assertThat(failed.status()).isEqualTo(422);
        assertThat(failed.code()).isEqualTo("001003");
        assertThat(failed.body().path("sqlState").asText()).isEqualTo("42000");
        assertThat(failed.handle()).isNotBlank();
        SqlApiClient.Reply noDatabase = api.statement(unrestricted, "SELECT 1", Map.of("database", "NOPE"), "");
        assertThat(noDatabase.status()).isEqualTo(422);
        assertThat(noDatabase.code()).isEqualTo("002003");
        SqlApiClient.Reply bindings = api.statement(unrestricted, "SELECT ?",
                Map.of("bindings", Map.of("1", Map.of("type", "FIXED", "value", "1"))), "");
        assertThat(bindings.status()).isEqualTo(422);
        assertThat(bindings.code()).isEqualTo("000002");
    }

    @Test
    void aStatementOutlastingItsTimeoutIsCancelledWith408() throws Exception {
        SqlApiClient.Reply timedOut = api.statement(unrestricted, "SELECT SYSTEM$WAIT(5)", Map.of("timeout", 1), "");
        assertThat(timedOut.status()).isEqualTo(408);
        assertThat(timedOut.code()).isEqualTo("000630");
        assertThat(timedOut.body().path("sqlState").asText()).isEqualTo("57014");
    }

    @Test
    void tooManyStatementsInFlightAre429() throws Exception {
        SqlApiClient.Reply first = api.statement(unrestricted, "SELECT SYSTEM$WAIT(20)", Map.of(), "?async=true");
        SqlApiClient.Reply second = api.statement(restricted, "SELECT SYSTEM$WAIT(20)", Map.of(), "?async=true");
        assertThat(first.status()).isEqualTo(202);
        assertThat(second.status()).isEqualTo(202);
        SqlApiClient.Reply third = api.statement(unrestricted, "SELECT 1");
        assertThat(third.status()).isEqualTo(429);
        assertThat(third.code()).isEqualTo("390429");
        api.post("/api/v2/statements/" + first.handle() + "/cancel", "", SqlApiClient.bearer(unrestricted, null));
        assertThat(api.statement(unrestricted, "SELECT 1").status()).isEqualTo(200);
        api.post("/api/v2/statements/" + second.handle() + "/cancel", "", SqlApiClient.bearer(restricted, null));
    }

    @Test
    void malformedBodiesAre400AndOtherMediaTypes415() throws Exception {
        SqlApiClient.Reply broken = api.post("/api/v2/statements", "{\"statement\":", SqlApiClient.bearer(
                unrestricted, null));
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.code()).isEqualTo("390400");
        assertThat(api.post("/api/v2/statements", "{\"timeout\":3}", SqlApiClient.bearer(unrestricted, null))
                .status()).isEqualTo(400);
        assertThat(api.statement(unrestricted, "SELECT 1", Map.of("timeout", "soon"), "").status()).isEqualTo(400);
        Map<String, String> text = new java.util.HashMap<>(SqlApiClient.bearer(unrestricted, null));
        text.put("Content-Type", "text/plain");
        SqlApiClient.Reply media = api.post("/api/v2/statements", "{\"statement\":\"SELECT 1\"}", text);
        assertThat(media.status()).isEqualTo(415);
    }

    @Test
    void anotherUserCannotReadOrCancelYourHandle() throws Exception {
        execute(admin, "CREATE USER other_user PASSWORD = '" + PASSWORD + "'");
        String others = tokenSecret(admin, "ALTER USER other_user ADD PAT mine");
        SqlApiClient.Reply accepted = api.statement(unrestricted, "SELECT SYSTEM$WAIT(1)", Map.of(), "?async=true");
        SqlApiClient.Reply foreign = api.get("/api/v2/statements/" + accepted.handle(), others);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.code()).isEqualTo("000709");
        SqlApiClient.Reply cancel = api.post("/api/v2/statements/" + accepted.handle() + "/cancel", "",
                SqlApiClient.bearer(others, null));
        assertThat(cancel.status()).isEqualTo(404);
        assertThat(pollUntilFinished("/api/v2/statements/" + accepted.handle(), unrestricted).status())
                .isEqualTo(200);
    }

    @Test
    void aNetworkPolicyBlockingTheCallerRefusesIt() throws Exception {
        assertThat(api.statement(unrestricted, "SELECT 1").status()).isEqualTo(200);
        execute(admin, "CREATE NETWORK POLICY only_ten ALLOWED_IP_LIST = ('10.0.0.0/8')",
                "ALTER USER tableau_user SET NETWORK_POLICY = only_ten");
        SqlApiClient.Reply blocked = api.statement(unrestricted, "SELECT 1");
        assertThat(blocked.status()).isEqualTo(403);
        assertThat(blocked.code()).isEqualTo("390422");
    }

    @Test
    void tokensUnderNotEnforcedSkipNetworkPoliciesOnEveryRequest() throws Exception {
        execute(admin, "CREATE NETWORK POLICY only_ten ALLOWED_IP_LIST = ('10.0.0.0/8')",
                "ALTER USER tableau_user SET NETWORK_POLICY = only_ten",
                "CREATE AUTHENTICATION POLICY anywhere PAT_POLICY = (NETWORK_POLICY_EVALUATION = NOT_ENFORCED)",
                "ALTER USER tableau_user SET AUTHENTICATION POLICY anywhere");
        // The first request verifies the bearer; the second is served from the verified-bearer cache.
        assertThat(api.statement(unrestricted, "SELECT 1").status()).isEqualTo(200);
        assertThat(api.statement(unrestricted, "SELECT 1").status()).isEqualTo(200);
        execute(admin, "ALTER AUTHENTICATION POLICY anywhere SET PAT_POLICY = (NETWORK_POLICY_EVALUATION = "
                + "ENFORCED_NOT_REQUIRED)");
        assertThat(api.statement(unrestricted, "SELECT 1").code()).isEqualTo("390422");
    }

    @Test
    void anAuthenticationPolicyWithoutTokensRefusesThemAtOnce() throws Exception {
        execute(admin, "CREATE AUTHENTICATION POLICY drivers_only CLIENT_TYPES = ('DRIVERS')",
                "ALTER USER tableau_user SET AUTHENTICATION POLICY drivers_only");
        // CLIENT_TYPES does not restrict REST APIs.
        assertThat(api.statement(unrestricted, "SELECT 1").status()).isEqualTo(200);
        execute(admin, "CREATE AUTHENTICATION POLICY passwords_only AUTHENTICATION_METHODS = ('PASSWORD')",
                "ALTER USER tableau_user SET AUTHENTICATION POLICY passwords_only FORCE");
        // The verified bearer was remembered; the policy change forgets it on this node at once.
        SqlApiClient.Reply refused = api.statement(unrestricted, "SELECT 1");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("390447");
        assertThat(refused.body().path("message").asText()).contains("PROGRAMMATIC_ACCESS_TOKEN");
    }

    @Test
    void revokingTheRestrictedRoleStopsItsBearerAtOnce() throws Exception {
        assertThat(api.statement(restricted, "SELECT CURRENT_ROLE()").body().path("data").toString())
                .isEqualTo("[[\"ANALYST\"]]");
        execute(admin, "REVOKE ROLE analyst FROM USER tableau_user");
        SqlApiClient.Reply refused = api.statement(restricted, "SELECT 1");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("394400");
    }

    @Test
    void disablingTheUserStopsItsBearerAtOnce() throws Exception {
        assertThat(api.statement(unrestricted, "SELECT 1").status()).isEqualTo(200);
        execute(admin, "ALTER USER tableau_user SET DISABLED = TRUE");
        SqlApiClient.Reply refused = api.statement(unrestricted, "SELECT 1");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("394400");
    }
}

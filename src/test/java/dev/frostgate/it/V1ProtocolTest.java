package dev.frostgate.it;

import static dev.frostgate.testing.V1Client.sessionHeader;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frostgate.testing.MutableClock;
import dev.frostgate.testing.RunningServer;
import dev.frostgate.testing.Sql;
import dev.frostgate.testing.SnowflakeJdbc;
import dev.frostgate.testing.V1Client;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The v1 wire protocol at the HTTP level: envelopes, tokens, renewal, retries, long queries and bad input. */
class V1ProtocolTest {
    private static MutableClock clock;
    private static RunningServer server;
    private static V1Client client;

    @BeforeAll
    static void start() throws Exception {
        clock = MutableClock.startingNow();
        server = RunningServer.start(config -> config.withResultWait(Duration.ofMillis(500)), clock);
        client = new V1Client(server);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static String sessionToken() throws Exception {
        V1Client.Reply login = client.login("ADMIN", RunningServer.ADMIN_PASSWORD);
        assertThat(login.success()).isTrue();
        return login.data().path("token").asText();
    }

    @Test
    void healthAndReadiness() throws Exception {
        V1Client.Reply health = client.get("/healthz", Map.of());
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().path("status").asText()).isEqualTo("ok");
        V1Client.Reply ready = client.get("/readyz", Map.of());
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.body().path("store").asText()).isEqualTo("reachable");
    }

    @Test
    void loginAnswerCarriesWhatTheDriversNeed() throws Exception {
        V1Client.Reply login = client.login("admin", RunningServer.ADMIN_PASSWORD);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.data().path("token").asText()).startsWith("ST-");
        assertThat(login.data().path("masterToken").asText()).startsWith("MT-");
        assertThat(login.data().path("validityInSeconds").asLong()).isEqualTo(3600);
        assertThat(login.data().path("masterValidityInSeconds").asLong()).isEqualTo(14400);
        assertThat(login.data().path("parameters").toString()).contains("\"AUTOCOMMIT\"");
        assertThat(login.data().path("sessionInfo").path("roleName").asText()).isEqualTo("ACCOUNTADMIN");
        V1Client.Reply otherMethod = client.post("/session/v1/login-request", ("{\"data\":{\"ACCOUNT_NAME\":"
                + "\"frostgate\",\"LOGIN_NAME\":\"admin\",\"AUTHENTICATOR\":\"EXTERNAL_MAGIC\",\"TOKEN\":\"t\"}}")
                .getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(otherMethod.code()).isEqualTo("390139");
        V1Client.Reply refused = client.login("admin", "wrong");
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.success()).isFalse();
        assertThat(refused.code()).isEqualTo("390100");
        assertThat(refused.data().path("nextAction").asText()).isEqualTo("RETRY_LOGIN");
    }

    @Test
    void theSessionsContextIsInTheLoginAnswerAndAfterEveryStatement() throws Exception {
        String admin = sessionToken();
        assertThat(client.query(admin, "CREATE DATABASE wire_db").success()).isTrue();
        assertThat(client.query(admin, "CREATE SCHEMA wire_db.public").success()).isTrue();

        V1Client.Reply login = client.login("admin", RunningServer.ADMIN_PASSWORD,
                Map.of("databaseName", "wire_db", "warehouse", "\"Wire Wh\"", "roleName", "SYSADMIN"));

        assertThat(login.data().path("sessionInfo").toString()).isEqualTo("{\"databaseName\":\"WIRE_DB\","
                + "\"schemaName\":\"PUBLIC\",\"warehouseName\":\"Wire Wh\",\"roleName\":\"SYSADMIN\"}");
        String token = login.data().path("token").asText();
        V1Client.Reply use = client.query(token, "USE WAREHOUSE other_wh");
        assertThat(use.data().path("finalDatabaseName").asText()).isEqualTo("WIRE_DB");
        assertThat(use.data().path("finalSchemaName").asText()).isEqualTo("PUBLIC");
        assertThat(use.data().path("finalWarehouseName").asText()).isEqualTo("OTHER_WH");
        assertThat(use.data().path("finalRoleName").asText()).isEqualTo("SYSADMIN");
        V1Client.Reply unqualified = client.query(sessionToken(), "SELECT 1");
        assertThat(unqualified.data().path("finalDatabaseName").isNull()).isTrue();
        assertThat(unqualified.data().path("finalWarehouseName").isNull()).isTrue();
    }

    @Test
    void queryResultsUseTheJsonRowsetShape() throws Exception {
        String token = sessionToken();
        V1Client.Reply select = client.query(token, "SELECT 1");
        assertThat(select.success()).isTrue();
        assertThat(select.data().path("rowset").toString()).isEqualTo("[[\"1\"]]");
        assertThat(select.data().path("rowtype").get(0).path("type").asText()).isEqualTo("fixed");
        assertThat(select.data().path("returned").asInt()).isEqualTo(1);
        assertThat(select.data().path("total").asInt()).isEqualTo(1);
        assertThat(select.data().path("statementTypeId").asLong()).isEqualTo(0x1000);
        assertThat(select.data().path("queryResultFormat").asText()).isEqualTo("json");

        V1Client.Reply create = client.query(token, "CREATE USER wire_user");
        assertThat(create.data().path("statementTypeId").asLong()).isEqualTo(0x6000);
        assertThat(create.data().path("rowset").toString()).isEqualTo("[[\"User WIRE_USER successfully created.\"]]");
        V1Client.Reply show = client.query(token, "SHOW USERS LIKE 'WIRE_USER'");
        assertThat(show.data().path("statementTypeId").asLong()).isEqualTo(0x4400);
        V1Client.Reply describe = client.query(token, "DESCRIBE USER wire_user");
        assertThat(describe.data().path("statementTypeId").asLong()).isEqualTo(0x4500);

        V1Client.Reply failure = client.query(token, "DROP USER nobody_at_all");
        assertThat(failure.success()).isFalse();
        assertThat(failure.code()).isEqualTo("002003");
        assertThat(failure.data().path("sqlState").asText()).isEqualTo("42S02");
        assertThat(failure.data().path("queryId").asText()).isNotBlank();
    }

    @Test
    void aRetriedRequestIdIsNotExecutedTwice() throws Exception {
        String token = sessionToken();
        String requestId = UUID.randomUUID().toString();
        V1Client.Reply first = client.query(token, "CREATE ROLE retried_role", requestId);
        V1Client.Reply retry = client.query(token, "CREATE ROLE retried_role", requestId);
        assertThat(first.success()).isTrue();
        assertThat(retry.success()).isTrue();
        assertThat(retry.data().path("queryId").asText()).isEqualTo(first.data().path("queryId").asText());
        V1Client.Reply fresh = client.query(token, "CREATE ROLE retried_role");
        assertThat(fresh.code()).isEqualTo("002002");
    }

    @Test
    void sessionTokensAreCheckedAndRenewedWithTheMasterToken() throws Exception {
        V1Client.Reply login = client.login("ADMIN", RunningServer.ADMIN_PASSWORD);
        String token = login.data().path("token").asText();
        String master = login.data().path("masterToken").asText();

        assertThat(client.post("/queries/v1/query-request", "{\"sqlText\":\"SELECT 1\"}".getBytes(StandardCharsets.UTF_8),
                Map.of()).code()).isEqualTo("390104");
        assertThat(client.query("ST-forged", "SELECT 1").code()).isEqualTo("390104");
        assertThat(client.post("/queries/v1/query-request", "{\"sqlText\":\"SELECT 1\"}".getBytes(StandardCharsets.UTF_8),
                Map.of("Authorization", "Bearer " + token)).code()).isEqualTo("390104");

        clock.advance(Duration.ofMinutes(61));
        assertThat(client.query(token, "SELECT 1").code()).isEqualTo("390112");
        assertThat(client.post("/session/heartbeat", new byte[0], sessionHeader(token)).code()).isEqualTo("390112");
        V1Client.Reply renewed = client.post("/session/token-request",
                ("{\"oldSessionToken\":\"" + token + "\",\"requestType\":\"RENEW\"}").getBytes(StandardCharsets.UTF_8),
                sessionHeader(master));
        assertThat(renewed.success()).isTrue();
        String newToken = renewed.data().path("sessionToken").asText();
        assertThat(newToken).isNotEqualTo(token);
        assertThat(renewed.data().path("masterToken").asText()).isEqualTo(master);
        assertThat(renewed.data().path("validityInSecondsST").asLong()).isEqualTo(3600);
        assertThat(client.query(newToken, "SELECT 1").success()).isTrue();
        assertThat(client.query(token, "SELECT 1").code()).isEqualTo("390104");
        assertThat(client.post("/session/heartbeat", new byte[0], sessionHeader(newToken)).success()).isTrue();

        assertThat(client.post("/session/token-request", "{\"requestType\":\"RENEW\"}".getBytes(StandardCharsets.UTF_8),
                sessionHeader("MT-forged")).code()).isEqualTo("390113");
        clock.advance(Duration.ofHours(4));
        assertThat(client.post("/session/token-request", "{\"requestType\":\"RENEW\"}".getBytes(StandardCharsets.UTF_8),
                sessionHeader(master)).code()).isEqualTo("390114");
    }

    @Test
    void jdbcRenewsAnExpiredSessionTransparently() throws Exception {
        try (Connection connection = SnowflakeJdbc.V3.connect(server, "ADMIN", RunningServer.ADMIN_PASSWORD)) {
            assertThat(Sql.value(connection, "SELECT 1")).isEqualTo("1");
            clock.advance(Duration.ofMinutes(65));
            assertThat(Sql.value(connection, "SELECT CURRENT_USER()")).isEqualTo("ADMIN");
        }
    }

    @Test
    void logoutEndsTheSession() throws Exception {
        String token = sessionToken();
        V1Client.Reply logout = client.post("/session?delete=true", new byte[0], sessionHeader(token));
        assertThat(logout.success()).isTrue();
        assertThat(client.query(token, "SELECT 1").code()).isEqualTo("390104");
        assertThat(client.post("/telemetry/send", "{\"logs\":[]}".getBytes(StandardCharsets.UTF_8), Map.of())
                .data().asText()).isEqualTo("Log Received");
    }

    @Test
    void aStatementThatOutlastsItsRequestIsFetchedLater() throws Exception {
        String token = sessionToken();
        V1Client.Reply pending = client.query(token, "SELECT SYSTEM$WAIT(1500, 'MILLISECONDS')");
        assertThat(pending.code()).isEqualTo("333333");
        assertThat(pending.success()).isTrue();
        String url = pending.data().path("getResultUrl").asText();
        assertThat(url).isEqualTo("/queries/" + pending.data().path("queryId").asText() + "/result");
        V1Client.Reply result = client.get(url, sessionHeader(token));
        while ("333333".equals(result.code())) {
            result = client.get(url, sessionHeader(token));
        }
        assertThat(result.success()).isTrue();
        assertThat(result.data().path("rowset").get(0).get(0).asText()).startsWith("waited");
        assertThat(client.get(url, sessionHeader(sessionToken())).code()).isEqualTo("002003");

        try (Connection connection = SnowflakeJdbc.V4.connect(server, "ADMIN", RunningServer.ADMIN_PASSWORD)) {
            assertThat(Sql.value(connection, "SELECT SYSTEM$WAIT(1200, 'MILLISECONDS')")).startsWith("waited");
        }
    }

    @Test
    void badInputIsAnsweredCleanly() throws Exception {
        V1Client.Reply notJson = client.post("/session/v1/login-request", "{not json".getBytes(StandardCharsets.UTF_8),
                Map.of());
        assertThat(notJson.status()).isEqualTo(200);
        assertThat(notJson.code()).isEqualTo("390400");
        assertThat(client.post("/session/v1/login-request", "[]".getBytes(StandardCharsets.UTF_8), Map.of()).code())
                .isEqualTo("390400");
        assertThat(client.post("/session/v1/login-request", "{\"data\":5}".getBytes(StandardCharsets.UTF_8),
                Map.of()).code()).isEqualTo("390400");
        assertThat(client.post("/session/v1/login-request", new byte[0], Map.of()).code()).isEqualTo("390400");

        String token = sessionToken();
        V1Client.Reply badGzip = client.post("/queries/v1/query-request", "definitely not gzip".getBytes(
                StandardCharsets.UTF_8), Map.of("Authorization", "Snowflake Token=\"" + token + "\"",
                "Content-Encoding", "gzip"));
        assertThat(badGzip.code()).isEqualTo("390400");
        assertThat(client.post("/queries/v1/query-request", "{\"sqlText\":42}".getBytes(StandardCharsets.UTF_8),
                sessionHeader(token)).code()).isEqualTo("390400");

        byte[] huge = ("{\"sqlText\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        V1Client.Reply tooLarge = client.postExpectingContinue("/queries/v1/query-request", huge, sessionHeader(token));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.code()).isEqualTo("390413");
        byte[] bomb = V1Client.gzip(huge);
        V1Client.Reply gzipBomb = client.post("/queries/v1/query-request", bomb, Map.of("Authorization",
                "Snowflake Token=\"" + token + "\"", "Content-Encoding", "gzip"));
        assertThat(gzipBomb.status()).isEqualTo(413);

        V1Client.Reply unknown = client.get("/no/such/path", Map.of());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("390404");
        assertThat(unknown.success()).isFalse();
        assertThat(client.query(token, "SELECT 1").success()).isTrue();
    }
}

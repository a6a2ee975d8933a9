package dev.frostgate.it;

import static dev.frostgate.testing.Sql.allowLoopbackOnly;
import static dev.frostgate.testing.Sql.execute;
import static dev.frostgate.testing.Sql.failsWith;
import static dev.frostgate.testing.Sql.rows;
import static dev.frostgate.testing.Sql.tokenSecret;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frostgate.testing.RunningServer;
import dev.frostgate.testing.SnowflakeJdbc;
import dev.frostgate.testing.TestServer;
import dev.frostgate.testing.SqlApiClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code POST /api/v2/leaked-tokens}: revoke-by-secret for a secret-scanning service. */
class LeakedTokenTest {
    private static final Path TEST_LOG = Path.of("target/test-logs/frostgate-tests.log");
    private RunningServer server;
    private Connection admin;
    private SqlApiClient api;
    private String scanner;
    private String leaked;

    @RegisterExtension
    static final TestServer running = TestServer.perClass();

    @BeforeEach
    void start() throws Exception {
        server = running.server();
        admin = running.admin();
        execute(admin, "CREATE ROLE analyst", "CREATE USER tableau_user PASSWORD = 'Tableau-Passw0rd'",
                "GRANT ROLE analyst TO USER tableau_user", "CREATE ROLE leak_reporter",
                "CREATE USER scanner TYPE = SERVICE", "GRANT ROLE leak_reporter TO USER scanner");
        allowLoopbackOnly(admin);
        leaked = tokenSecret(admin, "ALTER USER tableau_user ADD PAT reporting ROLE_RESTRICTION = 'ANALYST'");
        scanner = tokenSecret(admin, "ALTER USER scanner ADD PAT scan ROLE_RESTRICTION = 'LEAK_REPORTER'");
        api = new SqlApiClient(server);
    }

    private SqlApiClient.Reply report(String bearer, String body) throws Exception {
        return api.post("/api/v2/leaked-tokens", body, SqlApiClient.bearer(bearer, null));
    }

    @Test
    void theReportNeedsTheAccountPrivilege() throws Exception {
        SqlApiClient.Reply refused = report(scanner, "{\"tokens\":[\"" + leaked + "\"]}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("003001");
        assertThat(api.statement(leaked, "SELECT 1").status()).isEqualTo(200);
        assertThat(report(null, "{\"tokens\":[\"" + leaked + "\"]}").status()).isEqualTo(401);
        assertThat(report(scanner + "x", "{\"tokens\":[\"" + leaked + "\"]}").code()).isEqualTo("394400");
    }

    @Test
    void matchingTokensAreDisabledAndReportedWithoutEchoingSecrets() throws Exception {
        execute(admin, "GRANT REPORT LEAKED TOKENS ON ACCOUNT TO ROLE leak_reporter");
        assertThat(api.statement(leaked, "SELECT 1").status()).isEqualTo(200); // the verified bearer is cached
        String otherShape = "fgpat_" + "A".repeat(46);
        SqlApiClient.Reply reply = report(scanner, "{\"tokens\":[\"" + leaked + "\",\"" + otherShape + "\",\""
                + leaked + "\"],\"source\":\"https://example.com/gist/1?t=" + leaked + "\"}");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("reported").asInt()).isEqualTo(3);
        assertThat(reply.body().path("unmatched").asInt()).isEqualTo(1);
        assertThat(reply.body().path("disabled")).hasSize(1);
        assertThat(reply.body().path("disabled").get(0).path("user").asText()).isEqualTo("TABLEAU_USER");
        assertThat(reply.body().path("disabled").get(0).path("token").asText()).isEqualTo("REPORTING");
        assertThat(reply.body().path("results").get(0).path("matched").asBoolean()).isTrue();
        assertThat(reply.body().path("results").get(1).path("matched").asBoolean()).isFalse();
        assertThat(reply.body().path("results").get(2).path("matched").asBoolean()).isTrue();
        assertThat(reply.text()).doesNotContain(leaked).doesNotContain(otherShape);

        SqlApiClient.Reply refused = api.statement(leaked, "SELECT 1");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("394400");
        Properties properties = new Properties();
        properties.put("authenticator", "PROGRAMMATIC_ACCESS_TOKEN");
        properties.put("token", leaked);
        failsWith("394400", () -> SnowflakeJdbc.V3.connect(server.jdbcUrl(), properties).close());
        assertThat(rows(admin, "SHOW USER PATS FOR USER tableau_user")).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("status", "DISABLED")
                        .doesNotContainKeys("leak_reported_by", "leak_source"));

        String log = Files.readString(TEST_LOG);
        assertThat(log).contains("Programmatic access token REPORTING of user TABLEAU_USER reported leaked by SCANNER")
                .contains("https://example.com/gist/1?t=fgpat_…").doesNotContain(leaked);
    }

    @Test
    void sessionsOpenedWithTheLeakedTokenEndWhileOthersGoOn() throws Exception {
        execute(admin, "GRANT REPORT LEAKED TOKENS ON ACCOUNT TO ROLE leak_reporter");
        String other = tokenSecret(admin, "ALTER USER tableau_user ADD PAT other_token");
        try (Connection leakedSession = withToken(leaked); Connection otherSession = withToken(other);
             Connection passwordSession = SnowflakeJdbc.V3.connect(server, "tableau_user", "Tableau-Passw0rd")) {
            assertThat(report(scanner, "{\"tokens\":[\"" + leaked + "\"]}").status()).isEqualTo(200);
            SQLException ended = failsWith("390104", () -> rows(leakedSession, "SELECT 1"));
            assertThat(ended.getMessage()).doesNotContain(leaked);
            assertThat(rows(otherSession, "SELECT CURRENT_USER()")).hasSize(1);
            assertThat(rows(passwordSession, "SELECT CURRENT_USER()")).hasSize(1);
        }
    }

    private Connection withToken(String secret) throws SQLException {
        Properties properties = new Properties();
        properties.put("authenticator", "PROGRAMMATIC_ACCESS_TOKEN");
        properties.put("token", secret);
        return SnowflakeJdbc.V3.connect(server.jdbcUrl(), properties);
    }

    @Test
    void malformedReportsAre400() throws Exception {
        execute(admin, "GRANT REPORT LEAKED TOKENS ON ACCOUNT TO ROLE leak_reporter");
        assertThat(report(scanner, "{\"tokens\":[]}").status()).isEqualTo(400);
        assertThat(report(scanner, "{\"tokens\":[1]}").status()).isEqualTo(400);
        assertThat(report(scanner, "{\"tokens\":\"" + leaked + "\"}").code()).isEqualTo("390400");
        assertThat(report(scanner, "not json").status()).isEqualTo(400);
        assertThat(api.statement(leaked, "SELECT 1").status()).isEqualTo(200);
    }

    @Test
    void securityAdministratorsHoldThePrivilege() throws Exception {
        Map<String, String> grant = rows(admin, "SHOW GRANTS TO ROLE securityadmin").stream()
                .filter(row -> "REPORT LEAKED TOKENS".equals(row.get("privilege"))).findFirst().orElseThrow();
        assertThat(grant).containsEntry("granted_on", "ACCOUNT");
    }
}

package dev.frostgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frostgate.server.ServerConfig;
import dev.frostgate.testing.RunningServer;
import dev.frostgate.testing.Sql;
import dev.frostgate.testing.SnowflakeJdbc;
import dev.frostgate.testing.SqlApiClient;
import dev.frostgate.testing.V1Client;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Secrets are shown once and stored only as hashes: after real use, neither the database files nor
 * the logs contain any password or token the test created, and the administrator bootstrap prints a
 * generated password only once.
 */
class SecretHygieneTest {
    private static final Path TEST_LOG = Path.of("target/test-logs/frostgate-tests.log");

    @Test
    void databaseAndLogsHoldNoSecrets() throws Exception {
        List<String> secrets = new ArrayList<>();
        Path dataDirectory;
        try (RunningServer server = RunningServer.start()) {
            dataDirectory = server.dataDirectory();
            secrets.add(RunningServer.ADMIN_PASSWORD);
            String userPassword = "Hygiene-Pw-" + System.nanoTime();
            secrets.add(userPassword);
            try (Connection admin = SnowflakeJdbc.V3.connect(server, "ADMIN", RunningServer.ADMIN_PASSWORD)) {
                Sql.execute(admin, "CREATE USER hygiene PASSWORD = '" + userPassword + "'");
                Sql.execute(admin, "ALTER USER hygiene SET PASSWORD = '" + userPassword + "-2'");
                secrets.add(userPassword + "-2");
                Sql.failsWith("001003", () -> Sql.execute(admin, "CREATE USER x PASSWORD = '" + userPassword
                        + "-3' WITH GARBAGE"));
                secrets.add(userPassword + "-3");
                java.sql.SQLException echoed = Sql.failsWith("001003",
                        () -> Sql.execute(admin, "CREATE USER y PASSWORD = 'a' '" + userPassword + "-4'"));
                assertThat(echoed.getMessage()).doesNotContain(userPassword);
                secrets.add(userPassword + "-4");
            }
            String tokenSecret;
            try (Connection hygiene = SnowflakeJdbc.V3.connect(server, "hygiene", userPassword + "-2");
                 java.sql.Statement statement = hygiene.createStatement();
                 java.sql.ResultSet token = statement.executeQuery("ALTER USER ADD PAT hygiene_token")) {
                assertThat(token.next()).isTrue();
                tokenSecret = token.getString("token_secret");
                secrets.add(tokenSecret);
            }
            // The token through every door that takes it: as the password, as a bearer of the SQL API,
            // refused once disabled, and reported leaked.
            try (Connection admin = SnowflakeJdbc.V3.connect(server, "ADMIN", RunningServer.ADMIN_PASSWORD)) {
                Sql.allowLoopbackOnly(admin);
                SnowflakeJdbc.V3.connect(server, "hygiene", tokenSecret).close();
                SqlApiClient api = new SqlApiClient(server);
                assertThat(api.statement(tokenSecret, "SELECT 1").status()).isEqualTo(200);
                assertThat(api.statement(tokenSecret + "x", "SELECT 1").status()).isEqualTo(401);
                assertThat(Sql.value(admin, "SELECT SYSTEM$DECODE_PAT('" + tokenSecret + "')")).contains("ACTIVE");
                Sql.rows(admin, "SELECT * FROM SNOWFLAKE.ACCOUNT_USAGE.CREDENTIALS");
                V1Client.Reply adminLogin = new V1Client(server).login("ADMIN", RunningServer.ADMIN_PASSWORD);
                secrets.add(adminLogin.data().path("token").asText());
                String leakReport = "{\"tokens\":[\"" + tokenSecret + "\"],\"source\":\"seen with " + tokenSecret + "\"}";
                Sql.execute(admin, "CREATE ROLE scanner_role", "GRANT REPORT LEAKED TOKENS ON ACCOUNT TO ROLE scanner_role",
                        "GRANT ROLE scanner_role TO USER hygiene");
                try (Connection hygiene = SnowflakeJdbc.V3.connect(server, "hygiene", userPassword + "-2");
                     java.sql.Statement statement = hygiene.createStatement();
                     java.sql.ResultSet scanner = statement.executeQuery(
                             "ALTER USER ADD PAT scanner_token ROLE_RESTRICTION = 'SCANNER_ROLE'")) {
                    assertThat(scanner.next()).isTrue();
                    String scannerSecret = scanner.getString("token_secret");
                    secrets.add(scannerSecret);
                    assertThat(api.post("/api/v2/leaked-tokens", leakReport,
                            SqlApiClient.bearer(scannerSecret, null)).status()).isEqualTo(200);
                }
                SqlApiClient.Reply refused = api.statement(tokenSecret, "SELECT 1");
                assertThat(refused.status()).isEqualTo(401);
                assertThat(refused.text()).doesNotContain(tokenSecret);
            }
            V1Client client = new V1Client(server);
            V1Client.Reply login = client.login("hygiene", userPassword + "-2");
            secrets.add(login.data().path("token").asText());
            secrets.add(login.data().path("masterToken").asText());
            client.login("hygiene", "Wrong-" + userPassword);
            secrets.add("Wrong-" + userPassword);
            server.stop();
            assertThat(secrets).allSatisfy(secret -> assertThat(secret).hasSizeGreaterThan(10));
            try (Stream<Path> files = Files.walk(dataDirectory)) {
                List<Path> scanned = files.filter(Files::isRegularFile).toList();
                assertThat(scanned).isNotEmpty();
                for (Path file : scanned) {
                    assertNoSecret(file, Files.readAllBytes(file), secrets);
                }
            }
        }
        assertThat(TEST_LOG).exists();
        assertNoSecret(TEST_LOG, Files.readAllBytes(TEST_LOG), secrets);
    }

    @Test
    void generatedAdministratorPasswordIsPrintedOnceAndWorks() throws Exception {
        Path dataDirectory = Files.createTempDirectory("frostgate-bootstrap");
        String password;
        try (RunningServer first = RunningServer.start(config -> withoutAdminPassword(dataDirectory),
                Clock.systemUTC())) {
            Matcher printed = Pattern.compile("shown only now: (\\S+)").matcher(first.consoleOutput());
            assertThat(printed.find()).as(first.consoleOutput()).isTrue();
            password = printed.group(1);
            assertThat(password).hasSizeGreaterThanOrEqualTo(24);
            try (Connection admin = SnowflakeJdbc.V3.connect(first, "ADMIN", password)) {
                Sql.execute(admin, "CREATE ROLE survives_restart");
            }
        }
        assertNoSecret(TEST_LOG, Files.readAllBytes(TEST_LOG), List.of(password));
        try (RunningServer second = RunningServer.start(config -> withoutAdminPassword(dataDirectory),
                Clock.systemUTC())) {
            assertThat(second.consoleOutput()).doesNotContain("shown only now");
            try (Connection admin = SnowflakeJdbc.V3.connect(second, "ADMIN", password)) {
                assertThat(Sql.rows(admin, "SHOW ROLES LIKE 'SURVIVES_RESTART'")).hasSize(1);
            }
        }
    }

    private static ServerConfig withoutAdminPassword(Path dataDirectory) {
        return ServerConfig.embedded(dataDirectory).toBuilder().adminPassword(java.util.Optional.empty()).build();
    }

    private static void assertNoSecret(Path file, byte[] content, List<String> secrets) {
        String utf8 = new String(content, StandardCharsets.UTF_8);
        String utf16 = new String(content, StandardCharsets.UTF_16BE);
        for (String secret : secrets) {
            assertThat(utf8.contains(secret) || utf16.contains(secret))
                    .as("%s contains a secret of length %d", file, secret.length()).isFalse();
        }
    }
}

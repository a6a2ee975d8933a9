package dev.frostgate.it;

import static dev.frostgate.testing.Sql.execute;
import static dev.frostgate.testing.Sql.failsWith;
import static dev.frostgate.testing.Sql.rows;
import static dev.frostgate.testing.Sql.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frostgate.testing.RunningServer;
import dev.frostgate.testing.TestServer;
import dev.frostgate.testing.SnowflakeJdbc;
import dev.frostgate.testing.TestKeyPair;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Key-pair login (AUTHENTICATOR=SNOWFLAKE_JWT) through the real JDBC drivers 3.x and 4.x. */
class KeyPairLoginTest {
    private static final TestKeyPair FIRST = TestKeyPair.generate();
    private static final TestKeyPair SECOND = TestKeyPair.generate();

    @TempDir
    Path keys;
    @RegisterExtension
    final TestServer running = new TestServer();
    private RunningServer server;
    private Connection admin;

    @BeforeEach
    void start() throws Exception {
        server = running.server();
        admin = running.admin();
        execute(admin, "CREATE USER etl_service TYPE = SERVICE RSA_PUBLIC_KEY = '" + FIRST.publicKeyBase64() + "'");
    }

    private Connection withKey(SnowflakeJdbc jdbc, String user, TestKeyPair key, boolean namingAuthenticator)
            throws SQLException {
        Properties properties = new Properties();
        properties.put("user", user);
        try {
            properties.put("private_key_file", key.writePrivateKey(keys, "rsa_key.p8").toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (namingAuthenticator) {
            properties.put("authenticator", "SNOWFLAKE_JWT");
        }
        return jdbc.connect(server.jdbcUrl(), properties);
    }

    @ParameterizedTest
    @EnumSource(SnowflakeJdbc.class)
    void aServiceUserLogsInWithItsPrivateKeyFile(SnowflakeJdbc jdbc) throws Exception {
        for (boolean namingAuthenticator : List.of(false, true)) {
            try (Connection service = withKey(jdbc, "etl_service", FIRST, namingAuthenticator)) {
                assertThat(value(service, "SELECT CURRENT_USER()")).isEqualTo("ETL_SERVICE");
            }
        }
        String credentialId = value(admin, "SELECT credential_id FROM SNOWFLAKE.ACCOUNT_USAGE.CREDENTIALS "
                + "WHERE user_name = 'ETL_SERVICE'");
        List<Map<String, String>> history = rows(admin, "SELECT first_authentication_factor, "
                + "first_authentication_factor_id, is_success FROM SNOWFLAKE.ACCOUNT_USAGE.LOGIN_HISTORY "
                + "WHERE user_name = 'ETL_SERVICE'");
        assertThat(history).hasSize(2).allSatisfy(row -> assertThat(row)
                .containsEntry("FIRST_AUTHENTICATION_FACTOR", "RSA_KEYPAIR")
                .containsEntry("FIRST_AUTHENTICATION_FACTOR_ID", credentialId)
                .containsEntry("IS_SUCCESS", "YES"));
    }

    @ParameterizedTest
    @EnumSource(SnowflakeJdbc.class)
    void aKeyNotRegisteredForTheUserIsRefused(SnowflakeJdbc jdbc) {
        SQLException refused = failsWith("390144", () -> withKey(jdbc, "etl_service", SECOND, true).close());
        assertThat(refused.getMessage()).matches("JWT token is invalid\\. \\[[0-9a-f-]{36}\\]");
        failsWith("390144", () -> withKey(jdbc, "nobody", FIRST, true).close());
    }

    @Test
    void eitherSlotLogsInSoAKeyCanBeRotated() throws Exception {
        execute(admin, "ALTER USER etl_service SET RSA_PUBLIC_KEY_2 = '" + SECOND.publicKeyBase64() + "'");
        try (Connection first = withKey(SnowflakeJdbc.V3, "etl_service", FIRST, true);
             Connection second = withKey(SnowflakeJdbc.V4, "etl_service", SECOND, true)) {
            assertThat(value(first, "SELECT CURRENT_USER()")).isEqualTo("ETL_SERVICE");
            assertThat(value(second, "SELECT CURRENT_USER()")).isEqualTo("ETL_SERVICE");
        }
        assertThat(rows(admin, "SELECT name, type, domain, status FROM SNOWFLAKE.ACCOUNT_USAGE.CREDENTIALS "
                + "WHERE user_name = 'ETL_SERVICE' ORDER BY name")).containsExactly(
                Map.of("NAME", "PUBLIC_KEY_1", "TYPE", "KEYPAIR", "DOMAIN", "KEYPAIR", "STATUS", "ACTIVE"),
                Map.of("NAME", "PUBLIC_KEY_2", "TYPE", "KEYPAIR", "DOMAIN", "KEYPAIR", "STATUS", "ACTIVE"));

        execute(admin, "ALTER USER etl_service UNSET RSA_PUBLIC_KEY");
        failsWith("390144", () -> withKey(SnowflakeJdbc.V3, "etl_service", FIRST, true).close());
        try (Connection second = withKey(SnowflakeJdbc.V3, "etl_service", SECOND, false)) {
            assertThat(value(second, "SELECT CURRENT_USER()")).isEqualTo("ETL_SERVICE");
        }
        assertThat(rows(admin, "SELECT name FROM SNOWFLAKE.ACCOUNT_USAGE.CREDENTIALS WHERE type = 'KEYPAIR'"))
                .containsExactly(Map.of("NAME", "PUBLIC_KEY_2"));
        assertThat(rows(admin, "SELECT error_code, error_message FROM SNOWFLAKE.ACCOUNT_USAGE.LOGIN_HISTORY "
                + "WHERE user_name = 'ETL_SERVICE' AND is_success = 'NO'")).containsExactly(
                Map.of("ERROR_CODE", "394304", "ERROR_MESSAGE", "JWT_TOKEN_INVALID_PUBLIC_KEY_FINGERPRINT_MISMATCH"));
    }

    @Test
    void describeUserShowsTheKeysAndTheFingerprintsTheDriversCompute() throws Exception {
        execute(admin, "ALTER USER etl_service SET RSA_PUBLIC_KEY_2 = '" + SECOND.publicKeyPem() + "'");
        Map<String, String> described = described("etl_service");
        assertThat(described).containsEntry("RSA_PUBLIC_KEY", FIRST.publicKeyBase64())
                .containsEntry("RSA_PUBLIC_KEY_FP", FIRST.fingerprint())
                .containsEntry("RSA_PUBLIC_KEY_2", SECOND.publicKeyBase64())
                .containsEntry("RSA_PUBLIC_KEY_2_FP", SECOND.fingerprint());
        assertThat(rows(admin, "SHOW USERS LIKE 'ETL_SERVICE'").get(0)).containsEntry("has_rsa_public_key", "true");
        execute(admin, "ALTER USER etl_service UNSET RSA_PUBLIC_KEY, RSA_PUBLIC_KEY_2");
        assertThat(described("etl_service")).containsEntry("RSA_PUBLIC_KEY", null)
                .containsEntry("RSA_PUBLIC_KEY_FP", null);
        assertThat(rows(admin, "SHOW USERS LIKE 'ETL_SERVICE'").get(0)).containsEntry("has_rsa_public_key", "false");
        failsWith("001008", () -> execute(admin, "ALTER USER etl_service SET RSA_PUBLIC_KEY_FP = 'SHA256:x'"));
    }

    private Map<String, String> described(String user) throws SQLException {
        Map<String, String> properties = new java.util.HashMap<>();
        rows(admin, "DESCRIBE USER " + user).forEach(row -> properties.put(row.get("property"), row.get("value")));
        return properties;
    }

    @Test
    void weakOrMalformedKeysAreRefusedWithoutEchoingThem() throws Exception {
        String weak = TestKeyPair.generate(1024).publicKeyBase64();
        SQLException refused = failsWith("002211",
                () -> execute(admin, "ALTER USER etl_service SET RSA_PUBLIC_KEY = '" + weak + "'"));
        assertThat(refused.getMessage()).contains("RSA_PUBLIC_KEY", "1024 bits").doesNotContain(weak);
        String huge = "A".repeat(100_000);
        refused = failsWith("002211", () -> execute(admin, "ALTER USER etl_service SET RSA_PUBLIC_KEY_2 = '" + huge + "'"));
        assertThat(refused.getMessage()).hasSizeLessThan(300);
        failsWith("002211", () -> execute(admin, "CREATE USER bad RSA_PUBLIC_KEY = 'not base64 at all!'"));
        failsWith("002211", () -> execute(admin, "ALTER USER etl_service SET RSA_PUBLIC_KEY = 'bm90IGEga2V5'"));
        failsWith("002211", () -> execute(admin, "ALTER USER etl_service SET RSA_PUBLIC_KEY = 42"));
        assertThat(described("etl_service")).containsEntry("RSA_PUBLIC_KEY_FP", FIRST.fingerprint())
                .containsEntry("RSA_PUBLIC_KEY_2", null);
    }

    @Test
    void onlyTheOwnerSetsKeysNotTheUserItself() throws Exception {
        execute(admin, "CREATE USER analyst PASSWORD = 'Analyst-Passw0rd'");
        try (Connection analyst = SnowflakeJdbc.V3.connect(server, "analyst", "Analyst-Passw0rd")) {
            failsWith("003001", () -> execute(analyst, "ALTER USER SET RSA_PUBLIC_KEY = '"
                    + SECOND.publicKeyBase64() + "'"));
            failsWith("003001", () -> execute(analyst, "ALTER USER etl_service UNSET RSA_PUBLIC_KEY"));
        }
    }

    @Test
    void aDisabledUserIsRefusedAfterItsTokenWasVerified() throws Exception {
        execute(admin, "ALTER USER etl_service SET DISABLED = TRUE");
        failsWith("390101", () -> withKey(SnowflakeJdbc.V3, "etl_service", FIRST, true).close());
        failsWith("390144", () -> withKey(SnowflakeJdbc.V3, "etl_service", SECOND, true).close());
        execute(admin, "ALTER USER etl_service SET DISABLED = FALSE");
        withKey(SnowflakeJdbc.V3, "etl_service", FIRST, true).close();
    }

    @Test
    void anAuthenticationPolicyWithoutKeypairRefusesIt() throws Exception {
        execute(admin, "CREATE AUTHENTICATION POLICY passwords_only AUTHENTICATION_METHODS = ('PASSWORD')",
                "ALTER USER etl_service SET AUTHENTICATION POLICY passwords_only");
        SQLException refused = failsWith("390447",
                () -> withKey(SnowflakeJdbc.V3, "etl_service", FIRST, true).close());
        assertThat(refused.getMessage()).contains("authentication method KEYPAIR is not allowed");
        execute(admin, "ALTER AUTHENTICATION POLICY passwords_only SET AUTHENTICATION_METHODS = ('PASSWORD', 'KEYPAIR')");
        try (Connection service = withKey(SnowflakeJdbc.V3, "etl_service", FIRST, true)) {
            assertThat(value(service, "SELECT CURRENT_USER()")).isEqualTo("ETL_SERVICE");
        }
    }
}

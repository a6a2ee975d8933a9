package dev.frostgate.it;

import static dev.frostgate.testing.Sql.execute;
import static dev.frostgate.testing.Sql.failsWith;
import static dev.frostgate.testing.Sql.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frostgate.testing.RunningServer;
import dev.frostgate.testing.TestServer;
import dev.frostgate.testing.SnowflakeJdbc;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Security integrations (TYPE = EXTERNAL_OAUTH) through the real JDBC driver: statements, validation, privileges. */
class SecurityIntegrationTest {
    private static final String PASSWORD = "Integration-Pw1";
    private static final String OKTA = """
            CREATE SECURITY INTEGRATION external_oauth_okta
              TYPE = EXTERNAL_OAUTH
              ENABLED = TRUE
              EXTERNAL_OAUTH_TYPE = OKTA
              EXTERNAL_OAUTH_ISSUER = 'https://example.okta.com/oauth2/default'
              EXTERNAL_OAUTH_JWS_KEYS_URL = 'https://example.okta.com/oauth2/default/v1/keys'
              EXTERNAL_OAUTH_AUDIENCE_LIST = ('https://example.snowflakecomputing.com')
              EXTERNAL_OAUTH_TOKEN_USER_MAPPING_CLAIM = 'sub'
              EXTERNAL_OAUTH_SNOWFLAKE_USER_MAPPING_ATTRIBUTE = 'LOGIN_NAME'
            """;
    private static final String MINIMAL = "CREATE SECURITY INTEGRATION %s TYPE = EXTERNAL_OAUTH "
            + "EXTERNAL_OAUTH_TYPE = CUSTOM EXTERNAL_OAUTH_ISSUER = 'https://issuer.example' "
            + "EXTERNAL_OAUTH_TOKEN_USER_MAPPING_CLAIM = 'sub' EXTERNAL_OAUTH_SNOWFLAKE_USER_MAPPING_ATTRIBUTE = 'LOGIN_NAME' ";

    @RegisterExtension
    static final TestServer running = TestServer.perClass();
    private RunningServer server;
    private Connection admin;

    @BeforeEach
    void start() throws Exception {
        server = running.server();
        admin = running.admin();
    }

    private Map<String, Map<String, String>> describe(Connection connection, String name) throws SQLException {
        return rows(connection, "DESCRIBE SECURITY INTEGRATION " + name).stream()
                .collect(Collectors.toMap(row -> row.get("property"), row -> row));
    }

    private static String value(Map<String, Map<String, String>> described, String property) {
        return described.get(property).get("property_value");
    }

    private static PublicKey rsaKey(int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return generator.generateKeyPair().getPublic();
    }

    private static String base64(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    @Test
    void seedFourStatementsShowAndDescribe() throws Exception {
        execute(admin, OKTA);
        Map<String, String> shown = rows(admin, "SHOW SECURITY INTEGRATIONS").get(0);
        assertThat(shown.keySet()).containsExactly("name", "type", "category", "enabled", "comment", "created_on");
        assertThat(shown).containsEntry("name", "EXTERNAL_OAUTH_OKTA").containsEntry("type", "EXTERNAL_OAUTH - OKTA")
                .containsEntry("category", "SECURITY").containsEntry("enabled", "true");
        assertThat(shown.get("created_on")).isNotBlank();

        Map<String, Map<String, String>> described = describe(admin, "external_oauth_okta");
        assertThat(rows(admin, "DESC INTEGRATION external_oauth_okta").get(0).keySet())
                .containsExactly("property", "property_type", "property_value", "property_default");
        assertThat(described.get("EXTERNAL_OAUTH_ANY_ROLE_MODE")).containsEntry("property_type", "String")
                .containsEntry("property_value", "DISABLE").containsEntry("property_default", "DISABLE");
        assertThat(value(described, "EXTERNAL_OAUTH_SCOPE_DELIMITER")).isEqualTo(",");
        assertThat(value(described, "EXTERNAL_OAUTH_SCOPE_MAPPING_ATTRIBUTE")).isEqualTo("scp");
        assertThat(value(described, "EXTERNAL_OAUTH_AUDIENCE_LIST")).isEqualTo("[https://example.snowflakecomputing.com]");
        assertThat(described.get("EXTERNAL_OAUTH_AUDIENCE_LIST")).containsEntry("property_type", "List");
        assertThat(value(described, "EXTERNAL_OAUTH_TOKEN_USER_MAPPING_CLAIM")).isEqualTo("[sub]");
        assertThat(described.get("ENABLED")).containsEntry("property_type", "Boolean").containsEntry("property_value", "true");

        // Seed 004's ALTER syntax, every optional clause at once, then its UNSET.
        execute(admin, """
                ALTER SECURITY INTEGRATION IF EXISTS external_oauth_okta SET TYPE = EXTERNAL_OAUTH ENABLED = FALSE
                  EXTERNAL_OAUTH_TYPE = CUSTOM EXTERNAL_OAUTH_ISSUER = 'https://idp.example/'
                  EXTERNAL_OAUTH_TOKEN_USER_MAPPING_CLAIM = 'email'
                  EXTERNAL_OAUTH_SNOWFLAKE_USER_MAPPING_ATTRIBUTE = 'EMAIL_ADDRESS'
                  EXTERNAL_OAUTH_JWS_KEYS_URL = 'http://localhost:8080/keys'
                  EXTERNAL_OAUTH_AUDIENCE_LIST = ('https://a.example', 'https://b.example')
                  EXTERNAL_OAUTH_ANY_ROLE_MODE = 'ENABLE_FOR_PRIVILEGE'
                """);
        described = describe(admin, "external_oauth_okta");
        assertThat(value(described, "ENABLED")).isEqualTo("false");
        assertThat(value(described, "EXTERNAL_OAUTH_TYPE")).isEqualTo("CUSTOM");
        assertThat(value(described, "EXTERNAL_OAUTH_SNOWFLAKE_USER_MAPPING_ATTRIBUTE")).isEqualTo("EMAIL_ADDRESS");
        assertThat(value(described, "EXTERNAL_OAUTH_AUDIENCE_LIST")).isEqualTo("[https://a.example, https://b.example]");
        assertThat(value(described, "EXTERNAL_OAUTH_ANY_ROLE_MODE")).isEqualTo("ENABLE_FOR_PRIVILEGE");
        assertThat(rows(admin, "SHOW INTEGRATIONS LIKE 'external%'").get(0))
                .containsEntry("type", "EXTERNAL_OAUTH - CUSTOM").containsEntry("enabled", "false");

        execute(admin, "ALTER INTEGRATION IF EXISTS external_oauth_okta UNSET ENABLED, EXTERNAL_OAUTH_AUDIENCE_LIST",
                "ALTER INTEGRATION external_oauth_okta SET COMMENT = 'okta'",
                "ALTER INTEGRATION IF EXISTS nothing_here SET ENABLED = FALSE");
        described = describe(admin, "external_oauth_okta");
        assertThat(value(described, "ENABLED")).isEqualTo("true");
        assertThat(value(described, "EXTERNAL_OAUTH_AUDIENCE_LIST")).isEqualTo("[]");
        assertThat(rows(admin, "SHOW INTEGRATIONS").get(0)).containsEntry("comment", "okta");
        assertThat(rows(admin, "SHOW INTEGRATIONS LIKE 'nothing%'")).isEmpty();

        execute(admin, "DROP INTEGRATION external_oauth_okta",
                "DROP SECURITY INTEGRATION IF EXISTS external_oauth_okta");
        failsWith("002003", () -> execute(admin, "DROP INTEGRATION external_oauth_okta"));
        failsWith("002003", () -> execute(admin, "DESCRIBE INTEGRATION external_oauth_okta"));
        failsWith("002003", () -> execute(admin, "ALTER INTEGRATION external_oauth_okta SET ENABLED = TRUE"));
    }

    @Test
    void orReplaceAndIfNotExists() throws Exception {
        execute(admin, OKTA);
        failsWith("002002", () -> execute(admin, OKTA));
        execute(admin, OKTA.replace("INTEGRATION", "INTEGRATION IF NOT EXISTS").replace("OKTA\n", "AZURE\n"));
        assertThat(rows(admin, "SHOW INTEGRATIONS")).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("type", "EXTERNAL_OAUTH - OKTA"));
        execute(admin, OKTA.replace("CREATE", "CREATE OR REPLACE").replace("OKTA\n", "PING_FEDERATE\n"));
        assertThat(rows(admin, "SHOW INTEGRATIONS")).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("type", "EXTERNAL_OAUTH - PING_FEDERATE"));
    }

    @Test
    void rsaKeysAreParsedAndShownOnlyByFingerprint() throws Exception {
        PublicKey key = rsaKey(2048);
        PublicKey second = rsaKey(3072);
        String armoured = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----";
        execute(admin, MINIMAL.formatted("keyed") + "EXTERNAL_OAUTH_RSA_PUBLIC_KEY = '" + armoured + "' "
                + "EXTERNAL_OAUTH_RSA_PUBLIC_KEY_2 = '" + base64(second) + "'");
        Map<String, Map<String, String>> described = describe(admin, "keyed");
        String fingerprint = "SHA256:" + Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        assertThat(value(described, "EXTERNAL_OAUTH_RSA_PUBLIC_KEY_FP")).isEqualTo(fingerprint);
        assertThat(value(described, "EXTERNAL_OAUTH_RSA_PUBLIC_KEY_2_FP")).startsWith("SHA256:");
        assertThat(described).doesNotContainKeys("EXTERNAL_OAUTH_RSA_PUBLIC_KEY", "EXTERNAL_OAUTH_RSA_PUBLIC_KEY_2");
        String everything = rows(admin, "DESCRIBE INTEGRATION keyed") + "" + rows(admin, "SHOW INTEGRATIONS");
        assertThat(everything).doesNotContain(base64(key).substring(40, 80), base64(second).substring(40, 80));

        String weak = base64(rsaKey(1024));
        SQLException small = failsWith("002211", () -> execute(admin, MINIMAL.formatted("small")
                + "EXTERNAL_OAUTH_RSA_PUBLIC_KEY = '" + weak + "'"));
        assertThat(small.getMessage()).contains("1024 bits", "between 2048 and 16384");
        SQLException garbage = failsWith("002211", () -> execute(admin, MINIMAL.formatted("garbage")
                + "EXTERNAL_OAUTH_RSA_PUBLIC_KEY = 'bm90IGEga2V5'"));
        assertThat(garbage.getMessage()).contains("EXTERNAL_OAUTH_RSA_PUBLIC_KEY", "not an RSA public key");
        failsWith("001009", () -> execute(admin, "ALTER INTEGRATION keyed SET EXTERNAL_OAUTH_JWS_KEYS_URL = 'https://k.example'"));
        // Switching from keys to a JWKS URL: unset the keys, then set the URL (never both at once).
        execute(admin, "ALTER INTEGRATION keyed UNSET EXTERNAL_OAUTH_RSA_PUBLIC_KEY_2, EXTERNAL_OAUTH_RSA_PUBLIC_KEY",
                "ALTER INTEGRATION keyed SET EXTERNAL_OAUTH_JWS_KEYS_URL = 'https://k.example'");
        assertThat(value(describe(admin, "keyed"), "EXTERNAL_OAUTH_RSA_PUBLIC_KEY_FP")).isEmpty();
        failsWith("001009", () -> execute(admin, "ALTER INTEGRATION keyed SET EXTERNAL_OAUTH_RSA_PUBLIC_KEY = '"
                + base64(key) + "'"));
        SQLException secondOnly = failsWith("001009", () -> execute(admin, MINIMAL.formatted("second_only")
                + "EXTERNAL_OAUTH_RSA_PUBLIC_KEY_2 = '" + base64(second) + "'"));
        assertThat(secondOnly.getMessage()).contains("EXTERNAL_OAUTH_RSA_PUBLIC_KEY_2 needs EXTERNAL_OAUTH_RSA_PUBLIC_KEY");
    }

    @Test
    void everyValidationErrorHasItsCode() throws Exception {
        String keys = "EXTERNAL_OAUTH_JWS_KEYS_URL = 'https://k.example/keys' ";
        SQLException type = failsWith("002211", () -> execute(admin, MINIMAL.formatted("i").replace("CUSTOM", "GOOGLE") + keys));
        assertThat(type.getMessage()).contains("invalid value [GOOGLE] for parameter 'EXTERNAL_OAUTH_TYPE'",
                "OKTA, AZURE, PING_FEDERATE, CUSTOM");
        SQLException attribute = failsWith("002211", () -> execute(admin,
                MINIMAL.formatted("i").replace("'LOGIN_NAME'", "'NICKNAME'") + keys));
        assertThat(attribute.getMessage()).contains("LOGIN_NAME, EMAIL_ADDRESS");
        failsWith("002211", () -> execute(admin, MINIMAL.formatted("i") + keys + "EXTERNAL_OAUTH_ANY_ROLE_MODE = SOMETIMES"));
        SQLException delimiter = failsWith("002211", () -> execute(admin, MINIMAL.formatted("i") + keys
                + "EXTERNAL_OAUTH_SCOPE_DELIMITER = '::'"));
        assertThat(delimiter.getMessage()).contains("exactly one character");
        failsWith("002211", () -> execute(admin, MINIMAL.formatted("i") + keys + "EXTERNAL_OAUTH_SCOPE_MAPPING_ATTRIBUTE = 'roles'"));
        SQLException url = failsWith("002211", () -> execute(admin, MINIMAL.formatted("i")
                + "EXTERNAL_OAUTH_JWS_KEYS_URL = 'ftp://k.example/keys'"));
        assertThat(url.getMessage()).contains("http:// or https://");
        failsWith("002211", () -> execute(admin, MINIMAL.formatted("i") + keys + "ENABLED = 'maybe'"));
        failsWith("002211", () -> execute(admin, MINIMAL.formatted("i").replace("EXTERNAL_OAUTH_TYPE = CUSTOM", "TYPE = FOO")));
        failsWith("000002", () -> execute(admin, "CREATE SECURITY INTEGRATION s TYPE = SAML2 SAML2_ISSUER = 'x'"));
        SQLException unknown = failsWith("001008", () -> execute(admin, MINIMAL.formatted("i") + keys + "COLOUR = 'red'"));
        assertThat(unknown.getMessage()).contains("invalid property 'COLOUR' for 'INTEGRATION'");
        SQLException missing = failsWith("001009", () -> execute(admin, MINIMAL.formatted("i")
                .replace("EXTERNAL_OAUTH_ISSUER = 'https://issuer.example'", "") + keys));
        assertThat(missing.getMessage()).contains("EXTERNAL_OAUTH_ISSUER");
        failsWith("001009", () -> execute(admin, "CREATE SECURITY INTEGRATION i EXTERNAL_OAUTH_TYPE = OKTA"));
        SQLException neither = failsWith("001009", () -> execute(admin, MINIMAL.formatted("i")));
        assertThat(neither.getMessage()).contains("EXTERNAL_OAUTH_JWS_KEYS_URL", "EXTERNAL_OAUTH_RSA_PUBLIC_KEY");
        failsWith("001009", () -> execute(admin, MINIMAL.formatted("i") + keys
                + "EXTERNAL_OAUTH_BLOCKED_ROLES_LIST = ('R1') EXTERNAL_OAUTH_ALLOWED_ROLES_LIST = ('R2')"));
        failsWith("002003", () -> execute(admin, MINIMAL.formatted("i") + keys + "NETWORK_POLICY = 'no_such_policy'"));
        SQLException syntax = failsWith("001003", () -> execute(admin, "CREATE SECURITY INTEGRATION i TYPE = EXTERNAL_OAUTH\n"
                + "  EXTERNAL_OAUTH_AUDIENCE_LIST = ('a' 'b')"));
        assertThat(syntax.getMessage()).contains("line 2");
        assertThat(rows(admin, "SHOW INTEGRATIONS")).isEmpty();

        execute(admin, "CREATE NETWORK POLICY idp_only ALLOWED_IP_LIST = ('127.0.0.1')",
                MINIMAL.formatted("i") + keys + "NETWORK_POLICY = 'idp_only' EXTERNAL_OAUTH_BLOCKED_ROLES_LIST = ('analyst')");
        assertThat(value(describe(admin, "i"), "NETWORK_POLICY")).isEqualTo("IDP_ONLY");
        SQLException inUse = failsWith("003554", () -> execute(admin, "DROP NETWORK POLICY idp_only"));
        assertThat(inUse.getMessage()).contains("integration 'I'");
        failsWith("003554", () -> execute(admin, "ALTER NETWORK POLICY idp_only RENAME TO elsewhere"));
        assertThat(value(describe(admin, "i"), "EXTERNAL_OAUTH_BLOCKED_ROLES_LIST")).isEqualTo("[ANALYST]");
        failsWith("002211", () -> execute(admin, "ALTER INTEGRATION i SET TYPE = SAML2"));
        failsWith("001009", () -> execute(admin, "ALTER INTEGRATION i UNSET EXTERNAL_OAUTH_ISSUER"));
        failsWith("001008", () -> execute(admin, "ALTER INTEGRATION i UNSET COLOUR"));
        execute(admin, "ALTER INTEGRATION i UNSET NETWORK_POLICY", "DROP NETWORK POLICY idp_only");
    }

    @Test
    void privilegesOwnershipAndVisibility() throws Exception {
        execute(admin, "CREATE ROLE integration_admin", "CREATE ROLE bystander", "CREATE ROLE heir",
                "CREATE USER alice PASSWORD = '" + PASSWORD + "' DEFAULT_ROLE = integration_admin",
                "CREATE USER bob PASSWORD = '" + PASSWORD + "' DEFAULT_ROLE = bystander",
                "GRANT ROLE integration_admin TO USER alice", "GRANT ROLE bystander TO USER bob",
                "GRANT ROLE heir TO USER bob");
        String create = MINIMAL.formatted("owned") + "EXTERNAL_OAUTH_JWS_KEYS_URL = 'https://k.example/keys'";
        try (Connection alice = SnowflakeJdbc.V3.connect(server, "alice", PASSWORD);
             Connection bob = SnowflakeJdbc.V3.connect(server, "bob", PASSWORD)) {
            SQLException refused = failsWith("003001", () -> execute(alice, create));
            assertThat(refused.getMessage()).contains("account");
            execute(admin, "GRANT CREATE INTEGRATION ON ACCOUNT TO ROLE integration_admin");
            execute(alice, create);
            assertThat(rows(alice, "SHOW INTEGRATIONS")).extracting(row -> row.get("name")).containsExactly("OWNED");
            assertThat(rows(admin, "SHOW INTEGRATIONS")).extracting(row -> row.get("name")).containsExactly("OWNED");
            assertThat(rows(bob, "SHOW INTEGRATIONS")).isEmpty();
            failsWith("002003", () -> execute(bob, "DESCRIBE INTEGRATION owned"));
            failsWith("003001", () -> execute(bob, "ALTER INTEGRATION owned SET ENABLED = FALSE"));
            failsWith("003001", () -> execute(bob, "DROP INTEGRATION owned"));
            failsWith("003001", () -> execute(bob, "GRANT USE_ANY_ROLE ON INTEGRATION owned TO ROLE bystander"));

            execute(alice, "GRANT USE_ANY_ROLE ON INTEGRATION owned TO ROLE bystander");
            assertThat(rows(bob, "SHOW INTEGRATIONS")).extracting(row -> row.get("name")).containsExactly("OWNED");
            assertThat(describe(bob, "owned")).containsKey("EXTERNAL_OAUTH_ISSUER");
            assertThat(rows(admin, "SHOW GRANTS TO ROLE bystander").toString()).contains("USE_ANY_ROLE", "OWNED");
            assertThat(rows(alice, "SHOW GRANTS ON INTEGRATION owned").toString()).contains("USE_ANY_ROLE", "BYSTANDER");
            failsWith("003001", () -> rows(bob, "SHOW GRANTS ON INTEGRATION owned"));
            failsWith("002003", () -> execute(admin, "GRANT USE_ANY_ROLE ON INTEGRATION missing TO ROLE bystander"));
            failsWith("001008", () -> execute(admin, "GRANT CREATE USER ON INTEGRATION owned TO ROLE bystander"));

            execute(alice, "GRANT OWNERSHIP ON INTEGRATION owned TO ROLE heir");
            failsWith("003001", () -> execute(alice, "ALTER INTEGRATION owned SET ENABLED = FALSE"));
            execute(bob, "USE ROLE heir", "ALTER INTEGRATION owned SET ENABLED = FALSE");
            execute(bob, "DROP INTEGRATION owned");
            assertThat(rows(admin, "SHOW INTEGRATIONS")).isEmpty();

            // Grants go with the integration: a new one of the same name starts with none.
            execute(alice, create);
            assertThat(rows(bob, "SHOW INTEGRATIONS")).isEmpty();
            execute(alice, "GRANT USAGE ON INTEGRATION owned TO ROLE bystander");
            assertThat(rows(bob, "SHOW INTEGRATIONS")).hasSize(1);
            execute(alice, create.replace("CREATE", "CREATE OR REPLACE"));
            assertThat(rows(bob, "SHOW INTEGRATIONS")).isEmpty();
        }
    }

    @Test
    void authenticationPoliciesNameIntegrationsOfAMethodTheyAllow() throws Exception {
        execute(admin, OKTA);
        SQLException refused = failsWith("004800", () -> execute(admin, "CREATE AUTHENTICATION POLICY saml_only "
                + "AUTHENTICATION_METHODS = ('SAML') SECURITY_INTEGRATIONS = ('EXTERNAL_OAUTH_OKTA')"));
        assertThat(refused.getMessage()).contains("EXTERNAL_OAUTH_OKTA", "'OAUTH'");
        execute(admin, "CREATE AUTHENTICATION POLICY oauth_only AUTHENTICATION_METHODS = ('OAUTH', 'PASSWORD') "
                + "SECURITY_INTEGRATIONS = ('EXTERNAL_OAUTH_OKTA')",
                "CREATE AUTHENTICATION POLICY everything SECURITY_INTEGRATIONS = ('EXTERNAL_OAUTH_OKTA')");
        failsWith("004800", () -> execute(admin, "ALTER AUTHENTICATION POLICY oauth_only SET AUTHENTICATION_METHODS = ('SAML')"));
        SQLException inUse = failsWith("003554", () -> execute(admin, "DROP INTEGRATION external_oauth_okta"));
        assertThat(inUse.getMessage()).contains("EVERYTHING");
        execute(admin, "DROP AUTHENTICATION POLICY oauth_only", "DROP AUTHENTICATION POLICY everything",
                "DROP INTEGRATION external_oauth_okta");
        assertThat(rows(admin, "SHOW INTEGRATIONS")).isEmpty();
    }

    @Test
    void privilegedRolesAccountParameterIsAccountAdminOnly() throws Exception {
        execute(admin, "ALTER ACCOUNT SET EXTERNAL_OAUTH_ADD_PRIVILEGED_ROLES_TO_BLOCKED_LIST = FALSE",
                "ALTER ACCOUNT UNSET EXTERNAL_OAUTH_ADD_PRIVILEGED_ROLES_TO_BLOCKED_LIST");
        failsWith("002211", () -> execute(admin, "ALTER ACCOUNT SET EXTERNAL_OAUTH_ADD_PRIVILEGED_ROLES_TO_BLOCKED_LIST = 'often'"));
        execute(admin, "CREATE USER security_officer PASSWORD = '" + PASSWORD + "' DEFAULT_ROLE = SECURITYADMIN",
                "GRANT ROLE SECURITYADMIN TO USER security_officer");
        try (Connection officer = SnowflakeJdbc.V3.connect(server, "security_officer", PASSWORD)) {
            failsWith("003001", () -> execute(officer,
                    "ALTER ACCOUNT SET EXTERNAL_OAUTH_ADD_PRIVILEGED_ROLES_TO_BLOCKED_LIST = FALSE"));
            failsWith("003001", () -> execute(officer, MINIMAL.formatted("i")
                    + "EXTERNAL_OAUTH_JWS_KEYS_URL = 'https://k.example/keys'"));
        }
    }
}

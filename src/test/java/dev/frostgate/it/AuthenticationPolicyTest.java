package dev.frostgate.it;

import static dev.frostgate.testing.Sql.execute;
import static dev.frostgate.testing.Sql.failsWith;
import static dev.frostgate.testing.Sql.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frostgate.testing.RunningServer;
import dev.frostgate.testing.SnowflakeJdbc;
import dev.frostgate.testing.V1Client;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Authentication policies through the real JDBC driver: statements, validation, precedence, refusals. */
class AuthenticationPolicyTest {
    private static final String PASSWORD = "Policy-Test-Pw1";
    private RunningServer server;
    private Connection admin;

    @BeforeEach
    void start() throws Exception {
        server = RunningServer.start();
        admin = SnowflakeJdbc.V3.connect(server, "ADMIN", RunningServer.ADMIN_PASSWORD);
        execute(admin, "CREATE USER example_user PASSWORD = '" + PASSWORD + "'");
    }

    @AfterEach
    void stop() throws Exception {
        admin.close();
        server.close();
    }

    private Map<String, String> describe(String policy) throws SQLException {
        return rows(admin, "DESCRIBE AUTHENTICATION POLICY " + policy).stream()
                .collect(Collectors.toMap(row -> row.get("property"), row -> String.valueOf(row.get("value"))));
    }

    @Test
    void describeShowsDefaultsAndSetValuesAsSnowflakePrintsThem() throws Exception {
        execute(admin, "CREATE AUTHENTICATION POLICY fresh");
        assertThat(describe("fresh")).containsEntry("AUTHENTICATION_METHODS", "[ALL]").containsEntry("CLIENT_TYPES", "[ALL]")
                .containsEntry("CLIENT_POLICY", "{}").containsEntry("SECURITY_INTEGRATIONS", "[ALL]")
                .containsEntry("MFA_ENROLLMENT", "OPTIONAL")
                .containsEntry("MFA_POLICY", "{ALLOWED_METHODS=[ALL], ENFORCE_MFA_ON_EXTERNAL_AUTHENTICATION=NONE}")
                .containsEntry("PAT_POLICY", "{DEFAULT_EXPIRY_IN_DAYS=15, MAX_EXPIRY_IN_DAYS=365, "
                        + "NETWORK_POLICY_EVALUATION=ENFORCED_REQUIRED, REQUIRE_ROLE_RESTRICTION_FOR_SERVICE_USERS=true, "
                        + "REQUIRE_ROLE_RESTRICTION_FOR_PERSON_USERS=false, BLOCKED_ROLES_LIST=[]}")
                .containsEntry("OWNER", "ACCOUNTADMIN");
        execute(admin, """
                CREATE OR REPLACE AUTHENTICATION POLICY my_db.my_schema.tuned
                  AUTHENTICATION_METHODS = ('PASSWORD', 'KEYPAIR')
                  CLIENT_TYPES = ('DRIVERS', 'SNOWSQL')
                  CLIENT_POLICY = (JDBC_DRIVER = (MINIMUM_VERSION = '3.25.0'))
                  PAT_POLICY = (DEFAULT_EXPIRY_IN_DAYS = 30 MAX_EXPIRY_IN_DAYS = 90 BLOCKED_ROLES_LIST = ('ACCOUNTADMIN'))
                  COMMENT = 'tuned'
                """);
        assertThat(describe("tuned")).containsEntry("AUTHENTICATION_METHODS", "[PASSWORD, KEYPAIR]")
                .containsEntry("CLIENT_POLICY", "{JDBC_DRIVER={MINIMUM_VERSION=3.25.0}}")
                .containsEntry("COMMENT", "tuned");
        assertThat(describe("tuned").get("PAT_POLICY")).contains("DEFAULT_EXPIRY_IN_DAYS=30", "MAX_EXPIRY_IN_DAYS=90",
                "BLOCKED_ROLES_LIST=[ACCOUNTADMIN]");
        Map<String, String> shown = rows(admin, "SHOW AUTHENTICATION POLICIES LIKE 'TUNED'").get(0);
        assertThat(shown).containsEntry("database_name", "MY_DB").containsEntry("schema_name", "MY_SCHEMA")
                .containsEntry("kind", "AUTHENTICATION_POLICY").containsEntry("comment", "tuned");
        execute(admin, "ALTER AUTHENTICATION POLICY tuned UNSET CLIENT_POLICY, COMMENT",
                "ALTER AUTHENTICATION POLICY tuned SET MFA_ENROLLMENT = 'REQUIRED'");
        assertThat(describe("tuned")).containsEntry("CLIENT_POLICY", "{}").containsEntry("MFA_ENROLLMENT", "REQUIRED");
    }

    @Test
    void invalidPoliciesAreRefusedWithTheirCodes() throws Exception {
        SQLException drivers = failsWith("004800", () -> execute(admin, "CREATE AUTHENTICATION POLICY p "
                + "CLIENT_TYPES = ('SNOWFLAKE_UI') CLIENT_POLICY = (GO_DRIVER = (MINIMUM_VERSION = '1.0.0'))"));
        assertThat(drivers.getMessage()).contains("Authentication policy can not contain CLIENT_POLICY of 'GO_DRIVER' "
                + "without including 'DRIVERS' in CLIENT_TYPES.");
        failsWith("004800", () -> execute(admin, "CREATE AUTHENTICATION POLICY p AUTHENTICATION_METHODS = ('PASSWORD') "
                + "SECURITY_INTEGRATIONS = ('EXAMPLE_OKTA_INTEGRATION')"));
        failsWith("004800", () -> execute(admin, "CREATE AUTHENTICATION POLICY p PAT_POLICY = (DEFAULT_EXPIRY_IN_DAYS = 100 "
                + "MAX_EXPIRY_IN_DAYS = 90)"));
        failsWith("002211", () -> execute(admin, "CREATE AUTHENTICATION POLICY p PAT_POLICY = (MAX_EXPIRY_IN_DAYS = 366)"));
        failsWith("002211", () -> execute(admin, "CREATE AUTHENTICATION POLICY p AUTHENTICATION_METHODS = ('TELEPATHY')"));
        failsWith("002211", () -> execute(admin, "CREATE AUTHENTICATION POLICY p CLIENT_TYPES = ('FAX')"));
        failsWith("002211", () -> execute(admin, "CREATE AUTHENTICATION POLICY p MFA_ENROLLMENT = 'SOMETIMES'"));
        failsWith("001008", () -> execute(admin, "CREATE AUTHENTICATION POLICY p COLOUR = 'red'"));
        assertThat(rows(admin, "SHOW AUTHENTICATION POLICIES")).isEmpty();
    }

    @Test
    void restrictClientTypePolicyFromSeedThree() throws Exception {
        execute(admin, """
                CREATE AUTHENTICATION POLICY restrict_client_type_policy
                  CLIENT_TYPES = ('SNOWFLAKE_UI')
                  COMMENT = 'Only allows access through the web interface'
                """, "ALTER USER example_user SET AUTHENTICATION POLICY restrict_client_type_policy;");
        SQLException refused = failsWith("390447",
                () -> SnowflakeJdbc.V3.connect(server, "example_user", PASSWORD).close());
        assertThat(refused.getMessage()).contains("client type JDBC_DRIVER is not allowed");
        java.util.regex.Matcher failureId = java.util.regex.Pattern.compile("\\[([0-9a-f-]{36})\\]$")
                .matcher(refused.getMessage());
        assertThat(failureId.find()).as(refused.getMessage()).isTrue();
        String details = rows(admin, "SELECT SYSTEM$GET_LOGIN_FAILURE_DETAILS('" + failureId.group(1) + "')").get(0)
                .values().iterator().next();
        assertThat(details).contains("\"errorCode\":\"CLIENT_TYPE_NOT_ALLOWED\"", "\"username\":\"EXAMPLE_USER\"",
                "\"clientType\":\"JDBC_DRIVER\"", "\"clientIP\":\"127.0.0.1\"", "\"clientVersion\":\"3.28.0\"",
                "client type JDBC_DRIVER is not allowed").doesNotContain(PASSWORD);
        failsWith("100035", () -> rows(admin, "SELECT SYSTEM$GET_LOGIN_FAILURE_DETAILS('00000000-0000-0000-0000-000000000000')"));
        assertThat(rows(admin, "SELECT error_message FROM SNOWFLAKE.ACCOUNT_USAGE.LOGIN_HISTORY "
                + "WHERE user_name = 'EXAMPLE_USER'")).extracting(row -> row.get("ERROR_MESSAGE"))
                .containsExactly("CLIENT_TYPE_NOT_ALLOWED");
        execute(admin, "ALTER USER example_user UNSET AUTHENTICATION POLICY");
        SnowflakeJdbc.V4.connect(server, "example_user", PASSWORD).close();
    }

    @Test
    void precedenceUserThenUserTypeThenAccountAndTheLockoutPreventionPattern() throws Exception {
        execute(admin, """
                CREATE AUTHENTICATION POLICY admin_authentication_policy
                  AUTHENTICATION_METHODS = ('SAML', 'PASSWORD')
                  CLIENT_TYPES = ('SNOWFLAKE_UI', 'SNOWSQL', 'DRIVERS')
                  SECURITY_INTEGRATIONS = ('EXAMPLE_OKTA_INTEGRATION')
                """, "CREATE AUTHENTICATION POLICY saml_only AUTHENTICATION_METHODS = ('SAML')",
                "CREATE AUTHENTICATION POLICY passwords_ok AUTHENTICATION_METHODS = ('PASSWORD')",
                "ALTER USER admin SET AUTHENTICATION POLICY admin_authentication_policy",
                "ALTER ACCOUNT SET AUTHENTICATION POLICY saml_only");
        SQLException refused = failsWith("390447",
                () -> SnowflakeJdbc.V3.connect(server, "example_user", PASSWORD).close());
        assertThat(refused.getMessage()).contains("authentication method PASSWORD is not allowed");
        SnowflakeJdbc.V3.connect(server, "ADMIN", RunningServer.ADMIN_PASSWORD).close();

        execute(admin, "ALTER ACCOUNT SET AUTHENTICATION POLICY passwords_ok FOR ALL PERSON USERS");
        SnowflakeJdbc.V3.connect(server, "example_user", PASSWORD).close();
        assertThat(rows(admin, "SHOW AUTHENTICATION POLICIES ON USER example_user").get(0))
                .containsEntry("name", "PASSWORDS_OK").containsEntry("set_on", "ACCOUNT");
        assertThat(rows(admin, "SHOW AUTHENTICATION POLICIES ON USER admin").get(0))
                .containsEntry("name", "ADMIN_AUTHENTICATION_POLICY").containsEntry("set_on", "USER");
        assertThat(rows(admin, "SHOW AUTHENTICATION POLICIES ON ACCOUNT").get(0)).containsEntry("name", "SAML_ONLY");

        execute(admin, "ALTER USER example_user SET AUTHENTICATION POLICY saml_only");
        failsWith("390447", () -> SnowflakeJdbc.V3.connect(server, "example_user", PASSWORD).close());
        failsWith("002002", () -> execute(admin, "ALTER USER example_user SET AUTHENTICATION POLICY passwords_ok"));
        execute(admin, "ALTER USER example_user SET AUTHENTICATION POLICY passwords_ok FORCE");
        SnowflakeJdbc.V3.connect(server, "example_user", PASSWORD).close();

        SQLException inUse = failsWith("003554", () -> execute(admin, "DROP AUTHENTICATION POLICY saml_only"));
        assertThat(inUse.getMessage()).contains("the account");
        execute(admin, "ALTER ACCOUNT UNSET AUTHENTICATION POLICY", "ALTER ACCOUNT UNSET AUTHENTICATION POLICY FOR ALL PERSON USERS",
                "DROP AUTHENTICATION POLICY saml_only");
        assertThat(rows(admin, "SHOW AUTHENTICATION POLICIES ON ACCOUNT").get(0)).containsEntry("set_on", "SYSTEM");
    }

    @Test
    void policyReferencesListWhereEveryPolicyIsAttached() throws Exception {
        execute(admin, "CREATE AUTHENTICATION POLICY my_db.my_schema.authentication_policy_prod_1",
                "CREATE AUTHENTICATION POLICY other_policy",
                "ALTER USER example_user SET AUTHENTICATION POLICY authentication_policy_prod_1",
                "ALTER ACCOUNT SET AUTHENTICATION POLICY other_policy",
                "CREATE NETWORK POLICY loopback ALLOWED_IP_LIST = ('127.0.0.1')",
                "ALTER USER example_user SET NETWORK_POLICY = loopback");
        var byPolicy = rows(admin, "SELECT * FROM TABLE(my_db.INFORMATION_SCHEMA.POLICY_REFERENCES("
                + "POLICY_NAME => 'my_db.my_schema.authentication_policy_prod_1'))");
        assertThat(byPolicy).hasSize(1);
        assertThat(byPolicy.get(0)).containsEntry("POLICY_DB", "MY_DB").containsEntry("POLICY_SCHEMA", "MY_SCHEMA")
                .containsEntry("POLICY_KIND", "AUTHENTICATION_POLICY").containsEntry("REF_ENTITY_NAME", "EXAMPLE_USER")
                .containsEntry("REF_ENTITY_DOMAIN", "USER").containsEntry("POLICY_STATUS", "ACTIVE");
        assertThat(rows(admin, "SELECT policy_name, policy_kind FROM TABLE(INFORMATION_SCHEMA.POLICY_REFERENCES("
                + "REF_ENTITY_DOMAIN => 'USER', REF_ENTITY_NAME => 'example_user')) ORDER BY policy_kind"))
                .extracting(row -> row.get("POLICY_NAME") + "/" + row.get("POLICY_KIND"))
                .containsExactly("AUTHENTICATION_POLICY_PROD_1/AUTHENTICATION_POLICY", "LOOPBACK/NETWORK_POLICY");
        assertThat(rows(admin, "SELECT policy_name FROM TABLE(INFORMATION_SCHEMA.POLICY_REFERENCES("
                + "REF_ENTITY_DOMAIN => 'ACCOUNT', REF_ENTITY_NAME => 'FROSTGATE'))"))
                .extracting(row -> row.get("POLICY_NAME")).containsExactly("OTHER_POLICY");
        failsWith("100035", () -> rows(admin, "SELECT * FROM TABLE(INFORMATION_SCHEMA.POLICY_REFERENCES())"));
        try (Connection user = SnowflakeJdbc.V3.connect(server, "example_user", PASSWORD)) {
            failsWith("003001", () -> rows(user, "SELECT * FROM TABLE(INFORMATION_SCHEMA.POLICY_REFERENCES("
                    + "POLICY_NAME => 'other_policy'))"));
        }
    }

    @Test
    void clientPolicyMinimumVersions() throws Exception {
        execute(admin, "CREATE AUTHENTICATION POLICY new_drivers CLIENT_POLICY = (JDBC_DRIVER = (MINIMUM_VERSION = '99.0.0'))",
                "ALTER USER example_user SET AUTHENTICATION POLICY new_drivers");
        SQLException old = failsWith("390447", () -> SnowflakeJdbc.V3.connect(server, "example_user", PASSWORD).close());
        assertThat(old.getMessage()).contains("JDBC_DRIVER version 3.28.0 is older than the required 99.0.0");
        execute(admin, "ALTER AUTHENTICATION POLICY new_drivers SET CLIENT_POLICY = (JDBC_DRIVER = (MINIMUM_VERSION = '3.0'))");
        SnowflakeJdbc.V3.connect(server, "example_user", PASSWORD).close();
    }

    @Test
    void seedThreePolicyAdministratorSetupEndToEnd() throws Exception {
        execute(admin, "USE ROLE ACCOUNTADMIN;", "CREATE OR REPLACE DATABASE my_database;", "USE DATABASE my_database;",
                "CREATE OR REPLACE SCHEMA my_schema;", "USE SCHEMA my_schema;", "CREATE ROLE policy_admin;",
                "GRANT USAGE ON DATABASE my_database TO ROLE policy_admin;",
                "GRANT USAGE ON SCHEMA my_database.my_schema TO ROLE policy_admin;",
                "GRANT CREATE AUTHENTICATION POLICY ON SCHEMA my_database.my_schema TO ROLE policy_admin;",
                "GRANT APPLY AUTHENTICATION POLICY ON ACCOUNT TO ROLE policy_admin;",
                "GRANT ROLE policy_admin TO USER example_user");
        assertThat(rows(admin, "SHOW SCHEMAS IN DATABASE my_database")).extracting(row -> row.get("name"))
                .containsExactly("MY_SCHEMA");
        execute(admin, "CREATE DATABASE other_database", "CREATE SCHEMA other_database.elsewhere");
        assertThat(rows(admin, "SHOW SCHEMAS IN DATABASE")).extracting(row -> row.get("name"))
                .containsExactly("MY_SCHEMA");
        try (Connection policyAdmin = SnowflakeJdbc.V3.connect(server, "example_user", PASSWORD)) {
            execute(policyAdmin, "USE ROLE policy_admin;");
            failsWith("003001", () -> execute(policyAdmin, "CREATE AUTHENTICATION POLICY outside_the_schema"));
            execute(policyAdmin, "USE SCHEMA my_database.my_schema", """
                    CREATE AUTHENTICATION POLICY my_example_authentication_policy
                      CLIENT_TYPES = ('SNOWFLAKE_UI')
                      AUTHENTICATION_METHODS = ('OAUTH', 'PASSWORD');
                    """);
            assertThat(rows(policyAdmin, "SHOW AUTHENTICATION POLICIES").get(0))
                    .containsEntry("database_name", "MY_DATABASE").containsEntry("schema_name", "MY_SCHEMA")
                    .containsEntry("owner", "POLICY_ADMIN");
            execute(policyAdmin, "ALTER USER admin SET AUTHENTICATION POLICY my_example_authentication_policy");
            execute(policyAdmin, "ALTER USER admin UNSET AUTHENTICATION POLICY");
        }
        failsWith("002003", () -> execute(admin, "GRANT USAGE ON SCHEMA my_database.no_such_schema TO ROLE policy_admin"));
        failsWith("002003", () -> execute(admin, "USE DATABASE no_such_database"));
        execute(admin, "CREATE ROLE my_policy_admin", "GRANT APPLY AUTHENTICATION POLICY ON USER TO ROLE my_policy_admin");
    }

    @Test
    void identifierFirstLoginOffersWhatTheEffectivePolicyAllows() throws Exception {
        V1Client client = new V1Client(server);
        String body = "{\"data\":{\"ACCOUNT_NAME\":\"frostgate\",\"LOGIN_NAME\":\"%s\"}}";
        V1Client.Reply open = client.post("/session/v1/login-options",
                String.format(body, "example_user").getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(open.data().path("options").toString()).isEqualTo("[{\"type\":\"PASSWORD\"}]");
        execute(admin, "CREATE AUTHENTICATION POLICY sso_only AUTHENTICATION_METHODS = ('SAML')",
                "ALTER USER example_user SET AUTHENTICATION POLICY sso_only");
        V1Client.Reply restricted = client.post("/session/v1/login-options",
                String.format(body, "EXAMPLE_USER").getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(restricted.data().path("options").toString()).isEqualTo("[]");
        V1Client.Reply unknown = client.post("/session/v1/login-options",
                String.format(body, "nobody_here").getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(unknown.data().path("options").toString()).isEqualTo("[{\"type\":\"PASSWORD\"}]");
        assertThat(client.post("/session/v1/login-options", "{\"data\":{\"ACCOUNT_NAME\":\"frostgate\"}}"
                .getBytes(StandardCharsets.UTF_8), Map.of()).code()).isEqualTo("390400");
        assertThat(client.post("/session/v1/login-options", "{\"data\":{\"ACCOUNT_NAME\":\"x\",\"LOGIN_NAME\":\"a\"}}"
                .getBytes(StandardCharsets.UTF_8), Map.of()).code()).isEqualTo("390201");
    }

    @Test
    void privileges() throws Exception {
        try (Connection user = SnowflakeJdbc.V3.connect(server, "example_user", PASSWORD)) {
            failsWith("003001", () -> execute(user, "CREATE AUTHENTICATION POLICY mine"));
            execute(admin, "CREATE AUTHENTICATION POLICY theirs");
            failsWith("003001", () -> execute(user, "ALTER USER example_user SET AUTHENTICATION POLICY theirs"));
            failsWith("003001", () -> execute(user, "DROP AUTHENTICATION POLICY theirs"));
            failsWith("002003", () -> execute(user, "DESCRIBE AUTHENTICATION POLICY theirs"));
            failsWith("003001", () -> rows(user, "SELECT SYSTEM$GET_LOGIN_FAILURE_DETAILS('x')"));
        }
        execute(admin, "CREATE ROLE policy_admin", "GRANT APPLY AUTHENTICATION POLICY ON ACCOUNT TO ROLE policy_admin",
                "GRANT CREATE AUTHENTICATION POLICY ON ACCOUNT TO ROLE policy_admin",
                "GRANT ROLE policy_admin TO USER example_user");
        try (Connection user = SnowflakeJdbc.V3.connect(server, "example_user", PASSWORD)) {
            execute(user, "USE ROLE policy_admin", """
                    CREATE AUTHENTICATION POLICY my_example_authentication_policy
                      CLIENT_TYPES = ('SNOWFLAKE_UI')
                      AUTHENTICATION_METHODS = ('OAUTH', 'PASSWORD');
                    """, "ALTER ACCOUNT SET AUTHENTICATION POLICY my_example_authentication_policy");
        }
        failsWith("390447", () -> SnowflakeJdbc.V3.connect(server, "example_user", PASSWORD).close());
    }
}

package dev.frostgate.it;

import static dev.frostgate.testing.Sql.execute;
import static dev.frostgate.testing.Sql.failsWith;
import static dev.frostgate.testing.Sql.rows;
import static dev.frostgate.testing.Sql.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frostgate.testing.RunningServer;
import dev.frostgate.testing.SnowflakeJdbc;
import dev.frostgate.testing.TestServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Network rules and policies through the real JDBC driver, from 127.0.0.1: statements, evaluation
 * (blocked before allowed, rules before IP lists, empty admits nobody, user beats account), the
 * lock-out guard, and sessions cut off when a policy starts blocking them.
 */
class NetworkPolicyTest {
    private static final String PASSWORD = "Network-Test-Pw1";
    private RunningServer server;
    private Connection admin;

    @RegisterExtension
    static final TestServer running = TestServer.perClass();

    @BeforeEach
    void start() throws Exception {
        server = running.server();
        admin = running.admin();
        execute(admin,
                "CREATE NETWORK POLICY allow_local ALLOWED_IP_LIST = ('127.0.0.1') COMMENT = 'loopback only'",
                "CREATE NETWORK POLICY block_local ALLOWED_IP_LIST = ('0.0.0.0/0') BLOCKED_IP_LIST = ('127.0.0.0/8')",
                "CREATE NETWORK POLICY only_ten ALLOWED_IP_LIST = ('10.0.0.0/8')");
    }

    private Connection login(String user) throws SQLException {
        return SnowflakeJdbc.V3.connect(server, user, PASSWORD);
    }

    private void createUser(String name, String properties) throws SQLException {
        execute(admin, "CREATE USER " + name + " PASSWORD = '" + PASSWORD + "' " + properties);
    }

    @Test
    void rulesAndPoliciesAreShownAndDescribed() throws Exception {
        execute(admin, "CREATE NETWORK RULE corp_v4 TYPE = IPV4 VALUE_LIST = ('10.0.0.0/8', '192.168.1.7') "
                + "MODE = INGRESS COMMENT = 'corporate'",
                "CREATE NETWORK RULE db.sch.loop_v6 TYPE = IPV6 VALUE_LIST = ('::1/128')",
                "CREATE NETWORK RULE egress_host TYPE = HOST_PORT VALUE_LIST = ('example.com:443') MODE = EGRESS");
        Map<String, String> rule = rows(admin, "SHOW NETWORK RULES LIKE 'CORP%'").get(0);
        assertThat(rule).containsEntry("name", "CORP_V4").containsEntry("type", "IPV4").containsEntry("mode", "INGRESS")
                .containsEntry("entries_in_valuelist", "2").containsEntry("owner", "ACCOUNTADMIN")
                .containsEntry("comment", "corporate");
        assertThat(rows(admin, "SHOW NETWORK RULES LIKE 'LOOP_V6'").get(0)).containsEntry("database_name", "DB")
                .containsEntry("schema_name", "SCH");
        assertThat(rows(admin, "DESC NETWORK RULE corp_v4").get(0)).containsEntry("value_list", "10.0.0.0/8,192.168.1.7");

        Map<String, String> policy = rows(admin, "SHOW NETWORK POLICIES LIKE 'BLOCK_LOCAL'").get(0);
        assertThat(policy).containsEntry("entries_in_allowed_ip_list", "1").containsEntry("entries_in_blocked_ip_list", "1")
                .containsEntry("entries_in_allowed_network_rules", "0");
        assertThat(rows(admin, "DESCRIBE NETWORK POLICY block_local")).extracting(row -> row.get("name") + "=" + row.get("value"))
                .contains("ALLOWED_IP_LIST=0.0.0.0/0", "BLOCKED_IP_LIST=127.0.0.0/8");

        failsWith("002211", () -> execute(admin, "CREATE NETWORK RULE bad TYPE = IPV4 VALUE_LIST = ('10.0.0.0/40')"));
        failsWith("002211", () -> execute(admin, "CREATE NETWORK RULE bad TYPE = IPV4 VALUE_LIST = ('::1')"));
        failsWith("002211", () -> execute(admin, "CREATE NETWORK RULE bad TYPE = IPV9 VALUE_LIST = ('1.2.3.4')"));
        failsWith("001009", () -> execute(admin, "CREATE NETWORK RULE bad VALUE_LIST = ('1.2.3.4')"));
        failsWith("002211", () -> execute(admin, "CREATE NETWORK POLICY bad ALLOWED_IP_LIST = ('not-an-ip')"));
        failsWith("002003", () -> execute(admin, "CREATE NETWORK POLICY bad ALLOWED_NETWORK_RULE_LIST = ('nope')"));
        failsWith("001009", () -> execute(admin, "CREATE NETWORK POLICY bad ALLOWED_NETWORK_RULE_LIST = ('egress_host')"));
        failsWith("002002", () -> execute(admin, "CREATE NETWORK POLICY allow_local"));
        failsWith("001009", () -> execute(admin, "ALTER NETWORK RULE corp_v4 SET TYPE = IPV6"));
        execute(admin, "ALTER NETWORK RULE corp_v4 SET VALUE_LIST = ('10.1.0.0/16')", "ALTER NETWORK RULE corp_v4 UNSET COMMENT");
        assertThat(rows(admin, "DESC NETWORK RULE corp_v4").get(0)).containsEntry("value_list", "10.1.0.0/16")
                .containsEntry("comment", null);
    }

    @Test
    void aBlockedAddressCannotLogIn() throws Exception {
        createUser("bob", "NETWORK_POLICY = block_local");
        SQLException refused = failsWith("390422", () -> login("bob").close());
        assertThat(refused.getMessage()).contains("Incoming request with IP/Token 127.0.0.1 is not allowed");
        List<Map<String, String>> history = rows(admin, "SELECT error_code, error_message FROM "
                + "SNOWFLAKE.ACCOUNT_USAGE.LOGIN_HISTORY WHERE user_name = 'BOB'");
        assertThat(history).containsExactly(Map.of("ERROR_CODE", "390422", "ERROR_MESSAGE", "INCOMING_IP_BLOCKED"));
        assertThat(value(admin, "SELECT 1")).isEqualTo("1");
        execute(admin, "ALTER USER bob UNSET NETWORK_POLICY");
        login("bob").close();
    }

    @Test
    void networkRulesReplaceTheLegacyIpLists() throws Exception {
        execute(admin, "CREATE NETWORK RULE loopback TYPE = IPV4 VALUE_LIST = ('127.0.0.0/8')",
                "CREATE NETWORK POLICY rules_first ALLOWED_NETWORK_RULE_LIST = ('loopback') BLOCKED_IP_LIST = ('127.0.0.1')");
        createUser("carol", "NETWORK_POLICY = rules_first");
        login("carol").close();
        execute(admin, "CREATE NETWORK RULE loopback_blocked TYPE = IPV4 VALUE_LIST = ('127.0.0.1')",
                "ALTER NETWORK POLICY rules_first ADD BLOCKED_NETWORK_RULE_LIST = ('loopback_blocked')");
        failsWith("390422", () -> login("carol").close());
        execute(admin, "ALTER NETWORK POLICY rules_first REMOVE BLOCKED_NETWORK_RULE_LIST = ('loopback_blocked')");
        login("carol").close();
        SQLException inUse = failsWith("003554", () -> execute(admin, "DROP NETWORK RULE loopback"));
        assertThat(inUse.getMessage()).contains("RULES_FIRST");
        SQLException replaced = failsWith("003554", () -> execute(admin,
                "CREATE OR REPLACE NETWORK RULE loopback TYPE = IPV4 VALUE_LIST = ('10.0.0.0/8')"));
        assertThat(replaced.getMessage()).contains("Network rule 'LOOPBACK' cannot be replaced because it is used by "
                + "network policy 'RULES_FIRST'.");
        login("carol").close();
    }

    @Test
    void anEmptyPolicyAdmitsNobodyAndAnIpv4OnlyPolicyAdmitsNoIpv6() throws Exception {
        execute(admin, "CREATE NETWORK POLICY empty_policy");
        createUser("dave", "NETWORK_POLICY = empty_policy");
        failsWith("390422", () -> login("dave").close());
        execute(admin, "CREATE NETWORK RULE v6_loop TYPE = IPV6 VALUE_LIST = ('::1')",
                "CREATE NETWORK POLICY v6_only ALLOWED_NETWORK_RULE_LIST = ('v6_loop')",
                "ALTER USER dave SET NETWORK_POLICY = v6_only");
        failsWith("390422", () -> login("dave").close());
    }

    @Test
    void theUserPolicyBeatsTheAccountPolicy() throws Exception {
        createUser("erin", "");
        execute(admin, "ALTER USER admin SET NETWORK_POLICY = allow_local", "ALTER ACCOUNT SET NETWORK_POLICY = only_ten");
        failsWith("390422", () -> login("erin").close());
        failsWith("390422", () -> SnowflakeJdbc.V3.connect(server, "nobody_at_all", "x").close());
        SnowflakeJdbc.V3.connect(server, "ADMIN", RunningServer.ADMIN_PASSWORD).close();
        execute(admin, "ALTER USER erin SET NETWORK_POLICY = allow_local");
        login("erin").close();
        execute(admin, "ALTER ACCOUNT UNSET NETWORK_POLICY", "ALTER USER erin UNSET NETWORK_POLICY");
        login("erin").close();
    }

    @Test
    void theLockOutGuardProtectsTheCallersOwnAddress() throws Exception {
        SQLException account = failsWith("090230", () -> execute(admin, "ALTER ACCOUNT SET NETWORK_POLICY = block_local"));
        assertThat(account.getMessage()).isEqualTo("Changes cannot be applied to the network policy BLOCK_LOCAL because "
                + "current IP address 127.0.0.1 is not allowed in it.");
        failsWith("090230", () -> execute(admin, "ALTER USER admin SET NETWORK_POLICY = only_ten"));
        execute(admin, "ALTER ACCOUNT SET NETWORK_POLICY = allow_local");
        failsWith("090230", () -> execute(admin, "ALTER NETWORK POLICY allow_local SET ALLOWED_IP_LIST = ('10.0.0.1')"));
        failsWith("090230", () -> execute(admin, "ALTER NETWORK POLICY allow_local ADD BLOCKED_IP_LIST = ('127.0.0.1')"));
        failsWith("090230", () -> execute(admin, "ALTER NETWORK POLICY allow_local UNSET ALLOWED_IP_LIST"));
        execute(admin, "ALTER NETWORK POLICY allow_local ADD ALLOWED_IP_LIST = ('10.0.0.1')");
        assertThat(value(admin, "SELECT 1")).isEqualTo("1");
        execute(admin, "ALTER NETWORK POLICY only_ten SET ALLOWED_IP_LIST = ('10.0.0.2')");
        SQLException attached = failsWith("003554", () -> execute(admin, "DROP NETWORK POLICY allow_local"));
        assertThat(attached.getMessage()).contains("attached to the account");
        failsWith("003554", () -> execute(admin, "CREATE OR REPLACE NETWORK POLICY allow_local"));
        execute(admin, "ALTER ACCOUNT UNSET NETWORK_POLICY", "DROP NETWORK POLICY allow_local");
        failsWith("002003", () -> execute(admin, "DESC NETWORK POLICY allow_local"));
    }

    @Test
    void openSessionsAreCutOffWhenTheirAddressBecomesBlocked() throws Exception {
        createUser("frank", "");
        try (Connection frank = login("frank")) {
            assertThat(value(frank, "SELECT CURRENT_USER()")).isEqualTo("FRANK");
            execute(admin, "ALTER USER frank SET NETWORK_POLICY = block_local");
            failsWith("390422", () -> value(frank, "SELECT 1"));
            execute(admin, "ALTER USER frank UNSET NETWORK_POLICY");
            assertThat(value(frank, "SELECT 1")).isEqualTo("1");
        }
    }

    @Test
    void renamingAndPrivileges() throws Exception {
        createUser("grace", "NETWORK_POLICY = allow_local");
        execute(admin, "ALTER NETWORK POLICY allow_local RENAME TO loopback_only");
        assertThat(rows(admin, "DESCRIBE USER grace")).anySatisfy(row -> {
            assertThat(row.get("property")).isEqualTo("NETWORK_POLICY");
            assertThat(row.get("value")).isEqualTo("LOOPBACK_ONLY");
        });
        login("grace").close();
        try (Connection grace = login("grace")) {
            failsWith("003001", () -> execute(grace, "CREATE NETWORK POLICY mine"));
            failsWith("003001", () -> execute(grace, "CREATE NETWORK RULE mine TYPE = IPV4 VALUE_LIST = ('1.1.1.1')"));
            failsWith("003001", () -> execute(grace, "ALTER ACCOUNT SET NETWORK_POLICY = only_ten"));
            failsWith("003001", () -> execute(grace, "ALTER NETWORK POLICY only_ten SET COMMENT = 'x'"));
        }
        execute(admin, "GRANT ROLE SECURITYADMIN TO USER grace");
        try (Connection grace = login("grace")) {
            execute(grace, "USE ROLE SECURITYADMIN", "CREATE NETWORK POLICY grace_policy ALLOWED_IP_LIST = ('127.0.0.1')");
            assertThat(rows(admin, "SHOW NETWORK POLICIES LIKE 'GRACE_POLICY'")).hasSize(1);
        }
    }

    @Test
    void attachPolicyIsGrantableAndIsWhatActivatesAnAccountPolicy() throws Exception {
        createUser("heidi", "");
        execute(admin, "CREATE ROLE network_admin", "GRANT ROLE network_admin TO USER heidi");
        failsWith("001008", () -> execute(admin, "GRANT APPLY NETWORK POLICY ON ACCOUNT TO ROLE network_admin"));
        try (Connection heidi = login("heidi")) {
            execute(heidi, "USE ROLE network_admin");
            failsWith("003001", () -> execute(heidi, "ALTER ACCOUNT SET NETWORK_POLICY = allow_local"));
            execute(admin, "GRANT ATTACH POLICY ON ACCOUNT TO ROLE network_admin");
            execute(heidi, "ALTER ACCOUNT SET NETWORK_POLICY = allow_local");
            execute(heidi, "ALTER ACCOUNT UNSET NETWORK_POLICY");
            execute(admin, "REVOKE ATTACH POLICY ON ACCOUNT FROM ROLE network_admin");
            failsWith("003001", () -> execute(heidi, "ALTER ACCOUNT SET NETWORK_POLICY = allow_local"));
        }
        assertThat(rows(admin, "SHOW GRANTS TO ROLE SECURITYADMIN")).anySatisfy(row ->
                assertThat(row.get("privilege")).isEqualTo("ATTACH POLICY"));
        assertThat(rows(admin, "SHOW GRANTS TO ROLE ACCOUNTADMIN")).noneSatisfy(row ->
                assertThat(row.get("privilege")).isEqualTo("APPLY NETWORK POLICY"));
    }
}

package dev.frostgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frostgate.testing.NodeDriver;
import dev.frostgate.testing.NodeDriver.Outcome;
import dev.frostgate.testing.RunningServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Network and authentication policies through the real Node.js driver: statements and refusals. */
class NodePolicyTest {
    private static final String PASSWORD = "N0de-Policy-Pw!";
    private static NodeDriver node;
    private static RunningServer server;

    @BeforeAll
    static void start() throws Exception {
        node = NodeDriver.prepare();
        server = RunningServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static Outcome admin(String... statements) {
        Outcome outcome = node.run(NodeDriver.connection(server, "ADMIN", RunningServer.ADMIN_PASSWORD), statements);
        assertThat(outcome.login().ok()).as("%s", outcome).isTrue();
        return outcome;
    }

    private static Outcome login(String user) {
        return node.run(NodeDriver.connection(server, user, PASSWORD), "SELECT CURRENT_USER()");
    }

    @Test
    void networkPoliciesThroughTheNodeDriver() {
        Outcome setup = admin("CREATE NETWORK RULE node_loopback TYPE = IPV4 VALUE_LIST = ('127.0.0.1')",
                "CREATE NETWORK POLICY node_block BLOCKED_NETWORK_RULE_LIST = ('node_loopback')",
                "SHOW NETWORK POLICIES LIKE 'NODE_BLOCK'", "DESC NETWORK RULE node_loopback",
                "CREATE USER node_net PASSWORD = '" + PASSWORD + "' NETWORK_POLICY = node_block",
                "ALTER ACCOUNT SET NETWORK_POLICY = node_block");
        assertThat(setup.result(2).column("entries_in_blocked_network_rules")).containsExactly(1);
        assertThat(setup.result(3).column("value_list")).containsExactly("127.0.0.1");
        assertThat(setup.result(5).code()).isEqualTo("090230");
        Outcome blocked = login("node_net");
        assertThat(blocked.login().ok()).isFalse();
        assertThat(blocked.login().code()).isEqualTo("390422");
        admin("ALTER USER node_net UNSET NETWORK_POLICY");
        assertThat(login("node_net").login().ok()).isTrue();
    }

    @Test
    void authenticationPoliciesThroughTheNodeDriver() {
        Outcome setup = admin("CREATE AUTHENTICATION POLICY node_ui_only CLIENT_TYPES = ('SNOWFLAKE_UI')",
                "CREATE USER node_auth PASSWORD = '" + PASSWORD + "'",
                "ALTER USER node_auth SET AUTHENTICATION POLICY node_ui_only",
                "DESCRIBE AUTHENTICATION POLICY node_ui_only",
                "CREATE AUTHENTICATION POLICY bad CLIENT_TYPES = ('SNOWFLAKE_UI') "
                        + "CLIENT_POLICY = (JAVASCRIPT_DRIVER = (MINIMUM_VERSION = '1.0.0'))");
        assertThat(setup.result(3).rows()).anySatisfy(row -> assertThat(row).containsSequence("CLIENT_TYPES",
                "[SNOWFLAKE_UI]"));
        assertThat(setup.result(4).code()).isEqualTo("004800");
        Outcome refused = login("node_auth");
        assertThat(refused.login().code()).isEqualTo("390447");
        assertThat(refused.login().message()).contains("client type JAVASCRIPT_DRIVER is not allowed");
        admin("ALTER AUTHENTICATION POLICY node_ui_only SET CLIENT_TYPES = ('DRIVERS') "
                + "CLIENT_POLICY = (JAVASCRIPT_DRIVER = (MINIMUM_VERSION = '99.0'))");
        assertThat(login("node_auth").login().code()).isEqualTo("390447");
        admin("ALTER AUTHENTICATION POLICY node_ui_only UNSET CLIENT_POLICY");
        Outcome allowed = login("node_auth");
        assertThat(allowed.login().ok()).as("%s", allowed).isTrue();
        assertThat(allowed.result(0).rows()).containsExactly(java.util.List.of("NODE_AUTH"));
    }

    @Test
    void passwordAndSessionPoliciesThroughTheNodeDriver() {
        Outcome setup = admin("CREATE PASSWORD POLICY node_strict PASSWORD_MIN_LENGTH = 14 PASSWORD_MAX_RETRIES = 1",
                "CREATE USER node_pw PASSWORD = '" + PASSWORD + "'",
                "ALTER USER node_pw SET PASSWORD POLICY node_strict",
                "ALTER USER node_pw SET PASSWORD = 'Short-Pw1'",
                "DESCRIBE PASSWORD POLICY node_strict",
                "CREATE SESSION POLICY node_sessions SESSION_IDLE_TIMEOUT_MINS = 30",
                "ALTER USER node_pw SET SESSION POLICY node_sessions",
                "SHOW SESSION POLICIES",
                "SELECT policy_name, policy_kind FROM TABLE(INFORMATION_SCHEMA.POLICY_REFERENCES("
                        + "REF_ENTITY_DOMAIN => 'USER', REF_ENTITY_NAME => 'node_pw')) ORDER BY policy_kind");
        assertThat(setup.result(3).code()).isEqualTo("003002");
        assertThat(setup.result(4).rows()).anySatisfy(row -> assertThat(row).containsSequence("PASSWORD_MIN_LENGTH", "14"));
        assertThat(setup.result(7).column("name")).containsExactly("NODE_SESSIONS");
        assertThat(setup.result(8).column("POLICY_KIND")).containsExactly("PASSWORD_POLICY", "SESSION_POLICY");
        assertThat(login("node_pw").login().ok()).isTrue();
        Outcome wrong = node.run(NodeDriver.connection(server, "node_pw", "Not-The-Password-1"), "SELECT 1");
        assertThat(wrong.login().code()).isEqualTo("390100");
        assertThat(login("node_pw").login().code()).isEqualTo("390102");
    }
}

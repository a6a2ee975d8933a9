package dev.frostgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frostgate.testing.NodeDriver;
import dev.frostgate.testing.NodeDriver.Outcome;
import dev.frostgate.testing.RunningServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Security integrations through the real Node.js driver: create, show, describe, a refusal, drop. */
class NodeSecurityIntegrationTest {
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

    @Test
    void externalOAuthIntegrationThroughTheNodeDriver() {
        Outcome outcome = node.run(NodeDriver.connection(server, "ADMIN", RunningServer.ADMIN_PASSWORD), """
                CREATE SECURITY INTEGRATION node_okta TYPE = EXTERNAL_OAUTH ENABLED = TRUE EXTERNAL_OAUTH_TYPE = OKTA
                  EXTERNAL_OAUTH_ISSUER = 'https://example.okta.com/oauth2/default'
                  EXTERNAL_OAUTH_JWS_KEYS_URL = 'https://example.okta.com/oauth2/default/v1/keys'
                  EXTERNAL_OAUTH_TOKEN_USER_MAPPING_CLAIM = 'sub'
                  EXTERNAL_OAUTH_SNOWFLAKE_USER_MAPPING_ATTRIBUTE = 'LOGIN_NAME'
                """, "SHOW SECURITY INTEGRATIONS LIKE 'NODE%'", "DESC INTEGRATION node_okta",
                "ALTER INTEGRATION node_okta SET EXTERNAL_OAUTH_SCOPE_DELIMITER = ';;'",
                "DROP INTEGRATION node_okta", "SHOW INTEGRATIONS");
        assertThat(outcome.login().ok()).as("%s", outcome).isTrue();
        assertThat(outcome.result(0).ok()).as("%s", outcome).isTrue();
        assertThat(outcome.result(1).columns()).containsExactly("name", "type", "category", "enabled", "comment",
                "created_on");
        assertThat(outcome.result(1).column("type")).containsExactly("EXTERNAL_OAUTH - OKTA");
        assertThat(outcome.result(1).column("category")).containsExactly("SECURITY");
        assertThat(outcome.result(2).column("property")).contains("EXTERNAL_OAUTH_ISSUER",
                "EXTERNAL_OAUTH_RSA_PUBLIC_KEY_FP", "EXTERNAL_OAUTH_ANY_ROLE_MODE");
        assertThat(outcome.result(3).code()).isEqualTo("002211");
        assertThat(outcome.result(4).ok()).isTrue();
        assertThat(outcome.result(5).rows()).isEmpty();
    }
}

package dev.frostgate.it;

import static dev.frostgate.testing.Sql.execute;
import static dev.frostgate.testing.Sql.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frostgate.testing.NodeDriver;
import dev.frostgate.testing.NodeDriver.Outcome;
import dev.frostgate.testing.RunningServer;
import dev.frostgate.testing.TestServer;
import dev.frostgate.testing.TestKeyPair;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Key-pair login through the real Node.js driver: {@code authenticator:'SNOWFLAKE_JWT'} + {@code privateKeyPath}. */
class NodeKeyPairTest {
    private static final TestKeyPair KEY = TestKeyPair.generate();
    private static final TestKeyPair ROTATED = TestKeyPair.generate();

    @TempDir
    Path keys;
    private NodeDriver node;
    @RegisterExtension
    final TestServer running = new TestServer();
    private RunningServer server;
    private Connection admin;

    @BeforeEach
    void start() throws Exception {
        node = NodeDriver.prepare();
        server = running.server();
        admin = running.admin();
        execute(admin, "CREATE USER etl_service TYPE = SERVICE RSA_PUBLIC_KEY = '" + KEY.publicKeyPem() + "'");
    }

    private Outcome withKey(TestKeyPair key, String... statements) throws Exception {
        Map<String, Object> connection = NodeDriver.connection(server, "etl_service", null);
        connection.remove("password");
        connection.put("authenticator", "SNOWFLAKE_JWT");
        connection.put("privateKeyPath", key.writePrivateKey(keys, "node_key.p8").toString());
        return node.run(connection, statements);
    }

    @Test
    void theNodeDriverLogsInWithEitherKey() throws Exception {
        Outcome outcome = withKey(KEY, "SELECT CURRENT_USER()");
        assertThat(outcome.login().ok()).as("%s", outcome).isTrue();
        assertThat(outcome.result(0).rows()).containsExactly(java.util.List.of("ETL_SERVICE"));

        Outcome refused = withKey(ROTATED, "SELECT 1");
        assertThat(refused.login().ok()).isFalse();
        assertThat(refused.login().code()).isEqualTo("390144");
        assertThat(refused.login().message()).startsWith("JWT token is invalid. [");

        execute(admin, "ALTER USER etl_service SET RSA_PUBLIC_KEY_2 = '" + ROTATED.publicKeyBase64() + "'",
                "ALTER USER etl_service UNSET RSA_PUBLIC_KEY");
        assertThat(withKey(ROTATED, "SELECT 1").login().ok()).isTrue();
        assertThat(withKey(KEY, "SELECT 1").login().code()).isEqualTo("390144");
        assertThat(rows(admin, "SELECT reported_client_type, first_authentication_factor, is_success "
                + "FROM SNOWFLAKE.ACCOUNT_USAGE.LOGIN_HISTORY WHERE user_name = 'ETL_SERVICE'"))
                .extracting(row -> row.get("FIRST_AUTHENTICATION_FACTOR")).containsOnly("RSA_KEYPAIR");
    }
}

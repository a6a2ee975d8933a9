package dev.frostgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.frostgate.testing.RunningServer;
import dev.frostgate.testing.V1Client;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The client address recorded for a login is the socket peer; X-Forwarded-For counts only when the
 * peer is a configured trusted proxy, so a client cannot choose its own address.
 */
class ClientAddressTest {
    private static final String LOGIN = "{\"data\":{\"ACCOUNT_NAME\":\"frostgate\",\"LOGIN_NAME\":\"nobody\","
            + "\"PASSWORD\":\"x\",\"CLIENT_APP_ID\":\"JavaScript\",\"CLIENT_APP_VERSION\":\"3.3.0\"}}";

    private static String recordedAddress(RunningServer server, String forwardedFor) throws Exception {
        V1Client client = new V1Client(server);
        client.post("/session/v1/login-request", LOGIN.getBytes(StandardCharsets.UTF_8),
                Map.of("X-Forwarded-For", forwardedFor));
        String token = client.login("ADMIN", RunningServer.ADMIN_PASSWORD).data().path("token").asText();
        JsonNode rows = client.query(token, "SELECT client_ip, reported_client_type FROM "
                + "SNOWFLAKE.ACCOUNT_USAGE.LOGIN_HISTORY WHERE user_name = 'NOBODY'").data().path("rowset");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get(1).asText()).isEqualTo("JAVASCRIPT_DRIVER");
        return rows.get(0).get(0).asText();
    }

    @Test
    void forwardedHeadersFromUntrustedPeersAreIgnored() throws Exception {
        try (RunningServer server = RunningServer.start()) {
            assertThat(recordedAddress(server, "203.0.113.9")).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void aTrustedProxyForwardsTheNearestUntrustedAddress() throws Exception {
        try (RunningServer server = RunningServer.start(config -> config.toBuilder()
                .trustedProxies(Set.of("127.0.0.1", "10.0.0.7")).build(), Clock.systemUTC())) {
            assertThat(recordedAddress(server, "198.51.100.1, 203.0.113.9, 10.0.0.7")).isEqualTo("203.0.113.9");
        }
    }
}

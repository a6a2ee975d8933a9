package dev.frostgate.it;

import static dev.frostgate.testing.Sql.execute;
import static dev.frostgate.testing.V1Client.sessionHeader;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frostgate.testing.MutableClock;
import dev.frostgate.testing.RunningServer;
import dev.frostgate.testing.SnowflakeJdbc;
import dev.frostgate.testing.V1Client;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** A session policy's idle timeout ends idle sessions: 390112 for the session token, then 390114 on renewal. */
class SessionPolicyTest {
    private static final String PASSWORD = "Session-Policy-Pw1";

    @Test
    void idleSessionsEndAndActiveOnesLive() throws Exception {
        MutableClock clock = MutableClock.startingNow();
        try (RunningServer server = RunningServer.start(UnaryOperator.identity(), clock)) {
            try (Connection admin = SnowflakeJdbc.V3.connect(server, "ADMIN", RunningServer.ADMIN_PASSWORD)) {
                execute(admin, "CREATE USER idle_user PASSWORD = '" + PASSWORD + "'",
                        "CREATE USER busy_user PASSWORD = '" + PASSWORD + "'",
                        "CREATE SESSION POLICY ten_minutes SESSION_IDLE_TIMEOUT_MINS = 10",
                        "ALTER USER idle_user SET SESSION POLICY ten_minutes",
                        "ALTER USER busy_user SET SESSION POLICY ten_minutes");
            }
            V1Client client = new V1Client(server);
            V1Client.Reply idle = client.login("idle_user", PASSWORD);
            V1Client.Reply busy = client.login("busy_user", PASSWORD);
            V1Client.Reply unlimited = client.login("ADMIN", RunningServer.ADMIN_PASSWORD);
            String busyToken = busy.data().path("token").asText();

            clock.advance(Duration.ofMinutes(6));
            assertThat(client.query(busyToken, "SELECT 1").success()).isTrue();
            clock.advance(Duration.ofMinutes(6));
            assertThat(client.query(busyToken, "SELECT 1").success()).isTrue();
            assertThat(client.query(unlimited.data().path("token").asText(), "SELECT 1").success()).isTrue();

            String idleToken = idle.data().path("token").asText();
            assertThat(client.query(idleToken, "SELECT 1").code()).isEqualTo("390112");
            V1Client.Reply renewal = client.post("/session/token-request",
                    ("{\"oldSessionToken\":\"" + idleToken + "\",\"requestType\":\"RENEW\"}")
                            .getBytes(StandardCharsets.UTF_8), sessionHeader(idle.data().path("masterToken").asText()));
            assertThat(renewal.code()).isEqualTo("390114");
        }
    }
}

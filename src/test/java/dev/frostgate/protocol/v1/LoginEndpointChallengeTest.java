package dev.frostgate.protocol.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frostgate.auth.Challenge;
import dev.frostgate.auth.ChallengeAnswer;
import dev.frostgate.auth.ChallengeStage;
import dev.frostgate.auth.LoginPipeline;
import dev.frostgate.auth.LoginRequest;
import dev.frostgate.server.ClientAddressResolver;
import dev.frostgate.server.Router;
import dev.frostgate.testing.CoreFixture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The driver door's side of a challenged login: the drivers cannot show a question, so the v1 login answers
 * 390501 in its usual envelope (HTTP 200, success false), while logins no stage asks about go through.
 */
class LoginEndpointChallengeTest {
    private static final String PASSWORD = "Door-Challenge-Password-1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static CoreFixture fixture;
    private static Server server;
    private static LocalConnector connector;

    /** Asks every user but ADMIN for a second factor. */
    private static final class AskEveryone implements ChallengeStage {
        @Override
        public Optional<Challenge.Prompt> challenge(LoginPipeline.Admission admission, LoginRequest.ClientInfo client) {
            return admission.user().name().equals("ADMIN") ? Optional.empty()
                    : Optional.of(new Challenge.SecondFactor("TOTP"));
        }

        @Override
        public void verify(LoginPipeline.Admission admission, Challenge.Prompt asked, ChallengeAnswer answer) {}
    }

    @BeforeAll
    static void start() throws Exception {
        fixture = CoreFixture.start(List.of(new AskEveryone()));
        fixture.sql("CREATE USER door_user PASSWORD = '" + PASSWORD + "'");
        server = new Server();
        connector = new LocalConnector(server);
        server.addConnector(connector);
        Router router = new Router(JSON, new ClientAddressResolver(Set.of()), 1 << 20);
        new DriverDoor(Duration.ofSeconds(1), "9.0.0").install(fixture.core(), router);
        server.setHandler(router);
        server.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
        fixture.close();
    }

    private static HttpTester.Response login(String user, String password) throws Exception {
        String body = JSON.writeValueAsString(Map.of("data", Map.of("ACCOUNT_NAME",
                CoreFixture.ACCOUNT, "LOGIN_NAME", user, "PASSWORD", password, "CLIENT_APP_ID", "JDBC",
                "CLIENT_APP_VERSION", "3.28.0")));
        return HttpTester.parseResponse(connector.getResponse("POST /session/v1/login-request HTTP/1.1\r\n"
                + "Host: localhost\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body, Duration.ofSeconds(30).toMillis(),
                TimeUnit.MILLISECONDS));
    }

    @Test
    void aChallengedDriverLoginIsRefusedWith390501InTheV1Envelope() throws Exception {
        HttpTester.Response response = login("door_user", PASSWORD);
        JsonNode body = JSON.readTree(response.getContent());

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(body.path("success").asBoolean()).isFalse();
        assertThat(body.path("code").asText()).isEqualTo("390501");
        assertThat(body.path("message").asText()).contains("further step (TOTP)");
        assertThat(body.path("data").path("nextAction").asText()).isEqualTo("RETRY_LOGIN");
    }

    @Test
    void aWrongPasswordIsStillRefusedBeforeAnyChallengeAndAnUnchallengedLoginGetsItsSession() throws Exception {
        JsonNode wrong = JSON.readTree(login("door_user", "wrong").getContent());
        JsonNode admin = JSON.readTree(login("ADMIN", CoreFixture.ADMIN_PASSWORD).getContent());

        assertThat(wrong.path("code").asText()).isEqualTo("390100");
        assertThat(admin.path("success").asBoolean()).isTrue();
        assertThat(admin.path("data").path("token").asText()).isNotEmpty();
    }
}

package dev.frostgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frostgate.jobs.BackgroundJobSettings;
import dev.frostgate.jobs.WebhookSettings;
import dev.frostgate.server.ServerConfig;
import dev.frostgate.testing.MutableClock;
import dev.frostgate.testing.RunningServer;
import dev.frostgate.testing.V1Client;
import dev.frostgate.testing.WebhookReceiver;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The PAT background jobs through a real server: the 7-day clean-up, expiry notices (log and webhook,
 * once per token and threshold, retried, never blocking a login) and {@code GET /metrics}. The jobs are
 * not scheduled (interval 0): each test moves its clock and runs them by hand.
 */
class TokenBackgroundJobsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DAY = Duration.ofDays(1);
    private static final String USER_PASSWORD = "Tableau-Passw0rd";

    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final List<AutoCloseable> resources = new ArrayList<>();

    @BeforeEach
    void captureLog() {
        log.start();
        ((Logger) LoggerFactory.getLogger("dev.frostgate.jobs")).addAppender(log);
    }

    @AfterEach
    void release() throws Exception {
        ((Logger) LoggerFactory.getLogger("dev.frostgate.jobs")).detachAppender(log);
        for (AutoCloseable resource : resources.reversed()) {
            resource.close();
        }
    }

    private static UnaryOperator<ServerConfig> jobs(List<Integer> thresholds, WebhookSettings webhook) {
        BackgroundJobSettings settings = new BackgroundJobSettings(Duration.ZERO, thresholds,
                Optional.ofNullable(webhook));
        return config -> config.toBuilder().backgroundJobs(settings).build();
    }

    private static WebhookSettings quickWebhook(URI url, int attempts, Duration requestTimeout) {
        return new WebhookSettings(url, attempts, Duration.ofMillis(20), Duration.ofSeconds(1), requestTimeout);
    }

    private RunningServer start(UnaryOperator<ServerConfig> customize) throws Exception {
        RunningServer server = RunningServer.start(customize, clock);
        resources.add(server);
        run(server, "CREATE ROLE IF NOT EXISTS analyst",
                "CREATE USER IF NOT EXISTS tableau_user PASSWORD = '" + USER_PASSWORD + "'",
                "GRANT ROLE analyst TO USER tableau_user");
        return server;
    }

    private WebhookReceiver receiver() throws Exception {
        WebhookReceiver receiver = WebhookReceiver.start();
        resources.add(receiver);
        return receiver;
    }

    /** Runs statements as ADMIN in a new session (the clock may have outrun the last one) and returns the last reply. */
    private static V1Client.Reply run(RunningServer server, String... statements) throws Exception {
        V1Client client = new V1Client(server);
        V1Client.Reply login = client.login("ADMIN", RunningServer.ADMIN_PASSWORD);
        assertThat(login.success()).as(login.body().toString()).isTrue();
        V1Client.Reply reply = null;
        for (String statement : statements) {
            reply = client.query(login.data().path("token").asText(), statement);
            assertThat(reply.success()).as(statement + ": " + reply.body()).isTrue();
        }
        return reply;
    }

    /** Adds a token to TABLEAU_USER and returns its secret. */
    private static String addToken(RunningServer server, String name, int days) throws Exception {
        return run(server, "ALTER USER tableau_user ADD PAT " + name + " DAYS_TO_EXPIRY = " + days).data()
                .path("rowset").get(0).get(1).asText();
    }

    private static List<String> tokenNames(RunningServer server) throws Exception {
        List<String> names = new ArrayList<>();
        for (JsonNode row : run(server, "SHOW USER PATS FOR USER tableau_user").data().path("rowset")) {
            names.add(row.get(0).asText() + ":" + row.get(4).asText());
        }
        return names;
    }

    private List<String> notices() {
        return log.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(message -> message.startsWith("programmatic access token expires soon")).toList();
    }

    private static String metrics(RunningServer server) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.baseUrl() + "/metrics")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
        return response.body();
    }

    @Test
    void expiredTokensAreDeletedSevenDaysAfterTheyExpiredRotatedOnesIncluded() throws Exception {
        RunningServer server = start(jobs(List.of(7), null));
        addToken(server, "short", 1);
        addToken(server, "long", 30);
        run(server, "ALTER USER tableau_user ROTATE PAT long EXPIRE_ROTATED_TOKEN_AFTER_HOURS = 0");

        clock.advance(DAY.plus(DAY.multipliedBy(6)));
        server.runBackgroundJobs();
        assertThat(tokenNames(server)).as("expired 6 days ago: still listed").hasSize(3)
                .contains("SHORT:EXPIRED", "LONG:ACTIVE").anySatisfy(name -> assertThat(name)
                        .matches("LONG_ROTATED_\\d{13}:EXPIRED"));

        clock.advance(DAY.plusMinutes(1));
        server.runBackgroundJobs();
        assertThat(tokenNames(server)).containsExactly("LONG:ACTIVE");
        assertThat(metrics(server)).contains("frostgate_programmatic_access_tokens_deleted_total 2\n");
    }

    @Test
    void aTokenIsAnnouncedOncePerThresholdInTheLogAndToTheWebhookAcrossRunsAndRestarts(@TempDir Path data)
            throws Exception {
        WebhookReceiver receiver = receiver();
        UnaryOperator<ServerConfig> onData = config -> ServerConfig.embedded(data).toBuilder()
                .adminPassword(config.adminPassword()).build();
        UnaryOperator<ServerConfig> customize = config -> jobs(List.of(7, 1),
                quickWebhook(receiver.url(), 3, Duration.ofSeconds(2))).apply(onData.apply(config));
        RunningServer server = start(customize);
        String secret = addToken(server, "reporting", 10);
        addToken(server, "later", 30);

        server.runBackgroundJobs();
        assertThat(notices()).isEmpty();

        clock.advance(DAY.multipliedBy(4));
        server.runBackgroundJobs();
        server.runBackgroundJobs();
        JsonNode first = JSON.readTree(receiver.next(Duration.ofSeconds(10)));
        assertThat(first.fieldNames()).toIterable().containsExactly("event", "account", "user", "token",
                "expires_at", "days_left", "threshold_days");
        assertThat(first.path("account").asText()).isEqualTo("FROSTGATE");
        assertThat(first.path("user").asText()).isEqualTo("TABLEAU_USER");
        assertThat(first.path("token").asText()).isEqualTo("REPORTING");
        assertThat(first.path("expires_at").asText()).isEqualTo("2030-01-11T00:00:00Z");
        assertThat(first.path("days_left").asInt()).isEqualTo(6);
        assertThat(first.path("threshold_days").asInt()).isEqualTo(7);
        assertThat(notices()).hasSize(1).first().asString().contains("\"user\":\"TABLEAU_USER\"",
                "\"token\":\"REPORTING\"", "\"expires_at\":\"2030-01-11T00:00:00Z\"", "\"threshold_days\":7");
        assertThat(metrics(server)).contains(
                "frostgate_programmatic_access_tokens_expiring_soon{threshold_days=\"1\"} 0\n",
                "frostgate_programmatic_access_tokens_expiring_soon{threshold_days=\"7\"} 1\n",
                "frostgate_programmatic_access_tokens_active 2\n",
                "frostgate_token_expiry_webhook_deliveries_total{outcome=\"succeeded\"} 1\n")
                .doesNotContain("TABLEAU_USER", "REPORTING");

        server.stop();
        RunningServer restarted = start(customize);
        restarted.runBackgroundJobs();
        assertThat(notices()).as("not again after a restart").hasSize(1);

        clock.advance(DAY.multipliedBy(5).plusHours(1));
        restarted.runBackgroundJobs();
        JsonNode last = JSON.readTree(receiver.next(Duration.ofSeconds(10)));
        assertThat(last.path("threshold_days").asInt()).isEqualTo(1);
        assertThat(last.path("days_left").asInt()).isZero();
        restarted.runBackgroundJobs();
        assertThat(notices()).hasSize(2);
        assertThat(metrics(restarted)).contains(
                "frostgate_programmatic_access_tokens_expiring_soon{threshold_days=\"1\"} 1\n");
        assertThat(receiver.next(Duration.ofMillis(300))).as("nothing more").isNull();
        assertThat(receiver.requests()).isEqualTo(2);
        assertThat(first.toString() + last + String.join("\n", notices())).doesNotContain(secret)
                .doesNotContain(secret.substring(6));
    }

    @Test
    void aRotatedTokenIsAnnouncedAgainForItsNewExpiryButItsOldSecretIsNot() throws Exception {
        RunningServer server = start(jobs(List.of(7), null));
        String secret = addToken(server, "reporting", 10);
        clock.advance(DAY.multipliedBy(5));
        server.runBackgroundJobs();
        assertThat(notices()).hasSize(1);

        String rotated = run(server, "ALTER USER tableau_user ROTATE PAT reporting").data().path("rowset").get(0)
                .get(1).asText();
        server.runBackgroundJobs();
        assertThat(notices()).as("the new expiry is 10 days away; the old secret's 24 hours get no notice")
                .hasSize(1);

        clock.advance(DAY.multipliedBy(4));
        server.runBackgroundJobs();
        assertThat(notices()).hasSize(2).last().asString().contains("\"token\":\"REPORTING\"",
                "\"expires_at\":\"2030-01-16T00:00:00Z\"");
        assertThat(String.join("\n", notices())).doesNotContain(secret, rotated);
    }

    @Test
    void aWebhookThatFailsTwiceGetsTheNoticeOnTheThirdAttempt() throws Exception {
        WebhookReceiver receiver = receiver().answering(500, 503);
        RunningServer server = start(jobs(List.of(7), quickWebhook(receiver.url(), 3, Duration.ofSeconds(2))));
        addToken(server, "reporting", 5);

        server.runBackgroundJobs();

        assertThat(JSON.readTree(receiver.next(Duration.ofSeconds(10))).path("token").asText()).isEqualTo("REPORTING");
        assertThat(receiver.requests()).isEqualTo(3);
        awaitMetric(server, "frostgate_token_expiry_webhook_deliveries_total{outcome=\"succeeded\"} 1\n");
        assertThat(metrics(server)).contains("frostgate_token_expiry_webhook_deliveries_total{outcome=\"failed\"} 0\n");
    }

    @Test
    void anUnreachableWebhookIsGivenUpWithAWarningAndALaterRunSendsTheNoticeAgain() throws Exception {
        URI unreachable;
        try (ServerSocket socket = new ServerSocket(0)) {
            unreachable = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/hook?key=webhook-key");
        }
        RunningServer server = start(jobs(List.of(7), quickWebhook(unreachable, 2, Duration.ofSeconds(2))));
        String secret = addToken(server, "reporting", 5);

        server.runBackgroundJobs();
        awaitMetric(server, "frostgate_token_expiry_webhook_deliveries_total{outcome=\"failed\"} 1\n");
        List<String> warnings = log.list.stream().filter(event -> event.getLevel().toString().equals("WARN"))
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(warnings).anySatisfy(warning -> assertThat(warning).contains("REPORTING", "TABLEAU_USER",
                "after 2 attempts"));
        assertThat(String.join("\n", warnings)).doesNotContain(secret, "webhook-key");

        server.runBackgroundJobs();
        assertThat(notices()).as("released, so sent again (at least once)").hasSize(2);
        awaitMetric(server, "frostgate_token_expiry_webhook_deliveries_total{outcome=\"failed\"} 2\n");
    }

    @Test
    void aHangingWebhookBlocksNeitherTheJobNorLogins() throws Exception {
        WebhookReceiver receiver = receiver().hang();
        RunningServer server = start(jobs(List.of(7), quickWebhook(receiver.url(), 4, Duration.ofSeconds(30))));
        for (int token = 0; token < 5; token++) {
            addToken(server, "hanging_" + token, 3);
        }

        long started = System.nanoTime();
        server.runBackgroundJobs();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        awaitRequests(receiver, 2);

        started = System.nanoTime();
        V1Client.Reply login = new V1Client(server).login("tableau_user", USER_PASSWORD);
        assertThat(login.success()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(notices()).hasSize(5);
    }

    private static void awaitMetric(RunningServer server, String line) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!metrics(server).contains(line) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(metrics(server)).contains(line);
    }

    private static void awaitRequests(WebhookReceiver receiver, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (receiver.requests() < count && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(receiver.requests()).isGreaterThanOrEqualTo(count);
    }
}

package dev.frostgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frostgate.jobs.BackgroundJobSettings;
import dev.frostgate.jobs.WebhookSettings;
import dev.frostgate.server.ServerConfig;
import dev.frostgate.testing.EmbeddedPostgresServer;
import dev.frostgate.testing.MutableClock;
import dev.frostgate.testing.RunningServer;
import dev.frostgate.testing.V1Client;
import dev.frostgate.testing.WebhookReceiver;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Two server nodes on one PostgreSQL database run the notifier at the same moment: each notice goes out once. */
class TokenExpiryNoticesOnTwoNodesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void twoNodesRacingAnnounceEachTokenOnce() throws Exception {
        EmbeddedPostgresServer.DatabaseSettings database = EmbeddedPostgresServer.newDatabase();
        MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            BackgroundJobSettings jobs = new BackgroundJobSettings(Duration.ZERO, List.of(7, 1), Optional.of(
                    new WebhookSettings(receiver.url(), 3, Duration.ofMillis(20), Duration.ofSeconds(1),
                            Duration.ofSeconds(2))));
            UnaryOperator<ServerConfig> node = config -> config.toBuilder()
                    .database(database.url(), database.user(), database.password()).backgroundJobs(jobs).build();
            try (RunningServer first = RunningServer.start(node, clock);
                 RunningServer second = RunningServer.start(node, clock)) {
                V1Client admin = new V1Client(first);
                String session = admin.login("ADMIN", RunningServer.ADMIN_PASSWORD).data().path("token").asText();
                int tokens = 6;
                for (int token = 0; token < tokens; token++) {
                    assertThat(admin.query(session, "ALTER USER ADMIN ADD PAT token_" + token + " DAYS_TO_EXPIRY = "
                            + (2 + token)).success()).isTrue();
                }

                for (int round = 0; round < 2; round++) {
                    CountDownLatch go = new CountDownLatch(1);
                    List<CompletableFuture<Void>> runs = new ArrayList<>();
                    for (RunningServer server : List.of(first, second)) {
                        runs.add(CompletableFuture.runAsync(() -> {
                            try {
                                go.await();
                            } catch (InterruptedException stopping) {
                                Thread.currentThread().interrupt();
                            }
                            server.runBackgroundJobs();
                        }));
                    }
                    go.countDown();
                    CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get();
                }

                List<String> announced = new ArrayList<>();
                for (int notice = 0; notice < tokens; notice++) {
                    String body = receiver.next(Duration.ofSeconds(10));
                    assertThat(body).as("notice " + notice).isNotNull();
                    announced.add(JSON.readTree(body).path("token").asText());
                }
                assertThat(receiver.next(Duration.ofMillis(300))).as("no duplicate").isNull();
                assertThat(announced).containsExactlyInAnyOrder("TOKEN_0", "TOKEN_1", "TOKEN_2", "TOKEN_3", "TOKEN_4",
                        "TOKEN_5");
                assertThat(receiver.requests()).isEqualTo(tokens);
            }
        }
    }
}

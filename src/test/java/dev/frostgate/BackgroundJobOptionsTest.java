package dev.frostgate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frostgate.jobs.BackgroundJobSettings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The serve command's background-job options and their defaults. */
class BackgroundJobOptionsTest {

    /** Without FROSTGATE_* variables, whatever the environment of the build. */
    private static BackgroundJobSettings parse(String... arguments) {
        return ServeCommand.parse(Map.of(), arguments).backgroundJobs();
    }

    @Test
    void defaultsAreEveryFiveMinutesSevenDaysAndNoWebhook() {
        BackgroundJobSettings settings = parse();
        assertThat(settings.interval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.notifyExpiryDays()).containsExactly(7);
        assertThat(settings.webhook()).isEmpty();
    }

    @Test
    void theVariablesSetTheDefaultsAndOptionsBeatThem() {
        Map<String, String> environment = Map.of("FROSTGATE_JOBS_INTERVAL_SECONDS", "60",
                "FROSTGATE_NOTIFY_EXPIRY_DAYS", "3,1", "FROSTGATE_NOTIFY_WEBHOOK", "https://hooks.example.com/a");

        BackgroundJobSettings fromVariables = ServeCommand.parse(environment).backgroundJobs();
        assertThat(fromVariables.interval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(fromVariables.notifyExpiryDays()).containsExactly(3, 1);
        assertThat(fromVariables.webhook()).map(webhook -> webhook.url())
                .contains(URI.create("https://hooks.example.com/a"));
        assertThat(ServeCommand.parse(environment, "--jobs-interval-seconds", "0").backgroundJobs().interval())
                .isZero();
    }

    @Test
    void severalThresholdsAndAWebhookAreAccepted() {
        BackgroundJobSettings settings = parse("--jobs-interval-seconds", "3600", "--notify-expiry-days", "7,1",
                "--notify-webhook", "https://hooks.example.com/frostgate");
        assertThat(settings.interval()).isEqualTo(Duration.ofHours(1));
        assertThat(settings.notifyExpiryDays()).containsExactly(7, 1);
        assertThat(settings.webhook()).hasValueSatisfying(webhook -> {
            assertThat(webhook.url()).isEqualTo(URI.create("https://hooks.example.com/frostgate"));
            assertThat(webhook.attempts()).isEqualTo(4);
        });
    }

    @Test
    void thresholdsOutsideOneTo365DaysAndNonHttpWebhooksAreRefused() {
        assertThatThrownBy(() -> parse("--notify-expiry-days", "0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BackgroundJobSettings(Duration.ZERO, List.of(400), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parse("--notify-webhook", "file:///etc/passwd"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

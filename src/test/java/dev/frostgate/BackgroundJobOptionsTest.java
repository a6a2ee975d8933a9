package dev.frostgate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frostgate.jobs.BackgroundJobSettings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The serve command's background-job options and their defaults. */
class BackgroundJobOptionsTest {

    private static BackgroundJobSettings parse(String... arguments) {
        Frostgate.Serve serve = new Frostgate.Serve();
        new CommandLine(serve).parseArgs(arguments);
        return serve.backgroundJobs();
    }

    @Test
    void defaultsAreEveryFiveMinutesSevenDaysAndNoWebhook() {
        BackgroundJobSettings settings = parse();
        assertThat(settings.interval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.notifyExpiryDays()).containsExactly(7);
        assertThat(settings.webhook()).isEmpty();
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

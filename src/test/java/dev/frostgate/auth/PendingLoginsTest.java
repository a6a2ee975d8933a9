package dev.frostgate.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frostgate.crypto.SecretGenerator;
import dev.frostgate.testing.MutableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PendingLoginsTest {
    private final MutableClock clock = MutableClock.startingNow();
    private final PendingLogins<String> pending = new PendingLogins<>(new SecretGenerator(new SecureRandom()), clock, 3);

    @Test
    void aHeldLoginIsTakenOnceWithinItsLifetime() {
        PendingLogins.Hold hold = pending.hold("state", Duration.ofMinutes(1));

        assertThat(hold.flowId()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(hold.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
        assertThat(hold.toString()).doesNotContain(hold.flowId());
        assertThat(pending.take(hold.flowId())).contains("state");
        assertThat(pending.take(hold.flowId())).isEmpty();
    }

    @Test
    void expiresOnTheClockAndLifetimesAreCapped() {
        PendingLogins.Hold shortLived = pending.hold("short", Duration.ofSeconds(30));
        PendingLogins.Hold greedy = pending.hold("greedy", Duration.ofDays(1));

        assertThat(greedy.expiresAt()).isEqualTo(clock.instant().plus(PendingLogins.MAXIMUM_LIFETIME));
        clock.advance(Duration.ofSeconds(30));
        assertThat(pending.take(shortLived.flowId())).isEmpty();
        clock.advance(PendingLogins.MAXIMUM_LIFETIME);
        assertThat(pending.size()).as("expired flows leave memory").isZero();
        assertThat(pending.take(greedy.flowId())).isEmpty();
    }

    @Test
    void holdsNoMoreThanItsBound() {
        List<PendingLogins.Hold> holds = new ArrayList<>();
        for (int index = 0; index < 10; index++) {
            holds.add(pending.hold("state-" + index, Duration.ofMinutes(1)));
        }

        assertThat(pending.size()).isLessThanOrEqualTo(3);
        assertThat(holds.stream().filter(hold -> pending.take(hold.flowId()).isPresent()).count())
                .isLessThanOrEqualTo(3);
    }
}

package dev.frostgate.exec;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Formatting shared by SHOW and DESCRIBE outputs, which print booleans and durations as text. */
final class Values {
    private Values() {}

    static String bool(boolean value) {
        return Boolean.toString(value);
    }

    /** Remaining whole minutes until {@code until}, or null when it has passed or is unset. */
    static Long minutesUntil(Optional<Instant> until, Instant now) {
        return until.filter(now::isBefore).map(time -> (Duration.between(now, time).toSeconds() + 59) / 60)
                .orElse(null);
    }

    /** Remaining days until {@code until} with three decimals, as SHOW USERS prints days_to_expiry. */
    static String daysUntil(Optional<Instant> until, Instant now) {
        return until.map(time -> BigDecimal.valueOf(Duration.between(now, time).toSeconds())
                .divide(BigDecimal.valueOf(86_400), 3, RoundingMode.HALF_UP).toPlainString()).orElse(null);
    }

    static String text(Optional<?> value) {
        return value.map(Object::toString).orElse(null);
    }
}

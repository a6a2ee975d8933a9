package dev.frostgate.auth;

import java.time.Duration;

/** Temporary lock after repeated failures: Snowflake's default is 5 failures, 15 minutes. */
public record LockoutSettings(int maximumRetries, Duration lockoutTime) {
    public static final LockoutSettings DEFAULTS = new LockoutSettings(5, Duration.ofMinutes(15));
}

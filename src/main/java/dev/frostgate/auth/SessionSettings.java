package dev.frostgate.auth;

import java.time.Duration;

/** Token lifetimes: Snowflake's defaults are one hour for session tokens and four for master tokens. */
public record SessionSettings(Duration sessionTokenValidity, Duration masterTokenValidity) {
    public static final SessionSettings DEFAULTS = new SessionSettings(Duration.ofHours(1), Duration.ofHours(4));
}

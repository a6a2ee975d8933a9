package dev.frostgate.protocol.v1;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code Authorization: Snowflake Token="…"}, the header both drivers send after login. */
final class SessionTokens {
    private static final Pattern SNOWFLAKE_TOKEN = Pattern.compile("(?i)^\\s*Snowflake\\s+Token=\"([^\"]*)\"\\s*$");

    private SessionTokens() {}

    static Optional<String> fromAuthorization(Optional<String> header) {
        return header.map(SNOWFLAKE_TOKEN::matcher).filter(Matcher::matches).map(matcher -> matcher.group(1))
                .filter(token -> !token.isEmpty());
    }
}

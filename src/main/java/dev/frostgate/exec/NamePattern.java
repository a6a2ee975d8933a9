package dev.frostgate.exec;

import java.util.Locale;
import java.util.regex.Pattern;

/** SQL LIKE patterns ({@code %} any run, {@code _} one character, backslash escapes). */
public final class NamePattern {
    private final Pattern pattern;

    private NamePattern(Pattern pattern) {
        this.pattern = pattern;
    }

    /** SHOW … LIKE is case-insensitive in Snowflake. */
    public static NamePattern caseInsensitive(String like) {
        return new NamePattern(Pattern.compile(toRegex(like), Pattern.CASE_INSENSITIVE | Pattern.DOTALL));
    }

    public static NamePattern caseSensitive(String like) {
        return new NamePattern(Pattern.compile(toRegex(like), Pattern.DOTALL));
    }

    public boolean matches(String value) {
        return value != null && pattern.matcher(value).matches();
    }

    private static String toRegex(String like) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < like.length(); i++) {
            char character = like.charAt(i);
            if (character == '\\' && i + 1 < like.length()) {
                regex.append(Pattern.quote(String.valueOf(like.charAt(++i))));
            } else if (character == '%') {
                regex.append(".*");
            } else if (character == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(character)));
            }
        }
        return regex.toString();
    }

    static String upper(String text) {
        return text.toUpperCase(Locale.ROOT);
    }
}

package dev.frostgate.protocol;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cookies a request carries, from its {@code Cookie} header lines ({@code name=value} pairs separated by
 * semicolons). Lenient, as servers must be with what browsers keep: a pair without a name or an equals sign
 * is skipped, surrounding double quotes are removed. When a name repeats, the first wins: browsers send the
 * cookie of the longer path first, and a cookie planted for a wider path cannot override it.
 */
public final class RequestCookies {
    private final Map<String, String> cookies;

    private RequestCookies(Map<String, String> cookies) {
        this.cookies = cookies;
    }

    public static RequestCookies parse(List<String> headerLines) {
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String line : headerLines) {
            for (String pair : line.split(";")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? "" : pair.substring(0, equals).trim();
                if (name.isEmpty() || !name.chars().allMatch(ResponseCookie::isTokenCharacter)) {
                    continue;
                }
                String value = pair.substring(equals + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                cookies.putIfAbsent(name, value);
            }
        }
        return new RequestCookies(cookies);
    }

    public Optional<String> value(String name) {
        return Optional.ofNullable(cookies.get(name));
    }

    @Override
    public String toString() {
        return "RequestCookies[names=" + cookies.keySet() + "]";
    }
}

package dev.frostgate.protocol;

import java.time.Duration;
import java.util.Optional;

/**
 * A cookie the server sets (RFC 6265bis). Always HttpOnly, since the cookies Frostgate sets carry sessions and
 * flow state that no page script needs; {@code Secure} is added by {@link Exchange} when the request came over
 * TLS. Names and values are checked here so that nothing a caller passes can split the header.
 *
 * @param maxAge how long the browser keeps it; empty for a cookie that ends with the browser session
 */
public record ResponseCookie(String name, String value, String path, Optional<Duration> maxAge, SameSite sameSite) {

    /** Which cross-site requests carry the cookie. */
    public enum SameSite {
        /** Never cross-site (consoles, CSRF-sensitive sessions). */
        STRICT("Strict"),
        /** On top-level navigations too (a return from an identity provider's redirect). */
        LAX("Lax");

        private final String attribute;

        SameSite(String attribute) {
            this.attribute = attribute;
        }
    }

    public ResponseCookie {
        if (name.isEmpty() || !name.chars().allMatch(ResponseCookie::isTokenCharacter)) {
            throw new IllegalArgumentException("a cookie name must be an HTTP token");
        }
        if (!value.chars().allMatch(ResponseCookie::isCookieOctet)) {
            throw new IllegalArgumentException("cookie " + name + " has a value with characters a cookie cannot carry");
        }
        if (!path.startsWith("/") || !path.chars().allMatch(character -> character > 0x20 && character < 0x7f
                && character != ';')) {
            throw new IllegalArgumentException("cookie " + name + " has a path that is not an absolute path");
        }
        if (maxAge.filter(Duration::isNegative).isPresent()) {
            throw new IllegalArgumentException("cookie " + name + " has a negative Max-Age");
        }
    }

    /** A cookie that tells the browser to forget the one of that name and path (sign-out). */
    public static ResponseCookie expired(String name, String path, SameSite sameSite) {
        return new ResponseCookie(name, "", path, Optional.of(Duration.ZERO), sameSite);
    }

    /** The Set-Cookie header's value. */
    public String header(boolean secure) {
        StringBuilder header = new StringBuilder(name).append('=').append(value).append("; Path=").append(path);
        maxAge.ifPresent(age -> header.append("; Max-Age=").append(age.toSeconds()));
        header.append("; HttpOnly; SameSite=").append(sameSite.attribute);
        if (secure) {
            header.append("; Secure");
        }
        return header.toString();
    }

    @Override
    public String toString() {
        return "ResponseCookie[name=" + name + ", path=" + path + ", maxAge=" + maxAge.orElse(null) + "]";
    }

    /** RFC 9110 tchar. */
    static boolean isTokenCharacter(int character) {
        return character > 0x20 && character < 0x7f && "()<>@,;:\\\"/[]?={}".indexOf(character) < 0;
    }

    /** RFC 6265 cookie-octet: visible ASCII but for DQUOTE, comma, semicolon and backslash. */
    private static boolean isCookieOctet(int character) {
        return character > 0x20 && character < 0x7f && character != '"' && character != ',' && character != ';'
                && character != '\\';
    }
}

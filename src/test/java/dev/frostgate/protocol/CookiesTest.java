package dev.frostgate.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CookiesTest {

    @Test
    void setCookieCarriesHttpOnlySameSitePathMaxAgeAndSecureOnlyUnderTls() {
        ResponseCookie cookie = new ResponseCookie("fg_session", "abc-123_x", "/console",
                Optional.of(Duration.ofMinutes(15)), ResponseCookie.SameSite.STRICT);

        assertThat(cookie.header(false)).isEqualTo("fg_session=abc-123_x; Path=/console; Max-Age=900; HttpOnly; "
                + "SameSite=Strict");
        assertThat(cookie.header(true)).endsWith("; SameSite=Strict; Secure");
        assertThat(new ResponseCookie("flow", "v", "/", Optional.empty(), ResponseCookie.SameSite.LAX).header(false))
                .isEqualTo("flow=v; Path=/; HttpOnly; SameSite=Lax");
        assertThat(ResponseCookie.expired("fg_session", "/console", ResponseCookie.SameSite.STRICT).header(false))
                .isEqualTo("fg_session=; Path=/console; Max-Age=0; HttpOnly; SameSite=Strict");
    }

    @Test
    void refusesWhatWouldSplitOrBendTheHeader() {
        ResponseCookie.SameSite lax = ResponseCookie.SameSite.LAX;
        assertThatThrownBy(() -> new ResponseCookie("a b", "v", "/", Optional.empty(), lax))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ResponseCookie("a", "v; Domain=evil", "/", Optional.empty(), lax))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ResponseCookie("a", "v\r\nX: y", "/", Optional.empty(), lax))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ResponseCookie("a", "v", "relative", Optional.empty(), lax))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ResponseCookie("a", "v", "/;x", Optional.empty(), lax))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ResponseCookie("a", "v", "/", Optional.of(Duration.ofSeconds(-1)), lax))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsCookieHeadersLenientlyAndTheFirstOfARepeatedNameWins() {
        RequestCookies cookies = RequestCookies.parse(List.of("a=1; b=\"two\"; junk; =nameless; c=",
                "a=planted; d=4"));

        assertThat(cookies.value("a")).contains("1");
        assertThat(cookies.value("b")).contains("two");
        assertThat(cookies.value("c")).contains("");
        assertThat(cookies.value("d")).contains("4");
        assertThat(cookies.value("junk")).isEmpty();
        assertThat(RequestCookies.parse(List.of()).value("a")).isEmpty();
        assertThat(cookies.toString()).doesNotContain("planted");
    }
}

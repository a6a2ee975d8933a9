package dev.frostgate.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which URL hosts an allow-list of names, *.domain wildcards, addresses and CIDR blocks admits. */
class HostAllowListTest {

    private static boolean allows(String entries, String url) {
        return HostAllowList.of(List.of(entries.split(","))).allows(URI.create(url));
    }

    @Test
    void noEntriesAllowEveryHost() {
        assertThat(HostAllowList.of(List.of()).allowsEveryHost()).isTrue();
        assertThat(HostAllowList.of(List.of(" ", "")).allowsEveryHost()).isTrue();
        assertThat(HostAllowList.EVERY_HOST.allows(URI.create("http://169.254.169.254/latest"))).isTrue();
        assertThat(HostAllowList.of(List.of("idp.example.com")).allowsEveryHost()).isFalse();
    }

    @Test
    void aNameMatchesExactlyIgnoringCaseAndATrailingDot() {
        assertThat(allows("login.example.com", "https://login.example.com/keys")).isTrue();
        assertThat(allows("Login.Example.COM", "https://LOGIN.example.com:8443/keys")).isTrue();
        assertThat(allows("login.example.com.", "https://login.example.com/keys")).isTrue();
        assertThat(allows("login.example.com", "https://login.example.com./keys")).isTrue();
        assertThat(allows("login.example.com", "https://evil-login.example.com/keys")).isFalse();
        assertThat(allows("login.example.com", "https://login.example.com.evil.net/keys")).isFalse();
        assertThat(allows("login.example.com", "https://example.com/keys")).isFalse();
    }

    @Test
    void aWildcardMatchesEveryNameBelowItsDomainButNotTheDomain() {
        assertThat(allows("*.okta.com", "https://acme.okta.com/oauth2/v1/keys")).isTrue();
        assertThat(allows("*.okta.com", "https://a.b.okta.com/keys")).isTrue();
        assertThat(allows("*.okta.com", "https://okta.com/keys")).isFalse();
        assertThat(allows("*.okta.com", "https://evilokta.com/keys")).isFalse();
        assertThat(allows("*.okta.com", "https://acme.okta.com.evil.net/keys")).isFalse();
        assertThat(allows("*.okta.com,okta.com", "https://okta.com/keys")).isTrue();
    }

    @Test
    void addressesAndBlocksMatchOnlyAddressLiterals() {
        assertThat(allows("127.0.0.1", "http://127.0.0.1:8080/jwks")).isTrue();
        assertThat(allows("127.0.0.1", "http://localhost:8080/jwks")).as("a name is never resolved").isFalse();
        assertThat(allows("localhost", "http://127.0.0.1:8080/jwks")).isFalse();
        assertThat(allows("10.0.0.0/8", "http://10.20.30.40/jwks")).isTrue();
        assertThat(allows("10.0.0.0/8", "http://11.0.0.1/jwks")).isFalse();
        assertThat(allows("::1", "http://[::1]:8080/jwks")).isTrue();
        assertThat(allows("[::1]", "http://[0:0:0:0:0:0:0:1]/jwks")).isTrue();
        assertThat(allows("127.0.0.1", "http://[::ffff:127.0.0.1]/jwks")).as("an IPv4-mapped address is IPv4")
                .isTrue();
    }

    @Test
    void aUrlWithoutAHostIsRefusedUnlessEveryHostIs() {
        assertThat(allows("idp.example.com", "file:///etc/passwd")).isFalse();
        assertThat(HostAllowList.EVERY_HOST.allows(URI.create("file:///etc/passwd"))).isTrue();
    }

    @Test
    void malformedEntriesAreRefusedNamingThem() {
        for (String malformed : List.of("https://idp.example.com", "idp.example.com:443", "idp.example.com/keys",
                "*", "*.", "idp.*.com", "foo*.example.com", "-idp.example.com", "idp..example.com", "10.0.0.0/33")) {
            assertThatThrownBy(() -> HostAllowList.of(List.of("ok.example.com", malformed)))
                    .as(malformed).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("'" + malformed + "' is not a host name, *.domain, IP address or CIDR block");
        }
    }

    @Test
    void itIsShownAsWritten() {
        assertThat(HostAllowList.of(List.of(" idp.example.com", "*.okta.com ", "10.0.0.0/8"))).hasToString(
                "idp.example.com,*.okta.com,10.0.0.0/8");
        assertThat(HostAllowList.EVERY_HOST).hasToString("every host");
    }
}

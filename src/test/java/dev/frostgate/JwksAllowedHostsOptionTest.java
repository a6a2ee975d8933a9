package dev.frostgate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frostgate.policy.HostAllowList;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The serve command's --jwks-allowed-hosts option: every host by default, else the comma-separated list. */
class JwksAllowedHostsOptionTest {

    /** Without FROSTGATE_* variables, whatever the environment of the build. */
    private static HostAllowList parse(String... arguments) {
        return ServeCommand.parse(Map.of(), arguments).jwksAllowedHosts();
    }

    @Test
    void withoutTheOptionEveryHostIsAllowed() {
        assertThat(parse().allowsEveryHost()).isTrue();
        assertThat(parse("--jwks-allowed-hosts", "").allowsEveryHost()).isTrue();
    }

    @Test
    void theListIsCommaSeparated() {
        HostAllowList hosts = parse("--jwks-allowed-hosts", "login.example.com,*.okta.com");
        assertThat(hosts).hasToString("login.example.com,*.okta.com");
        assertThat(hosts.allows(URI.create("https://acme.okta.com/oauth2/v1/keys"))).isTrue();
        assertThat(hosts.allows(URI.create("https://login.example.com/keys"))).isTrue();
        assertThat(hosts.allows(URI.create("http://169.254.169.254/latest/meta-data"))).isFalse();
    }

    @Test
    void aMalformedEntryIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> parse("--jwks-allowed-hosts", "login.example.com,https://idp.example.com/keys"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--jwks-allowed-hosts: 'https://idp.example.com/keys' is not a host name, *.domain, "
                        + "IP address or CIDR block");
    }
}

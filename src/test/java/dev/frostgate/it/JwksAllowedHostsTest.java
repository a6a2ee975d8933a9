package dev.frostgate.it;

import static dev.frostgate.testing.Sql.execute;
import static dev.frostgate.testing.Sql.failsWith;
import static dev.frostgate.testing.Sql.loginFailureReason;
import static dev.frostgate.testing.Sql.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frostgate.policy.HostAllowList;
import dev.frostgate.server.ServerConfig;
import dev.frostgate.testing.CountingJwksServer;
import dev.frostgate.testing.RunningServer;
import dev.frostgate.testing.SnowflakeJdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * --jwks-allowed-hosts: a JWKS URL on a host the list does not allow is refused when an integration names it and,
 * if stored before the list was set, never contacted (logins fail with EXTERNAL_OAUTH_JWS_CANT_RETRIEVE_PUBLIC_KEY),
 * nor reached through a redirect from an allowed host. One loopback JWKS server is both hosts: {@code localhost}
 * (allowed) and {@code 127.0.0.1} (not), told apart by the Host header of its requests.
 */
class JwksAllowedHostsTest {
    private static final String AUDIENCE = "https://frostgate.example/api";
    private static final String ALLOWED_HOST = "localhost";
    private static final String OTHER_HOST = "127.0.0.1";
    private static final List<String> PUBLIC_SCOPE = List.of("session:role:public");

    private static UnaryOperator<ServerConfig> allowingOnlyLocalhost(UnaryOperator<ServerConfig> base) {
        return config -> base.apply(config).toBuilder().jwksAllowedHosts(HostAllowList.of(List.of(ALLOWED_HOST)))
                .build();
    }

    private static String integration(String name, String issuer, String keysUrl) {
        return "CREATE SECURITY INTEGRATION " + name + " TYPE = EXTERNAL_OAUTH EXTERNAL_OAUTH_TYPE = CUSTOM "
                + "EXTERNAL_OAUTH_ISSUER = '" + issuer + "' EXTERNAL_OAUTH_JWS_KEYS_URL = '" + keysUrl + "' "
                + "EXTERNAL_OAUTH_AUDIENCE_LIST = ('" + AUDIENCE + "') EXTERNAL_OAUTH_TOKEN_USER_MAPPING_CLAIM = 'sub' "
                + "EXTERNAL_OAUTH_SNOWFLAKE_USER_MAPPING_ATTRIBUTE = 'LOGIN_NAME'";
    }

    private static Connection admin(RunningServer server) throws SQLException {
        return SnowflakeJdbc.V3.connect(server, "ADMIN", RunningServer.ADMIN_PASSWORD);
    }

    private static String aliceToken(CountingJwksServer jwks, String issuer) throws Exception {
        return jwks.token(issuer, AUDIENCE, "alice", PUBLIC_SCOPE);
    }

    @Test
    void aKeysUrlOnAnotherHostIsRefusedWhenWrittenAndAnAllowedOneLogsIn() throws Exception {
        try (CountingJwksServer jwks = CountingJwksServer.start();
             RunningServer server = RunningServer.start(allowingOnlyLocalhost(UnaryOperator.identity()),
                     Clock.systemUTC());
             Connection admin = admin(server)) {
            execute(admin, "CREATE USER alice");
            String otherUrl = jwks.url(OTHER_HOST, "/jwks");
            SQLException created = failsWith("002211", () -> execute(admin,
                    integration("elsewhere", "https://elsewhere.example", otherUrl)));
            assertThat(created.getMessage()).contains("invalid value [" + otherUrl + "] for parameter "
                    + "'EXTERNAL_OAUTH_JWS_KEYS_URL'").contains("(--jwks-allowed-hosts localhost)");

            String allowedUrl = jwks.url(ALLOWED_HOST, "/jwks");
            execute(admin, integration("allowed", "https://allowed.example", allowedUrl));
            SQLException altered = failsWith("002211", () -> execute(admin, "ALTER SECURITY INTEGRATION allowed "
                    + "SET EXTERNAL_OAUTH_JWS_KEYS_URL = ('" + allowedUrl + "', '" + otherUrl + "')"));
            assertThat(altered.getMessage()).contains("invalid value [" + otherUrl + "]");

            try (Connection alice = SnowflakeJdbc.V3.connectWithOAuth(server,
                    aliceToken(jwks, "https://allowed.example"))) {
                assertThat(value(alice, "SELECT CURRENT_USER()")).isEqualTo("ALICE");
            }
            assertThat(jwks.requestsFor(ALLOWED_HOST)).isPositive();
            assertThat(jwks.requestsFor(OTHER_HOST)).isZero();
        }
    }

    @Test
    void storedKeysUrlsTheListDoesNotAllowAreNeverContactedNorReachedByRedirect() throws Exception {
        try (CountingJwksServer jwks = CountingJwksServer.start(); RunningServer unrestricted = RunningServer.start()) {
            try (Connection admin = admin(unrestricted)) {
                execute(admin, "CREATE USER alice",
                        integration("elsewhere", "https://elsewhere.example", jwks.url(OTHER_HOST, "/jwks")),
                        integration("redirected", "https://redirected.example", jwks.url(ALLOWED_HOST, "/redirect")));
            }
            // Without a list, both work: the redirect to the other host is followed as before.
            for (String issuer : List.of("https://elsewhere.example", "https://redirected.example")) {
                SnowflakeJdbc.V3.connectWithOAuth(unrestricted, aliceToken(jwks, issuer)).close();
            }
            int otherHostRequests = jwks.requestsFor(OTHER_HOST);
            assertThat(otherHostRequests).isEqualTo(2);
            unrestricted.stop();

            try (RunningServer restricted = RunningServer.start(allowingOnlyLocalhost(config -> ServerConfig
                    .embedded(unrestricted.dataDirectory()).withAdminPassword(RunningServer.ADMIN_PASSWORD)),
                    Clock.systemUTC());
                 Connection admin = admin(restricted)) {
                for (String issuer : List.of("https://elsewhere.example", "https://redirected.example")) {
                    String token = aliceToken(jwks, issuer);
                    SQLException refused = failsWith("390303",
                            () -> SnowflakeJdbc.V3.connectWithOAuth(restricted, token).close());
                    assertThat(loginFailureReason(admin, refused.getMessage())).as(issuer)
                            .isEqualTo("EXTERNAL_OAUTH_JWS_CANT_RETRIEVE_PUBLIC_KEY");
                }
                assertThat(jwks.requestsFor(OTHER_HOST)).as("requests to the host the list does not allow")
                        .isEqualTo(otherHostRequests);
            }
        }
    }
}

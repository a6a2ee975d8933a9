package dev.frostgate.it;

import static dev.frostgate.testing.Sql.execute;
import static dev.frostgate.testing.Sql.rows;
import static dev.frostgate.testing.Sql.value;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.frostgate.testing.RunningServer;
import dev.frostgate.testing.SnowflakeJdbc;
import dev.frostgate.testing.V1Client;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hand-made External OAuth tokens posted to /session/v1/login-request, signed with keys a local JWKS endpoint
 * serves: every forgery is refused with 390303 (390318 when expired), never a 500, and
 * SYSTEM$GET_LOGIN_FAILURE_DETAILS names the specific reason. Unreachable or garbage key URLs fail fast.
 */
class ExternalOAuthJwtAttackTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FAILURE_ID =
            Pattern.compile("^(?:Invalid OAuth access token|OAuth access token expired)\\. \\[([0-9a-f-]{36})\\]$");
    private static final String ISSUER = "https://idp.example/hand";
    private static final String AUDIENCE = "https://frostgate.example";
    private static RSAKey key;
    private static RSAKey otherKey;
    private static volatile String servedJwks;
    private static HttpServer jwksServer;
    private static ServerSocket silentSocket;
    private static final List<Socket> heldConnections = new CopyOnWriteArrayList<>();
    private static RunningServer server;
    private static Connection admin;
    private static V1Client client;
    private static final List<String> tokensSent = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("key-a").generate();
        otherKey = new RSAKeyGenerator(2048).keyID("key-b").generate();
        servedJwks = new JWKSet(key.toPublicJWK()).toString();
        jwksServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        jwksServer.createContext("/jwks", exchange -> reply(exchange, servedJwks));
        jwksServer.createContext("/garbage", exchange -> reply(exchange, "<html>not a key set</html>"));
        jwksServer.start();
        silentSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!silentSocket.isClosed()) {
                try {
                    heldConnections.add(silentSocket.accept()); // accepts and never answers
                } catch (Exception closed) {
                    return;
                }
            }
        });
        server = RunningServer.start();
        admin = SnowflakeJdbc.V3.connect(server, "ADMIN", RunningServer.ADMIN_PASSWORD);
        String base = "http://127.0.0.1:" + jwksServer.getAddress().getPort();
        execute(admin, integration("hand", ISSUER, base + "/jwks"),
                integration("silent", "https://silent.example", "http://127.0.0.1:" + silentSocket.getLocalPort()
                        + "/jwks"),
                integration("garbage", "https://garbage.example", base + "/garbage"),
                "CREATE ROLE analyst", "CREATE ROLE not_granted", "CREATE USER alice",
                "GRANT ROLE analyst TO USER alice", "GRANT ROLE accountadmin TO USER alice");
        client = new V1Client(server);
    }

    private static String integration(String name, String issuer, String jwksUrl) {
        return "CREATE SECURITY INTEGRATION " + name + " TYPE = EXTERNAL_OAUTH EXTERNAL_OAUTH_TYPE = CUSTOM "
                + "EXTERNAL_OAUTH_ISSUER = '" + issuer + "' EXTERNAL_OAUTH_JWS_KEYS_URL = '" + jwksUrl + "' "
                + "EXTERNAL_OAUTH_AUDIENCE_LIST = ('" + AUDIENCE + "') EXTERNAL_OAUTH_TOKEN_USER_MAPPING_CLAIM = 'sub' "
                + "EXTERNAL_OAUTH_SNOWFLAKE_USER_MAPPING_ATTRIBUTE = 'LOGIN_NAME'";
    }

    private static void reply(com.sun.net.httpserver.HttpExchange exchange, String body) throws java.io.IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            String history = rows(admin, "SELECT * FROM SNOWFLAKE.ACCOUNT_USAGE.LOGIN_HISTORY").toString();
            for (String token : tokensSent.stream().filter(sent -> sent.length() > 60).toList()) {
                assertThat(server.consoleOutput().contains(token) || history.contains(token))
                        .as("a token leaked into the console or the login history").isFalse();
            }
        } finally {
            admin.close();
            server.close();
            jwksServer.stop(0);
            silentSocket.close();
            for (Socket held : heldConnections) {
                held.close();
            }
        }
    }

    private static JWTClaimsSet.Builder fresh() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject("alice").audience(AUDIENCE)
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
                .claim("scp", List.of("session:role:analyst"));
    }

    private static String signed(JWTClaimsSet claims, RSAKey signer, String kid) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims);
        jwt.sign(new RSASSASigner(signer));
        return jwt.serialize();
    }

    private static String signed(UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        return signed(change.apply(fresh()).build(), key, key.getKeyID());
    }

    private static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static V1Client.Reply login(String token) throws Exception {
        tokensSent.add(token);
        return client.tokenLogin(null, "OAUTH", token);
    }

    /** Asserts a refusal with the code and returns the specific reason the failure details recorded. */
    private static String refusedReason(String token, String code) throws Exception {
        V1Client.Reply reply = login(token);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.success()).as(reply.body().toString()).isFalse();
        assertThat(reply.code()).as(reply.body().toString()).isEqualTo(code);
        String message = reply.body().path("message").asText();
        assertThat(message).doesNotContain(token);
        Matcher failureId = FAILURE_ID.matcher(message);
        assertThat(failureId.matches()).as(message).isTrue();
        String details = value(admin, "SELECT SYSTEM$GET_LOGIN_FAILURE_DETAILS('" + failureId.group(1) + "')");
        return JSON.readTree(details).path("errorCode").asText();
    }

    private static String refusedReason(String token) throws Exception {
        return refusedReason(token, "390303");
    }

    @Test
    void aWellSignedTokenLogsInAndRecordsTheIntegration() throws Exception {
        V1Client.Reply reply = login(signed(claims -> claims));
        assertThat(reply.success()).as(reply.body().toString()).isTrue();
        assertThat(reply.data().path("sessionInfo").path("roleName").asText()).isEqualTo("ANALYST");
        String refused = refusedReason(signed(claims -> claims.audience("https://elsewhere.example")));
        assertThat(refused).isEqualTo("EXTERNAL_OAUTH_AUDIENCE_VALIDATION_FAILED");
        assertThat(rows(admin, "SELECT authenticating_integration_name FROM SNOWFLAKE.ACCOUNT_USAGE.LOGIN_HISTORY "
                + "WHERE error_message = 'EXTERNAL_OAUTH_AUDIENCE_VALIDATION_FAILED'"))
                .isNotEmpty().allSatisfy(row -> assertThat(row).containsEntry("AUTHENTICATING_INTEGRATION_NAME", "HAND"));
    }

    @Test
    void theAccountUrlIsAnAudienceToo() throws Exception {
        assertThat(login(signed(claims -> claims.audience("https://frostgate.snowflakecomputing.com"))).success())
                .isTrue();
    }

    @Test
    void unsignedAndWronglySignedTokensAreRefused() throws Exception {
        String payload = base64Url(fresh().build().toString());
        assertThat(refusedReason(base64Url("{\"alg\":\"none\"}") + "." + payload + "."))
                .isEqualTo("EXTERNAL_OAUTH_JWS_INVALID_FORMAT");
        SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), fresh().build());
        hmac.sign(new MACSigner(key.toPublicJWK().toRSAPublicKey().getEncoded()));
        assertThat(refusedReason(hmac.serialize())).isEqualTo("EXTERNAL_OAUTH_INVALID_SIGNATURE");
        assertThat(refusedReason(signed(fresh().build(), otherKey, "unknown-kid")))
                .isEqualTo("EXTERNAL_OAUTH_JWS_CANT_RETRIEVE_PUBLIC_KEY");
        assertThat(refusedReason(signed(fresh().build(), otherKey, key.getKeyID())))
                .as("a kid pointing at another key").isEqualTo("EXTERNAL_OAUTH_INVALID_SIGNATURE");
        String good = signed(claims -> claims);
        String[] parts = good.split("\\.");
        String tampered = parts[0] + "." + base64Url(fresh().subject("admin").build().toString()) + "." + parts[2];
        assertThat(refusedReason(tampered)).isEqualTo("EXTERNAL_OAUTH_INVALID_SIGNATURE");
    }

    @Test
    void malformedTokensAreRefused() throws Exception {
        String good = signed(claims -> claims);
        assertThat(refusedReason(good.substring(0, good.lastIndexOf('.'))))
                .isEqualTo("EXTERNAL_OAUTH_JWS_INVALID_FORMAT");
        assertThat(refusedReason(good.substring(0, good.indexOf('.') + 10))).isEqualTo("EXTERNAL_OAUTH_JWS_INVALID_FORMAT");
        assertThat(refusedReason(good.substring(0, good.length() - 20))).as("a truncated signature")
                .isEqualTo("EXTERNAL_OAUTH_INVALID_SIGNATURE");
        assertThat(refusedReason(signed(claims -> claims.claim("padding", "x".repeat(20_000)))))
                .isEqualTo("EXTERNAL_OAUTH_JWS_INVALID_FORMAT");
        SignedJWT nested = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .contentType("JWT").type(JOSEObjectType.JWT).build(), fresh().build());
        nested.sign(new RSASSASigner(key));
        assertThat(refusedReason(nested.serialize())).isEqualTo("EXTERNAL_OAUTH_JWS_INVALID_FORMAT");
        assertThat(refusedReason("not-a-token")).isEqualTo("EXTERNAL_OAUTH_JWS_INVALID_FORMAT");
    }

    @Test
    void issuerAudienceAndTimesAreChecked() throws Exception {
        assertThat(refusedReason(signed(claims -> claims.issuer(null)))).isEqualTo("EXTERNAL_OAUTH_MISSING_ISSUER");
        assertThat(refusedReason(signed(claims -> claims.issuer("https://other.example"))))
                .isEqualTo("EXTERNAL_OAUTH_ACCESS_TOKEN_ISSUER_NOT_FOUND");
        Instant now = Instant.now();
        assertThat(refusedReason(signed(claims -> claims.expirationTime(Date.from(now.minusSeconds(600)))),
                "390318")).isEqualTo("OAUTH_ACCESS_TOKEN_EXPIRED");
        assertThat(refusedReason(signed(claims -> claims.notBeforeTime(Date.from(now.plusSeconds(600))))))
                .isEqualTo("EXTERNAL_OAUTH_TOKEN_NOT_YET_VALID");
        assertThat(refusedReason(signed(claims -> claims.issueTime(Date.from(now.plusSeconds(600))))))
                .isEqualTo("EXTERNAL_OAUTH_TOKEN_NOT_YET_VALID");
    }

    @Test
    void theUserAndTheScopeAreChecked() throws Exception {
        assertThat(refusedReason(signed(claims -> claims.subject(null)))).isEqualTo("EXTERNAL_OAUTH_USER_CLAIM_MISSING");
        assertThat(refusedReason(signed(claims -> claims.subject("nobody")))).isEqualTo("EXTERNAL_OAUTH_USER_NOT_FOUND");
        assertThat(refusedReason(signed(claims -> claims.claim("scp", null)))).isEqualTo("EXTERNAL_OAUTH_SCOPE_MISSING");
        assertThat(refusedReason(signed(claims -> claims.claim("scp", List.of("session:role:accountadmin")))))
                .as("privileged roles are blocked").isEqualTo("EXTERNAL_OAUTH_ROLE_NOT_ALLOWED");
        assertThat(refusedReason(signed(claims -> claims.claim("scp", List.of("session:role:not_granted")))))
                .isEqualTo("EXTERNAL_OAUTH_ROLE_NOT_GRANTED");
        assertThat(refusedReason(signed(claims -> claims.claim("scp", List.of("session:role-any")))))
                .isEqualTo("EXTERNAL_OAUTH_ANY_ROLE_NOT_ALLOWED");
    }

    @Test
    void aSilentOrGarbageKeysUrlFailsFastAndTheServerStaysFine() throws Exception {
        long started = System.nanoTime();
        assertThat(refusedReason(signed(fresh().issuer("https://silent.example").build(), key, key.getKeyID())))
                .isEqualTo("EXTERNAL_OAUTH_JWS_CANT_RETRIEVE_PUBLIC_KEY");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(refusedReason(signed(fresh().issuer("https://garbage.example").build(), key, key.getKeyID())))
                .isEqualTo("EXTERNAL_OAUTH_JWS_CANT_RETRIEVE_PUBLIC_KEY");
        assertThat(login(signed(claims -> claims)).success()).isTrue();
    }

    @Test
    void aKeyRotationAtTheIdentityProviderIsPickedUpWithoutARestart() throws Exception {
        assertThat(login(signed(claims -> claims)).success()).isTrue();
        RSAKey rotated = new RSAKeyGenerator(2048).keyID("key-rotated").generate();
        servedJwks = new JWKSet(List.of(key.toPublicJWK(), rotated.toPublicJWK())).toString();
        try {
            V1Client.Reply reply = login(signed(fresh().build(), rotated, rotated.getKeyID()));
            assertThat(reply.success()).as(reply.body().toString()).isTrue();
        } finally {
            servedJwks = new JWKSet(key.toPublicJWK()).toString();
        }
    }
}

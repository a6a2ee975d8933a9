package dev.frostgate.it;

import static dev.frostgate.testing.Sql.execute;
import static dev.frostgate.testing.Sql.rows;
import static dev.frostgate.testing.Sql.value;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frostgate.testing.RunningServer;
import dev.frostgate.testing.SnowflakeJdbc;
import dev.frostgate.testing.TestKeyPair;
import dev.frostgate.testing.V1Client;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hand-made key-pair JWTs posted to /session/v1/login-request: every forgery is refused with 390144
 * (never a 500), and SYSTEM$GET_LOGIN_FAILURE_DETAILS names Snowflake's specific reason.
 */
class KeyPairJwtAttackTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FAILURE_ID = Pattern.compile("^JWT token is invalid\\. \\[([0-9a-f-]{36})\\]$");
    private static final TestKeyPair KEY = TestKeyPair.generate();
    private static final TestKeyPair OTHER_KEY = TestKeyPair.generate();
    private static final String SUBJECT = "FROSTGATE.ETL_SERVICE";
    private static RunningServer server;
    private static Connection admin;
    private static V1Client client;
    private static final List<String> tokensSent = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        server = RunningServer.start();
        admin = SnowflakeJdbc.V3.connect(server, "ADMIN", RunningServer.ADMIN_PASSWORD);
        execute(admin, "CREATE USER etl_service TYPE = SERVICE RSA_PUBLIC_KEY = '" + KEY.publicKeyBase64() + "'");
        client = new V1Client(server);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            // Neither the server's output, its test log nor the login history holds a JWT that was sent.
            String history = rows(admin, "SELECT * FROM SNOWFLAKE.ACCOUNT_USAGE.LOGIN_HISTORY").toString();
            Path testLog = Path.of("target/test-logs/frostgate-tests.log");
            String log = Files.exists(testLog) ? Files.readString(testLog) : "";
            List<String> texts = List.of(server.consoleOutput(), history, log);
            for (String token : tokensSent.stream().filter(sent -> sent.length() > 40).toList()) {
                String signature = token.substring(token.lastIndexOf('.') + 1);
                for (int index = 0; index < texts.size(); index++) {
                    assertThat(texts.get(index).contains(token)
                            || (signature.length() > 40 && texts.get(index).contains(signature)))
                            .as("a JWT leaked into text %d (console, history, test log)", index).isFalse();
                }
            }
        } finally {
            admin.close();
            server.close();
        }
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String part(Object json) throws Exception {
        return base64Url(json instanceof String text ? text.getBytes(StandardCharsets.UTF_8)
                : JSON.writeValueAsBytes(json));
    }

    private static Map<String, Object> claims(String subject, String fingerprint, long issuedAt, long expiresAt) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", subject + "." + fingerprint);
        claims.put("sub", subject);
        claims.put("iat", issuedAt);
        claims.put("exp", expiresAt);
        return claims;
    }

    private static String signed(Object header, Object payload, TestKeyPair signer) throws Exception {
        String input = part(header) + "." + part(payload);
        return input + "." + base64Url(signer.sign(input.getBytes(StandardCharsets.US_ASCII)));
    }

    /** As JDBC signs: {"alg":"RS256"}, times in seconds, 60 s lifetime. */
    private static String jdbcStyle(Map<String, Object> payload, TestKeyPair signer) throws Exception {
        return signed(Map.of("alg", "RS256"), payload, signer);
    }

    private static Map<String, Object> fresh() {
        long now = Instant.now().getEpochSecond();
        return claims(SUBJECT, KEY.fingerprint(), now, now + 60);
    }

    private static V1Client.Reply login(String loginName, String token) throws Exception {
        tokensSent.add(token);
        return client.tokenLogin(loginName, "SNOWFLAKE_JWT", token);
    }

    /** Asserts a 390144 refusal and returns the specific reason the failure details recorded. */
    private static String refusedReason(String loginName, String token) throws Exception {
        V1Client.Reply reply = login(loginName, token);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.success()).isFalse();
        assertThat(reply.code()).isEqualTo("390144");
        Matcher failureId = FAILURE_ID.matcher(reply.body().path("message").asText());
        assertThat(failureId.matches()).as(reply.body().toString()).isTrue();
        String details = value(admin, "SELECT SYSTEM$GET_LOGIN_FAILURE_DETAILS('" + failureId.group(1) + "')");
        return JSON.readTree(details).path("errorCode").asText();
    }

    @Test
    void tokensSignedAsTheDriversSignThemLogIn() throws Exception {
        assertThat(login("ETL_SERVICE", jdbcStyle(fresh(), KEY)).success()).isTrue();
        long nowMillis = Instant.now().toEpochMilli();
        String nodeStyle = signed(Map.of("alg", "RS256", "typ", "JWT"),
                claims(SUBJECT, KEY.fingerprint(), nowMillis, nowMillis + 120_000), KEY);
        assertThat(login("etl_service", nodeStyle).success()).isTrue();
        assertThat(login(null, jdbcStyle(fresh(), KEY)).success()).as("LOGIN_NAME is optional").isTrue();
    }

    @Test
    void algorithmNoneAndHmacWithThePublicKeyAreRefused() throws Exception {
        String unsigned = part(Map.of("alg", "none")) + "." + part(fresh()) + ".";
        assertThat(refusedReason("ETL_SERVICE", unsigned)).isEqualTo("JWT_TOKEN_INVALID");
        String noneWithSignature = part(Map.of("alg", "none")) + "." + part(fresh()) + "." + base64Url(new byte[256]);
        assertThat(refusedReason("ETL_SERVICE", noneWithSignature)).isEqualTo("JWT_TOKEN_INVALID_ALGORITHM");
        for (String hmacKey : List.of(KEY.publicKeyBase64(), KEY.publicKeyPem())) {
            String input = part(Map.of("alg", "HS256", "typ", "JWT")) + "." + part(fresh());
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(hmacKey.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            String forged = input + "." + base64Url(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
            assertThat(refusedReason("ETL_SERVICE", forged)).isEqualTo("JWT_TOKEN_INVALID_ALGORITHM");
        }
        assertThat(refusedReason("ETL_SERVICE", signed(Map.of("alg", "RS512"), fresh(), KEY)))
                .isEqualTo("JWT_TOKEN_INVALID_ALGORITHM");
    }

    @Test
    void theWrongKeyAccountOrUserIsRefused() throws Exception {
        long now = Instant.now().getEpochSecond();
        assertThat(refusedReason("ETL_SERVICE", jdbcStyle(claims(SUBJECT, OTHER_KEY.fingerprint(), now, now + 60),
                OTHER_KEY))).isEqualTo("JWT_TOKEN_INVALID_PUBLIC_KEY_FINGERPRINT_MISMATCH");
        assertThat(refusedReason("ETL_SERVICE", jdbcStyle(fresh(), OTHER_KEY))).isEqualTo("JWT_TOKEN_INVALID_SIGNATURE");
        assertThat(refusedReason("ETL_SERVICE", jdbcStyle(claims("OTHERACCOUNT.ETL_SERVICE", KEY.fingerprint(), now,
                now + 60), KEY))).isEqualTo("JWT_TOKEN_ACCOUNT_MISMATCH");
        assertThat(refusedReason("NOBODY", jdbcStyle(claims("FROSTGATE.NOBODY", KEY.fingerprint(), now, now + 60),
                KEY))).isEqualTo("JWT_TOKEN_INVALID_USER_IN_ISSUER");
        assertThat(refusedReason("ADMIN", jdbcStyle(fresh(), KEY)))
                .as("LOGIN_NAME names another user").isEqualTo("JWT_TOKEN_INVALID_USER_IN_ISSUER");
        Map<String, Object> otherIssuer = fresh();
        otherIssuer.put("iss", "FROSTGATE.ADMIN." + KEY.fingerprint());
        assertThat(refusedReason("ETL_SERVICE", jdbcStyle(otherIssuer, KEY))).isEqualTo("JWT_TOKEN_INVALID");
    }

    @Test
    void expiredLongLivedAndFutureTokensAreRefused() throws Exception {
        long now = Instant.now().getEpochSecond();
        assertThat(refusedReason("ETL_SERVICE", jdbcStyle(claims(SUBJECT, KEY.fingerprint(), now - 3_000,
                now - 2_900), KEY))).isEqualTo("JWT_TOKEN_INVALID_EXPIRATION_TIME");
        assertThat(refusedReason("ETL_SERVICE", jdbcStyle(claims(SUBJECT, KEY.fingerprint(), now, now + 7_200),
                KEY))).isEqualTo("JWT_TOKEN_INVALID_EXPIRATION_TIME");
        long nowMillis = Instant.now().toEpochMilli();
        assertThat(refusedReason("ETL_SERVICE", jdbcStyle(claims(SUBJECT, KEY.fingerprint(), nowMillis,
                nowMillis + 3_700_000), KEY))).as("milliseconds too").isEqualTo("JWT_TOKEN_INVALID_EXPIRATION_TIME");
        assertThat(refusedReason("ETL_SERVICE", jdbcStyle(claims(SUBJECT, KEY.fingerprint(), now + 600, now + 660),
                KEY))).isEqualTo("JWT_TOKEN_INVALID_ISSUE_TIME");
        Map<String, Object> noExpiry = fresh();
        noExpiry.remove("exp");
        assertThat(refusedReason("ETL_SERVICE", jdbcStyle(noExpiry, KEY)))
                .isEqualTo("JWT_TOKEN_MISSING_ISSUE_OR_EXPIRATION_TIME");
        Map<String, Object> textualTime = fresh();
        textualTime.put("iat", String.valueOf(now));
        assertThat(refusedReason("ETL_SERVICE", jdbcStyle(textualTime, KEY)))
                .isEqualTo("JWT_TOKEN_MISSING_ISSUE_OR_EXPIRATION_TIME");
    }

    @Test
    void tamperedTruncatedOversizedAndGarbageTokensAreRefused() throws Exception {
        String valid = jdbcStyle(fresh(), KEY);
        String[] parts = valid.split("\\.");
        Map<String, Object> longer = fresh();
        longer.put("exp", ((Long) longer.get("exp")) + 600);
        String tampered = parts[0] + "." + part(longer) + "." + parts[2];
        assertThat(refusedReason("ETL_SERVICE", tampered)).isEqualTo("JWT_TOKEN_INVALID_SIGNATURE");
        assertThat(refusedReason("ETL_SERVICE", valid.substring(0, valid.length() - 10)))
                .isIn("JWT_TOKEN_INVALID", "JWT_TOKEN_INVALID_SIGNATURE");
        assertThat(refusedReason("ETL_SERVICE", parts[0] + "." + parts[1])).isEqualTo("JWT_TOKEN_INVALID");
        Map<String, Object> padded = fresh();
        padded.put("padding", "x".repeat(9_000));
        assertThat(refusedReason("ETL_SERVICE", jdbcStyle(padded, KEY))).isEqualTo("JWT_TOKEN_INVALID");
        assertThat(refusedReason("ETL_SERVICE", "e30.e30.e30")).as("no alg").isEqualTo("JWT_TOKEN_INVALID_ALGORITHM");
        for (String garbage : List.of("!!!.@@@.###", "a.b.c", "....", "", "W10.W10.AAAA",
                part("{\"alg\":\"RS256\",\"alg\":\"none\"}") + "." + part(fresh()) + "." + parts[2])) {
            assertThat(refusedReason("ETL_SERVICE", garbage)).as(garbage).isEqualTo("JWT_TOKEN_INVALID");
        }
        String duplicateSubject = "{\"iss\":\"" + SUBJECT + "." + KEY.fingerprint() + "\",\"sub\":\"" + SUBJECT
                + "\",\"sub\":\"FROSTGATE.ADMIN\",\"iat\":" + Instant.now().getEpochSecond() + ",\"exp\":"
                + (Instant.now().getEpochSecond() + 60) + "}";
        assertThat(refusedReason("ETL_SERVICE", signed(Map.of("alg", "RS256"), duplicateSubject, KEY)))
                .isEqualTo("JWT_TOKEN_INVALID");
    }

    @Test
    void refusalsAreRecordedWithTheSpecificCodeAndTheUser() throws Exception {
        long now = Instant.now().getEpochSecond();
        refusedReason("ETL_SERVICE", jdbcStyle(claims(SUBJECT, KEY.fingerprint(), now - 3_000, now - 2_900), KEY));
        List<Map<String, String>> history = rows(admin, "SELECT user_name, error_code, error_message, "
                + "first_authentication_factor FROM SNOWFLAKE.ACCOUNT_USAGE.LOGIN_HISTORY "
                + "WHERE error_message = 'JWT_TOKEN_INVALID_EXPIRATION_TIME'");
        assertThat(history).isNotEmpty().allSatisfy(row -> assertThat(row)
                .containsEntry("USER_NAME", "ETL_SERVICE").containsEntry("ERROR_CODE", "394303")
                .containsEntry("FIRST_AUTHENTICATION_FACTOR", "RSA_KEYPAIR"));
    }
}

package dev.frostgate.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.nimbusds.jose.JWSAlgorithm;
import dev.frostgate.testing.TestKeyPair;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SignedTokenTest {
    private static final TestKeyPair KEY = TestKeyPair.generate();
    private static final RSAPublicKey PUBLIC_KEY = (RSAPublicKey) KEY.keyPair().getPublic();
    private static final int LIMIT = 8_192;

    private static String part(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String signed(String header, String payload) {
        String input = part(header) + "." + part(payload);
        return input + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(KEY.sign(input.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void readsClaimsAsGivenAndVerifiesRs256() throws Exception {
        SignedToken token = SignedToken.parse(signed("{\"alg\":\"RS256\"}", "{\"sub\":\"A.B\",\"iat\":1700000000,"
                + "\"ms\":1700000000000,\"exp\":1.5,\"big\":123456789012345678901234567890,\"text\":\"1\"}"), LIMIT);
        assertThat(token.algorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(token.text("sub")).contains("A.B");
        assertThat(token.wholeNumber("iat")).contains(1_700_000_000L);
        assertThat(token.wholeNumber("ms")).as("milliseconds are not read as seconds").contains(1_700_000_000_000L);
        assertThat(token.wholeNumber("exp")).as("not a whole number").isEmpty();
        assertThat(token.wholeNumber("big")).as("beyond a long").isEmpty();
        assertThat(token.wholeNumber("text")).as("a string").isEmpty();
        assertThat(token.text("iat")).isEmpty();
        assertThat(token.verifies(JWSAlgorithm.RS256, PUBLIC_KEY)).isTrue();
        assertThat(token.verifies(JWSAlgorithm.RS256, (RSAPublicKey) TestKeyPair.generate().keyPair().getPublic()))
                .isFalse();
    }

    @Test
    void theHeaderCannotChooseTheAlgorithm() throws Exception {
        SignedToken hmac = SignedToken.parse(signed("{\"alg\":\"HS256\"}", "{}"), LIMIT);
        assertThat(hmac.signatureVerifies(JWSAlgorithm.RS256, PUBLIC_KEY)).as("the RSA work is done").isTrue();
        assertThat(hmac.verifies(JWSAlgorithm.RS256, PUBLIC_KEY)).isFalse();
        SignedToken rs384 = SignedToken.parse(signed("{\"alg\":\"RS384\"}", "{}"), LIMIT);
        assertThat(rs384.verifies(JWSAlgorithm.RS384, PUBLIC_KEY)).as("signed SHA256withRSA, not RS384").isFalse();
        assertThat(rs384.verifies(JWSAlgorithm.RS256, PUBLIC_KEY)).as("the header names RS384").isFalse();
    }

    @Test
    void malformedTokensAreRefusedWithoutQuotingThem() {
        String secretLooking = "eyJhbGciOiJSUzI1NiJ9.c2VjcmV0";
        String payload = part("{\"sub\":\"c2VjcmV0\"}");
        String[] malformed = {"", " ", "a", "a.b", "a.b.c.d", "a..c", ".b.c", "a.b.", "+++.///.***", secretLooking,
            part("{\"alg\":\"RS256\"}") + "=." + payload + ".AA", // padding: Nimbus would decode it
            part("{\"alg\":\"RS256\"}") + "." + payload + ".A A",
            part("[1]") + "." + payload + ".AA",
            part("{\"alg\":\"RS256\",\"alg\":\"none\"}") + "." + payload + ".AA",
            part("{\"alg\":\"RS256\"}") + "." + part("{\"sub\":1,\"sub\":2}") + ".AA",
            part("{\"alg\":\"RS256\"}") + "." + part("[]") + ".AA",
            part("{\"alg\":\"none\"}") + "." + payload + ".AA",
            part("{\"alg\":\"RS256\",\"cty\":\"JWT\"}") + "." + payload + ".AA",
            part("{\"alg\":\"RS256\",\"crit\":[\"exp\"],\"exp\":1}") + "." + payload + ".AA",
            part("{\"alg\":\"RSA-OAEP\",\"enc\":\"A256GCM\"}") + ".AA.AA.AA.AA",
            "x".repeat(LIMIT + 1)};
        for (String token : malformed) {
            assertThat(catchThrowable(() -> SignedToken.parse(token, LIMIT))).as(token)
                    .isInstanceOf(SignedToken.MalformedException.class)
                    .satisfies(thrown -> assertThat(thrown.getMessage()).doesNotContain("c2VjcmV0"));
        }
        assertThatThrownBy(() -> SignedToken.parse(null, LIMIT)).isInstanceOf(SignedToken.MalformedException.class);
    }

    @Test
    void aJsonHeaderWithoutAJwsAlgorithmIsAnAlgorithmRefusal() {
        String payload = part("{\"sub\":\"A.B\"}");
        for (String header : new String[] {"{}", "{\"alg\":\"none\"}", "{\"alg\":7}",
            "{\"alg\":\"RSA-OAEP\",\"enc\":\"A256GCM\"}"}) {
            assertThat(catchThrowable(() -> SignedToken.parse(part(header) + "." + payload + ".AAAA", LIMIT)))
                    .as(header).isInstanceOf(SignedToken.UnsupportedAlgorithmException.class);
        }
        for (String header : new String[] {"{\"alg\":\"RS256\",\"alg\":\"none\"}", "[1]", "RS256"}) {
            assertThat(catchThrowable(() -> SignedToken.parse(part(header) + "." + payload + ".AAAA", LIMIT)))
                    .as(header).isInstanceOf(SignedToken.MalformedException.class)
                    .isNotInstanceOf(SignedToken.UnsupportedAlgorithmException.class);
        }
    }
}

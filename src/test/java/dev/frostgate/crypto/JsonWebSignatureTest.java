package dev.frostgate.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frostgate.testing.TestKeyPair;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class JsonWebSignatureTest {
    private static final TestKeyPair KEY = TestKeyPair.generate();

    private static String part(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String signed(String header, String payload) {
        String input = part(header) + "." + part(payload);
        return input + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(KEY.sign(input.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void readsClaimsAndVerifiesRs256() throws Exception {
        JsonWebSignature token = JsonWebSignature.parse(signed("{\"alg\":\"RS256\"}",
                "{\"sub\":\"A.B\",\"iat\":1700000000,\"exp\":1.5,\"big\":123456789012345678901234567890}"));
        assertThat(token.algorithm()).isEqualTo("RS256");
        assertThat(token.text("sub")).contains("A.B");
        assertThat(token.number("iat")).contains(1_700_000_000L);
        assertThat(token.number("exp")).as("not a whole number").isEmpty();
        assertThat(token.number("big")).as("beyond a long").isEmpty();
        assertThat(token.text("iat")).isEmpty();
        assertThat(token.verifiesRs256(KEY.keyPair().getPublic())).isTrue();
        assertThat(token.verifiesRs256(TestKeyPair.generate().keyPair().getPublic())).isFalse();
    }

    @Test
    void theHeaderCannotChooseAnotherAlgorithm() throws Exception {
        JsonWebSignature token = JsonWebSignature.parse(signed("{\"alg\":\"HS256\"}", "{}"));
        assertThat(token.verifiesSha256WithRsa(KEY.keyPair().getPublic())).isTrue();
        assertThat(token.verifiesRs256(KEY.keyPair().getPublic())).isFalse();
    }

    @Test
    void malformedTokensAreRefusedWithoutQuotingThem() {
        String secretLooking = "eyJhbGciOiJSUzI1NiJ9.c2VjcmV0";
        for (String malformed : new String[] {"", "a", "a.b", "a.b.c.d", "a..c", "+++.///.***", secretLooking,
                part("[1]") + "." + part("{}") + ".AA", part("{\"a\":1,\"a\":2}") + "." + part("{}") + ".AA",
                "x".repeat(JsonWebSignature.MAXIMUM_LENGTH + 1)}) {
            assertThatThrownBy(() -> JsonWebSignature.parse(malformed)).as(malformed)
                    .isInstanceOf(JsonWebSignature.MalformedException.class)
                    .satisfies(thrown -> assertThat(thrown.getMessage()).doesNotContain("c2VjcmV0"));
        }
    }

    @Test
    void publicKeysAreNormalisedAndFingerprintedAsTheDriversDo() {
        RsaPublicKey fromBase64 = RsaPublicKey.parse(KEY.publicKeyBase64());
        RsaPublicKey fromPem = RsaPublicKey.parse("  " + KEY.publicKeyPem().replace("\n", "\r\n") + "\n");
        assertThat(fromPem.encoded()).isEqualTo(fromBase64.encoded()).isEqualTo(KEY.publicKeyBase64());
        assertThat(fromPem.fingerprint()).isEqualTo(KEY.fingerprint());
        assertThat(fromPem.toString()).doesNotContain(fromPem.encoded());
        assertThatThrownBy(() -> RsaPublicKey.parse(TestKeyPair.generate(1024).publicKeyBase64()))
                .hasMessageContaining("1024 bits");
    }
}

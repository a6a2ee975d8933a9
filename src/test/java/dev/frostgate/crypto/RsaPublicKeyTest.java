package dev.frostgate.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frostgate.testing.TestKeyPair;
import org.junit.jupiter.api.Test;

class RsaPublicKeyTest {
    private static final TestKeyPair KEY = TestKeyPair.generate();

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

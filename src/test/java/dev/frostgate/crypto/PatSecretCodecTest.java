package dev.frostgate.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PatSecretCodecTest {
    private final PatSecretCodec codec = new PatSecretCodec(new SecureRandom());

    @Test
    void secretsCarryThePrefixAndAChecksumThatCatchesTypos() {
        Set<String> seen = new HashSet<>();
        for (int index = 0; index < 1_000; index++) {
            String secret = codec.newSecret();
            assertThat(secret).startsWith("fgpat_").hasSize(PatSecretCodec.LENGTH).matches("fgpat_[0-9A-Za-z]{46}");
            assertThat(PatSecretCodec.isWellFormed(secret)).isTrue();
            assertThat(seen.add(secret)).isTrue();
            char changed = secret.charAt(10) == 'a' ? 'b' : 'a';
            assertThat(PatSecretCodec.isWellFormed(secret.substring(0, 10) + changed + secret.substring(11))).isFalse();
        }
    }

    @Test
    void otherStringsAreNotTokens() {
        assertThat(PatSecretCodec.isWellFormed(null)).isFalse();
        assertThat(PatSecretCodec.isWellFormed("Admin-Passw0rd!")).isFalse();
        assertThat(PatSecretCodec.isWellFormed("fgpat_" + "a".repeat(46))).isFalse();
        assertThat(PatSecretCodec.isWellFormed("ghp_" + "a".repeat(48))).isFalse();
        assertThat(PatSecretCodec.isWellFormed(codec.newSecret() + "x")).isFalse();
    }
}

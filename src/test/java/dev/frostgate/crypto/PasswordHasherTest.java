package dev.frostgate.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(PasswordHasher.OWASP, new SecureRandom());

    @Test
    void hashesArePhcStringsWithTheirParametersAndASalt() {
        String first = hasher.hash("correct horse");
        String second = hasher.hash("correct horse");
        assertThat(first).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("correct horse");
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void verifiesOnlyTheRightPassword() {
        String hash = hasher.hash("correct horse");
        assertThat(hasher.verify("correct horse", hash)).isTrue();
        assertThat(hasher.verify("correct horsE", hash)).isFalse();
        assertThat(hasher.verify("", hash)).isFalse();
    }

    @Test
    void hashesWithOtherParametersStayVerifiable() {
        PasswordHasher light = new PasswordHasher(new PasswordHasher.Argon2Settings(1024, 1, 1), new SecureRandom());
        String oldHash = light.hash("legacy");
        assertThat(oldHash).contains("m=1024,t=1,p=1");
        assertThat(hasher.verify("legacy", oldHash)).isTrue();
    }

    @Test
    void malformedHashesNeverMatch() {
        assertThat(hasher.verify("x", null)).isFalse();
        assertThat(hasher.verify("x", "plain-text")).isFalse();
        assertThat(hasher.verify("x", "$argon2id$v=19$m=x,t=2,p=1$AAAA$AAAA")).isFalse();
        assertThat(hasher.verify("x", "$bcrypt$v=19$m=1,t=1,p=1$AAAA$AAAA")).isFalse();
        assertThat(hasher.verifyAgainstDecoy("anything")).isFalse();
    }
}

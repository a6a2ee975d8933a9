package dev.frostgate.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenDigesterTest {
    @TempDir
    Path dataDirectory;

    @Test
    void digestsAreKeyedAndStable() {
        ServerKey key = ServerKey.load(Optional.empty(), dataDirectory, new SecureRandom());
        ServerKey otherKey = new ServerKey(new byte[32]);
        TokenDigester digester = new TokenDigester(key);
        assertThat(digester.digest("ST-abc")).isEqualTo(digester.digest("ST-abc")).hasSize(64)
                .isNotEqualTo(digester.digest("ST-abd")).doesNotContain("ST-");
        assertThat(new TokenDigester(otherKey).digest("ST-abc")).isNotEqualTo(digester.digest("ST-abc"));
    }

    @Test
    void theKeyFileIsCreatedOnceWithOwnerOnlyPermissions() throws Exception {
        ServerKey created = ServerKey.load(Optional.empty(), dataDirectory, new SecureRandom());
        ServerKey reloaded = ServerKey.load(Optional.empty(), dataDirectory, new SecureRandom());
        assertThat(reloaded.bytes()).isEqualTo(created.bytes()).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDirectory.resolve("server.key"))))
                .isEqualTo("rw-------");
    }

    @Test
    void theEnvironmentKeyWinsAndMustBeLongEnough() {
        byte[] shared = new byte[40];
        new SecureRandom().nextBytes(shared);
        ServerKey key = ServerKey.load(Optional.of(Base64.getEncoder().encodeToString(shared)), dataDirectory,
                new SecureRandom());
        assertThat(key.bytes()).isEqualTo(shared);
        assertThat(dataDirectory.resolve("server.key")).doesNotExist();
        assertThatThrownBy(() -> ServerKey.load(Optional.of(Base64.getEncoder().encodeToString(new byte[8])),
                dataDirectory, new SecureRandom())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void generatedPasswordsAreStrong() {
        String password = new SecretGenerator(new SecureRandom()).strongPassword(24);
        assertThat(password).hasSize(24).containsPattern("[A-Z]").containsPattern("[a-z]").containsPattern("[0-9]");
    }

    @Test
    void storedDigestsMatchOnlyExactly() {
        String digest = new TokenDigester(ServerKey.load(Optional.empty(), dataDirectory, new SecureRandom()))
                .digest("a-token");
        assertThat(TokenDigester.sameDigest(digest, digest)).isTrue();
        assertThat(TokenDigester.sameDigest(digest.toUpperCase(java.util.Locale.ROOT), digest)).isFalse();
        assertThat(TokenDigester.sameDigest(digest + " ", digest)).isFalse();
        assertThat(TokenDigester.sameDigest(digest.substring(1), digest)).isFalse();
    }
}

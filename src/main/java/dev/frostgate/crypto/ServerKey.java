package dev.frostgate.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The server's secret key for keyed token hashes. Taken from {@code FROSTGATE_SERVER_KEY} (Base64,
 * at least 32 bytes) when set — every node of a cluster must share it — otherwise read from, or
 * created in, {@code <data-dir>/server.key} with owner-only permissions.
 */
public record ServerKey(byte[] bytes) {
    private static final int KEY_BYTES = 32;

    public static ServerKey load(Optional<String> base64FromEnvironment, Path dataDirectory, SecureRandom random) {
        if (base64FromEnvironment.isPresent() && !base64FromEnvironment.get().isBlank()) {
            byte[] decoded = Base64.getDecoder().decode(base64FromEnvironment.get().trim());
            if (decoded.length < KEY_BYTES) {
                throw new IllegalArgumentException("FROSTGATE_SERVER_KEY must decode to at least 32 bytes");
            }
            return new ServerKey(decoded);
        }
        Path file = dataDirectory.resolve("server.key");
        try {
            if (Files.exists(file)) {
                return new ServerKey(Base64.getDecoder().decode(Files.readString(file).trim()));
            }
            Files.createDirectories(dataDirectory);
            byte[] generated = new byte[KEY_BYTES];
            random.nextBytes(generated);
            Files.writeString(file, Base64.getEncoder().encodeToString(generated), StandardOpenOption.CREATE_NEW);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Non-POSIX file systems keep their default permissions.
            }
            return new ServerKey(generated);
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot read or create " + file, failure);
        }
    }
}

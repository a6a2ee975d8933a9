package dev.frostgate.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashing. Hashes are PHC strings ({@code $argon2id$v=19$m=…,t=…,p=…$salt$hash})
 * so that each carries its own parameters and old hashes stay verifiable after a parameter change.
 */
public final class PasswordHasher {
    /** OWASP's recommended Argon2id setting: 19 MiB, 2 iterations, 1 lane. */
    public static final Argon2Settings OWASP = new Argon2Settings(19 * 1024, 2, 1);

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    private final Argon2Settings settings;
    private final SecureRandom random;
    private final Argon2BytesGenerator.BlockPool blocks;
    private final java.util.concurrent.Semaphore hashingSlots;
    private final String decoyHash;

    public record Argon2Settings(int memoryKibibytes, int iterations, int parallelism) {}

    public PasswordHasher(Argon2Settings settings, SecureRandom random) {
        this.settings = settings;
        this.random = random;
        // Reusing Argon2's 1 KiB blocks keeps a login from producing 19 MiB of garbage, which would
        // otherwise make the heap (and the process) grow under load; enough for one hash per core.
        int cores = Runtime.getRuntime().availableProcessors();
        this.blocks = new Argon2BytesGenerator.FixedBlockPool(settings.memoryKibibytes() * cores);
        // Hashing is CPU-bound: more concurrent hashes than cores add memory (19 MiB each), not speed.
        this.hashingSlots = new java.util.concurrent.Semaphore(cores, true);
        this.decoyHash = hash("decoy-" + random.nextLong());
    }

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, settings);
        return "$argon2id$v=19$m=" + settings.memoryKibibytes() + ",t=" + settings.iterations() + ",p="
                + settings.parallelism() + "$" + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash);
    }

    /** Constant-time check of a password against a stored PHC string; a malformed hash never matches. */
    public boolean verify(String password, String storedHash) {
        ParsedHash parsed = ParsedHash.parse(storedHash);
        if (parsed == null) {
            return false;
        }
        byte[] actual = derive(password, parsed.salt(), parsed.settings());
        return MessageDigest.isEqual(actual, parsed.hash());
    }

    /**
     * Spends the same work as a real verification and always fails: used for unknown users so that
     * "no such user" and "wrong password" cannot be told apart by timing.
     */
    public boolean verifyAgainstDecoy(String password) {
        verify(password, decoyHash);
        return false;
    }

    private byte[] derive(String password, byte[] salt, Argon2Settings settings) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(settings.memoryKibibytes())
                .withIterations(settings.iterations())
                .withParallelism(settings.parallelism())
                .withSalt(salt)
                .withBlockPool(blocks)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[HASH_BYTES];
        hashingSlots.acquireUninterruptibly();
        try {
            generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        } finally {
            hashingSlots.release();
        }
        return out;
    }

    private record ParsedHash(Argon2Settings settings, byte[] salt, byte[] hash) {
        static ParsedHash parse(String phc) {
            if (phc == null) {
                return null;
            }
            String[] parts = phc.split("\\$");
            // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
            if (parts.length != 6 || !parts[1].equals("argon2id")) {
                return null;
            }
            try {
                int memory = 0;
                int iterations = 0;
                int parallelism = 0;
                for (String setting : parts[3].split(",")) {
                    String[] keyValue = setting.split("=", 2);
                    int value = Integer.parseInt(keyValue[1]);
                    switch (keyValue[0]) {
                        case "m" -> memory = value;
                        case "t" -> iterations = value;
                        case "p" -> parallelism = value;
                        default -> { return null; }
                    }
                }
                return new ParsedHash(new Argon2Settings(memory, iterations, parallelism),
                        DECODER.decode(parts[4]), DECODER.decode(parts[5]));
            } catch (RuntimeException malformed) {
                return null;
            }
        }
    }
}

package dev.frostgate.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.zip.CRC32;

/**
 * Programmatic access token secrets in a scanner-friendly format, like GitHub's tokens: a fixed
 * prefix, 40 random base-62 characters (about 238 bits) and a 6-character CRC32 checksum, so a leaked
 * Frostgate token can be recognised offline without a database.
 */
public final class PatSecretCodec {
    public static final String PREFIX = "fgpat_";
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int RANDOM_LENGTH = 40;
    private static final int CHECKSUM_LENGTH = 6;
    public static final int LENGTH = PREFIX.length() + RANDOM_LENGTH + CHECKSUM_LENGTH;

    private final SecureRandom random;

    public PatSecretCodec(SecureRandom random) {
        this.random = random;
    }

    public String newSecret() {
        StringBuilder body = new StringBuilder(RANDOM_LENGTH);
        for (int index = 0; index < RANDOM_LENGTH; index++) {
            body.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return PREFIX + body + checksum(body.toString());
    }

    /** Prefix, length, alphabet and checksum all right: a Frostgate PAT (not necessarily a live one). */
    public static boolean isWellFormed(String candidate) {
        if (candidate == null || candidate.length() != LENGTH || !candidate.startsWith(PREFIX)) {
            return false;
        }
        String body = candidate.substring(PREFIX.length(), PREFIX.length() + RANDOM_LENGTH);
        if (body.chars().anyMatch(character -> ALPHABET.indexOf(character) < 0)) {
            return false;
        }
        return candidate.endsWith(checksum(body));
    }

    private static String checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        long value = crc.getValue();
        char[] digits = new char[CHECKSUM_LENGTH];
        for (int index = CHECKSUM_LENGTH - 1; index >= 0; index--) {
            digits[index] = ALPHABET.charAt((int) (value % ALPHABET.length()));
            value /= ALPHABET.length();
        }
        return new String(digits);
    }
}

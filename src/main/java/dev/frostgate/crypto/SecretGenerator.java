package dev.frostgate.crypto;

import java.security.SecureRandom;
import java.util.Base64;

/** Random secrets for tokens and generated passwords. */
public final class SecretGenerator {
    private static final Base64.Encoder URL_ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final String PASSWORD_ALPHABET =
            "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_.!";

    private final SecureRandom random;

    public SecretGenerator(SecureRandom random) {
        this.random = random;
    }

    /** URL-safe random text carrying {@code bytes * 8} bits of entropy. */
    public String randomToken(int bytes) {
        byte[] buffer = new byte[bytes];
        random.nextBytes(buffer);
        return URL_ENCODER.encodeToString(buffer);
    }

    /** A password with upper, lower, digit and symbol classes represented, for the generated admin password. */
    public String strongPassword(int length) {
        StringBuilder password = new StringBuilder(length);
        while (true) {
            password.setLength(0);
            for (int i = 0; i < length; i++) {
                password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
            }
            String candidate = password.toString();
            if (candidate.chars().anyMatch(Character::isUpperCase) && candidate.chars().anyMatch(Character::isLowerCase)
                    && candidate.chars().anyMatch(Character::isDigit)) {
                return candidate;
            }
        }
    }

    public long randomPositiveLong() {
        return random.nextLong() & Long.MAX_VALUE;
    }
}

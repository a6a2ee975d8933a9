package dev.frostgate.crypto;

import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * RSA public keys as Snowflake takes them: the Base64 of an X.509 SubjectPublicKeyInfo, with or
 * without the {@code -----BEGIN PUBLIC KEY-----} armour and line breaks. Fingerprints are Snowflake's
 * {@code SHA256:<base64 of the SHA-256 of the DER>}.
 */
public final class RsaPublicKeys {
    /** Smaller keys are refused: 2048 bits is the floor NIST and Snowflake's guides set. */
    public static final int MINIMUM_BITS = 2048;
    private static final Pattern ARMOUR = Pattern.compile("-----(BEGIN|END) [A-Z ]*PUBLIC KEY-----");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private RsaPublicKeys() {}

    /** A parsed key and its canonical text (one-line Base64, no armour). */
    public record ParsedKey(RSAPublicKey key, String canonical) {
        public int bits() {
            return key.getModulus().bitLength();
        }

        public String fingerprint() {
            return RsaPublicKeys.fingerprint(key);
        }
    }

    /** The key, or empty when the text is not the Base64 of an RSA public key. */
    public static Optional<ParsedKey> parse(String text) {
        String base64 = WHITESPACE.matcher(ARMOUR.matcher(text).replaceAll("")).replaceAll("");
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
            return Optional.of(new ParsedKey(key, Base64.getEncoder().encodeToString(key.getEncoded())));
        } catch (IllegalArgumentException | InvalidKeySpecException | ClassCastException notAKey) {
            return Optional.empty();
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("RSA is part of every JDK", missing);
        }
    }

    public static String fingerprint(RSAPublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return "SHA256:" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("SHA-256 is part of every JDK", missing);
        }
    }
}

package dev.frostgate.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * An RSA public key as users give it to Snowflake: Base64 of the DER SubjectPublicKeyInfo, with or
 * without PEM armour. Its fingerprint is {@code SHA256:} + Base64(SHA-256(DER)), the form the
 * drivers put in a key-pair JWT's issuer.
 */
public record RsaPublicKey(String encoded, String fingerprint, RSAPublicKey key) {
    public static final int MINIMUM_BITS = 2048;
    /** Larger keys only cost verification time; no client generates them. */
    public static final int MAXIMUM_BITS = 16_384;
    /** Comfortably above a 16384-bit key in PEM form; longer input is refused before decoding. */
    public static final int MAXIMUM_TEXT_LENGTH = 4_096;
    private static final Pattern ARMOUR = Pattern.compile("-----(BEGIN|END) PUBLIC KEY-----");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** About 1.5 KB each for 2048-bit keys. */
    private static final int REMEMBERED_KEYS = 1_024;
    private static final Map<String, RsaPublicKey> STORED = new ConcurrentHashMap<>();

    /** A key that cannot be used; the message says why and never contains the value. */
    public static final class InvalidKeyException extends IllegalArgumentException {
        InvalidKeyException(String reason) {
            super(reason);
        }
    }

    /** Parses and validates a key given by a user: RSA only, at least {@value #MINIMUM_BITS} bits. */
    public static RsaPublicKey parse(String text) {
        if (text.length() > MAXIMUM_TEXT_LENGTH) {
            throw new InvalidKeyException("the value is longer than " + MAXIMUM_TEXT_LENGTH + " characters");
        }
        String base64 = WHITESPACE.matcher(ARMOUR.matcher(text).replaceAll("")).replaceAll("");
        if (base64.isEmpty()) {
            throw new InvalidKeyException("the value is empty");
        }
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException notBase64) {
            throw new InvalidKeyException("the value is not Base64");
        }
        RsaPublicKey key = fromDer(der);
        int bits = key.key().getModulus().bitLength();
        if (bits < MINIMUM_BITS || bits > MAXIMUM_BITS) {
            throw new InvalidKeyException("the RSA key has " + bits + " bits; between " + MINIMUM_BITS + " and "
                    + MAXIMUM_BITS + " are accepted");
        }
        return key;
    }

    /**
     * A key read back from the store, where only valid keys are written. Keys are public and users rarely change
     * them, so parsed keys are remembered (up to {@value #REMEMBERED_KEYS}): every key-pair and OAuth login reads
     * a user row, and parsing its keys each time cost a third of that read.
     */
    public static RsaPublicKey stored(String encoded) {
        RsaPublicKey known = STORED.get(encoded);
        if (known != null) {
            return known;
        }
        RsaPublicKey parsed = fromDer(Base64.getDecoder().decode(encoded));
        if (STORED.size() >= REMEMBERED_KEYS) {
            STORED.clear();
        }
        STORED.put(encoded, parsed);
        return parsed;
    }

    /** {@code SHA256:} + Base64 of the SHA-256 of the DER SubjectPublicKeyInfo. */
    public static String fingerprintOf(byte[] der) {
        try {
            return "SHA256:" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static RsaPublicKey fromDer(byte[] der) {
        try {
            RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
            // Re-encoding gives the canonical DER, so one key always has one fingerprint.
            byte[] canonical = key.getEncoded();
            return new RsaPublicKey(Base64.getEncoder().encodeToString(canonical), fingerprintOf(canonical), key);
        } catch (GeneralSecurityException | ClassCastException notRsa) {
            throw new InvalidKeyException("the value is not an RSA public key (X.509 SubjectPublicKeyInfo)");
        }
    }

    @Override
    public String toString() {
        return "RsaPublicKey[" + fingerprint + "]";
    }
}

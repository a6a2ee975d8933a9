package dev.frostgate.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hash (HMAC-SHA256) of bearer secrets such as session tokens. Only digests are stored, so a
 * copy of the database does not yield usable tokens; the digest is also the O(1) lookup key.
 */
public final class TokenDigester {
    private final SecretKeySpec key;

    public TokenDigester(ServerKey serverKey) {
        this.key = new SecretKeySpec(serverKey.bytes(), "HmacSHA256");
    }

    public String digest(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("HmacSHA256 is unavailable", impossible);
        }
    }

    /**
     * Whether a stored digest is the one just computed, compared in constant time: the index finds
     * the row, and this check keeps a store whose lookup ignored case or padding from letting a near
     * miss through.
     */
    public static boolean sameDigest(String stored, String computed) {
        return MessageDigest.isEqual(stored.getBytes(StandardCharsets.US_ASCII),
                computed.getBytes(StandardCharsets.US_ASCII));
    }
}

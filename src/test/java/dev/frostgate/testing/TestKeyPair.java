package dev.frostgate.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Base64;

/**
 * An RSA key pair made in the test, as a user would with openssl: the private key as an unencrypted
 * PKCS#8 .p8 file for the drivers, the public key as the Base64 DER that ALTER USER takes.
 */
public record TestKeyPair(KeyPair keyPair) {

    public static TestKeyPair generate(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return new TestKeyPair(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static TestKeyPair generate() {
        return generate(2048);
    }

    /** Base64 DER SubjectPublicKeyInfo, without PEM armour. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(keyPair.getPublic().getEncoded());
    }

    public String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(keyPair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** What the drivers put after {@code SHA256:} in the issuer, computed independently of the server. */
    public String fingerprint() {
        try {
            return "SHA256:" + Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(keyPair.getPublic().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the private key as an unencrypted PKCS#8 PEM file (rsa_key.p8). */
    public Path writePrivateKey(Path directory, String fileName) throws IOException {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(keyPair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        return Files.writeString(directory.resolve(fileName), pem);
    }

    /** SHA256withRSA over {@code input}, for hand-made JWTs. */
    public byte[] sign(byte[] input) {
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(keyPair.getPrivate());
            signer.update(input);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A key-pair JWT as JDBC signs it ({"alg":"RS256"}, times in seconds, 60 s lifetime) for
     * {@code ACCOUNT.USER}, for clients such as the SQL API that bring their own.
     */
    public String jwt(String account, String user) {
        return jwt(account, user, java.time.Instant.now().getEpochSecond(), 60, null);
    }

    /**
     * The same with {@code iat} (seconds), a lifetime in seconds, and, unless {@code jti} is null, a
     * {@code jti} claim (which the server does not read) that makes each token distinct.
     */
    public String jwt(String account, String user, long issuedAt, long lifetimeSeconds, String jti) {
        String subject = (account + "." + user).toUpperCase(java.util.Locale.ROOT);
        String payload = "{\"iss\":\"" + subject + "." + fingerprint() + "\",\"sub\":\"" + subject
                + "\",\"iat\":" + issuedAt + ",\"exp\":" + (issuedAt + lifetimeSeconds)
                + (jti == null ? "" : ",\"jti\":\"" + jti + "\"") + "}";
        Base64.Encoder base64Url = Base64.getUrlEncoder().withoutPadding();
        String input = base64Url.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64Url.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return input + "." + base64Url.encodeToString(sign(input.getBytes(StandardCharsets.US_ASCII)));
    }
}

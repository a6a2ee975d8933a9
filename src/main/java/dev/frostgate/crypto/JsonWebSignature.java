package dev.frostgate.crypto;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Optional;

/**
 * A compact JWS (RFC 7515): three base64url parts, a JSON header, a JSON payload, a signature. Only
 * parses and verifies; what the claims must say is the caller's business (key pair today, External
 * OAuth later). Verification supports RS256 only, and the algorithm is the verifier's choice, never
 * the token's: a header naming another algorithm (none, HS256 …) is simply not verified.
 */
public final class JsonWebSignature {
    /** Key-pair JWTs are about 600 characters; anything much larger is refused before decoding. */
    public static final int MAXIMUM_LENGTH = 8_192;
    public static final String RS256 = "RS256";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final JsonNode header;
    private final JsonNode payload;
    private final byte[] signingInput;
    private final byte[] signature;

    private JsonWebSignature(JsonNode header, JsonNode payload, byte[] signingInput, byte[] signature) {
        this.header = header;
        this.payload = payload;
        this.signingInput = signingInput;
        this.signature = signature;
    }

    /** A token that is not a well-formed compact JWS; the message never contains the token. */
    public static final class MalformedException extends Exception {
        MalformedException(String reason) {
            super(reason, null, false, false);
        }
    }

    public static JsonWebSignature parse(String compact) throws MalformedException {
        if (compact.length() > MAXIMUM_LENGTH) {
            throw new MalformedException("the token is longer than " + MAXIMUM_LENGTH + " characters");
        }
        String[] parts = compact.split("\\.", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
            throw new MalformedException("the token does not have three non-empty parts");
        }
        JsonNode header = jsonObject(decode(parts[0]), "header");
        JsonNode payload = jsonObject(decode(parts[1]), "payload");
        byte[] signingInput = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        return new JsonWebSignature(header, payload, signingInput, decode(parts[2]));
    }

    /** The header's {@code alg}, empty when absent or not a string. */
    public String algorithm() {
        JsonNode algorithm = header.get("alg");
        return algorithm != null && algorithm.isTextual() ? algorithm.asText() : "";
    }

    public JsonNode header() {
        return header.deepCopy();
    }

    /** A string claim of the payload. */
    public Optional<String> text(String claim) {
        JsonNode value = payload.get(claim);
        return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    /** A whole-number claim of the payload (a NumericDate); empty when absent or not an integral number. */
    public Optional<Long> number(String claim) {
        JsonNode value = payload.get(claim);
        return value != null && value.isIntegralNumber() && value.canConvertToLong() ? Optional.of(value.asLong())
                : Optional.empty();
    }

    /** Whether the header says RS256 and the signature verifies under {@code key}. */
    public boolean verifiesRs256(PublicKey key) {
        return RS256.equals(algorithm()) && verifiesSha256WithRsa(key);
    }

    /** The RSA work of a verification whatever the header says: for constant-time refusals. */
    public boolean verifiesSha256WithRsa(PublicKey key) {
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update(signingInput);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException badSignature) {
            return false;
        }
    }

    private static byte[] decode(String part) throws MalformedException {
        try {
            return Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException notBase64Url) {
            throw new MalformedException("a part of the token is not base64url");
        }
    }

    private static JsonNode jsonObject(byte[] bytes, String part) throws MalformedException {
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new MalformedException("the " + part + " is not a JSON object");
            }
            return node;
        } catch (IOException notJson) {
            throw new MalformedException("the " + part + " is not JSON");
        }
    }

    @Override
    public String toString() {
        return "JsonWebSignature[alg=" + algorithm() + "]";
    }
}

package dev.frostgate.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.Map;
import java.util.Optional;

/**
 * A compact JWS read with Nimbus JOSE+JWT, the one JWS reader behind both JWT doors (key-pair JWTs and External
 * OAuth access tokens). Reading is strict where Nimbus is lenient: the caller's size limit, exactly three
 * non-empty parts in the base64url alphabet, no unsecured or encrypted token, no nested {@code cty: JWT} and no
 * {@code crit} extensions (neither door understands any). Verification is always with an algorithm the caller
 * chose; the header's {@code alg} must name it, and never picks one.
 *
 * <p>Nimbus refuses a duplicated member of the header or the payload, but not inside a nested object; no claim
 * either door reads is nested.
 */
final class SignedToken {
    private final SignedJWT token;
    private final Map<String, Object> payload;

    private SignedToken(SignedJWT token, Map<String, Object> payload) {
        this.token = token;
        this.payload = payload;
    }

    /** A token that is not a well-formed compact JWS; the message never contains the token. */
    static class MalformedException extends Exception {
        MalformedException(String reason) {
            super(reason, null, false, false);
        }
    }

    /** A well-formed JSON header that names no JWS algorithm: missing, {@code none}, or an encryption one. */
    static final class UnsupportedAlgorithmException extends MalformedException {
        UnsupportedAlgorithmException() {
            super("the header names no JWS algorithm");
        }
    }

    static SignedToken parse(String compact, int maximumCharacters) throws MalformedException {
        if (compact == null || compact.length() > maximumCharacters) {
            throw new MalformedException("the token is missing or longer than " + maximumCharacters + " characters");
        }
        if (!isCompactForm(compact)) {
            throw new MalformedException("the token is not three non-empty base64url parts");
        }
        SignedJWT token = signedJwt(compact);
        Map<String, Object> payload = jsonObject(token.getPayload().toString())
                .orElseThrow(() -> new MalformedException("the payload is not a JSON object"));
        JWSHeader header = token.getHeader();
        if (header.getContentType() != null && header.getContentType().toString().equalsIgnoreCase("JWT")) {
            throw new MalformedException("the token is a nested JWT");
        }
        if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
            throw new MalformedException("the token names critical header extensions");
        }
        return new SignedToken(token, payload);
    }

    private static SignedJWT signedJwt(String compact) throws MalformedException {
        try {
            return SignedJWT.parse(compact);
        } catch (ParseException | RuntimeException notSigned) {
            // Nimbus reads the payload lazily: what failed is the header, as JSON or as a JWS header.
            if (jsonObject(new Base64URL(compact.substring(0, compact.indexOf('.'))).decodeToString()).isEmpty()) {
                throw new MalformedException("the header is not a JSON object");
            }
            throw new UnsupportedAlgorithmException();
        }
    }

    /** Nimbus's JSON reader, which takes {@code []} for an empty object: a JSON object must start with a brace. */
    private static Optional<Map<String, Object>> jsonObject(String json) {
        if (!json.strip().startsWith("{")) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSONObjectUtils.parse(json));
        } catch (ParseException | RuntimeException notJson) {
            return Optional.empty();
        }
    }

    private static boolean isCompactForm(String compact) {
        int dots = 0;
        char previous = '.';
        for (int index = 0; index < compact.length(); index++) {
            char character = compact.charAt(index);
            if (character == '.') {
                if (previous == '.' || ++dots > 2) {
                    return false;
                }
            } else if (!isBase64UrlCharacter(character)) {
                return false;
            }
            previous = character;
        }
        return dots == 2 && previous != '.';
    }

    private static boolean isBase64UrlCharacter(char character) {
        return character >= 'A' && character <= 'Z' || character >= 'a' && character <= 'z'
                || character >= '0' && character <= '9' || character == '-' || character == '_';
    }

    JWSHeader header() {
        return token.getHeader();
    }

    /** The header's algorithm. */
    JWSAlgorithm algorithm() {
        return token.getHeader().getAlgorithm();
    }

    /** The payload as Nimbus parsed it (for a JWT claims set). */
    Map<String, Object> payload() {
        return payload;
    }

    /** A string claim. */
    Optional<String> text(String claim) {
        return payload.get(claim) instanceof String text ? Optional.of(text) : Optional.empty();
    }

    /**
     * A whole-number claim, as given: no unit is assumed (key-pair JWTs come in seconds or milliseconds), and a
     * fraction, a string or a number beyond a long is absent.
     */
    Optional<Long> wholeNumber(String claim) {
        Object value = payload.get(claim);
        return value instanceof Long number ? Optional.of(number)
                : value instanceof Integer number ? Optional.of(number.longValue()) : Optional.empty();
    }

    /** Whether the header names {@code algorithm} and the signature verifies under {@code key} with it. */
    boolean verifies(JWSAlgorithm algorithm, RSAPublicKey key) {
        return algorithm.equals(algorithm()) && signatureVerifies(algorithm, key);
    }

    /**
     * The RSA work of verifying with {@code algorithm} whatever the header says: refusals of unknown users or
     * keys verify against a decoy key, so that they cost what an acceptance costs.
     */
    boolean signatureVerifies(JWSAlgorithm algorithm, RSAPublicKey key) {
        try {
            return new RSASSAVerifier(key).verify(new JWSHeader(algorithm), token.getSigningInput(),
                    token.getSignature());
        } catch (JOSEException | RuntimeException unusable) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "SignedToken[alg=" + algorithm() + "]";
    }
}

package dev.frostgate.auth;

import com.nimbusds.jose.JWSAlgorithm;
import dev.frostgate.error.ErrorCode;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The JWT a driver sends for key-pair login, read but not yet verified: {@code sub = ACCOUNT.USER},
 * {@code iss = ACCOUNT.USER.SHA256:<fingerprint>}, {@code iat} and {@code exp}, signed RS256.
 * JDBC gives the times in seconds, Node in milliseconds: a value above 10^11 (the year 5138 in
 * seconds, 1973 in milliseconds) is taken as milliseconds.
 */
record KeyPairToken(String account, String loginName, String fingerprint, Instant issuedAt, Instant expiresAt,
                    SignedToken signature) {
    /** Key-pair JWTs are about 600 characters; anything much larger is refused before decoding. */
    static final int MAXIMUM_CHARACTERS = 8_192;
    private static final long MILLISECONDS_ABOVE = 100_000_000_000L;
    private static final String FINGERPRINT_PREFIX = "SHA256:";

    /** Why a token cannot be read: the specific Snowflake reason behind 390144. */
    static final class UnreadableException extends Exception {
        private final ErrorCode reason;

        UnreadableException(ErrorCode reason) {
            super(reason.name(), null, false, false);
            this.reason = reason;
        }

        ErrorCode reason() {
            return reason;
        }
    }

    static KeyPairToken read(String token) throws UnreadableException {
        SignedToken signature;
        try {
            signature = SignedToken.parse(token, MAXIMUM_CHARACTERS);
        } catch (SignedToken.UnsupportedAlgorithmException unsupported) {
            throw new UnreadableException(ErrorCode.JWT_TOKEN_INVALID_ALGORITHM);
        } catch (SignedToken.MalformedException malformed) {
            throw new UnreadableException(ErrorCode.JWT_TOKEN_INVALID);
        }
        if (!JWSAlgorithm.RS256.equals(signature.algorithm())) {
            throw new UnreadableException(ErrorCode.JWT_TOKEN_INVALID_ALGORITHM);
        }
        String subject = signature.text("sub").orElseThrow(() -> new UnreadableException(ErrorCode.JWT_TOKEN_INVALID));
        String issuer = signature.text("iss").orElseThrow(() -> new UnreadableException(ErrorCode.JWT_TOKEN_INVALID));
        int accountEnd = subject.indexOf('.');
        String expectedPrefix = subject + "." + FINGERPRINT_PREFIX;
        if (accountEnd <= 0 || accountEnd == subject.length() - 1 || issuer.length() <= expectedPrefix.length()
                || !issuer.regionMatches(true, 0, expectedPrefix, 0, expectedPrefix.length())) {
            throw new UnreadableException(ErrorCode.JWT_TOKEN_INVALID);
        }
        String fingerprint = FINGERPRINT_PREFIX + issuer.substring(expectedPrefix.length());
        Instant issuedAt = instant(signature.wholeNumber("iat"));
        Instant expiresAt = instant(signature.wholeNumber("exp"));
        return new KeyPairToken(subject.substring(0, accountEnd).toUpperCase(Locale.ROOT),
                subject.substring(accountEnd + 1), fingerprint, issuedAt, expiresAt, signature);
    }

    private static Instant instant(Optional<Long> value) throws UnreadableException {
        long number = value.filter(positive -> positive > 0)
                .orElseThrow(() -> new UnreadableException(ErrorCode.JWT_TOKEN_MISSING_ISSUE_OR_EXPIRATION_TIME));
        return number > MILLISECONDS_ABOVE ? Instant.ofEpochMilli(number) : Instant.ofEpochSecond(number);
    }

    @Override
    public String toString() {
        return "KeyPairToken[" + account + "." + loginName + ", " + fingerprint + "]";
    }
}

package dev.frostgate.auth;

import dev.frostgate.crypto.JsonWebSignature;
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
                    JsonWebSignature signature) {
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
        JsonWebSignature signature;
        try {
            signature = JsonWebSignature.parse(token);
        } catch (JsonWebSignature.MalformedException malformed) {
            throw new UnreadableException(ErrorCode.JWT_TOKEN_INVALID);
        }
        if (!JsonWebSignature.RS256.equals(signature.algorithm())) {
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
        Instant issuedAt = instant(signature.number("iat"));
        Instant expiresAt = instant(signature.number("exp"));
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

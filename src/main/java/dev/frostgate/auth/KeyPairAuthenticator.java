package dev.frostgate.auth;

import com.nimbusds.jose.JWSAlgorithm;
import dev.frostgate.catalog.AuthenticationPolicy;
import dev.frostgate.catalog.User;
import dev.frostgate.catalog.UserPublicKey;
import dev.frostgate.catalog.UserRepository;
import dev.frostgate.error.ErrorCode;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * Key-pair login: {@code AUTHENTICATOR=SNOWFLAKE_JWT} with a JWT in TOKEN, signed RS256 with the
 * private key whose public key is in the user's RSA_PUBLIC_KEY or RSA_PUBLIC_KEY_2 (either works, so
 * keys rotate without downtime); the issuer's fingerprint picks the slot. SERVICE users may log in
 * this way. Every refusal answers 390144 "JWT token is invalid. [uuid]"; the specific reason
 * (Snowflake's JWT_TOKEN_* names) goes to the login history and SYSTEM$GET_LOGIN_FAILURE_DETAILS only.
 */
public final class KeyPairAuthenticator
        implements Authenticator.VerifiedAfterPolicies<KeyPairAuthenticator.KeyPairClaim> {
    /** Snowflake's limit on a key-pair JWT's lifetime (exp − iat). */
    static final Duration MAXIMUM_LIFETIME = Duration.ofHours(1);
    /** Tolerated difference between the client's clock and ours, for iat and exp. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    /** A user named by a key-pair JWT, with the key its fingerprint selects (empty when none matches). */
    public record KeyPairClaim(User user, KeyPairToken token, Optional<UserPublicKey> key) implements Claim {
        @Override
        public Optional<String> credentialId() {
            return key.map(UserPublicKey::credentialId);
        }
    }

    private final UserRepository users;
    private final String accountName;
    private final Clock clock;

    public KeyPairAuthenticator(UserRepository users, String accountName, Clock clock) {
        this.users = users;
        this.accountName = accountName;
        this.clock = clock;
    }

    @Override
    public AuthenticationMethod method() {
        return AuthenticationMethod.RSA_KEYPAIR;
    }

    @Override
    public Optional<KeyPairClaim> identify(LoginRequest request) {
        Optional<KeyPairToken> token = read(request);
        Optional<String> loginName = request.loginName().filter(name -> !name.isBlank());
        return token.filter(this::ofThisAccount)
                .filter(read -> loginName.map(name -> name.equalsIgnoreCase(read.loginName())).orElse(true))
                .flatMap(read -> users.findByLoginName(read.loginName())
                        .map(user -> new KeyPairClaim(user, read, keyFor(user, read.fingerprint()))));
    }

    /** Unknown users cost the same RSA verification as known ones. */
    @Override
    public LoginFailure rejectUnknown(LoginRequest request) {
        ErrorCode reason;
        try {
            KeyPairToken token = KeyPairToken.read(request.token().orElse(""));
            token.signature().signatureVerifies(JWSAlgorithm.RS256, DecoyKey.KEY);
            reason = ofThisAccount(token) ? ErrorCode.JWT_TOKEN_INVALID_USER_IN_ISSUER
                    : ErrorCode.JWT_TOKEN_ACCOUNT_MISMATCH;
        } catch (KeyPairToken.UnreadableException unreadable) {
            reason = unreadable.reason();
        }
        return refusal(reason, Optional.empty());
    }

    @Override
    public void verify(LoginRequest request, KeyPairClaim claim, AuthenticationPolicy policy) {
        Optional<String> userName = Optional.of(claim.user().name());
        KeyPairToken token = claim.token();
        if (claim.key().isEmpty()) {
            token.signature().signatureVerifies(JWSAlgorithm.RS256, DecoyKey.KEY);
            throw refusal(ErrorCode.JWT_TOKEN_INVALID_PUBLIC_KEY_FINGERPRINT_MISMATCH, userName);
        }
        if (!token.signature().verifies(JWSAlgorithm.RS256, claim.key().get().key().key())) {
            throw refusal(ErrorCode.JWT_TOKEN_INVALID_SIGNATURE, userName);
        }
        Instant now = clock.instant();
        if (!token.expiresAt().isAfter(token.issuedAt())
                || Duration.between(token.issuedAt(), token.expiresAt()).compareTo(MAXIMUM_LIFETIME) > 0
                || !token.expiresAt().plus(CLOCK_SKEW).isAfter(now)) {
            throw refusal(ErrorCode.JWT_TOKEN_INVALID_EXPIRATION_TIME, userName);
        }
        if (token.issuedAt().isAfter(now.plus(CLOCK_SKEW))) {
            throw refusal(ErrorCode.JWT_TOKEN_INVALID_ISSUE_TIME, userName);
        }
    }

    private boolean ofThisAccount(KeyPairToken token) {
        return token.account().equalsIgnoreCase(accountName);
    }

    private static Optional<KeyPairToken> read(LoginRequest request) {
        try {
            return Optional.of(KeyPairToken.read(request.token().orElse("")));
        } catch (KeyPairToken.UnreadableException unreadable) {
            return Optional.empty();
        }
    }

    /** The slot whose key has the issuer's fingerprint. */
    private static Optional<UserPublicKey> keyFor(User user, String fingerprint) {
        return Arrays.stream(UserPublicKey.Slot.values()).map(user::publicKey).flatMap(Optional::stream)
                .filter(key -> key.fingerprint().equals(fingerprint)).findFirst();
    }

    private static LoginFailure refusal(ErrorCode reason, Optional<String> userName) {
        return LoginFailure.withReason(ErrorCode.JWT_TOKEN_INVALID, reason, userName);
    }

    /** A key nobody holds, made once, so that refusing costs what verifying costs. */
    private static final class DecoyKey {
        static final RSAPublicKey KEY = generate();

        private static RSAPublicKey generate() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return (RSAPublicKey) generator.generateKeyPair().getPublic();
            } catch (NoSuchAlgorithmException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }
}

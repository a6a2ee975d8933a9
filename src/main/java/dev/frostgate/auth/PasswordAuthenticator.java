package dev.frostgate.auth;

import dev.frostgate.catalog.AuthenticationPolicy;
import dev.frostgate.catalog.ParameterPolicy;
import dev.frostgate.catalog.User;
import dev.frostgate.catalog.UserRepository;
import dev.frostgate.crypto.PasswordHasher;
import dev.frostgate.error.ErrorCode;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Password login. Unknown users, users without a password, SERVICE users and wrong passwords all
 * answer 390100 after the same Argon2id work, so none can be told from another. Consecutive
 * failures lock the user temporarily (390102); the lock is checked before the password so that a
 * locked account cannot be used to guess.
 */
public final class PasswordAuthenticator implements Authenticator.VerifiedAfterPolicies<Claim.OfUser> {
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final java.util.function.Function<String, Optional<ParameterPolicy>> passwordPolicy;
    private final Clock clock;

    /**
     * {@code passwordPolicy} gives the password policy governing a user, if one is attached: it sets
     * the lockout thresholds (else Snowflake's 5 attempts, 15 minutes) and the maximum password age.
     */
    public PasswordAuthenticator(UserRepository users, PasswordHasher hasher,
                                 java.util.function.Function<String, Optional<ParameterPolicy>> passwordPolicy,
                                 Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.passwordPolicy = passwordPolicy;
        this.clock = clock;
    }

    @Override
    public AuthenticationMethod method() {
        return AuthenticationMethod.PASSWORD;
    }

    @Override
    public Optional<Claim.OfUser> identify(LoginRequest request) {
        return request.loginName().filter(name -> !name.isBlank()).flatMap(users::findByLoginName)
                .map(Claim.OfUser::new);
    }

    @Override
    public LoginFailure rejectUnknown(LoginRequest request) {
        hasher.verifyAgainstDecoy(request.password().orElse(""));
        return new LoginFailure(ErrorCode.INCORRECT_USERNAME_PASSWORD, Optional.empty());
    }

    @Override
    public void verify(LoginRequest request, Claim.OfUser claim, AuthenticationPolicy authenticationPolicy) {
        User user = claim.user();
        String password = request.password().orElse("");
        Instant now = clock.instant();
        if (user.isLocked(now)) {
            throw new LoginFailure(ErrorCode.USER_LOCKED_TEMP, Optional.of(user.name()));
        }
        boolean verified = user.type().allowsPassword() && user.passwordHash().isPresent()
                ? hasher.verify(password, user.passwordHash().get())
                : hasher.verifyAgainstDecoy(password);
        if (!verified) {
            recordFailure(user, now);
            throw new LoginFailure(ErrorCode.INCORRECT_USERNAME_PASSWORD, Optional.of(user.name()));
        }
        int maximumAgeDays = passwordPolicy.apply(user.name()).map(policy -> policy.value("PASSWORD_MAX_AGE_DAYS"))
                .orElse(0);
        if (maximumAgeDays > 0 && user.passwordLastSet()
                .map(set -> !now.isBefore(set.plus(java.time.Duration.ofDays(maximumAgeDays)))).orElse(false)) {
            throw new LoginFailure(ErrorCode.PASSWORD_EXPIRED, Optional.of(user.name()));
        }
    }

    private void recordFailure(User user, Instant now) {
        LockoutSettings thresholds = passwordPolicy.apply(user.name())
                .map(policy -> new LockoutSettings(policy.value("PASSWORD_MAX_RETRIES"),
                        java.time.Duration.ofMinutes(policy.value("PASSWORD_LOCKOUT_TIME_MINS"))))
                .orElse(LockoutSettings.DEFAULTS);
        users.recordFailedLogin(user.name(), now, thresholds.maximumRetries(), now.plus(thresholds.lockoutTime()));
    }
}

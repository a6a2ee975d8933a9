package dev.frostgate.store;

import dev.frostgate.audit.LoginEvent;
import dev.frostgate.auth.Session;
import dev.frostgate.catalog.User;
import dev.frostgate.catalog.UserId;
import dev.frostgate.catalog.UserPublicKey;
import dev.frostgate.catalog.UserType;
import dev.frostgate.crypto.RsaPublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Values for the store tests: every timestamp has a non-zero microsecond part, so any loss shows. */
final class StoreSamples {
    /** A leap day, with microseconds: truncation to milliseconds or a shifted zone shows. */
    static final Instant T0 = Instant.parse("2024-02-29T23:59:58.123456Z");

    /** One RSA public key for every sample user (public keys are not secrets). */
    static final RsaPublicKey PUBLIC_KEY = RsaPublicKey.parse(
            dev.frostgate.testing.TestKeyPair.generate().publicKeyBase64());

    private StoreSamples() {}

    /** The sample user {@code name}'s id: the same for every sample of that name, so samples compare equal. */
    static UserId idOf(String name) {
        return new UserId(java.util.UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString());
    }

    static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    /** A user with every optional field present and every flag away from its default. */
    static User fullUser(String name) {
        return User.builder(idOf(name), name, T0)
                .loginName(name.toLowerCase(java.util.Locale.ROOT) + "@Example.COM")
                .displayName(Optional.of("Display " + name))
                .firstName(Optional.of("First"))
                .lastName(Optional.of("Last"))
                .email(Optional.of(name.toLowerCase(java.util.Locale.ROOT) + "@example.com"))
                .comment(Optional.of("Ünïcödé comment: 雪 ❄ 😀 and 'quotes' \"too\", a \\ backslash"))
                .type(UserType.LEGACY_SERVICE)
                .passwordHash(Optional.of("$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g"))
                .passwordLastSet(Optional.of(at(-86_400)))
                .disabled(true)
                .mustChangePassword(true)
                .expiresAt(Optional.of(at(30L * 86_400)))
                .lockedUntil(Optional.of(at(900)))
                .failedLoginAttempts(4)
                .defaultRole(Optional.of("ANALYST"))
                .defaultSecondaryRoles(User.DefaultSecondaryRoles.NONE)
                .owner(Optional.of("USERADMIN"))
                .lastSuccessLogin(Optional.of(at(-60)))
                .networkPolicy(Optional.of("OFFICE_ONLY"))
                .passwordHistory(List.of("$argon2id$v=19$m=19456,t=2,p=1$b2xkMQ$aGFzaDE",
                        "$argon2id$v=19$m=19456,t=2,p=1$b2xkMg$aGFzaDI"))
                .publicKey(UserPublicKey.Slot.RSA_PUBLIC_KEY, Optional.of(new UserPublicKey(PUBLIC_KEY,
                        "key-1-" + name, at(-120))))
                .publicKey(UserPublicKey.Slot.RSA_PUBLIC_KEY_2, Optional.of(new UserPublicKey(PUBLIC_KEY,
                        "key-2-" + name, at(-30))))
                .build();
    }

    /** A user with nothing but its name, login name and creation time. */
    static User minimalUser(String name) {
        return User.builder(idOf(name), name, T0).build();
    }

    static Session session(long id, String user, String digestPrefix) {
        return new Session(id, digestPrefix + "-session", digestPrefix + "-master", user, "PUBLIC", true, "PASSWORD",
                Optional.of("192.0.2.7"), Optional.of("JDBC_DRIVER"), T0, at(3_600), at(14_400), Optional.of("DB1"),
                Optional.of("SCHEMA1"), at(5));
    }

    static LoginEvent event(Instant when, String user, boolean success) {
        return new LoginEvent(0, when, "LOGIN", Optional.of(user), Optional.of("192.0.2.7"),
                Optional.of("JDBC_DRIVER"), Optional.of("3.28.0"), "PASSWORD", Optional.empty(), success,
                success ? Optional.empty() : Optional.of("390100"),
                success ? Optional.empty() : Optional.of("INCORRECT_USERNAME_PASSWORD"), Optional.empty(),
                Optional.empty(), success ? Optional.empty() : Optional.of("uuid-" + user + "-" + when),
                success ? Optional.empty() : Optional.of("details of " + user));
    }

    /** The same user under another id: the store keys a user by its id, and the samples' ids follow their names. */
    static User withId(User user, UserId id) {
        return new User(id, user.name(), user.loginName(), user.displayName(), user.firstName(), user.lastName(),
                user.email(), user.comment(), user.type(), user.passwordHash(), user.passwordLastSet(), user.disabled(),
                user.mustChangePassword(), user.expiresAt(), user.lockedUntil(), user.failedLoginAttempts(),
                user.defaultRole(), user.defaultSecondaryRoles(), user.owner(), user.createdOn(),
                user.lastSuccessLogin(), user.networkPolicy(), user.passwordHistory(), user.rsaPublicKey(),
                user.rsaPublicKey2());
    }

    /** The user as the store gives it back: its login name upper-cased. */
    static User stored(User user) {
        return user.toBuilder().loginName(user.loginName().toUpperCase(java.util.Locale.ROOT)).build();
    }

    static String describe(dev.frostgate.catalog.RoleGrant grant) {
        return grant.role() + ">" + grant.granteeKind() + ":" + grant.grantee();
    }
}

package dev.frostgate.catalog;

import dev.frostgate.catalog.property.PropertyFailure;
import dev.frostgate.catalog.property.InvalidPropertyException;
import dev.frostgate.catalog.property.PropertyValues;
import dev.frostgate.crypto.PasswordHasher;
import dev.frostgate.crypto.RsaPublicKey;
import dev.frostgate.error.ErrorCode;
import dev.frostgate.error.FrostgateException;
import dev.frostgate.catalog.property.PropertySetting;
import dev.frostgate.catalog.property.PropertyValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Applies SET and UNSET property clauses to a user, validating each value. */
final class UserPropertyEditor {
    private static final int MAXIMUM_PASSWORD_LENGTH = 256;

    private final PasswordHasher passwordHasher;

    UserPropertyEditor(PasswordHasher passwordHasher) {
        this.passwordHasher = passwordHasher;
    }

    /** Checks a new password's strength before it is hashed (the password policy of its user). */
    @FunctionalInterface
    interface PasswordCheck {
        void check(String password);
    }

    User.Builder set(User.Builder user, List<PropertySetting> properties, Instant now) {
        return set(user, properties, now, password -> { });
    }

    User.Builder set(User.Builder user, List<PropertySetting> properties, Instant now, PasswordCheck passwordCheck) {
        Set<String> seen = new HashSet<>();
        for (PropertySetting property : properties) {
            UserProperty known = UserProperty.settable(property.name())
                    .orElseThrow(() -> PropertyValues.unknown(property.name(), "USER"));
            if (!seen.add(property.name())) {
                throw new InvalidPropertyException(new PropertyFailure.Duplicate(property.name()));
            }
            apply(user, known, property.value(), now, passwordCheck);
        }
        return user;
    }

    User.Builder unset(User.Builder user, List<String> propertyNames) {
        for (String name : propertyNames) {
            UserProperty known = UserProperty.settable(name)
                    .orElseThrow(() -> PropertyValues.unknown(name, "USER"));
            switch (known) {
                case COMMENT -> user.comment(Optional.empty());
                case DISPLAY_NAME -> user.displayName(Optional.empty());
                case TYPE -> user.type(UserType.PERSON);
                case LOGIN_NAME -> user.loginName(user.build().name());
                case FIRST_NAME -> user.firstName(Optional.empty());
                case LAST_NAME -> user.lastName(Optional.empty());
                case EMAIL -> user.email(Optional.empty());
                case PASSWORD -> user.passwordHash(Optional.empty()).passwordLastSet(Optional.empty());
                case MUST_CHANGE_PASSWORD -> user.mustChangePassword(false);
                case DISABLED -> user.disabled(false);
                case DAYS_TO_EXPIRY -> user.expiresAt(Optional.empty());
                case MINS_TO_UNLOCK -> user.lockedUntil(Optional.empty()).failedLoginAttempts(0);
                case DEFAULT_ROLE -> user.defaultRole(Optional.empty());
                case DEFAULT_SECONDARY_ROLES -> user.defaultSecondaryRoles(User.DefaultSecondaryRoles.ALL);
                case NETWORK_POLICY -> user.networkPolicy(Optional.empty());
                case RSA_PUBLIC_KEY -> user.publicKey(UserPublicKey.Slot.RSA_PUBLIC_KEY, Optional.empty());
                case RSA_PUBLIC_KEY_2 -> user.publicKey(UserPublicKey.Slot.RSA_PUBLIC_KEY_2, Optional.empty());
                default -> throw PropertyValues.unknown(name, "USER");
            }
        }
        return user;
    }

    /** SERVICE users cannot hold person-only properties (reference §4.1). */
    static void checkTypeConsistency(User user) {
        if (user.type() != UserType.SERVICE) {
            return;
        }
        List<String> forbidden = new java.util.ArrayList<>();
        if (user.hasPassword()) {
            forbidden.add("PASSWORD");
        }
        if (user.firstName().isPresent()) {
            forbidden.add("FIRST_NAME");
        }
        if (user.lastName().isPresent()) {
            forbidden.add("LAST_NAME");
        }
        if (user.mustChangePassword()) {
            forbidden.add("MUST_CHANGE_PASSWORD");
        }
        if (!forbidden.isEmpty()) {
            throw new InvalidPropertyException(new PropertyFailure.NotForUserType(forbidden.get(0), "SERVICE"));
        }
    }

    private void apply(User.Builder user, UserProperty property, PropertyValue value, Instant now,
                       PasswordCheck passwordCheck) {
        String name = property.name();
        switch (property) {
            case COMMENT -> user.comment(Optional.of(PropertyValues.text(name, value)));
            case DISPLAY_NAME -> user.displayName(Optional.of(PropertyValues.text(name, value)));
            case TYPE -> user.type(userType(value));
            case LOGIN_NAME -> user.loginName(nonEmpty(name, value));
            case FIRST_NAME -> user.firstName(Optional.of(PropertyValues.text(name, value)));
            case LAST_NAME -> user.lastName(Optional.of(PropertyValues.text(name, value)));
            case EMAIL -> user.email(Optional.of(PropertyValues.text(name, value)));
            case PASSWORD -> {
                String password = password(value);
                passwordCheck.check(password);
                user.passwordHash(Optional.of(passwordHasher.hash(password))).passwordLastSet(Optional.of(now));
            }
            case MUST_CHANGE_PASSWORD -> user.mustChangePassword(PropertyValues.bool(name, value));
            case DISABLED -> user.disabled(PropertyValues.bool(name, value));
            case DAYS_TO_EXPIRY -> user.expiresAt(Optional.of(now.plus(days(name, value))));
            case MINS_TO_UNLOCK -> {
                long minutes = PropertyValues.integer(name, value, 0, Integer.MAX_VALUE);
                user.lockedUntil(minutes == 0 ? Optional.empty() : Optional.of(now.plus(Duration.ofMinutes(minutes))))
                        .failedLoginAttempts(0);
            }
            case DEFAULT_ROLE -> user.defaultRole(Optional.of(nonEmpty(name, value)));
            case DEFAULT_SECONDARY_ROLES -> user.defaultSecondaryRoles(secondaryRoles(value));
            case NETWORK_POLICY -> user.networkPolicy(Optional.of(nonEmpty(name, value).toUpperCase(java.util.Locale.ROOT)));
            case RSA_PUBLIC_KEY -> user.publicKey(UserPublicKey.Slot.RSA_PUBLIC_KEY,
                    Optional.of(publicKey(name, value, now)));
            case RSA_PUBLIC_KEY_2 -> user.publicKey(UserPublicKey.Slot.RSA_PUBLIC_KEY_2,
                    Optional.of(publicKey(name, value, now)));
            default -> throw PropertyValues.unknown(name, "USER");
        }
    }

    private static UserType userType(PropertyValue value) {
        String word = PropertyValues.word("TYPE", value);
        try {
            return UserType.valueOf(word);
        } catch (IllegalArgumentException unknown) {
            throw PropertyValues.invalid("TYPE", value);
        }
    }

    private static String nonEmpty(String property, PropertyValue value) {
        String text = PropertyValues.text(property, value);
        if (text.isBlank()) {
            throw PropertyValues.invalid(property, value);
        }
        return text;
    }

    /** Passwords are never echoed: a bad one is reported without its value. */
    private static String password(PropertyValue value) {
        if (!(value instanceof PropertyValue.Text text) || text.text().isEmpty()
                || text.text().length() > MAXIMUM_PASSWORD_LENGTH) {
            throw new InvalidPropertyException(new PropertyFailure.InvalidValue("PASSWORD", "<hidden>"));
        }
        return text.text();
    }

    /** A key is refused with the reason, never with its (possibly huge) value. */
    private static UserPublicKey publicKey(String property, PropertyValue value, Instant now) {
        if (!(value instanceof PropertyValue.Text text)) {
            throw new FrostgateException(ErrorCode.INVALID_RSA_PUBLIC_KEY, property, "a quoted string is expected");
        }
        try {
            return new UserPublicKey(RsaPublicKey.parse(text.text()), UUID.randomUUID().toString(), now);
        } catch (RsaPublicKey.InvalidKeyException invalid) {
            throw new FrostgateException(ErrorCode.INVALID_RSA_PUBLIC_KEY, property, invalid.getMessage());
        }
    }

    private static Duration days(String property, PropertyValue value) {
        BigDecimal days = PropertyValues.number(property, value);
        if (days.signum() < 0 || days.compareTo(BigDecimal.valueOf(36_500)) > 0) {
            throw PropertyValues.invalid(property, value);
        }
        return Duration.ofSeconds(days.multiply(BigDecimal.valueOf(86_400)).setScale(0, RoundingMode.HALF_UP)
                .longValueExact());
    }

    private static User.DefaultSecondaryRoles secondaryRoles(PropertyValue value) {
        List<String> roles = PropertyValues.textList("DEFAULT_SECONDARY_ROLES", value);
        if (roles.isEmpty()) {
            return User.DefaultSecondaryRoles.NONE;
        }
        if (roles.size() == 1 && roles.get(0).equalsIgnoreCase("ALL")) {
            return User.DefaultSecondaryRoles.ALL;
        }
        throw PropertyValues.invalid("DEFAULT_SECONDARY_ROLES", value);
    }
}

package dev.frostgate.catalog;

import dev.frostgate.catalog.property.InvalidPropertyException;
import dev.frostgate.catalog.property.PropertyDeclaration;
import dev.frostgate.catalog.property.PropertyFailure;
import dev.frostgate.catalog.property.PropertyModel;
import dev.frostgate.catalog.property.PropertySetting;
import dev.frostgate.catalog.property.PropertyValue;
import dev.frostgate.catalog.property.PropertyValues;
import dev.frostgate.crypto.PasswordHasher;
import dev.frostgate.crypto.RsaPublicKey;
import dev.frostgate.error.ErrorCode;
import dev.frostgate.error.FrostgateException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Applies SET and UNSET property clauses to a user, validating each value. */
final class UserPropertyEditor {
    private static final int MAXIMUM_PASSWORD_LENGTH = 256;
    private static final String OBJECT = "USER";
    private static final int LONGEST_EXPIRY_DAYS = 36_500;

    /**
     * What CREATE USER and ALTER USER SET accept (UserProperty adds DESCRIBE's defaults and descriptions);
     * the password, the keys and the secondary roles are read by this editor's own rules.
     */
    static final PropertyModel MODEL = PropertyModel.of(OBJECT,
            PropertyDeclaration.text(UserProperty.COMMENT.name()),
            PropertyDeclaration.text(UserProperty.DISPLAY_NAME.name()),
            PropertyDeclaration.choice(UserProperty.TYPE.name(), "PERSON", "SERVICE", "LEGACY_SERVICE"),
            PropertyDeclaration.name(UserProperty.LOGIN_NAME.name()),
            PropertyDeclaration.text(UserProperty.FIRST_NAME.name()),
            PropertyDeclaration.text(UserProperty.LAST_NAME.name()),
            PropertyDeclaration.text(UserProperty.EMAIL.name()),
            PropertyDeclaration.custom(UserProperty.PASSWORD.name()).asSecret(),
            PropertyDeclaration.bool(UserProperty.MUST_CHANGE_PASSWORD.name(), false),
            PropertyDeclaration.bool(UserProperty.DISABLED.name(), false),
            PropertyDeclaration.decimal(UserProperty.DAYS_TO_EXPIRY.name(), 0, LONGEST_EXPIRY_DAYS),
            PropertyDeclaration.integer(UserProperty.MINS_TO_UNLOCK.name(), 0, 0, Integer.MAX_VALUE),
            PropertyDeclaration.name(UserProperty.DEFAULT_ROLE.name()),
            PropertyDeclaration.custom(UserProperty.DEFAULT_SECONDARY_ROLES.name()),
            PropertyDeclaration.name(UserProperty.NETWORK_POLICY.name()),
            PropertyDeclaration.custom(UserProperty.RSA_PUBLIC_KEY.name()),
            PropertyDeclaration.custom(UserProperty.RSA_PUBLIC_KEY_2.name()));

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
        for (PropertyModel.Read read : MODEL.read(properties)) {
            apply(user, UserProperty.valueOf(read.name()), read, now, passwordCheck);
        }
        return user;
    }

    User.Builder unset(User.Builder user, List<String> propertyNames) {
        for (PropertyDeclaration declaration : MODEL.unset(propertyNames)) {
            switch (UserProperty.valueOf(declaration.name())) {
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
                default -> throw PropertyValues.unknown(declaration.name(), OBJECT);
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

    private void apply(User.Builder user, UserProperty property, PropertyModel.Read read, Instant now,
                       PasswordCheck passwordCheck) {
        String name = property.name();
        switch (property) {
            case COMMENT -> user.comment(Optional.of(read.value()));
            case DISPLAY_NAME -> user.displayName(Optional.of(read.value()));
            case TYPE -> user.type(UserType.valueOf(read.value()));
            case LOGIN_NAME -> user.loginName(read.value());
            case FIRST_NAME -> user.firstName(Optional.of(read.value()));
            case LAST_NAME -> user.lastName(Optional.of(read.value()));
            case EMAIL -> user.email(Optional.of(read.value()));
            case PASSWORD -> {
                String password = password(read.written());
                passwordCheck.check(password);
                user.passwordHash(Optional.of(passwordHasher.hash(password))).passwordLastSet(Optional.of(now));
            }
            case MUST_CHANGE_PASSWORD -> user.mustChangePassword(Boolean.parseBoolean(read.value()));
            case DISABLED -> user.disabled(Boolean.parseBoolean(read.value()));
            case DAYS_TO_EXPIRY -> user.expiresAt(Optional.of(now.plus(days(new BigDecimal(read.value())))));
            case MINS_TO_UNLOCK -> {
                long minutes = Long.parseLong(read.value());
                user.lockedUntil(minutes == 0 ? Optional.empty() : Optional.of(now.plus(Duration.ofMinutes(minutes))))
                        .failedLoginAttempts(0);
            }
            case DEFAULT_ROLE -> user.defaultRole(Optional.of(read.value()));
            case DEFAULT_SECONDARY_ROLES -> user.defaultSecondaryRoles(secondaryRoles(read.written()));
            case NETWORK_POLICY -> user.networkPolicy(Optional.of(read.value().toUpperCase(Locale.ROOT)));
            case RSA_PUBLIC_KEY -> user.publicKey(UserPublicKey.Slot.RSA_PUBLIC_KEY,
                    Optional.of(publicKey(name, read.written(), now)));
            case RSA_PUBLIC_KEY_2 -> user.publicKey(UserPublicKey.Slot.RSA_PUBLIC_KEY_2,
                    Optional.of(publicKey(name, read.written(), now)));
            default -> throw PropertyValues.unknown(name, OBJECT);
        }
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

    private static Duration days(BigDecimal days) {
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

package dev.frostgate.catalog;

import java.util.Optional;

/**
 * The user properties Frostgate knows, declared once: what CREATE/ALTER accept, what UNSET resets,
 * and what DESCRIBE USER prints (property, default, description).
 */
public enum UserProperty {
    NAME(false, "null", "Name"),
    COMMENT(true, "null", "user comment associated to an object in the dictionary"),
    DISPLAY_NAME(true, "null", "Display name of the associated object"),
    TYPE(true, "PERSON", "Type of the user: PERSON, SERVICE or LEGACY_SERVICE"),
    LOGIN_NAME(true, "null", "Login name of the user"),
    FIRST_NAME(true, "null", "First name of the user"),
    LAST_NAME(true, "null", "Last name of the user"),
    EMAIL(true, "null", "Email address of the user"),
    PASSWORD(true, "null", "Password of the user"),
    MUST_CHANGE_PASSWORD(true, "false", "User must change the password"),
    DISABLED(true, "false", "Whether the user is disabled"),
    DAYS_TO_EXPIRY(true, "null", "User record will be treated as expired after specified number of days"),
    MINS_TO_UNLOCK(true, "null", "Temporary lock on the user will be removed after specified number of minutes"),
    DEFAULT_ROLE(true, "null", "Primary Role which will be used when a session is initiated"),
    DEFAULT_SECONDARY_ROLES(true, "[\"ALL\"]", "The secondary roles activated when a session is initiated"),
    NETWORK_POLICY(true, "null", "Network policy that restricts where the user may connect from"),
    RSA_PUBLIC_KEY(true, "null", "RSA public key of the user"),
    RSA_PUBLIC_KEY_FP(false, "null", "Fingerprint of user's RSA public key."),
    RSA_PUBLIC_KEY_2(true, "null", "Second RSA public key of the user"),
    RSA_PUBLIC_KEY_2_FP(false, "null", "Fingerprint of user's second RSA public key."),
    PASSWORD_LAST_SET_TIME(false, "null", "The timestamp on which the last non-null password was set for the user");

    private final boolean settable;
    private final String defaultValue;
    private final String description;

    UserProperty(boolean settable, String defaultValue, String description) {
        this.settable = settable;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public boolean settable() { return settable; }

    public String defaultValue() { return defaultValue; }

    public String description() { return description; }

    public static Optional<UserProperty> settable(String name) {
        for (UserProperty property : values()) {
            if (property.name().equals(name) && property.settable) {
                return Optional.of(property);
            }
        }
        return Optional.empty();
    }
}

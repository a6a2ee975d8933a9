package dev.frostgate.catalog;

/**
 * The rows DESCRIBE USER prints (property, default, description), in its order. What CREATE and
 * ALTER accept is {@code UserPropertyEditor.MODEL}.
 */
public enum UserProperty {
    NAME("null", "Name"),
    COMMENT("null", "user comment associated to an object in the dictionary"),
    DISPLAY_NAME("null", "Display name of the associated object"),
    TYPE("PERSON", "Type of the user: PERSON, SERVICE or LEGACY_SERVICE"),
    LOGIN_NAME("null", "Login name of the user"),
    FIRST_NAME("null", "First name of the user"),
    LAST_NAME("null", "Last name of the user"),
    EMAIL("null", "Email address of the user"),
    PASSWORD("null", "Password of the user"),
    MUST_CHANGE_PASSWORD("false", "User must change the password"),
    DISABLED("false", "Whether the user is disabled"),
    DAYS_TO_EXPIRY("null", "User record will be treated as expired after specified number of days"),
    MINS_TO_UNLOCK("null", "Temporary lock on the user will be removed after specified number of minutes"),
    DEFAULT_ROLE("null", "Primary Role which will be used when a session is initiated"),
    DEFAULT_SECONDARY_ROLES("[\"ALL\"]", "The secondary roles activated when a session is initiated"),
    NETWORK_POLICY("null", "Network policy that restricts where the user may connect from"),
    RSA_PUBLIC_KEY("null", "RSA public key of the user"),
    RSA_PUBLIC_KEY_FP("null", "Fingerprint of user's RSA public key."),
    RSA_PUBLIC_KEY_2("null", "Second RSA public key of the user"),
    RSA_PUBLIC_KEY_2_FP("null", "Fingerprint of user's second RSA public key."),
    PASSWORD_LAST_SET_TIME("null", "The timestamp on which the last non-null password was set for the user");

    private final String defaultValue;
    private final String description;

    UserProperty(String defaultValue, String description) {
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String defaultValue() { return defaultValue; }

    public String description() { return description; }
}

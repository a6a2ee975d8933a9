package dev.frostgate.catalog;

import dev.frostgate.catalog.property.PropertyDeclaration;
import dev.frostgate.catalog.property.PropertyModel;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The policies made only of whole-number parameters — password and session policies — with each
 * parameter declared once: its default, its range and its description.
 */
public enum ParameterPolicyKind {
    PASSWORD("Password policy", PolicyAttachment.PolicyKind.PASSWORD, Privilege.CREATE_PASSWORD_POLICY,
            Privilege.APPLY_PASSWORD_POLICY, List.of(
            new Parameter("PASSWORD_MIN_LENGTH", 8, 8, 256, "Minimum number of characters"),
            new Parameter("PASSWORD_MAX_LENGTH", 256, 8, 256, "Maximum number of characters"),
            new Parameter("PASSWORD_MIN_UPPER_CASE_CHARS", 1, 0, 256, "Minimum number of upper-case characters"),
            new Parameter("PASSWORD_MIN_LOWER_CASE_CHARS", 1, 0, 256, "Minimum number of lower-case characters"),
            new Parameter("PASSWORD_MIN_NUMERIC_CHARS", 1, 0, 256, "Minimum number of digits"),
            new Parameter("PASSWORD_MIN_SPECIAL_CHARS", 0, 0, 256, "Minimum number of special characters"),
            new Parameter("PASSWORD_MIN_AGE_DAYS", 0, 0, 999, "Days before a password may be changed again"),
            new Parameter("PASSWORD_MAX_AGE_DAYS", 90, 0, 999,
                    "Days after which a password must be changed (0: never)"),
            new Parameter("PASSWORD_MAX_RETRIES", 5, 1, 10, "Failed attempts before the user is locked"),
            new Parameter("PASSWORD_LOCKOUT_TIME_MINS", 15, 1, 999, "Minutes a locked user stays locked"),
            new Parameter("PASSWORD_HISTORY", 0, 0, 24, "Number of recent passwords that may not be reused"))),
    SESSION("Session policy", PolicyAttachment.PolicyKind.SESSION, Privilege.CREATE_SESSION_POLICY,
            Privilege.APPLY_SESSION_POLICY, List.of(
            new Parameter("SESSION_IDLE_TIMEOUT_MINS", 240, 5, 240, "Minutes a session may stay idle"),
            new Parameter("SESSION_UI_IDLE_TIMEOUT_MINS", 240, 5, 240, "Minutes a web console session may stay idle")));

    /** Every kind's one property besides its parameters. */
    public static final String COMMENT = "COMMENT";

    /** One parameter with its default and its inclusive range. */
    public record Parameter(String name, int defaultValue, int minimum, int maximum, String description) {
        PropertyDeclaration declaration() {
            return PropertyDeclaration.integer(name, defaultValue, minimum, maximum).describedAs(description);
        }
    }

    private final String displayName;
    private final PolicyAttachment.PolicyKind attachmentKind;
    private final Privilege createPrivilege;
    private final Privilege applyPrivilege;
    private final List<Parameter> parameters;
    private final PropertyModel properties;

    ParameterPolicyKind(String displayName, PolicyAttachment.PolicyKind attachmentKind, Privilege createPrivilege,
                        Privilege applyPrivilege, List<Parameter> parameters) {
        this.displayName = displayName;
        this.createPrivilege = createPrivilege;
        this.applyPrivilege = applyPrivilege;
        this.attachmentKind = attachmentKind;
        this.parameters = parameters;
        this.properties = new PropertyModel(displayName.toUpperCase(Locale.ROOT),
                parameters.stream().map(Parameter::declaration).toList()).with(List.of(PropertyDeclaration.text(COMMENT)));
    }

    /** What CREATE and ALTER … SET / UNSET accept: the parameters and COMMENT. */
    public PropertyModel properties() {
        return properties;
    }

    public String displayName() {
        return displayName;
    }

    public PolicyAttachment.PolicyKind attachmentKind() {
        return attachmentKind;
    }

    public Privilege createPrivilege() {
        return createPrivilege;
    }

    public Privilege applyPrivilege() {
        return applyPrivilege;
    }

    public List<Parameter> parameters() {
        return parameters;
    }

    public Optional<Parameter> parameter(String name) {
        return parameters.stream().filter(parameter -> parameter.name().equals(name)).findFirst();
    }
}

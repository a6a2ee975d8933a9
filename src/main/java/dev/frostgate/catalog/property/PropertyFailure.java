package dev.frostgate.catalog.property;

import java.util.List;
import java.util.Optional;

/**
 * Why a property change was refused, as data: each door words it its own way (the SQL door with
 * Snowflake's codes and messages through {@link InvalidPropertyException}; SCIM as its error schema,
 * the console beside the field). A failure never carries a secret's value: declarations of secret
 * properties report them masked.
 */
public sealed interface PropertyFailure {

    /** The property every failure is about (the first one, when several are). */
    String property();

    /** The kind of object has no such property (or none that may be set). */
    record UnknownProperty(String property, String objectKind) implements PropertyFailure {}

    /** The value is not one the property takes; {@code shownValue} is how the value may be echoed. */
    record InvalidValue(String property, String shownValue) implements PropertyFailure {}

    /** As {@link InvalidValue}, with the rule the value broke. */
    record InvalidValueBecause(String property, String shownValue, String rule) implements PropertyFailure {}

    /** A whole number outside the property's range. */
    record OutOfRange(String property, String shownValue, long minimum, long maximum) implements PropertyFailure {}

    /** A public key that cannot be read; the key itself is never echoed. */
    record InvalidKey(String property, String reason) implements PropertyFailure {}

    /** The same property given twice in one change. */
    record Duplicate(String property) implements PropertyFailure {}

    /** A property a user of this TYPE cannot have (SERVICE users have no password or names). */
    record NotForUserType(String property, String userType) implements PropertyFailure {}

    /** Required properties that are not given (integrations: Snowflake's "Missing option(s)"). */
    record MissingOptions(List<String> properties) implements PropertyFailure {
        public MissingOptions {
            properties = List.copyOf(properties);
        }

        @Override
        public String property() {
            return properties.get(0);
        }
    }

    /** One required property that is not given (network rules). */
    record MissingRequired(String property) implements PropertyFailure {}

    /** A property fixed at creation, such as a network rule's TYPE. */
    record Unchangeable(String property, String objectKind) implements PropertyFailure {}

    /** Two properties that cannot both be set; {@code because} says why when the reason is not obvious. */
    record MutuallyExclusive(String property, String other, Optional<String> because)
            implements PropertyFailure {}

    /**
     * None of the alternatives is set although one must be; {@code unmet} names a property that is set
     * and needs one of them (a second key without the first).
     */
    record OneRequired(List<String> alternatives, Optional<Needs> unmet) implements PropertyFailure {
        public OneRequired {
            alternatives = List.copyOf(alternatives);
        }

        @Override
        public String property() {
            return alternatives.get(0);
        }
    }

    /** {@code property} is set and cannot be without {@code needed}. */
    record Needs(String property, String needed) {}

    /** An entry of a nested property block in the wrong shape, e.g. a CLIENT_POLICY driver without MINIMUM_VERSION. */
    record MalformedEntry(String property, String entry, String expectedShape) implements PropertyFailure {}

    /** A value that needs another property to include something it does not (004800 in Snowflake). */
    record RequiresValue(String property, String value, String requiredProperty, String requiredValue)
            implements PropertyFailure {}

    /** SECURITY_INTEGRATIONS named while no method that uses integrations is allowed. */
    record IntegrationsWithoutMethod(String property) implements PropertyFailure {}

    /** A number that must not exceed another property's value. */
    record AboveOther(String property, long value, String limitProperty, long limit) implements PropertyFailure {}

    /** A length limit below what the other properties require. */
    record BelowRequired(String property, long value, long required) implements PropertyFailure {}
}

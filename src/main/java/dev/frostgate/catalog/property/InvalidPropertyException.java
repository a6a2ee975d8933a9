package dev.frostgate.catalog.property;

import dev.frostgate.error.ErrorCode;
import dev.frostgate.error.FrostgateException;
import java.util.stream.Collectors;

/**
 * A refused property change. It carries the typed {@link #failure()} for doors that word failures
 * their own way, and Snowflake's code and message (the SQL door's and the drivers' wording) as
 * every {@link FrostgateException} does, so a door that knows nothing of properties still answers
 * correctly.
 */
public final class InvalidPropertyException extends FrostgateException {
    private final transient PropertyFailure failure;

    public InvalidPropertyException(PropertyFailure failure) {
        super(errorCode(failure), arguments(failure));
        this.failure = failure;
    }

    public PropertyFailure failure() {
        return failure;
    }

    private static ErrorCode errorCode(PropertyFailure failure) {
        return switch (failure) {
            case PropertyFailure.UnknownProperty unknown -> ErrorCode.INVALID_PROPERTY;
            case PropertyFailure.InvalidValue invalid -> ErrorCode.INVALID_PROPERTY_VALUE;
            case PropertyFailure.InvalidValueBecause invalid -> ErrorCode.INVALID_PROPERTY_VALUE_BECAUSE;
            case PropertyFailure.OutOfRange outOfRange -> ErrorCode.VALUE_OUT_OF_RANGE;
            case PropertyFailure.InvalidKey invalidKey -> ErrorCode.INVALID_RSA_PUBLIC_KEY;
            case PropertyFailure.Duplicate duplicate -> ErrorCode.DUPLICATE_PROPERTY;
            case PropertyFailure.NotForUserType notForType -> ErrorCode.PROPERTY_NOT_FOR_USER_TYPE;
            case PropertyFailure.MissingOptions missing -> ErrorCode.MISSING_OPTIONS;
            case PropertyFailure.MissingRequired missing -> ErrorCode.MISSING_REQUIRED_PROPERTY;
            case PropertyFailure.Unchangeable unchangeable -> ErrorCode.UNCHANGEABLE_PROPERTY;
            case PropertyFailure.MutuallyExclusive exclusive -> ErrorCode.MUTUALLY_EXCLUSIVE_PROPERTIES;
            case PropertyFailure.OneRequired oneRequired -> ErrorCode.ONE_OF_PROPERTIES_REQUIRED;
            case PropertyFailure.MalformedEntry malformed -> ErrorCode.MALFORMED_PROPERTY_ENTRY;
            case PropertyFailure.RequiresValue requires -> ErrorCode.POLICY_VALUE_REQUIRES_VALUE;
            case PropertyFailure.IntegrationsWithoutMethod integrations -> ErrorCode.INTEGRATIONS_WITHOUT_METHOD;
            case PropertyFailure.AboveOther above -> ErrorCode.VALUE_ABOVE_OTHER_PROPERTY;
            case PropertyFailure.BelowRequired below -> ErrorCode.LENGTH_BELOW_REQUIRED;
        };
    }

    private static Object[] arguments(PropertyFailure failure) {
        return switch (failure) {
            case PropertyFailure.UnknownProperty unknown -> new Object[] {unknown.property(), unknown.objectKind()};
            case PropertyFailure.InvalidValue invalid -> new Object[] {invalid.shownValue(), invalid.property()};
            case PropertyFailure.InvalidValueBecause invalid ->
                    new Object[] {invalid.shownValue(), invalid.property(), invalid.rule()};
            case PropertyFailure.OutOfRange range ->
                    new Object[] {range.shownValue(), range.property(), range.minimum(), range.maximum()};
            case PropertyFailure.InvalidKey invalidKey -> new Object[] {invalidKey.property(), invalidKey.reason()};
            case PropertyFailure.Duplicate duplicate -> new Object[] {duplicate.property()};
            case PropertyFailure.NotForUserType notForType ->
                    new Object[] {notForType.property(), notForType.userType()};
            case PropertyFailure.MissingOptions missing -> new Object[] {String.join(", ", missing.properties())};
            case PropertyFailure.MissingRequired missing -> new Object[] {missing.property()};
            case PropertyFailure.Unchangeable unchangeable ->
                    new Object[] {unchangeable.property(), unchangeable.objectKind()};
            case PropertyFailure.MutuallyExclusive exclusive -> new Object[] {exclusive.property(), exclusive.other(),
                    exclusive.because().map(because -> ": " + because).orElse("")};
            case PropertyFailure.OneRequired oneRequired -> new Object[] {
                    oneRequired.unmet().map(unmet -> unmet.property() + " needs " + unmet.needed() + ". ")
                            .orElse(""),
                    oneRequired.alternatives().stream().collect(Collectors.joining(" or "))};
            case PropertyFailure.MalformedEntry malformed ->
                    new Object[] {malformed.property(), malformed.entry(), malformed.expectedShape()};
            case PropertyFailure.RequiresValue requires -> new Object[] {requires.property(), requires.value(),
                    requires.requiredValue(), requires.requiredProperty()};
            case PropertyFailure.IntegrationsWithoutMethod integrations -> new Object[] {integrations.property()};
            case PropertyFailure.AboveOther above ->
                    new Object[] {above.property(), above.value(), above.limitProperty(), above.limit()};
            case PropertyFailure.BelowRequired below ->
                    new Object[] {below.property(), below.value(), below.required()};
        };
    }
}

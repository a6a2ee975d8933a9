package dev.frostgate.catalog;

import dev.frostgate.catalog.property.PropertyValues;
import dev.frostgate.error.ErrorCode;
import dev.frostgate.error.FrostgateException;
import dev.frostgate.catalog.property.InvalidPropertyException;
import dev.frostgate.catalog.property.PropertyFailure;
import dev.frostgate.catalog.property.PropertySetting;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Applies CREATE's properties and ALTER's SET / UNSET to an integration through its type's
 * declarations, then checks what the type requires: required parameters present and its
 * cross-parameter rules. TYPE, ENABLED and COMMENT are common to all types.
 */
final class SecurityIntegrationEditor {
    static final String TYPE = "TYPE";
    private static final IntegrationParameter ENABLED = IntegrationParameter.bool("ENABLED", true);
    private static final String COMMENT = "COMMENT";
    private static final String OBJECT = "INTEGRATION";

    private final Predicate<String> networkPolicyExists;

    SecurityIntegrationEditor(Predicate<String> networkPolicyExists) {
        this.networkPolicyExists = networkPolicyExists;
    }

    /** CREATE: the properties on a fresh integration, then the rules only a new integration must meet. */
    SecurityIntegration create(IntegrationType type, SecurityIntegration fresh, List<PropertySetting> properties) {
        SecurityIntegration created = set(type, fresh, properties);
        type.checkCreated(created);
        return created;
    }

    SecurityIntegration set(IntegrationType type, SecurityIntegration integration, List<PropertySetting> properties) {
        SecurityIntegration changed = integration;
        for (PropertySetting property : properties) {
            String name = property.name();
            if (name.equals(TYPE)) {
                // ALTER may repeat the type (seed 004: SET [TYPE = EXTERNAL_OAUTH]) but not change it.
                IntegrationParameter.choice(TYPE, type.name()).read(property.value());
            } else if (name.equals(ENABLED.name())) {
                changed = changed.withEnabled(Boolean.parseBoolean(ENABLED.read(property.value()).get(0)));
            } else if (name.equals(COMMENT)) {
                changed = changed.withComment(Optional.of(PropertyValues.text(name, property.value())));
            } else {
                IntegrationParameter parameter = declared(type, name);
                List<String> value = parameter.read(property.value());
                type.checkWritten(parameter, value);
                if (parameter.kind() == IntegrationParameter.Kind.NETWORK_POLICY) {
                    value = List.of(value.get(0).toUpperCase(Locale.ROOT));
                    requireNetworkPolicy(value.get(0));
                }
                changed = changed.withParameter(name, Optional.of(value));
            }
        }
        return checked(type, changed);
    }

    /** UNSET returns a parameter to its default; a required one cannot be unset. */
    SecurityIntegration unset(IntegrationType type, SecurityIntegration integration, List<String> names) {
        SecurityIntegration changed = integration;
        for (String name : names) {
            if (name.equals(ENABLED.name())) {
                changed = changed.withEnabled(true);
            } else if (name.equals(COMMENT)) {
                changed = changed.withComment(Optional.empty());
            } else {
                IntegrationParameter parameter = declared(type, name);
                if (parameter.required()) {
                    throw missing(name);
                }
                changed = changed.withParameter(name, Optional.empty());
            }
        }
        return checked(type, changed);
    }

    private SecurityIntegration checked(IntegrationType type, SecurityIntegration integration) {
        type.parameters().stream().filter(IntegrationParameter::required)
                .filter(parameter -> !integration.isSet(parameter.name())).findFirst()
                .ifPresent(parameter -> {
                    throw missing(parameter.name());
                });
        type.checkConsistency(integration);
        return integration;
    }

    private void requireNetworkPolicy(String name) {
        if (!networkPolicyExists.test(name)) {
            throw new FrostgateException(ErrorCode.OBJECT_DOES_NOT_EXIST, "Network policy", name);
        }
    }

    private static IntegrationParameter declared(IntegrationType type, String name) {
        return type.parameter(name).orElseThrow(() -> PropertyValues.unknown(name, OBJECT));
    }

    static InvalidPropertyException missing(String name) {
        return new InvalidPropertyException(new PropertyFailure.MissingOptions(List.of(name)));
    }
}

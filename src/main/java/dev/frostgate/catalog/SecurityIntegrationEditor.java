package dev.frostgate.catalog;

import dev.frostgate.catalog.property.InvalidPropertyException;
import dev.frostgate.catalog.property.PropertyDeclaration;
import dev.frostgate.catalog.property.PropertyFailure;
import dev.frostgate.catalog.property.PropertyModel;
import dev.frostgate.catalog.property.PropertySetting;
import dev.frostgate.catalog.property.PropertyValues;
import dev.frostgate.error.ErrorCode;
import dev.frostgate.error.FrostgateException;
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
    private static final PropertyDeclaration ENABLED = PropertyDeclaration.bool("ENABLED", true);
    private static final PropertyDeclaration COMMENT = PropertyDeclaration.text("COMMENT");
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
        for (PropertyModel.Read property : properties(type).read(properties)) {
            String name = property.name();
            if (name.equals(TYPE)) {
                // ALTER may repeat the type (seed 004: SET [TYPE = EXTERNAL_OAUTH]) but not change it: its
                // declaration allows only this integration's own type.
                continue;
            }
            if (name.equals(ENABLED.name())) {
                changed = changed.withEnabled(Boolean.parseBoolean(property.value()));
            } else if (name.equals(COMMENT.name())) {
                changed = changed.withComment(Optional.of(property.value()));
            } else {
                List<String> value = property.values();
                type.checkWritten(property.declaration(), value);
                if (property.declaration().kind() == PropertyDeclaration.Kind.NETWORK_POLICY) {
                    value = List.of(value.get(0).toUpperCase(Locale.ROOT));
                    requireNetworkPolicy(value.get(0));
                }
                changed = changed.withParameter(name, Optional.of(value));
            }
        }
        return checked(type, changed);
    }

    /** UNSET returns a parameter to its default; a required one cannot be unset, and TYPE is no parameter. */
    SecurityIntegration unset(IntegrationType type, SecurityIntegration integration, List<String> names) {
        SecurityIntegration changed = integration;
        for (PropertyDeclaration parameter : properties(type).unset(names)) {
            String name = parameter.name();
            if (name.equals(ENABLED.name())) {
                changed = changed.withEnabled(true);
            } else if (name.equals(COMMENT.name())) {
                changed = changed.withComment(Optional.empty());
            } else if (name.equals(TYPE)) {
                throw PropertyValues.unknown(name, OBJECT);
            } else if (parameter.required()) {
                throw missing(name);
            } else {
                changed = changed.withParameter(name, Optional.empty());
            }
        }
        return checked(type, changed);
    }

    /** What a type's integrations accept: TYPE (its own only), ENABLED, COMMENT, then the type's parameters. */
    private static PropertyModel properties(IntegrationType type) {
        return PropertyModel.of(OBJECT, PropertyDeclaration.choice(TYPE, type.name()), ENABLED, COMMENT)
                .with(type.parameters());
    }

    private SecurityIntegration checked(IntegrationType type, SecurityIntegration integration) {
        type.parameters().stream().filter(PropertyDeclaration::required)
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

    static InvalidPropertyException missing(String name) {
        return new InvalidPropertyException(new PropertyFailure.MissingOptions(List.of(name)));
    }
}

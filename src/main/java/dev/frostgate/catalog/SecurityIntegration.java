package dev.frostgate.catalog;

import dev.frostgate.catalog.property.PropertyDeclaration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A security integration as stored: the common columns, and the parameters that were set (normalised
 * by their {@link PropertyDeclaration}); unset parameters take their declared defaults.
 */
public record SecurityIntegration(String name, String type, boolean enabled, Optional<String> comment,
                                  Optional<String> owner, Instant createdOn, Map<String, List<String>> parameters) {

    public SecurityIntegration {
        parameters = Map.copyOf(parameters);
    }

    /** The parameter's value: as set, else its default (empty when it has none). */
    public List<String> value(PropertyDeclaration parameter) {
        return parameters.getOrDefault(parameter.name(), parameter.defaultValue());
    }

    public boolean isSet(String parameterName) {
        return parameters.containsKey(parameterName);
    }

    SecurityIntegration withParameter(String name, Optional<List<String>> value) {
        Map<String, List<String>> changed = new LinkedHashMap<>(parameters);
        value.ifPresentOrElse(values -> changed.put(name, List.copyOf(values)), () -> changed.remove(name));
        return new SecurityIntegration(this.name, type, enabled, comment, owner, createdOn, changed);
    }

    SecurityIntegration withEnabled(boolean value) {
        return new SecurityIntegration(name, type, value, comment, owner, createdOn, parameters);
    }

    SecurityIntegration withComment(Optional<String> value) {
        return new SecurityIntegration(name, type, enabled, value, owner, createdOn, parameters);
    }

    SecurityIntegration withOwner(String role) {
        return new SecurityIntegration(name, type, enabled, comment, Optional.of(role), createdOn, parameters);
    }
}

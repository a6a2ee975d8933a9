package dev.frostgate.catalog;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** A password or session policy: its kind, the parameters set on it (others take defaults), and its metadata. */
public record ParameterPolicy(ParameterPolicyKind kind, String name, Optional<String> databaseName,
                              Optional<String> schemaName, Map<String, Integer> values, Optional<String> comment,
                              Optional<String> owner, Instant createdOn) {

    public ParameterPolicy {
        values = Map.copyOf(values);
    }

    /** The parameter's value on this policy, or its default. */
    public int value(String parameter) {
        Integer set = values.get(parameter);
        return set != null ? set : kind.parameter(parameter).orElseThrow().defaultValue();
    }

    public ParameterPolicy ownedBy(String newOwner) {
        return new ParameterPolicy(kind, name, databaseName, schemaName, values, comment, Optional.of(newOwner),
                createdOn);
    }

    public ParameterPolicy with(String newName, Map<String, Integer> newValues, Optional<String> newComment) {
        return new ParameterPolicy(kind, newName, databaseName, schemaName, newValues, newComment, owner, createdOn);
    }
}

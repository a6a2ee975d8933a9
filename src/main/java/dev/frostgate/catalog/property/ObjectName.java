package dev.frostgate.catalog.property;

import java.util.List;
import java.util.Optional;

/**
 * The name of a schema-level object, optionally qualified by schema and database
 * ({@code db.schema.policy}); each part already normalised by the door's identifier rules.
 */
public record ObjectName(List<String> parts) {
    public ObjectName {
        parts = List.copyOf(parts);
        if (parts.isEmpty() || parts.size() > 3) {
            throw new IllegalArgumentException("a name has one to three parts");
        }
    }

    public static ObjectName of(String... parts) {
        return new ObjectName(List.of(parts));
    }

    /** The database qualifier of {@code db.schema.name}. */
    public Optional<String> database() {
        return parts.size() == 3 ? Optional.of(parts.get(0)) : Optional.empty();
    }

    /** The schema qualifier of {@code schema.name} or {@code db.schema.name}. */
    public Optional<String> schema() {
        return parts.size() >= 2 ? Optional.of(parts.get(parts.size() - 2)) : Optional.empty();
    }

    /** The object's own name, without qualifiers. */
    public String name() {
        return parts.get(parts.size() - 1);
    }

    @Override
    public String toString() {
        return String.join(".", parts);
    }
}

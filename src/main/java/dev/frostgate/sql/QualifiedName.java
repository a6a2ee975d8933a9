package dev.frostgate.sql;

import java.util.List;

/**
 * A possibly qualified object name such as {@code db.schema.policy}; each part already normalised
 * by the identifier rules.
 */
public record QualifiedName(List<String> parts) {
    public QualifiedName {
        parts = List.copyOf(parts);
        if (parts.isEmpty() || parts.size() > 3) {
            throw new IllegalArgumentException("a name has one to three parts");
        }
    }

    public static QualifiedName of(String... parts) {
        return new QualifiedName(List.of(parts));
    }

    /** The database qualifier of {@code db.schema.name}. */
    public java.util.Optional<String> database() {
        return parts.size() == 3 ? java.util.Optional.of(parts.get(0)) : java.util.Optional.empty();
    }

    /** The schema qualifier of {@code schema.name} or {@code db.schema.name}. */
    public java.util.Optional<String> schema() {
        return parts.size() >= 2 ? java.util.Optional.of(parts.get(parts.size() - 2)) : java.util.Optional.empty();
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

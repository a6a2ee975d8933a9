package dev.frostgate.catalog;

import java.time.Instant;
import java.util.Optional;

/**
 * A database or a schema. Frostgate holds no data: they are namespaces that schema-level objects
 * (policies, network rules) are created in and that privileges are granted on. A schema's name is
 * {@code DATABASE.SCHEMA}.
 */
public record Namespace(Kind kind, String name, Optional<String> comment, Optional<String> owner, Instant createdOn) {

    public enum Kind { DATABASE, SCHEMA }

    /** The database a schema belongs to (a database's is itself). */
    public String databaseName() {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}

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

    /** A session's current database and schema (a schema only within a database). */
    public record Current(Optional<String> database, Optional<String> schema) {
        public static final Current NONE = new Current(Optional.empty(), Optional.empty());
    }

    /** The database a schema belongs to (a database's is itself). */
    public String databaseName() {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}

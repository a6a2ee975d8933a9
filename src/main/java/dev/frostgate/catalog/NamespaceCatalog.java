package dev.frostgate.catalog;

import dev.frostgate.catalog.property.ObjectName;
import dev.frostgate.catalog.property.PropertyDeclaration;
import dev.frostgate.catalog.property.PropertyModel;
import dev.frostgate.catalog.property.PropertySetting;
import dev.frostgate.error.ErrorCode;
import dev.frostgate.error.FrostgateException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** CREATE / DROP / SHOW of databases and schemas, with Snowflake's privileges. */
public final class NamespaceCatalog {
    private static final String PUBLIC_SCHEMA = "PUBLIC";
    private final NamespaceRepository repository;
    private final AccessControl accessControl;
    private final Clock clock;
    private final String accountName;

    public NamespaceCatalog(NamespaceRepository repository, AccessControl accessControl, Clock clock,
                            String accountName) {
        this.repository = repository;
        this.accessControl = accessControl;
        this.clock = clock;
        this.accountName = accountName;
    }

    /** Databases need CREATE DATABASE on the account; schemas need ownership of, or CREATE SCHEMA on, the database. */
    public boolean create(Actor actor, Namespace.Kind kind, String name, List<PropertySetting> properties,
                          boolean orReplace, boolean ifNotExists) {
        Optional<String> comment = comment(kind, properties);
        if (kind == Namespace.Kind.DATABASE) {
            accessControl.requireOnAccount(actor, Privilege.CREATE_DATABASE, accountName);
        } else {
            Namespace database = require(Namespace.Kind.DATABASE, name.substring(0, name.indexOf('.')));
            if (!accessControl.owns(actor, database.owner())
                    && !accessControl.holds(actor, Privilege.CREATE_SCHEMA, ObjectKind.DATABASE, database.name())) {
                throw AccessControl.insufficient("database", database.name());
            }
        }
        Optional<Namespace> existing = repository.find(kind, name);
        if (!Existence.mayCreate(existing, orReplace, ifNotExists, name)) {
            return false;
        }
        existing.ifPresent(found -> accessControl.requireOwnership(actor, found.owner(), kind.name(), name));
        repository.save(new Namespace(kind, name, comment, Optional.of(actor.primaryRole()), clock.instant()));
        return true;
    }

    public boolean drop(Actor actor, Namespace.Kind kind, String name, boolean ifExists) {
        Optional<Namespace> found = repository.find(kind, name);
        if (found.isEmpty()) {
            if (ifExists) {
                return false;
            }
            throw notFound(kind, name);
        }
        accessControl.requireOwnership(actor, found.get().owner(), kind.name(), name);
        return repository.delete(kind, name);
    }

    public List<Namespace> list(Namespace.Kind kind) {
        return repository.list(kind);
    }

    public Namespace require(Namespace.Kind kind, String name) {
        return repository.find(kind, name).orElseThrow(() -> notFound(kind, name));
    }

    /**
     * The schema USE DATABASE makes current: PUBLIC when the database has one, as in Snowflake (where every
     * database is created with it; here it exists once someone creates it), else none.
     */
    public Optional<String> defaultSchemaOf(String database) {
        return repository.find(Namespace.Kind.SCHEMA, database + "." + PUBLIC_SCHEMA).map(found -> PUBLIC_SCHEMA);
    }

    /**
     * The current database and schema a session starts in from its connect string, as Snowflake sets them: only
     * what exists, without failing the login (a missing database leaves none, a missing schema none); a database
     * without a schema starts in its {@linkplain #defaultSchemaOf default schema}.
     */
    public Namespace.Current initialNamespace(Optional<String> database, Optional<String> schema) {
        Optional<String> existingDatabase = database.filter(name -> repository.find(Namespace.Kind.DATABASE, name)
                .isPresent());
        if (existingDatabase.isEmpty()) {
            return Namespace.Current.NONE;
        }
        Optional<String> existingSchema = schema.isEmpty() ? defaultSchemaOf(existingDatabase.get())
                : schema.filter(name -> repository.find(Namespace.Kind.SCHEMA, existingDatabase.get() + "." + name)
                        .isPresent());
        return new Namespace.Current(existingDatabase, existingSchema);
    }

    /**
     * The actor must be able to create a schema-level object of this kind (e.g. CREATE AUTHENTICATION
     * POLICY) in the named object's schema; a refusal names the schema (or the account for an unqualified
     * name).
     */
    public void requireMayCreateIn(Actor actor, Privilege privilege, ObjectName objectName) {
        if (!mayCreateIn(actor, privilege, objectName)) {
            throw objectName.parts().size() == 3
                    ? AccessControl.insufficient("schema", objectName.parts().get(0) + "." + objectName.parts().get(1))
                    : AccessControl.insufficient("account", accountName);
        }
    }

    /**
     * May the actor create a schema-level object of this kind in the named object's schema? Granted on
     * the account, or on that schema.
     */
    private boolean mayCreateIn(Actor actor, Privilege privilege, ObjectName objectName) {
        if (accessControl.holdsOnAccount(actor, privilege)) {
            return true;
        }
        if (objectName.parts().size() < 3) {
            return false;
        }
        String schema = objectName.parts().get(0) + "." + objectName.parts().get(1);
        return repository.find(Namespace.Kind.SCHEMA, schema).isPresent()
                && accessControl.holds(actor, privilege, ObjectKind.SCHEMA, schema);
    }

    private static FrostgateException notFound(Namespace.Kind kind, String name) {
        return new FrostgateException(ErrorCode.OBJECT_DOES_NOT_EXIST,
                kind == Namespace.Kind.DATABASE ? "Database" : "Schema", name);
    }

    /** A database or schema takes only a COMMENT here. */
    private static Optional<String> comment(Namespace.Kind kind, List<PropertySetting> properties) {
        return PropertyModel.of(kind.name(), PropertyDeclaration.text("COMMENT")).read(properties).stream()
                .findFirst().map(PropertyModel.Read::value);
    }
}

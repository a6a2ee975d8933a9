package dev.frostgate.exec;

import dev.frostgate.auth.RoleSwitching;
import dev.frostgate.auth.Session;
import dev.frostgate.auth.SessionManager;
import dev.frostgate.catalog.AccessControl;
import dev.frostgate.catalog.Namespace;
import dev.frostgate.catalog.NamespaceCatalog;
import java.util.Optional;
import dev.frostgate.error.ErrorCode;
import dev.frostgate.error.FrostgateException;
import dev.frostgate.sql.Statement;

/** USE ROLE, USE SECONDARY ROLES, USE &lt;object&gt;, ALTER SESSION and transaction statements. */
final class SessionStatements {
    private final SessionManager sessions;
    private final AccessControl accessControl;

    private final NamespaceCatalog namespaces;

    SessionStatements(SessionManager sessions, AccessControl accessControl, NamespaceCatalog namespaces) {
        this.namespaces = namespaces;
        this.sessions = sessions;
        this.accessControl = accessControl;
    }

    ResultTable useRole(SessionContext context, Statement.UseRole use) {
        // A dropped role has no grants left, so "not granted" covers "does not exist" too.
        if (!accessControl.hierarchy().isGrantedToUser(use.role(), context.actor().userName())) {
            throw new FrostgateException(ErrorCode.ROLE_NOT_ASSIGNED, use.role());
        }
        RoleSwitching switching = context.session().origin().roleSwitching();
        if (switching != RoleSwitching.FREE && !use.role().equals(context.session().primaryRole())) {
            throw new FrostgateException(ErrorCode.ROLE_FIXED_BY_CREDENTIAL, context.session().primaryRole(),
                    use.role());
        }
        context.replace(sessions.changeRoles(context.session(), use.role(), context.session().secondaryRolesAll()));
        return ResultTable.success();
    }

    /** A PAT's role restriction is the session's only role: secondary roles stay off. */
    ResultTable useSecondaryRoles(SessionContext context, Statement.UseSecondaryRoles use) {
        if (use.all() && context.session().origin().roleSwitching() == RoleSwitching.FIXED) {
            throw new FrostgateException(ErrorCode.SECONDARY_ROLES_FIXED_BY_CREDENTIAL,
                    context.session().primaryRole());
        }
        context.replace(sessions.changeRoles(context.session(), context.session().primaryRole(), use.all()));
        return ResultTable.success();
    }

    /**
     * USE DATABASE d / USE SCHEMA [d.]s set the session's context for unqualified schema-level names (USE DATABASE
     * also makes the database's PUBLIC schema current, if it has one, as Snowflake does); USE WAREHOUSE w makes w
     * current whatever its name, since Frostgate stores no warehouses.
     */
    ResultTable useObject(SessionContext context, Statement.UseObject use) {
        Session.Context current = context.session().context();
        Session.Context changed = switch (use.kind()) {
            case "DATABASE" -> {
                namespaces.require(Namespace.Kind.DATABASE, use.name());
                yield current.withNamespace(Optional.of(use.name()), namespaces.defaultSchemaOf(use.name()));
            }
            case "SCHEMA" -> {
                String[] parts = use.name().split("\\.");
                String database = parts.length == 2 ? parts[0] : context.session().currentDatabase().orElseThrow(
                        () -> new FrostgateException(ErrorCode.INVALID_ARGUMENT, "Cannot perform USE SCHEMA. This "
                                + "session does not have a current database. Call 'USE DATABASE', or use a qualified name."));
                String schema = parts[parts.length - 1];
                namespaces.require(Namespace.Kind.SCHEMA, database + "." + schema);
                yield current.withNamespace(Optional.of(database), Optional.of(schema));
            }
            case "WAREHOUSE" -> current.withWarehouse(use.name());
            default -> throw new IllegalArgumentException("USE " + use.kind());
        };
        context.replace(sessions.changeContext(context.session(), changed));
        return ResultTable.success();
    }

    /** Session parameters are accepted (drivers send them, e.g. AUTOCOMMIT) and have no effect here. */
    ResultTable alterSession() {
        return new ResultTable(ResultTable.success().columns(), ResultTable.success().rows(),
                StatementKind.ALTER_SESSION);
    }

    ResultTable transaction() {
        return new ResultTable(ResultTable.success().columns(), ResultTable.success().rows(),
                StatementKind.TRANSACTION);
    }
}

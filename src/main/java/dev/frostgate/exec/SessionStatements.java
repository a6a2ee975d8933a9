package dev.frostgate.exec;

import dev.frostgate.auth.SessionManager;
import dev.frostgate.catalog.AccessControl;
import dev.frostgate.error.ErrorCode;
import dev.frostgate.error.FrostgateException;
import dev.frostgate.sql.Statement;

/** USE ROLE, USE SECONDARY ROLES, USE &lt;object&gt;, ALTER SESSION and transaction statements. */
final class SessionStatements {
    private final SessionManager sessions;
    private final AccessControl accessControl;

    SessionStatements(SessionManager sessions, AccessControl accessControl) {
        this.sessions = sessions;
        this.accessControl = accessControl;
    }

    ResultTable useRole(SessionContext context, Statement.UseRole use) {
        // A dropped role has no grants left, so "not granted" covers "does not exist" too.
        if (!accessControl.hierarchy().isGrantedToUser(use.role(), context.actor().userName())) {
            throw new FrostgateException(ErrorCode.ROLE_NOT_ASSIGNED, use.role());
        }
        context.replace(sessions.changeRoles(context.session(), use.role(), context.session().secondaryRolesAll()));
        return ResultTable.success();
    }

    ResultTable useSecondaryRoles(SessionContext context, Statement.UseSecondaryRoles use) {
        context.replace(sessions.changeRoles(context.session(), context.session().primaryRole(), use.all()));
        return ResultTable.success();
    }

    /** Databases, schemas and warehouses do not exist here; USE is accepted so client tools can connect. */
    ResultTable useObject() {
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

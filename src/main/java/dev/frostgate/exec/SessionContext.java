package dev.frostgate.exec;

import dev.frostgate.auth.Session;
import dev.frostgate.catalog.Actor;
import dev.frostgate.catalog.property.ObjectName;
import dev.frostgate.sql.QualifiedName;

/** The session a statement runs in; USE ROLE replaces it for the statements that follow. */
public final class SessionContext {
    private Session session;

    public SessionContext(Session session) {
        this.session = session;
    }

    public Session session() {
        return session;
    }

    void replace(Session changed) {
        this.session = changed;
    }

    /**
     * Completes an object name with the session's current database and schema, as Snowflake does for
     * schema-level objects: {@code p} → {@code DB.SCHEMA.P}, {@code s.p} → {@code DB.S.P}.
     */
    public ObjectName qualify(QualifiedName name) {
        java.util.List<String> parts = new java.util.ArrayList<>(name.parts());
        if (parts.size() == 1 && session.currentSchema().isPresent()) {
            parts.add(0, session.currentSchema().get());
        }
        if (parts.size() == 2 && session.currentDatabase().isPresent()) {
            parts.add(0, session.currentDatabase().get());
        }
        return new ObjectName(parts);
    }

    public Actor actor() {
        return new Actor(session.userName(), session.primaryRole(), session.secondaryRolesAll(),
                session.clientIp().orElse(""), session.authenticationMethod());
    }
}

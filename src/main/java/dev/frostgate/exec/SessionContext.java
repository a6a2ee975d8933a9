package dev.frostgate.exec;

import dev.frostgate.auth.Session;
import dev.frostgate.catalog.Actor;

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

    public Actor actor() {
        return new Actor(session.userName(), session.primaryRole(), session.secondaryRolesAll(),
                session.clientIp().orElse(""));
    }
}

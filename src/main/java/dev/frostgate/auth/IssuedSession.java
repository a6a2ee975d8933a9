package dev.frostgate.auth;

/** A freshly opened or renewed session with its bearer tokens: the only time they exist in clear. */
public record IssuedSession(Session session, String sessionToken, String masterToken) {
    @Override
    public String toString() {
        return "IssuedSession[id=" + session.id() + "]";
    }
}

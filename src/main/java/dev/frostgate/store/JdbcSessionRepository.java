package dev.frostgate.store;

import dev.frostgate.auth.RoleSwitching;
import dev.frostgate.auth.Session;
import dev.frostgate.auth.SessionRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Sessions, found by the keyed digest of a token. */
public final class JdbcSessionRepository implements SessionRepository {
    /** As stored: the user is its id (V27), so a rename leaves sessions alone. */
    private static final List<String> STORED_COLUMNS = List.of("id", "session_token_digest", "master_token_digest",
            "user_id", "primary_role", "secondary_roles_all", "authentication_method", "client_ip", "client_type",
            "created_on", "session_expires_at", "master_expires_at", "context_database", "context_schema",
            "last_activity", "credential_id", "role_switching", "integration_network_policy", "context_warehouse");
    private static final String INSERT = "INSERT INTO sessions (" + String.join(", ", STORED_COLUMNS) + ") VALUES ("
            + UserReferences.placeholders(STORED_COLUMNS) + ")";
    /** As read: with the user's current name. */
    private static final String SELECT = UserReferences.selectWithOwnerName(STORED_COLUMNS, "sessions", "s");

    private static final List<String> CHANGEABLE_COLUMNS = List.of("session_token_digest", "master_token_digest",
            "primary_role", "secondary_roles_all", "session_expires_at", "master_expires_at", "context_database",
            "context_schema", "context_warehouse", "last_activity");

    private final Jdbc jdbc;

    public JdbcSessionRepository(Database database) {
        this.jdbc = new Jdbc(database.dataSource());
    }

    @Override
    public void insert(Session session) {
        jdbc.update(INSERT,
                session.id(), session.sessionTokenDigest(), session.masterTokenDigest(), session.userName(),
                session.primaryRole(), session.secondaryRolesAll(), session.authenticationMethod(), session.clientIp(),
                session.clientType(),
                session.createdOn(), session.sessionExpiresAt(), session.masterExpiresAt(), session.currentDatabase(),
                session.currentSchema(), session.lastActivity(), session.origin().credentialId(),
                session.origin().roleSwitching().name(), session.origin().integrationNetworkPolicy(),
                session.currentWarehouse());
    }

    @Override
    public Optional<Session> findBySessionTokenDigest(String digest) {
        return jdbc.queryOne(SELECT + " WHERE s.session_token_digest = ?",
                JdbcSessionRepository::map, digest);
    }

    @Override
    public Optional<Session> findByMasterTokenDigest(String digest) {
        return jdbc.queryOne(SELECT + " WHERE s.master_token_digest = ?",
                JdbcSessionRepository::map, digest);
    }

    @Override
    public Optional<Session> findById(long id) {
        return jdbc.queryOne(SELECT + " WHERE s.id = ?", JdbcSessionRepository::map, id);
    }

    @Override
    public void update(Session before, Session after) {
        ChangedColumns changed = ChangedColumns.between(CHANGEABLE_COLUMNS, changeable(before), changeable(after));
        if (!changed.isEmpty()) {
            jdbc.update(changed.update("sessions", "WHERE id = ?"), changed.parameters(before.id()));
        }
    }

    /** In CHANGEABLE_COLUMNS' order: what renewal, USE and activity change; the rest is fixed at login. */
    private static Object[] changeable(Session session) {
        return new Object[] {session.sessionTokenDigest(), session.masterTokenDigest(), session.primaryRole(),
                session.secondaryRolesAll(), session.sessionExpiresAt(), session.masterExpiresAt(),
                session.currentDatabase(), session.currentSchema(), session.currentWarehouse(),
                session.lastActivity()};
    }

    @Override
    public void delete(long id) {
        jdbc.update("DELETE FROM sessions WHERE id = ?", id);
    }

    @Override
    public void deleteOpenedWith(String credentialId) {
        jdbc.update("DELETE FROM sessions WHERE credential_id = ?", credentialId);
    }

    @Override
    public void deleteForUser(String userName) {
        jdbc.update("DELETE FROM sessions WHERE user_id = " + UserReferences.ID_OF_NAMED, userName);
    }

    private static Session map(ResultSet row) throws SQLException {
        return new Session(row.getLong("id"), row.getString("session_token_digest"),
                row.getString("master_token_digest"), row.getString("user_name"), row.getString("primary_role"),
                row.getBoolean("secondary_roles_all"), row.getString("authentication_method"),
                Jdbc.text(row, "client_ip"), Jdbc.text(row, "client_type"),
                Jdbc.instant(row, "created_on").orElseThrow(), Jdbc.instant(row, "session_expires_at").orElseThrow(),
                Jdbc.instant(row, "master_expires_at").orElseThrow(),
                new Session.Context(Jdbc.text(row, "context_database"), Jdbc.text(row, "context_schema"),
                        Jdbc.text(row, "context_warehouse")),
                Jdbc.instant(row, "last_activity").orElse(Jdbc.instant(row, "created_on").orElseThrow()),
                new Session.Origin(Jdbc.text(row, "credential_id"),
                        RoleSwitching.valueOf(row.getString("role_switching")),
                        Jdbc.text(row, "integration_network_policy")));
    }
}

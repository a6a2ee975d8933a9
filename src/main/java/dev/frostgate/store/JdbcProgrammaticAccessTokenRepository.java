package dev.frostgate.store;

import dev.frostgate.catalog.ProgrammaticAccessToken;
import dev.frostgate.catalog.ProgrammaticAccessTokenRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The {@code programmatic_access_tokens} table. */
public final class JdbcProgrammaticAccessTokenRepository implements ProgrammaticAccessTokenRepository {
    private static final String COLUMNS = "id, user_name, name, secret_digest, role_restriction, expires_at, "
            + "created_on, created_by, comment, disabled, mins_to_bypass, rotated_to";

    private final Jdbc jdbc;

    public JdbcProgrammaticAccessTokenRepository(Database database) {
        this.jdbc = new Jdbc(database.dataSource());
    }

    @Override
    public Optional<ProgrammaticAccessToken> findBySecretDigest(String digest) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM programmatic_access_tokens WHERE secret_digest = ?",
                JdbcProgrammaticAccessTokenRepository::map, digest);
    }

    @Override
    public Optional<ProgrammaticAccessToken> find(String userName, String name) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM programmatic_access_tokens WHERE user_name = ? AND name = ?",
                JdbcProgrammaticAccessTokenRepository::map, userName, name);
    }

    @Override
    public List<ProgrammaticAccessToken> forUser(String userName) {
        return jdbc.query("SELECT " + COLUMNS + " FROM programmatic_access_tokens WHERE user_name = ? ORDER BY name",
                JdbcProgrammaticAccessTokenRepository::map, userName);
    }

    @Override
    public void insert(ProgrammaticAccessToken token) {
        jdbc.update("INSERT INTO programmatic_access_tokens (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                token.id(), token.userName(), token.name(), token.secretDigest(), token.roleRestriction(),
                token.expiresAt(), token.createdOn(), token.createdBy(), token.comment(), token.disabled(),
                token.minsToBypassNetworkPolicyRequirement(), token.rotatedTo());
    }

    @Override
    public boolean delete(String userName, String name) {
        return jdbc.update("DELETE FROM programmatic_access_tokens WHERE user_name = ? AND name = ?", userName,
                name) > 0;
    }

    @Override
    public void update(String previousName, ProgrammaticAccessToken token) {
        jdbc.update("UPDATE programmatic_access_tokens SET name = ?, comment = ?, disabled = ?, mins_to_bypass = ? "
                + "WHERE user_name = ? AND name = ?", token.name(), token.comment(), token.disabled(),
                token.minsToBypassNetworkPolicyRequirement(), token.userName(), previousName);
    }

    @Override
    public void rotate(ProgrammaticAccessToken live, ProgrammaticAccessToken rotated) {
        jdbc.inTransaction(connection -> {
            Jdbc.update(connection, "UPDATE programmatic_access_tokens SET secret_digest = ?, expires_at = ?, "
                    + "created_on = ? WHERE id = ?", "rotating-" + live.id(), live.expiresAt(), live.createdOn(),
                    live.id());
            Jdbc.update(connection, "INSERT INTO programmatic_access_tokens (" + COLUMNS + ") VALUES "
                    + "(?,?,?,?,?,?,?,?,?,?,?,?)", rotated.id(), rotated.userName(), rotated.name(),
                    rotated.secretDigest(), rotated.roleRestriction(), rotated.expiresAt(), rotated.createdOn(),
                    rotated.createdBy(), rotated.comment(), rotated.disabled(),
                    rotated.minsToBypassNetworkPolicyRequirement(), rotated.rotatedTo());
            return Jdbc.update(connection, "UPDATE programmatic_access_tokens SET secret_digest = ? WHERE id = ?",
                    live.secretDigest(), live.id());
        });
    }

    @Override
    public void reportLeaked(String tokenId, String reportedBy, java.time.Instant reportedOn,
                             Optional<String> source) {
        jdbc.update("UPDATE programmatic_access_tokens SET disabled = TRUE, leak_reported_by = ?, "
                + "leak_reported_on = ?, leak_source = ? WHERE id = ?", reportedBy, reportedOn, source, tokenId);
    }

    @Override
    public void disableAll(String userName) {
        jdbc.update("UPDATE programmatic_access_tokens SET disabled = TRUE WHERE user_name = ?", userName);
    }

    private static ProgrammaticAccessToken map(ResultSet row) throws SQLException {
        return new ProgrammaticAccessToken(row.getString("id"), row.getString("user_name"), row.getString("name"),
                row.getString("secret_digest"), Jdbc.text(row, "role_restriction"),
                Jdbc.instant(row, "expires_at").orElseThrow(), Jdbc.instant(row, "created_on").orElseThrow(),
                row.getString("created_by"), Jdbc.text(row, "comment"), row.getBoolean("disabled"),
                row.getInt("mins_to_bypass"), Jdbc.text(row, "rotated_to"));
    }
}

package dev.frostgate.store;

import dev.frostgate.catalog.NameOrder;
import dev.frostgate.catalog.ProgrammaticAccessToken;
import dev.frostgate.catalog.ProgrammaticAccessTokenRepository;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code programmatic_access_tokens} table. */
public final class JdbcProgrammaticAccessTokenRepository implements ProgrammaticAccessTokenRepository {
    /** As stored: the owner is its id (V27), so a rename of the user leaves its tokens alone. */
    private static final List<String> STORED_COLUMNS = List.of("id", "user_id", "name", "secret_digest",
            "role_restriction", "expires_at", "created_on", "created_by", "comment", "disabled", "mins_to_bypass",
            "bypass_until", "rotated_to", "last_altered_on", "last_altered_by", "last_used_on");
    private static final String INSERT = "INSERT INTO programmatic_access_tokens ("
            + String.join(", ", STORED_COLUMNS) + ") VALUES (" + UserReferences.placeholders(STORED_COLUMNS) + ")";
    /** As read: with the owner's current name. */
    private static final String SELECT = UserReferences.selectWithOwnerName(STORED_COLUMNS,
            "programmatic_access_tokens", "t");
    private static final List<String> MODIFIABLE_COLUMNS = List.of("name", "comment", "disabled", "mins_to_bypass",
            "bypass_until", "last_altered_on", "last_altered_by");

    private final Jdbc jdbc;

    public JdbcProgrammaticAccessTokenRepository(Database database) {
        this.jdbc = new Jdbc(database.dataSource());
    }

    @Override
    public Optional<ProgrammaticAccessToken> findBySecretDigest(String digest) {
        return jdbc.queryOne(SELECT + " WHERE t.secret_digest = ?",
                JdbcProgrammaticAccessTokenRepository::map, digest);
    }

    @Override
    public Optional<ProgrammaticAccessToken> find(String userName, String name) {
        return jdbc.queryOne(SELECT + " WHERE t.user_id = " + UserReferences.ID_OF_NAMED + " AND t.name = ?",
                JdbcProgrammaticAccessTokenRepository::map, userName, name);
    }

    @Override
    public List<ProgrammaticAccessToken> forUser(String userName) {
        return NameOrder.sorted(jdbc.query(SELECT + " WHERE t.user_id = " + UserReferences.ID_OF_NAMED,
                JdbcProgrammaticAccessTokenRepository::map, userName), ProgrammaticAccessToken::name);
    }

    @Override
    public void insert(ProgrammaticAccessToken token) {
        jdbc.inConnection(connection -> insert(connection, token));
    }

    @Override
    public boolean delete(String userName, String name) {
        return jdbc.update("DELETE FROM programmatic_access_tokens WHERE user_id = " + UserReferences.ID_OF_NAMED
                + " AND name = ?", userName, name) > 0;
    }

    @Override
    public void update(ProgrammaticAccessToken before, ProgrammaticAccessToken after) {
        ChangedColumns changed = ChangedColumns.between(MODIFIABLE_COLUMNS, modifiable(before), modifiable(after));
        if (!changed.isEmpty()) {
            jdbc.update(changed.update("programmatic_access_tokens", "WHERE id = ?"), changed.parameters(before.id()));
        }
    }

    /** In MODIFIABLE_COLUMNS' order: what MODIFY … SET / UNSET / RENAME TO may change. */
    private static Object[] modifiable(ProgrammaticAccessToken token) {
        return new Object[] {token.name(), token.comment(), token.disabled(),
                token.minsToBypassNetworkPolicyRequirement(), token.bypassUntil(), token.lastAlteredOn(),
                token.lastAlteredBy()};
    }

    @Override
    public void rotate(ProgrammaticAccessToken live, ProgrammaticAccessToken rotated) {
        jdbc.inTransaction(connection -> {
            // The old digest moves to the rotated token, so the live row lets go of it first (it is unique).
            Jdbc.update(connection, "UPDATE programmatic_access_tokens SET secret_digest = ?, expires_at = ?, "
                    + "created_on = ?, last_altered_on = ?, last_altered_by = ? WHERE id = ?", "rotating-" + live.id(),
                    live.expiresAt(), live.createdOn(), live.lastAlteredOn(), live.lastAlteredBy(), live.id());
            insert(connection, rotated);
            return Jdbc.update(connection, "UPDATE programmatic_access_tokens SET secret_digest = ? WHERE id = ?",
                    live.secretDigest(), live.id());
        });
    }

    @Override
    public List<ProgrammaticAccessToken> all() {
        return jdbc.query(SELECT, JdbcProgrammaticAccessTokenRepository::map).stream()
                .sorted(NameOrder.by(ProgrammaticAccessToken::userName)
                        .thenComparing(NameOrder.by(ProgrammaticAccessToken::name)))
                .toList();
    }

    @Override
    public void recordUse(Map<String, Instant> lastUseById) {
        if (lastUseById.isEmpty()) {
            return;
        }
        jdbc.inTransaction(connection -> {
            for (Map.Entry<String, Instant> use : lastUseById.entrySet()) {
                // Another node may have recorded a later use already.
                Jdbc.update(connection, "UPDATE programmatic_access_tokens SET last_used_on = ? WHERE id = ? "
                        + "AND (last_used_on IS NULL OR last_used_on < ?)", use.getValue(), use.getKey(),
                        use.getValue());
            }
            return null;
        });
    }

    private static int insert(Connection connection, ProgrammaticAccessToken token) throws SQLException {
        return Jdbc.update(connection, INSERT, token.id(), token.userName(), token.name(), token.secretDigest(),
                token.roleRestriction(), token.expiresAt(), token.createdOn(), token.createdBy(), token.comment(),
                token.disabled(), token.minsToBypassNetworkPolicyRequirement(), token.bypassUntil(), token.rotatedTo(),
                token.lastAlteredOn(), token.lastAlteredBy(), token.lastUsedOn());
    }

    @Override
    public void reportLeaked(String tokenId, String reportedBy, java.time.Instant reportedOn,
                             Optional<String> source) {
        jdbc.update("UPDATE programmatic_access_tokens SET disabled = TRUE, leak_reported_by = ?, "
                + "leak_reported_on = ?, leak_source = ? WHERE id = ?", reportedBy, reportedOn, source, tokenId);
    }

    @Override
    public void disableAll(String userName) {
        jdbc.update("UPDATE programmatic_access_tokens SET disabled = TRUE WHERE user_id = "
                + UserReferences.ID_OF_NAMED, userName);
    }

    @Override
    public int deleteExpiredBefore(Instant cutoff) {
        return jdbc.update("DELETE FROM programmatic_access_tokens WHERE expires_at < ?", cutoff);
    }

    @Override
    public List<ProgrammaticAccessToken> expiringBetween(Instant from, Instant until) {
        return jdbc.query(SELECT + " WHERE t.expires_at > ? AND t.expires_at <= ? AND t.disabled = FALSE "
                + "AND t.rotated_to IS NULL ORDER BY t.expires_at, t.id",
                JdbcProgrammaticAccessTokenRepository::map, from, until);
    }

    @Override
    public long countActive(Instant now) {
        return jdbc.queryOne("SELECT COUNT(*) FROM programmatic_access_tokens WHERE expires_at > ? "
                + "AND disabled = FALSE", row -> row.getLong(1), now).orElse(0L);
    }

    @Override
    public boolean claimExpiryNotice(ExpiryNotice notice, Instant claimedAt) {
        try {
            return jdbc.update("INSERT INTO token_expiry_notifications (token_id, expires_at, threshold_days, "
                    + "claimed_at) VALUES (?,?,?,?)", notice.tokenId(), notice.expiresAt(), notice.thresholdDays(),
                    claimedAt) > 0;
        } catch (StoreException failure) {
            // 23505: another node (or an earlier run) holds the claim; 23503 (PostgreSQL) or 23506 (H2): the
            // token was removed meanwhile.
            if (failure.getCause() instanceof SQLException cause
                    && List.of("23505", "23503", "23506").contains(cause.getSQLState())) {
                return false;
            }
            throw failure;
        }
    }

    @Override
    public void releaseExpiryNotice(ExpiryNotice notice) {
        jdbc.update("DELETE FROM token_expiry_notifications WHERE token_id = ? AND expires_at = ? "
                + "AND threshold_days = ?", notice.tokenId(), notice.expiresAt(), notice.thresholdDays());
    }

    private static ProgrammaticAccessToken map(ResultSet row) throws SQLException {
        return new ProgrammaticAccessToken(row.getString("id"), row.getString("user_name"), row.getString("name"),
                row.getString("secret_digest"), Jdbc.text(row, "role_restriction"),
                Jdbc.instant(row, "expires_at").orElseThrow(), Jdbc.instant(row, "created_on").orElseThrow(),
                row.getString("created_by"), Jdbc.text(row, "comment"), row.getBoolean("disabled"),
                row.getInt("mins_to_bypass"), Jdbc.instant(row, "bypass_until"), Jdbc.text(row, "rotated_to"),
                Jdbc.instant(row, "last_altered_on").orElseThrow(), row.getString("last_altered_by"),
                Jdbc.instant(row, "last_used_on"));
    }
}

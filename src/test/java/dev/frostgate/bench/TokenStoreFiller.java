package dev.frostgate.bench;

import dev.frostgate.catalog.UserId;
import dev.frostgate.store.Database;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * Adds filler rows to {@code programmatic_access_tokens} straight in the embedded H2 database of a
 * stopped server's data directory: through SQL a user may hold only 15 tokens, and a million ADDs
 * would take far too long. Each row has the shape of a real token (a random 64-hex-digit digest, as
 * the server's HMAC-SHA256 gives, 15 tokens per user, an expiry a year away so the expiry-notice job
 * announces none); no secret digests to these values, so none can log in.
 */
final class TokenStoreFiller {
    private static final int BATCH = 10_000;
    private static final int TOKENS_PER_USER = 15;
    private static final String INSERT = "INSERT INTO programmatic_access_tokens (id, user_id, name, "
            + "secret_digest, expires_at, created_on, created_by, disabled, mins_to_bypass, last_altered_on, "
            + "last_altered_by) VALUES (?,?,?,?,?,?,?,FALSE,0,?,?)";
    /** Tokens belong to a stored user (by its id, V27): one filler user per {@value #TOKENS_PER_USER} tokens. */
    private static final String INSERT_USER = "INSERT INTO users (id, name, login_name, user_type, disabled, "
            + "must_change_password, failed_login_attempts, default_secondary_roles, created_on) "
            + "VALUES (?,?,?,'SERVICE',FALSE,FALSE,0,'ALL',?)";

    private final String url;
    private final SecureRandom random = new SecureRandom();
    private long tokens;
    private long added;
    private long insertNanos;
    /** The filler user the next tokens belong to (a fill may stop in the middle of one user's tokens). */
    private String ownerId;

    /** {@code tokens}: how many the store holds already (the real ones). */
    TokenStoreFiller(Path dataDirectory, long tokens) {
        this.tokens = tokens;
        // The server's own URL for its data directory, so the rows land where it will look.
        this.url = new Database.Settings(Optional.empty(), Optional.empty(), Optional.empty(), dataDirectory, 1)
                .effectiveUrl();
    }

    /** Adds filler rows until the store holds {@code total} tokens; the seconds this took. */
    double fillTo(long total) throws SQLException {
        long started = System.nanoTime();
        add(total - tokens);
        long took = System.nanoTime() - started;
        insertNanos += took;
        tokens = total;
        return took / 1e9;
    }

    /** The seconds all inserts took so far. */
    double insertSeconds() {
        return insertNanos / 1e9;
    }

    /** Inserts {@code count} filler rows in batches, committing each; the server must be stopped. */
    private void add(long count) throws SQLException {
        Instant now = Instant.now();
        OffsetDateTime created = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        OffsetDateTime expires = created.plus(Duration.ofDays(365));
        byte[] digest = new byte[32];
        try (Connection connection = DriverManager.getConnection(url, "", "");
             PreparedStatement user = connection.prepareStatement(INSERT_USER);
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            connection.setAutoCommit(false);
            for (long index = 0; index < count; index++) {
                long number = added + index;
                random.nextBytes(digest);
                if (number % TOKENS_PER_USER == 0) {
                    String owner = "BENCH_FILLER_" + number / TOKENS_PER_USER;
                    ownerId = UserId.random().value();
                    user.setString(1, ownerId);
                    user.setString(2, owner);
                    user.setString(3, owner);
                    user.setObject(4, created);
                    user.addBatch();
                }
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, ownerId);
                insert.setString(3, "TOKEN_" + number % TOKENS_PER_USER);
                insert.setString(4, HexFormat.of().formatHex(digest));
                insert.setObject(5, expires);
                insert.setObject(6, created);
                insert.setString(7, "BENCH");
                insert.setObject(8, created);
                insert.setString(9, "BENCH");
                insert.addBatch();
                if ((index + 1) % BATCH == 0 || index + 1 == count) {
                    user.executeBatch();
                    insert.executeBatch();
                    connection.commit();
                }
            }
        }
        added += count;
    }
}

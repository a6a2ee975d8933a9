package dev.frostgate.store;

import dev.frostgate.catalog.EmailAddresses;
import dev.frostgate.catalog.NameOrder;
import dev.frostgate.catalog.User;
import dev.frostgate.catalog.UserId;
import dev.frostgate.catalog.UserPublicKey;
import dev.frostgate.catalog.UserRepository;
import dev.frostgate.catalog.UserType;
import dev.frostgate.crypto.RsaPublicKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Users in the {@code users} table. */
public final class JdbcUserRepository implements UserRepository {
    private static final String COLUMNS = "id, name, login_name, display_name, first_name, last_name, email, comment, "
            + "user_type, password_hash, password_last_set, disabled, must_change_password, expires_at, locked_until, "
            + "failed_login_attempts, default_role, default_secondary_roles, owner, created_on, last_success_login, "
            + "network_policy, password_history, rsa_public_key, rsa_public_key_id, rsa_public_key_set_on, "
            + "rsa_public_key_2, rsa_public_key_2_id, rsa_public_key_2_set_on, email_key";
    private static final List<String> COLUMN_NAMES = List.of(COLUMNS.split(", "));
    private static final String PLACEHOLDERS = String.join(",", Collections.nCopies(COLUMN_NAMES.size(), "?"));

    private final Jdbc jdbc;

    public JdbcUserRepository(Database database) {
        this.jdbc = new Jdbc(database.dataSource());
    }

    @Override
    public Optional<User> find(String name) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM users WHERE name = ?", JdbcUserRepository::map, name);
    }

    @Override
    public Optional<User> findLocked(String name) {
        return jdbc.queryLocking("SELECT " + COLUMNS + " FROM users WHERE name = ?", JdbcUserRepository::map, name)
                .stream().findFirst();
    }

    @Override
    public Optional<User> findById(UserId id) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM users WHERE id = ?", JdbcUserRepository::map, id.value());
    }

    @Override
    public Optional<User> findByLoginName(String loginName) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM users WHERE login_name = ?", JdbcUserRepository::map,
                loginName.toUpperCase(Locale.ROOT));
    }

    @Override
    public List<User> findByEmail(String email) {
        return jdbc.query("SELECT " + COLUMNS + " FROM users WHERE email_key = ?", JdbcUserRepository::map,
                EmailAddresses.comparisonKey(email)).stream().sorted(NameOrder.by(User::name)).toList();
    }

    @Override
    public List<User> list() {
        return NameOrder.sorted(jdbc.query("SELECT " + COLUMNS + " FROM users", JdbcUserRepository::map), User::name);
    }

    @Override
    public boolean hasAny() {
        return jdbc.queryOne("SELECT 1 AS found FROM users LIMIT 1", row -> true).isPresent();
    }

    @Override
    public List<User> ownedBy(Collection<String> roles) {
        if (roles.isEmpty()) {
            return List.of();
        }
        String placeholders = String.join(",", Collections.nCopies(roles.size(), "?"));
        return NameOrder.sorted(jdbc.query("SELECT " + COLUMNS + " FROM users WHERE owner IN (" + placeholders + ")",
                JdbcUserRepository::map, roles.toArray()), User::name);
    }

    @Override
    public void insert(User user) {
        jdbc.update("INSERT INTO users (" + COLUMNS + ") VALUES (" + PLACEHOLDERS + ")", values(user));
    }

    @Override
    public void update(User before, User after) {
        if (!before.id().equals(after.id())) {
            throw new IllegalArgumentException("a user's id never changes: " + before.id() + " into " + after.id());
        }
        ChangedColumns changed = ChangedColumns.between(COLUMN_NAMES, values(before), values(after));
        if (!changed.isEmpty()) {
            jdbc.update(changed.update("users", "WHERE id = ?"), changed.parameters(before.id().value()));
        }
    }

    @Override
    public boolean delete(String name) {
        return jdbc.inTransaction(connection -> {
            Optional<String> id = Jdbc.query(connection, "SELECT id FROM users WHERE name = ?",
                    row -> row.getString("id"), name).stream().findFirst();
            if (id.isEmpty()) {
                return false;
            }
            // Tokens and sessions go with the row (their foreign keys cascade); the shared grant and attachment
            // columns can have no foreign key, so their rows of this id go here, in the same transaction.
            Jdbc.update(connection, "DELETE FROM role_grants WHERE grantee_kind = 'USER' AND grantee_name = ?",
                    id.get());
            Jdbc.update(connection, "DELETE FROM privilege_grants WHERE object_kind = 'USER' AND object_name = ?",
                    id.get());
            Jdbc.update(connection, "DELETE FROM policy_attachments WHERE target_kind = 'USER' AND target_name = ?",
                    id.get());
            return Jdbc.update(connection, "DELETE FROM users WHERE id = ?", id.get()) > 0;
        });
    }

    @Override
    public void recordFailedLogin(String name, Instant now, int maximumRetries, Instant lockUntil) {
        // Every SET sees the row as it was; the row lock serialises concurrent failures.
        String failures = "(CASE WHEN locked_until IS NULL THEN failed_login_attempts ELSE 0 END + 1)";
        jdbc.update("UPDATE users SET locked_until = CASE WHEN " + failures + " >= ? THEN ? ELSE NULL END, "
                + "failed_login_attempts = CASE WHEN " + failures + " >= ? THEN 0 ELSE " + failures + " END "
                + "WHERE name = ? AND (locked_until IS NULL OR locked_until <= ?)",
                maximumRetries, lockUntil, maximumRetries, name, now);
    }

    @Override
    public void recordLoginOutcome(String name, LoginOutcome outcome) {
        if (outcome.lastSuccessLogin().isPresent()) {
            jdbc.update("UPDATE users SET failed_login_attempts = ?, locked_until = ?, last_success_login = ? "
                    + "WHERE name = ?", outcome.failedLoginAttempts(), outcome.lockedUntil(),
                    outcome.lastSuccessLogin(), name);
        } else {
            jdbc.update("UPDATE users SET failed_login_attempts = ?, locked_until = ? WHERE name = ?",
                    outcome.failedLoginAttempts(), outcome.lockedUntil(), name);
        }
    }

    /** In COLUMNS' order; email_key is kept in step with email here, on every write of a user. */
    private static Object[] values(User user) {
        return new Object[] {user.id().value(), user.name(), user.loginName().toUpperCase(Locale.ROOT), user.displayName(),
                user.firstName(), user.lastName(), user.email(), user.comment(), user.type(), user.passwordHash(),
                user.passwordLastSet(), user.disabled(), user.mustChangePassword(), user.expiresAt(),
                user.lockedUntil(), user.failedLoginAttempts(), user.defaultRole(), user.defaultSecondaryRoles(),
                user.owner(), user.createdOn(), user.lastSuccessLogin(), user.networkPolicy(),
                user.passwordHistory().isEmpty() ? null : String.join("\n", user.passwordHistory()),
                user.rsaPublicKey().map(UserPublicKey::encoded), user.rsaPublicKey().map(UserPublicKey::credentialId),
                user.rsaPublicKey().map(UserPublicKey::setOn), user.rsaPublicKey2().map(UserPublicKey::encoded),
                user.rsaPublicKey2().map(UserPublicKey::credentialId), user.rsaPublicKey2().map(UserPublicKey::setOn),
                user.email().map(EmailAddresses::comparisonKey)};
    }

    private static User map(ResultSet row) throws SQLException {
        return new User(new UserId(row.getString("id")), row.getString("name"), row.getString("login_name"), Jdbc.text(row, "display_name"),
                Jdbc.text(row, "first_name"), Jdbc.text(row, "last_name"), Jdbc.text(row, "email"),
                Jdbc.text(row, "comment"), UserType.valueOf(row.getString("user_type")),
                Jdbc.text(row, "password_hash"), Jdbc.instant(row, "password_last_set"), row.getBoolean("disabled"),
                row.getBoolean("must_change_password"), Jdbc.instant(row, "expires_at"),
                Jdbc.instant(row, "locked_until"), row.getInt("failed_login_attempts"),
                Jdbc.text(row, "default_role"),
                User.DefaultSecondaryRoles.valueOf(row.getString("default_secondary_roles")),
                Jdbc.text(row, "owner"), Jdbc.instant(row, "created_on").orElseThrow(),
                Jdbc.instant(row, "last_success_login"), Jdbc.text(row, "network_policy"),
                Jdbc.text(row, "password_history").map(text -> List.of(text.split("\n"))).orElse(List.of()),
                publicKey(row, "rsa_public_key"), publicKey(row, "rsa_public_key_2"));
    }

    private static Optional<UserPublicKey> publicKey(ResultSet row, String column) throws SQLException {
        Optional<String> encoded = Jdbc.text(row, column);
        if (encoded.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new UserPublicKey(RsaPublicKey.stored(encoded.get()),
                Jdbc.text(row, column + "_id").orElseThrow(), Jdbc.instant(row, column + "_set_on").orElseThrow()));
    }
}

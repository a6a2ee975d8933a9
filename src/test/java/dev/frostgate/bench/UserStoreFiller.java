package dev.frostgate.bench;

import dev.frostgate.catalog.SystemRoles;
import dev.frostgate.catalog.UserId;
import dev.frostgate.store.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Adds filler users with their roles and grants straight in the embedded H2 database of a stopped server's data
 * directory, as {@link TokenStoreFiller} adds tokens: 100,000 CREATE USER and GRANT statements would take far too
 * long. The rows have the shape of an account whose users were created by USERADMIN and organised in teams:
 *
 * <ul>
 *   <li>each filler user ({@code BENCH_USER_n}: PERSON, no password, as users who log in through an identity
 *       provider; an e-mail address; owner USERADMIN; DEFAULT_ROLE its team's role) is granted its team's role;</li>
 *   <li>one team role ({@code BENCH_TEAM_k}, owner USERADMIN) per {@value #USERS_PER_TEAM} users, granted to
 *       SYSADMIN, as Snowflake advises for custom roles;</li>
 *   <li>each team role holds MONITOR on each of its users (a team lead may look at the team), so there are as many
 *       privilege grants on users as users: the grants SHOW USERS and DESCRIBE USER check per user.</li>
 * </ul>
 *
 * So every filler user adds one row to {@code users}, {@code role_grants} and {@code privilege_grants}, and every
 * {@value #USERS_PER_TEAM}th one a row to {@code roles} and to {@code role_grants}. None of these rows grants
 * anything to the benchmark's own users and roles.
 */
final class UserStoreFiller {
    static final int USERS_PER_TEAM = 10;
    private static final int BATCH = 5_000;
    private static final String INSERT_USER = "INSERT INTO users (id, name, login_name, display_name, email, "
            + "email_key, user_type, disabled, must_change_password, failed_login_attempts, default_role, "
            + "default_secondary_roles, owner, created_on) VALUES (?,?,?,?,?,?,'PERSON',FALSE,FALSE,0,?,'ALL',?,?)";
    private static final String INSERT_ROLE = "INSERT INTO roles (name, comment, owner, created_on) VALUES (?,?,?,?)";
    private static final String INSERT_ROLE_GRANT = "INSERT INTO role_grants (role_name, grantee_kind, grantee_name, "
            + "granted_by, created_on) VALUES (?,?,?,?,?)";
    private static final String INSERT_PRIVILEGE_GRANT = "INSERT INTO privilege_grants (privilege, object_kind, "
            + "object_name, role_name, grant_option, granted_by, created_on) VALUES ('MONITOR','USER',?,?,FALSE,?,?)";

    /** Rows inserted so far, per table. */
    record Rows(long users, long roles, long roleGrants, long privilegeGrants) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d users, %,d roles, %,d role grants, %,d privilege grants", users,
                    roles, roleGrants, privilegeGrants);
        }
    }

    private final String url;
    private long users;
    private long added;
    private long roles;
    private long roleGrants;
    private long insertNanos;

    /** {@code users}: how many the store holds already (the real ones). */
    UserStoreFiller(Path dataDirectory, long users) {
        this.users = users;
        // The server's own URL for its data directory, so the rows land where it will look.
        this.url = new Database.Settings(Optional.empty(), Optional.empty(), Optional.empty(), dataDirectory, 1)
                .effectiveUrl();
    }

    /** Adds filler users (with their roles and grants) until the store holds {@code total}; the seconds it took. */
    double fillTo(long total) throws SQLException {
        long started = System.nanoTime();
        add(total - users);
        long took = System.nanoTime() - started;
        insertNanos += took;
        users = total;
        return took / 1e9;
    }

    /** The seconds all inserts took so far. */
    double insertSeconds() {
        return insertNanos / 1e9;
    }

    /** The filler rows inserted so far. */
    Rows inserted() {
        return new Rows(added, roles, roleGrants, added);
    }

    /** Inserts {@code count} filler users in batches, committing each; the server must be stopped. */
    private void add(long count) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection connection = DriverManager.getConnection(url, "", "");
             PreparedStatement user = connection.prepareStatement(INSERT_USER);
             PreparedStatement role = connection.prepareStatement(INSERT_ROLE);
             PreparedStatement roleGrant = connection.prepareStatement(INSERT_ROLE_GRANT);
             PreparedStatement privilegeGrant = connection.prepareStatement(INSERT_PRIVILEGE_GRANT)) {
            connection.setAutoCommit(false);
            List<PreparedStatement> batches = List.of(role, user, roleGrant, privilegeGrant);
            for (long index = 0; index < count; index++) {
                long number = added + index;
                String name = "BENCH_USER_" + number;
                String team = "BENCH_TEAM_" + number / USERS_PER_TEAM;
                if (number % USERS_PER_TEAM == 0) {
                    role.setString(1, team);
                    role.setString(2, "Team " + number / USERS_PER_TEAM);
                    role.setString(3, SystemRoles.USERADMIN);
                    role.setObject(4, now);
                    role.addBatch();
                    roleGrant(roleGrant, team, "ROLE", SystemRoles.SYSADMIN, now);
                    roles++;
                    roleGrants++;
                }
                String email = name.toLowerCase(Locale.ROOT) + "@example.com";
                // Grants to a user and on it hold its id, as the store writes them (V27).
                String id = UserId.random().value();
                user.setString(1, id);
                user.setString(2, name);
                user.setString(3, name);
                user.setString(4, name);
                user.setString(5, email);
                user.setString(6, email);
                user.setString(7, team);
                user.setString(8, SystemRoles.USERADMIN);
                user.setObject(9, now);
                user.addBatch();
                roleGrant(roleGrant, team, "USER", id, now);
                roleGrants++;
                privilegeGrant.setString(1, id);
                privilegeGrant.setString(2, team);
                privilegeGrant.setString(3, SystemRoles.USERADMIN);
                privilegeGrant.setObject(4, now);
                privilegeGrant.addBatch();
                if ((index + 1) % BATCH == 0 || index + 1 == count) {
                    // Roles before the grants that name them.
                    for (PreparedStatement batch : batches) {
                        batch.executeBatch();
                    }
                    connection.commit();
                }
            }
        }
        added += count;
    }

    private static void roleGrant(PreparedStatement insert, String role, String granteeKind, String grantee,
                                  OffsetDateTime now) throws SQLException {
        insert.setString(1, role);
        insert.setString(2, granteeKind);
        insert.setString(3, grantee);
        insert.setString(4, SystemRoles.USERADMIN);
        insert.setObject(5, now);
        insert.addBatch();
    }
}

package dev.frostgate.store;

import static dev.frostgate.store.StoreSamples.T0;
import static dev.frostgate.store.StoreSamples.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frostgate.catalog.ObjectKind;
import dev.frostgate.catalog.PolicyAttachment;
import dev.frostgate.catalog.PolicyAttachment.PolicyKind;
import dev.frostgate.catalog.PolicyAttachment.TargetKind;
import dev.frostgate.catalog.PrivilegeGrant;
import dev.frostgate.catalog.ProgrammaticAccessToken;
import dev.frostgate.catalog.RoleGrant;
import dev.frostgate.catalog.User;
import dev.frostgate.catalog.UserId;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * V25-V28 on a store of version 24: every user gets an id, and what referred to a user by name (sessions, tokens,
 * grants to and on users, policy attachments) refers to it by id, while the login history keeps names.
 */
class UserIdMigrationTest {

    @StoreTest(migrated = false)
    void usersGetIdsAndWhatNamedThemIsKeyedByTheIdsWithNothingLostButOrphans(TestStore store) throws SQLException {
        Database.Settings settings = store.settings();
        Flyway.configure().dataSource(settings.effectiveUrl(), settings.user().orElse(null),
                        settings.password().orElse(null)).locations("classpath:db/migration")
                .javaMigrations(Database.JAVA_MIGRATIONS.toArray(JavaMigration[]::new)).target("24").load().migrate();
        try (Connection connection = DriverManager.getConnection(settings.effectiveUrl(),
                settings.user().orElse(null), settings.password().orElse(null))) {
            for (String user : List.of("ALICE", "BOB")) {
                insert(connection, "INSERT INTO users (name, login_name, user_type, disabled, must_change_password, "
                        + "failed_login_attempts, default_secondary_roles, owner, created_on) "
                        + "VALUES (?, ?, 'PERSON', FALSE, FALSE, 0, 'ALL', 'USERADMIN', ?)", user, user, T0);
                insert(connection, "INSERT INTO roles (name, owner, created_on) VALUES (?, 'USERADMIN', ?)",
                        "ROLE_" + user, T0);
            }
            // ALICE holds a role, a token, a session and a policy, and BOB may MONITOR her; GONE was dropped
            // by hand (no DROP USER), leaving rows that name nobody.
            for (String user : List.of("ALICE", "GONE")) {
                insert(connection, "INSERT INTO role_grants (role_name, grantee_kind, grantee_name, granted_by, "
                        + "created_on) VALUES ('ROLE_ALICE', 'USER', ?, 'USERADMIN', ?)", user, T0);
                insert(connection, "INSERT INTO privilege_grants (privilege, object_kind, object_name, role_name, "
                        + "grant_option, granted_by, created_on) VALUES ('MONITOR', 'USER', ?, 'ROLE_BOB', FALSE, "
                        + "'USERADMIN', ?)", user, T0);
                insert(connection, "INSERT INTO programmatic_access_tokens (id, user_name, name, secret_digest, "
                        + "expires_at, created_on, created_by, disabled, mins_to_bypass, last_altered_on, "
                        + "last_altered_by) VALUES (?, ?, 'LAPTOP', ?, ?, ?, 'ADMIN', FALSE, 0, ?, 'ADMIN')",
                        "token-" + user, user, "digest-" + user, at(86_400), T0, T0);
                insert(connection, "INSERT INTO token_expiry_notifications (token_id, expires_at, threshold_days, "
                        + "claimed_at) VALUES (?, ?, 7, ?)", "token-" + user, at(86_400), T0);
                insert(connection, "INSERT INTO sessions (id, session_token_digest, master_token_digest, user_name, "
                        + "primary_role, secondary_roles_all, authentication_method, created_on, session_expires_at, "
                        + "master_expires_at, role_switching) VALUES (?, ?, ?, ?, 'PUBLIC', TRUE, 'PASSWORD', ?, ?, ?, "
                        + "'FREE')", user.equals("ALICE") ? 1L : 2L, "s-" + user, "m-" + user, user, T0, at(60),
                        at(120));
                insert(connection, "INSERT INTO policy_attachments (policy_kind, target_kind, target_name, "
                        + "policy_name) VALUES ('SESSION', 'USER', ?, 'SHORT')", user);
            }
            insert(connection, "INSERT INTO role_grants (role_name, grantee_kind, grantee_name, granted_by, "
                    + "created_on) VALUES ('ROLE_BOB', 'ROLE', 'ROLE_ALICE', 'USERADMIN', ?)", T0);
            // On every user at once: names no user, and stays.
            insert(connection, "INSERT INTO privilege_grants (privilege, object_kind, object_name, role_name, "
                    + "grant_option, granted_by, created_on) VALUES ('APPLY AUTHENTICATION POLICY', 'USER', '', "
                    + "'ROLE_BOB', FALSE, 'USERADMIN', ?)", T0);
            insert(connection, "INSERT INTO policy_attachments (policy_kind, target_kind, target_name, policy_name) "
                    + "VALUES ('AUTHENTICATION', 'ACCOUNT', '', 'DEFAULT')");
            insert(connection, "INSERT INTO login_history (event_timestamp, event_type, user_name, "
                    + "first_authentication_factor, is_success) VALUES (?, 'LOGIN', 'ALICE', 'PASSWORD', TRUE)", T0);
        }

        store.database();

        List<User> users = store.users().list();
        assertThat(users).extracting(User::name).containsExactly("ALICE", "BOB");
        Set<UserId> ids = users.stream().map(User::id).collect(Collectors.toSet());
        assertThat(ids).as("each user its own id").hasSize(2);
        assertThat(ids).allSatisfy(id -> assertThat(id.value()).matches(
                "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
        User alice = users.get(0);
        assertThat(store.users().findById(alice.id())).contains(alice);
        assertThat(store.roles().roleGrantsTo(RoleGrant.GranteeKind.USER, "ALICE")).extracting(RoleGrant::role)
                .containsExactly("ROLE_ALICE");
        assertThat(store.roles().roleGrants()).extracting(StoreSamples::describe)
                .contains("ROLE_ALICE>USER:ALICE", "ROLE_BOB>ROLE:ROLE_ALICE").doesNotContain("ROLE_ALICE>USER:GONE");
        assertThat(store.roles().privilegeGrants()).filteredOn(grant -> grant.objectKind() == ObjectKind.USER)
                .extracting(PrivilegeGrant::objectName).containsExactlyInAnyOrder("ALICE", "");
        assertThat(store.roles().privilegeGrantsOn(ObjectKind.USER, "")).extracting(grant -> grant.role())
                .containsExactly("ROLE_BOB");
        JdbcProgrammaticAccessTokenRepository tokens = new JdbcProgrammaticAccessTokenRepository(store.database());
        assertThat(tokens.all()).extracting(ProgrammaticAccessToken::id).containsExactly("token-ALICE");
        assertThat(tokens.find("ALICE", "LAPTOP")).map(ProgrammaticAccessToken::secretDigest).contains("digest-ALICE");
        assertThat(store.count("SELECT COUNT(*) FROM token_expiry_notifications")).isEqualTo(1);
        assertThat(store.sessions().findById(1)).map(session -> session.userName()).contains("ALICE");
        assertThat(store.sessions().findById(2)).isEmpty();
        JdbcAuthenticationPolicyRepository policies = new JdbcAuthenticationPolicyRepository(store.database());
        assertThat(policies.attachments(PolicyKind.SESSION)).extracting(PolicyAttachment::targetName)
                .containsExactly("ALICE");
        assertThat(policies.attachments(PolicyKind.AUTHENTICATION)).extracting(PolicyAttachment::targetKind)
                .containsExactly(TargetKind.ACCOUNT);
        assertThat(store.rows("SELECT grantee_name FROM role_grants WHERE grantee_kind = 'USER'"))
                .as("stored as the id").containsExactly(List.of(alice.id().value()));
        assertThat(store.history().newest(5)).extracting(event -> event.userName().orElseThrow())
                .as("the login history keeps the name").containsExactly("ALICE");

        store.users().update(alice, alice.toBuilder().name("ALICIA").build());

        assertThat(store.roles().roleGrantsTo(RoleGrant.GranteeKind.USER, "ALICIA")).hasSize(1);
        assertThat(tokens.forUser("ALICIA")).hasSize(1);
        assertThat(store.sessions().findById(1)).map(session -> session.userName()).contains("ALICIA");
        assertThat(policies.attachment(PolicyKind.SESSION, TargetKind.USER, "ALICIA")).isPresent();
        assertThat(store.history().newest(5)).extracting(event -> event.userName().orElseThrow())
                .containsExactly("ALICE");
    }

    private static void insert(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object value = parameters[i] instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC)
                        : parameters[i];
                statement.setObject(i + 1, value);
            }
            statement.executeUpdate();
        }
    }
}

package dev.frostgate.store;

import static dev.frostgate.store.StoreSamples.T0;
import static dev.frostgate.store.StoreSamples.at;
import static dev.frostgate.store.StoreSamples.fullUser;
import static dev.frostgate.store.StoreSamples.minimalUser;
import static dev.frostgate.store.StoreSamples.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.frostgate.catalog.ObjectKind;
import dev.frostgate.catalog.PolicyAttachment;
import dev.frostgate.catalog.PolicyAttachment.PolicyKind;
import dev.frostgate.catalog.PolicyAttachment.TargetKind;
import dev.frostgate.catalog.Privilege;
import dev.frostgate.catalog.PrivilegeGrant;
import dev.frostgate.catalog.ProgrammaticAccessToken;
import dev.frostgate.catalog.Role;
import dev.frostgate.catalog.RoleGrant;
import dev.frostgate.catalog.User;
import dev.frostgate.catalog.UserId;
import java.util.Optional;

/** Users' immutable ids in the store: what refers to a user refers to its id, not to its name (V25-V28). */
class UserIdRepositoryTest {

    @StoreTest
    void aUserIsFoundByItsIdBeforeAndAfterARenameWhichChangesOnlyItsRow(TestStore store) {
        store.users().insert(fullUser("ALICE"));
        store.users().insert(fullUser("BOB"));
        User alice = store.users().find("ALICE").orElseThrow();

        store.users().update(alice, alice.toBuilder().name("ALICIA").build());

        assertThat(store.users().findById(alice.id())).map(User::name).contains("ALICIA");
        assertThat(store.users().find("ALICIA")).map(User::id).contains(alice.id());
        assertThat(store.users().findById(StoreSamples.idOf("BOB"))).map(User::name).contains("BOB");
        assertThat(store.users().findById(UserId.random())).isEmpty();
        // Nothing else names the user: the other tables hold only its id.
        assertThat(store.count("SELECT COUNT(*) FROM role_grants WHERE grantee_name IN ('ALICE', 'ALICIA')")).isZero();
    }

    @StoreTest
    void aStoredIdCannotChangeNorBeTakenByAnotherUser(TestStore store) {
        store.users().insert(fullUser("ALICE"));
        User alice = store.users().find("ALICE").orElseThrow();

        IllegalArgumentException changed = catchThrowableOfType(IllegalArgumentException.class,
                () -> store.users().update(alice, StoreSamples.withId(alice, UserId.random())));
        StoreException taken = catchThrowableOfType(StoreException.class,
                () -> store.users().insert(StoreSamples.withId(minimalUser("BOB"), alice.id())));

        assertThat(changed).isNotNull();
        assertThat(taken.isDuplicateKey()).isTrue();
        assertThat(store.users().findById(alice.id())).map(User::name).contains("ALICE");
        assertThat(store.users().find("BOB")).isEmpty();
    }

    /**
     * The attack: drop a user who holds grants, a token, a session and a policy, and create one of the same
     * name. The new user is another id and inherits none of them — also not from rows of the old id that were
     * somehow left behind (a write that raced the drop, a restored backup): nothing finds them by name any more.
     */
    @StoreTest
    void aUserDroppedAndCreatedAgainUnderTheSameNameInheritsNothingOfTheOldOne(TestStore store) {
        JdbcRoleRepository roles = store.roles();
        JdbcProgrammaticAccessTokenRepository tokens = new JdbcProgrammaticAccessTokenRepository(store.database());
        JdbcAuthenticationPolicyRepository policies = new JdbcAuthenticationPolicyRepository(store.database());
        store.users().insert(minimalUser("MALLORY"));
        UserId old = store.users().find("MALLORY").orElseThrow().id();
        roles.insert(new Role("ANALYST", Optional.empty(), Optional.empty(), T0));
        roles.insertRoleGrant(new RoleGrant("ANALYST", RoleGrant.GranteeKind.USER, "MALLORY", "X", T0));
        store.users().delete("MALLORY");
        // Rows of the old id, as a write that raced the drop would leave them.
        store.execute("INSERT INTO role_grants (role_name, grantee_kind, grantee_name, granted_by, created_on) "
                + "VALUES ('ACCOUNTADMIN', 'USER', ?, 'X', ?)", old.value(), T0);
        store.execute("INSERT INTO privilege_grants (privilege, object_kind, object_name, role_name, grant_option, "
                + "granted_by, created_on) VALUES ('MONITOR', 'USER', ?, 'ANALYST', FALSE, 'X', ?)", old.value(), T0);
        store.execute("INSERT INTO policy_attachments (policy_kind, target_kind, target_name, policy_name) "
                + "VALUES ('AUTHENTICATION', 'USER', ?, 'LAX')", old.value());

        User recreated = StoreSamples.withId(minimalUser("MALLORY"), UserId.random());
        store.users().insert(recreated);

        assertThat(recreated.id()).isNotEqualTo(old);
        assertThat(roles.roleGrantsTo(RoleGrant.GranteeKind.USER, "MALLORY")).isEmpty();
        assertThat(roles.roleGrants()).noneMatch(grant -> grant.grantee().equals("MALLORY")
                || grant.grantee().equals(old.value()));
        assertThat(roles.privilegeGrantsOn(ObjectKind.USER, "MALLORY")).isEmpty();
        assertThat(roles.privilegeGrants()).noneMatch(grant -> grant.objectKind() == ObjectKind.USER);
        assertThat(policies.attachment(PolicyKind.AUTHENTICATION, TargetKind.USER, "MALLORY")).isEmpty();
        assertThat(policies.attachments(PolicyKind.AUTHENTICATION)).isEmpty();
        assertThat(tokens.forUser("MALLORY")).isEmpty();
    }

    @StoreTest
    void deletingAUserTakesEverythingKeyedByItsIdAndNothingElse(TestStore store) {
        JdbcProgrammaticAccessTokenRepository tokens = new JdbcProgrammaticAccessTokenRepository(store.database());
        JdbcAuthenticationPolicyRepository policies = new JdbcAuthenticationPolicyRepository(store.database());
        store.users().insert(minimalUser("ALICE"));
        store.users().insert(minimalUser("BOB"));
        for (String user : new String[] {"ALICE", "BOB"}) {
            store.roles().insertRoleGrant(new RoleGrant("SYSADMIN", RoleGrant.GranteeKind.USER, user, "X", T0));
            store.roles().insertPrivilegeGrant(new PrivilegeGrant(Privilege.MONITOR, ObjectKind.USER, user, "SYSADMIN",
                    false, "X", T0));
            tokens.insert(token(user));
            policies.attach(new PolicyAttachment(PolicyKind.SESSION, TargetKind.USER, user, "SHORT"));
        }
        store.sessions().insert(session(1, "ALICE", "a"));
        store.sessions().insert(session(2, "BOB", "b"));
        String aliceId = store.users().find("ALICE").orElseThrow().id().value();

        store.users().delete("ALICE");

        for (String table : new String[] {"sessions", "programmatic_access_tokens"}) {
            assertThat(store.count("SELECT COUNT(*) FROM " + table + " WHERE user_id = ?", aliceId)).as(table).isZero();
        }
        assertThat(store.count("SELECT COUNT(*) FROM role_grants WHERE grantee_name = ?", aliceId)).isZero();
        assertThat(store.count("SELECT COUNT(*) FROM privilege_grants WHERE object_name = ?", aliceId)).isZero();
        assertThat(store.count("SELECT COUNT(*) FROM policy_attachments WHERE target_name = ?", aliceId)).isZero();
        assertThat(store.sessions().findById(2)).map(found -> found.userName()).contains("BOB");
        assertThat(tokens.forUser("BOB")).hasSize(1);
        assertThat(store.roles().roleGrantsTo(RoleGrant.GranteeKind.USER, "BOB")).hasSize(1);
        assertThat(store.roles().privilegeGrantsOn(ObjectKind.USER, "BOB")).hasSize(1);
        assertThat(policies.attachment(PolicyKind.SESSION, TargetKind.USER, "BOB")).isPresent();
    }

    /** A privilege on every user at once (GRANT APPLY AUTHENTICATION POLICY ON USER) names no user: kept as it is. */
    @StoreTest
    void aGrantOnEveryUserNamesNoUserAndIsKeptAsItIs(TestStore store) {
        store.users().insert(minimalUser("ALICE"));
        PrivilegeGrant onEveryUser = new PrivilegeGrant(Privilege.APPLY_AUTHENTICATION_POLICY, ObjectKind.USER, "",
                "SYSADMIN", false, "X", T0);

        assertThat(store.roles().insertPrivilegeGrant(onEveryUser)).isTrue();
        store.users().delete("ALICE");

        assertThat(store.roles().privilegeGrantsOn(ObjectKind.USER, "")).containsExactly(onEveryUser);
        assertThat(store.roles().privilegeGrantsTo("SYSADMIN")).contains(onEveryUser);
        assertThat(store.roles().deletePrivilegeGrant(Privilege.APPLY_AUTHENTICATION_POLICY, ObjectKind.USER, "",
                "SYSADMIN")).isTrue();
        assertThat(store.roles().privilegeGrantsOn(ObjectKind.USER, "")).isEmpty();
    }

    /** Sessions, tokens, grants and attachments name a stored user; one of a name nobody has is refused. */
    @StoreTest
    void whatNamesAUserNobodyHasIsRefused(TestStore store) {
        JdbcProgrammaticAccessTokenRepository tokens = new JdbcProgrammaticAccessTokenRepository(store.database());
        JdbcAuthenticationPolicyRepository policies = new JdbcAuthenticationPolicyRepository(store.database());

        assertThat(catchThrowableOfType(StoreException.class, () -> store.sessions().insert(session(1, "GHOST", "g"))))
                .isNotNull();
        assertThat(catchThrowableOfType(StoreException.class, () -> tokens.insert(token("GHOST")))).isNotNull();
        assertThat(catchThrowableOfType(StoreException.class, () -> store.roles().insertRoleGrant(
                new RoleGrant("SYSADMIN", RoleGrant.GranteeKind.USER, "GHOST", "X", T0)))).isNotNull();
        assertThat(catchThrowableOfType(StoreException.class, () -> store.roles().insertPrivilegeGrant(
                new PrivilegeGrant(Privilege.MONITOR, ObjectKind.USER, "GHOST", "SYSADMIN", false, "X", T0))))
                .isNotNull();
        assertThat(catchThrowableOfType(StoreException.class, () -> policies.attach(
                new PolicyAttachment(PolicyKind.SESSION, TargetKind.USER, "GHOST", "SHORT")))).isNotNull();
        assertThat(store.count("SELECT COUNT(*) FROM sessions")).isZero();
        assertThat(store.count("SELECT COUNT(*) FROM programmatic_access_tokens")).isZero();
        assertThat(store.count("SELECT COUNT(*) FROM policy_attachments")).isZero();
    }

    private static ProgrammaticAccessToken token(String user) {
        return new ProgrammaticAccessToken("id-" + user, user, "TOKEN", "digest-" + user, Optional.empty(), at(86_400),
                T0, "ADMIN", Optional.empty(), false, 0, Optional.empty(), Optional.empty(), T0, "ADMIN",
                Optional.empty());
    }
}

package dev.frostgate.store;

import static dev.frostgate.store.StoreSamples.T0;
import static dev.frostgate.store.StoreSamples.at;
import static dev.frostgate.store.StoreSamples.fullUser;
import static dev.frostgate.store.StoreSamples.minimalUser;
import static dev.frostgate.store.StoreSamples.session;
import static dev.frostgate.store.StoreSamples.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.frostgate.catalog.ObjectKind;
import dev.frostgate.catalog.PolicyAttachment;
import dev.frostgate.catalog.PolicyAttachment.PolicyKind;
import dev.frostgate.catalog.PolicyAttachment.TargetKind;
import dev.frostgate.catalog.Privilege;
import dev.frostgate.catalog.PrivilegeGrant;
import dev.frostgate.catalog.Role;
import dev.frostgate.catalog.RoleGrant;
import dev.frostgate.catalog.User;
import dev.frostgate.catalog.UserRepository.LoginOutcome;
import dev.frostgate.catalog.UserType;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** JdbcUserRepository on H2 and PostgreSQL. */
class UserRepositoryTest {

    @StoreTest
    void aFullyPopulatedUserReadsBackEqual(TestStore store) {
        User alice = fullUser("ALICE");
        store.users().insert(alice);

        User found = store.users().find("ALICE").orElseThrow();
        assertThat(found).isEqualTo(stored(alice));
        assertThat(found.loginName()).isEqualTo("ALICE@EXAMPLE.COM");
        assertThat(found.comment()).contains("Ünïcödé comment: 雪 ❄ 😀 and 'quotes' \"too\", a \\ backslash");
        assertThat(found.passwordHistory()).containsExactlyElementsOf(alice.passwordHistory());
        assertThat(found.lockedUntil()).contains(at(900));
        assertThat(found.rsaPublicKey().orElseThrow().fingerprint()).isEqualTo(StoreSamples.PUBLIC_KEY.fingerprint());
        assertThat(found.rsaPublicKey2().orElseThrow().credentialId()).isEqualTo("key-2-ALICE");
    }

    @StoreTest
    void aMinimalUserKeepsEveryOptionalFieldEmpty(TestStore store) {
        store.users().insert(minimalUser("BOB"));

        User found = store.users().find("BOB").orElseThrow();
        assertThat(found).isEqualTo(minimalUser("BOB"));
        assertThat(List.of(found.displayName(), found.firstName(), found.lastName(), found.email(), found.comment(),
                found.passwordHash(), found.defaultRole(), found.owner(), found.networkPolicy())).allSatisfy(
                        field -> assertThat(field).isEmpty());
        assertThat(List.of(found.passwordLastSet(), found.expiresAt(), found.lockedUntil(),
                found.lastSuccessLogin())).allSatisfy(field -> assertThat(field).isEmpty());
        assertThat(found.passwordHistory()).isEmpty();
        assertThat(found.hasPublicKey()).isFalse();
        assertThat(found.type()).isEqualTo(UserType.PERSON);
        assertThat(found.defaultSecondaryRoles()).isEqualTo(User.DefaultSecondaryRoles.ALL);
        assertThat(found.disabled()).isFalse();
        assertThat(found.failedLoginAttempts()).isZero();
    }

    @StoreTest
    void emptyStringsStayEmptyStringsNotAbsentValues(TestStore store) {
        store.users().insert(minimalUser("EMPTY").toBuilder().comment(Optional.of(""))
                .displayName(Optional.of("")).build());

        User found = store.users().find("EMPTY").orElseThrow();
        assertThat(found.comment()).contains("");
        assertThat(found.displayName()).contains("");
    }

    @StoreTest
    void unknownNamesAreNotFound(TestStore store) {
        store.users().insert(minimalUser("ALICE"));

        assertThat(store.users().find("BOB")).isEmpty();
        assertThat(store.users().find("alice")).as("names are exact, not case-insensitive").isEmpty();
        assertThat(store.users().findByLoginName("BOB")).isEmpty();
    }

    @StoreTest
    void loginNamesAreStoredUpperCasedAndFoundWhateverTheirCase(TestStore store) {
        store.users().insert(minimalUser("ALICE").toBuilder().loginName("Alice.Smith@Example.com").build());

        assertThat(store.users().find("ALICE").orElseThrow().loginName()).isEqualTo("ALICE.SMITH@EXAMPLE.COM");
        for (String spelling : List.of("alice.smith@example.com", "ALICE.SMITH@EXAMPLE.COM",
                "aLiCe.SmItH@eXaMpLe.CoM")) {
            assertThat(store.users().findByLoginName(spelling)).as(spelling).map(User::name).contains("ALICE");
        }
        assertThat(store.users().findByLoginName("alice.smith@example.co")).isEmpty();
    }

    @StoreTest
    void listReturnsEveryUserOrderedByName(TestStore store) {
        for (String name : List.of("CAROL", "ALICE", "DAVE", "BOB", "ALICE2")) {
            store.users().insert(fullUser(name));
        }

        assertThat(store.users().list()).extracting(User::name).containsExactly("ALICE", "ALICE2", "BOB", "CAROL",
                "DAVE");
        assertThat(store.users().list().get(2)).isEqualTo(store.users().find("BOB").orElseThrow());
    }

    @StoreTest
    void aNewDatabaseHasNoUsers(TestStore store) {
        assertThat(store.users().list()).isEmpty();
    }

    @StoreTest
    void updateReplacesEveryField(TestStore store) {
        store.users().insert(fullUser("ALICE"));
        User changed = minimalUser("ALICE").toBuilder().loginName("NEW.LOGIN").type(UserType.SERVICE)
                .comment(Optional.of("changed")).failedLoginAttempts(1).passwordHistory(List.of("h1")).build();

        store.updateUser("ALICE", changed);

        assertThat(store.users().find("ALICE")).contains(changed);
        assertThat(store.users().findByLoginName("alice@example.com")).isEmpty();
        assertThat(store.users().findByLoginName("new.login")).contains(changed);
    }

    @StoreTest
    void updateOfOneUserLeavesTheOthersAlone(TestStore store) {
        store.users().insert(fullUser("ALICE"));
        store.users().insert(fullUser("BOB"));

        store.updateUser("ALICE", fullUser("ALICE").toBuilder().comment(Optional.empty()).build());

        assertThat(store.users().find("BOB")).contains(stored(fullUser("BOB")));
        assertThat(store.users().find("ALICE").orElseThrow().comment()).isEmpty();
    }

    @StoreTest
    void renameMovesRoleGrantsPrivilegeGrantsOnTheUserAndSessions(TestStore store) {
        JdbcRoleRepository roles = store.roles();
        store.users().insert(fullUser("ALICE"));
        store.users().insert(fullUser("BOB"));
        roles.insert(new Role("ANALYST", Optional.empty(), Optional.of("USERADMIN"), T0));
        roles.insert(new Role("ALICE", Optional.empty(), Optional.of("USERADMIN"), T0));
        roles.insertRoleGrant(new RoleGrant("ANALYST", RoleGrant.GranteeKind.USER, "ALICE", "USERADMIN", T0));
        roles.insertRoleGrant(new RoleGrant("ANALYST", RoleGrant.GranteeKind.USER, "BOB", "USERADMIN", T0));
        roles.insertRoleGrant(new RoleGrant("ANALYST", RoleGrant.GranteeKind.ROLE, "ALICE", "USERADMIN", T0));
        roles.insertPrivilegeGrant(new PrivilegeGrant(Privilege.MONITOR, ObjectKind.USER, "ALICE", "ANALYST", false, "X", T0));
        roles.insertPrivilegeGrant(new PrivilegeGrant(Privilege.USAGE, ObjectKind.USER, "ALICE", "USERADMIN", false, "X",
                T0));
        roles.insertPrivilegeGrant(new PrivilegeGrant(Privilege.USAGE, ObjectKind.ROLE, "ALICE", "USERADMIN", false, "X",
                T0));
        store.sessions().insert(session(1, "ALICE", "a1"));
        store.sessions().insert(session(2, "ALICE", "a2"));
        store.sessions().insert(session(3, "BOB", "b1"));
        insertToken(store, "t1", "ALICE");
        insertToken(store, "t2", "BOB");
        User alice = store.users().find("ALICE").orElseThrow();

        store.users().update(alice, alice.toBuilder().name("ALICIA").build());

        assertThat(store.users().find("ALICE")).isEmpty();
        assertThat(store.users().find("ALICIA")).contains(stored(fullUser("ALICE")).toBuilder().name("ALICIA").build());
        assertThat(store.users().findByLoginName("alice@example.com")).map(User::name).contains("ALICIA");
        assertThat(roles.roleGrants()).extracting(StoreSamples::describe).containsExactlyInAnyOrder(
                "SECURITYADMIN>ROLE:ACCOUNTADMIN", "SYSADMIN>ROLE:ACCOUNTADMIN", "USERADMIN>ROLE:SECURITYADMIN",
                "ANALYST>USER:ALICIA", "ANALYST>USER:BOB", "ANALYST>ROLE:ALICE");
        assertThat(roles.privilegeGrants()).filteredOn(grant -> grant.objectKind() != ObjectKind.ACCOUNT)
                .extracting(grant -> grant.privilege().displayName() + " " + grant.objectKind() + ":" + grant.objectName())
                .containsExactlyInAnyOrder("MONITOR USER:ALICIA", "USAGE USER:ALICIA", "USAGE ROLE:ALICE");
        assertThat(store.sessions().findById(1)).map(s -> s.userName()).contains("ALICIA");
        assertThat(store.sessions().findBySessionTokenDigest("a2-session")).map(s -> s.userName()).contains("ALICIA");
        assertThat(store.sessions().findById(3)).map(s -> s.userName()).contains("BOB");
        assertThat(store.rows("SELECT t.id, u.name FROM programmatic_access_tokens t JOIN users u ON u.id = t.user_id "
                + "ORDER BY t.id"))
                .containsExactly(List.of("t1", "ALICIA"), List.of("t2", "BOB"));
    }

    @StoreTest
    void renamingOntoAnExistingUserFailsAsADuplicateAndChangesNothing(TestStore store) {
        store.users().insert(fullUser("ALICE"));
        store.users().insert(minimalUser("BOB"));
        store.sessions().insert(session(1, "ALICE", "a1"));

        StoreException failure = catchThrowableOfType(StoreException.class,
                () -> store.updateUser("ALICE", fullUser("BOB")));

        assertThat(failure.isDuplicateKey()).isTrue();
        assertThat(store.users().find("ALICE")).contains(stored(fullUser("ALICE")));
        assertThat(store.users().find("BOB")).contains(minimalUser("BOB"));
        assertThat(store.sessions().findById(1)).map(s -> s.userName()).contains("ALICE");
    }

    /**
     * A rename used to move every grant, session and token row and could fail halfway on a leftover grant to the
     * new name; it is one row's change now (they refer to the user's id, V27), and such a leftover cannot be stored:
     * a grant refers to a user that exists.
     */
    @StoreTest
    void aGrantToAUserNotStoredIsRefusedSoNoneAwaitsARenamedUser(TestStore store) {
        store.users().insert(fullUser("ALICE"));
        store.roles().insert(new Role("ANALYST", Optional.empty(), Optional.empty(), T0));
        store.roles().insertRoleGrant(new RoleGrant("ANALYST", RoleGrant.GranteeKind.USER, "ALICE", "X", T0));
        store.sessions().insert(session(1, "ALICE", "a1"));

        StoreException refused = catchThrowableOfType(StoreException.class, () -> store.roles().insertRoleGrant(
                new RoleGrant("ANALYST", RoleGrant.GranteeKind.USER, "ALICIA", "X", T0)));
        store.updateUser("ALICE", fullUser("ALICIA"));

        assertThat(refused).isNotNull();
        assertThat(refused.isDuplicateKey()).isFalse();
        assertThat(store.users().find("ALICE")).isEmpty();
        assertThat(store.roles().roleGrants()).filteredOn(grant -> grant.role().equals("ANALYST"))
                .extracting(StoreSamples::describe).containsExactly("ANALYST>USER:ALICIA");
        assertThat(store.sessions().findById(1)).map(s -> s.userName()).contains("ALICIA");
        store.users().insert(minimalUser("AFTER"));
        assertThat(store.users().find("AFTER")).as("the pooled connection is usable again").isPresent();
    }

    @StoreTest
    void aDuplicateLoginNameIsADuplicateKeyWhateverItsCase(TestStore store) {
        store.users().insert(minimalUser("ALICE").toBuilder().loginName("alice").build());

        StoreException failure = catchThrowableOfType(StoreException.class,
                () -> store.users().insert(fullUser("BOB").toBuilder().loginName("ALICE").build()));

        assertThat(failure.isDuplicateKey()).isTrue();
        assertThat(failure.getCause()).isInstanceOf(SQLException.class);
        assertThat(failure.getMessage()).contains("23505");
        assertThat(store.users().find("BOB")).isEmpty();
        assertThat(store.users().list()).extracting(User::name).containsExactly("ALICE");
    }

    @StoreTest
    void aDuplicateNameIsADuplicateKey(TestStore store) {
        store.users().insert(fullUser("ALICE"));

        StoreException failure = catchThrowableOfType(StoreException.class,
                () -> store.users().insert(minimalUser("ALICE").toBuilder().loginName("OTHER").build()));

        assertThat(failure.isDuplicateKey()).isTrue();
        assertThat(store.users().find("ALICE")).contains(stored(fullUser("ALICE")));
    }

    @StoreTest
    void changingTheLoginNameToAnotherUsersIsADuplicateKey(TestStore store) {
        store.users().insert(fullUser("ALICE"));
        store.users().insert(fullUser("BOB"));

        StoreException failure = catchThrowableOfType(StoreException.class, () -> store.updateUser("BOB",
                fullUser("BOB").toBuilder().loginName("Alice@Example.com").build()));

        assertThat(failure.isDuplicateKey()).isTrue();
        assertThat(store.users().find("BOB").orElseThrow().loginName()).isEqualTo("BOB@EXAMPLE.COM");
    }

    @StoreTest
    void otherFailuresAreNotDuplicateKeys(TestStore store) {
        StoreException failure = catchThrowableOfType(StoreException.class,
                () -> store.users().insert(minimalUser("LONG").toBuilder().comment(Optional.of("x".repeat(5000)))
                        .build()));

        assertThat(failure).isNotNull();
        assertThat(failure.isDuplicateKey()).isFalse();
        assertThat(store.users().find("LONG")).isEmpty();
    }

    @StoreTest
    void deleteRemovesTheUserItsGrantsPrivilegesOnItAndItsSessions(TestStore store) {
        JdbcRoleRepository roles = store.roles();
        store.users().insert(fullUser("ALICE"));
        store.users().insert(fullUser("BOB"));
        roles.insert(new Role("ANALYST", Optional.empty(), Optional.empty(), T0));
        roles.insertRoleGrant(new RoleGrant("ANALYST", RoleGrant.GranteeKind.USER, "ALICE", "X", T0));
        roles.insertRoleGrant(new RoleGrant("ANALYST", RoleGrant.GranteeKind.USER, "BOB", "X", T0));
        roles.insertRoleGrant(new RoleGrant("ANALYST", RoleGrant.GranteeKind.ROLE, "ALICE", "X", T0));
        roles.insertPrivilegeGrant(new PrivilegeGrant(Privilege.MONITOR, ObjectKind.USER, "ALICE", "ANALYST", false, "X", T0));
        roles.insertPrivilegeGrant(new PrivilegeGrant(Privilege.MONITOR, ObjectKind.USER, "BOB", "ANALYST", false, "X", T0));
        store.sessions().insert(session(1, "ALICE", "a1"));
        store.sessions().insert(session(2, "BOB", "b1"));
        insertToken(store, "t1", "ALICE");
        insertToken(store, "t2", "BOB");

        assertThat(store.users().delete("ALICE")).isTrue();

        assertThat(store.users().find("ALICE")).isEmpty();
        assertThat(store.users().findByLoginName("alice@example.com")).isEmpty();
        assertThat(store.users().list()).extracting(User::name).containsExactly("BOB");
        assertThat(roles.roleGrants()).filteredOn(grant -> grant.role().equals("ANALYST"))
                .extracting(StoreSamples::describe)
                .containsExactlyInAnyOrder("ANALYST>USER:BOB", "ANALYST>ROLE:ALICE");
        assertThat(roles.privilegeGrants()).filteredOn(grant -> grant.objectKind() == ObjectKind.USER)
                .extracting(PrivilegeGrant::objectName).containsExactly("BOB");
        assertThat(store.sessions().findById(1)).isEmpty();
        assertThat(store.sessions().findBySessionTokenDigest("a1-session")).isEmpty();
        assertThat(store.sessions().findById(2)).isPresent();
        assertThat(store.rows("SELECT id FROM programmatic_access_tokens")).containsExactly(List.of("t2"));
        assertThat(store.users().delete("ALICE")).as("a second delete finds nothing").isFalse();
        assertThat(store.users().delete("NOBODY")).isFalse();
    }

    @StoreTest
    void theLoginNameOfADeletedUserCanBeUsedAgain(TestStore store) {
        store.users().insert(fullUser("ALICE"));
        store.users().delete("ALICE");

        store.users().insert(fullUser("ALICE2").toBuilder().loginName("alice@example.com").build());

        assertThat(store.users().findByLoginName("ALICE@EXAMPLE.COM")).map(User::name).contains("ALICE2");
    }

    @StoreTest
    void aFailedLoginCountsAndLocksWithoutTouchingAnythingElse(TestStore store) {
        User alice = fullUser("ALICE");
        store.users().insert(alice);

        store.users().recordLoginOutcome("ALICE", new LoginOutcome(5, Optional.of(at(1_800)), Optional.empty()));

        assertThat(store.users().find("ALICE")).contains(stored(alice).toBuilder()
                .failedLoginAttempts(5).lockedUntil(Optional.of(at(1_800))).build());
        assertThat(store.users().find("ALICE").orElseThrow().lastSuccessLogin()).as("kept").contains(at(-60));
    }

    @StoreTest
    void aSuccessfulLoginResetsTheCounterClearsTheLockAndRecordsTheTime(TestStore store) {
        User alice = fullUser("ALICE");
        store.users().insert(alice);

        store.users().recordLoginOutcome("ALICE", new LoginOutcome(0, Optional.empty(), Optional.of(at(7_200))));

        User found = store.users().find("ALICE").orElseThrow();
        assertThat(found.failedLoginAttempts()).isZero();
        assertThat(found.lockedUntil()).isEmpty();
        assertThat(found.lastSuccessLogin()).contains(at(7_200));
        assertThat(found).isEqualTo(stored(alice).toBuilder().failedLoginAttempts(0)
                .lockedUntil(Optional.empty()).lastSuccessLogin(Optional.of(at(7_200))).build());
    }

    @StoreTest
    void recordingAnOutcomeChangesOnlyThatUser(TestStore store) {
        store.users().insert(fullUser("ALICE"));
        store.users().insert(fullUser("BOB"));

        store.users().recordLoginOutcome("ALICE", new LoginOutcome(9, Optional.empty(), Optional.empty()));
        store.users().recordLoginOutcome("NOBODY", new LoginOutcome(9, Optional.empty(), Optional.empty()));

        assertThat(store.users().find("ALICE").orElseThrow().failedLoginAttempts()).isEqualTo(9);
        assertThat(store.users().find("BOB").orElseThrow().failedLoginAttempts()).isEqualTo(4);
        assertThat(store.users().find("BOB").orElseThrow().lockedUntil()).contains(at(900));
        assertThat(store.users().find("NOBODY")).isEmpty();
    }

    @StoreTest
    void aLongPasswordHistoryKeepsItsOrder(TestStore store) {
        List<String> history = IntStream.range(0, User.PASSWORD_HISTORY_LIMIT)
                .mapToObj(i -> "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$" + "h".repeat(43) + i).toList();
        store.users().insert(minimalUser("ALICE").toBuilder().passwordHistory(history).build());

        assertThat(store.users().find("ALICE").orElseThrow().passwordHistory()).containsExactlyElementsOf(history);
        List<String> reversed = new ArrayList<>(history);
        java.util.Collections.reverse(reversed);
        store.updateUser("ALICE", minimalUser("ALICE").toBuilder().passwordHistory(reversed).build());
        assertThat(store.users().find("ALICE").orElseThrow().passwordHistory()).containsExactlyElementsOf(reversed);
    }


    /**
     * Authentication, password and session policies attached to a user are keyed by its name, like
     * its grants: a rename must carry them along (or the renamed user silently loses, say, its MFA
     * policy and a new user of the old name inherits it), and a delete must remove them.
     */
    @StoreTest
    void renameAndDeleteCarryTheUsersPolicyAttachments(TestStore store) {
        JdbcAuthenticationPolicyRepository attachments = new JdbcAuthenticationPolicyRepository(store.database());
        store.users().insert(fullUser("ALICE"));
        store.users().insert(fullUser("BOB"));
        attachments.attach(new PolicyAttachment(PolicyKind.AUTHENTICATION, TargetKind.USER, "ALICE", "MFA_ONLY"));
        attachments.attach(new PolicyAttachment(PolicyKind.PASSWORD, TargetKind.USER, "ALICE", "STRONG"));
        attachments.attach(new PolicyAttachment(PolicyKind.SESSION, TargetKind.USER, "BOB", "SHORT"));
        attachments.attach(new PolicyAttachment(PolicyKind.AUTHENTICATION, TargetKind.ACCOUNT, "", "DEFAULT"));

        store.updateUser("ALICE", fullUser("ALICIA"));

        assertThat(attachments.attachment(PolicyKind.AUTHENTICATION, TargetKind.USER, "ALICIA"))
                .map(PolicyAttachment::policyName).contains("MFA_ONLY");
        assertThat(attachments.attachment(PolicyKind.PASSWORD, TargetKind.USER, "ALICIA"))
                .map(PolicyAttachment::policyName).contains("STRONG");
        assertThat(attachments.attachment(PolicyKind.AUTHENTICATION, TargetKind.USER, "ALICE")).isEmpty();

        store.users().delete("ALICIA");
        store.users().delete("BOB");

        assertThat(attachments.attachments(PolicyKind.AUTHENTICATION)).extracting(PolicyAttachment::targetName)
                .containsExactly("");
        assertThat(attachments.attachments(PolicyKind.PASSWORD)).isEmpty();
        assertThat(attachments.attachments(PolicyKind.SESSION)).isEmpty();
    }

    /**
     * A transaction that fails with a connection-ending error (here H2's lock timeout, after which the
     * pool discards the connection) must report that error, not the later failure to roll back or to
     * restore auto-commit on the discarded connection.
     */
    @StoreTest(StoreBackends.Backend.H2)
    @Tag("h2")
    void aFailedTransactionReportsTheDriversReason(TestStore store) throws Exception {
        store.users().insert(fullUser("ALICE"));
        try (java.sql.Connection holder = store.database().dataSource().getConnection()) {
            holder.setAutoCommit(false);
            try (java.sql.Statement statement = holder.createStatement()) {
                statement.executeUpdate("UPDATE users SET comment = 'held' WHERE name = 'ALICE'");
            }

            StoreException failure = catchThrowableOfType(StoreException.class, () -> store.users().delete("ALICE"));

            holder.rollback();
            assertThat(failure).isNotNull();
            assertThat(failure.getMessage()).contains("HYT00");
            assertThat(failure.getCause()).isInstanceOf(java.sql.SQLTimeoutException.class);
        }
        assertThat(store.users().find("ALICE")).contains(stored(fullUser("ALICE")));
    }

    /**
     * Snowflake string literals can hold U+0000 ('\0'); H2 stores it, PostgreSQL's text types cannot
     * ("invalid byte sequence for encoding UTF8: 0x00"). The store must behave the same on both, so it
     * refuses such text everywhere, with PostgreSQL's SQLState.
     */
    @StoreTest
    void textWithANulCharacterIsRefusedOnEveryBackend(TestStore store) {
        StoreException failure = catchThrowableOfType(StoreException.class,
                () -> store.users().insert(minimalUser("NUL").toBuilder().comment(Optional.of("a\0b")).build()));

        assertThat(failure).isNotNull();
        assertThat(failure.getMessage()).contains("22021");
        assertThat(failure.isDuplicateKey()).isFalse();
        assertThat(store.users().find("NUL")).isEmpty();
    }

    /**
     * SHOW USERS lists in the order of {@code list()}; on PostgreSQL, ORDER BY follows the database's
     * collation, which on most installations is a linguistic one (en_US.UTF-8 or ICU), not H2's code
     * point order.
     */
    @Test
    @Tag("postgres")
    void listOrderIsTheSameOnH2AndOnPostgresqlWithALinguisticCollation() {
        List<String> names = List.of("SVC_ETL", "SVC1", "SVCA", "Svc", "svc", "_ADMIN", "ZED", "A");
        List<String> codePointOrder = names.stream().sorted().toList();
        try (TestStore h2 = StoreBackends.fresh(StoreBackends.Backend.H2, true);
             TestStore postgres = StoreBackends.postgresWithIcuCollation("en-US")) {
            for (TestStore store : List.of(h2, postgres)) {
                for (int i = 0; i < names.size(); i++) {
                    store.users().insert(minimalUser(names.get(i)).toBuilder().loginName("LOGIN" + i).build());
                }
            }
            assertThat(h2.users().list()).extracting(User::name).containsExactlyElementsOf(codePointOrder);
            assertThat(postgres.users().list()).extracting(User::name).containsExactlyElementsOf(codePointOrder);
        }
    }

    /** A programmatic access token of the user, written directly (its repository is not under test here). */
    private static void insertToken(TestStore store, String id, String user) {
        store.execute("INSERT INTO programmatic_access_tokens (id, user_id, name, secret_digest, expires_at, "
                + "created_on, created_by, disabled, mins_to_bypass) VALUES (?, (SELECT id FROM users WHERE name = ?), "
                + "?, ?, ?, ?, ?, FALSE, 0)", id, user, "TOKEN_" + id, "digest-" + id, at(86_400), T0, "USERADMIN");
    }
}

package dev.frostgate.store;

import static dev.frostgate.store.StoreSamples.T0;
import static dev.frostgate.store.StoreSamples.at;
import static dev.frostgate.store.StoreSamples.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.frostgate.auth.RoleSwitching;
import dev.frostgate.auth.Session;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;

/** JdbcSessionRepository on H2 and PostgreSQL. */
class SessionRepositoryTest {
    /** The users the tests' sessions, tokens and grants belong to (they refer to a stored user). */
    @BeforeEach
    void storeTheirUsers(TestStore store) {
        store.usersNamed("ALICE", "BOB", "MALLORY", "alice");
    }


    @StoreTest
    void aSessionIsFoundByEitherDigestAndById(TestStore store) {
        Session session = session(42, "ALICE", "abc");
        store.sessions().insert(session);

        assertThat(store.sessions().findBySessionTokenDigest("abc-session")).contains(session);
        assertThat(store.sessions().findByMasterTokenDigest("abc-master")).contains(session);
        assertThat(store.sessions().findById(42)).contains(session);
    }

    @StoreTest
    void deleteOpenedWithEndsOnlyTheSessionsOfThatCredential(TestStore store) {
        Session leaked = new Session(1, "s1", "m1", "ALICE", "PUBLIC", false, "PROGRAMMATIC_ACCESS_TOKEN",
                Optional.empty(), Optional.empty(), T0, at(60), at(120), Session.Context.NONE, T0,
                new Session.Origin(Optional.of("token-1"), RoleSwitching.FIXED, Optional.of("OFFICE")));
        Session other = new Session(2, "s2", "m2", "ALICE", "PUBLIC", false, "PROGRAMMATIC_ACCESS_TOKEN",
                Optional.empty(), Optional.empty(), T0, at(60), at(120), Session.Context.NONE, T0,
                new Session.Origin(Optional.of("token-2"), RoleSwitching.PRIMARY_FIXED, Optional.empty()));
        store.sessions().insert(leaked);
        store.sessions().insert(other);
        store.sessions().insert(session(3, "ALICE", "password"));

        store.sessions().deleteOpenedWith("token-1");

        assertThat(store.sessions().findById(1)).isEmpty();
        assertThat(store.sessions().findById(2)).contains(other);
        assertThat(store.sessions().findById(2).orElseThrow().origin().roleSwitching())
                .isEqualTo(RoleSwitching.PRIMARY_FIXED);
        assertThat(store.sessions().findById(3)).isPresent();
    }

    @StoreTest
    void unknownDigestsAndIdsFindNothing(TestStore store) {
        store.sessions().insert(session(42, "ALICE", "abc"));

        assertThat(store.sessions().findBySessionTokenDigest("abc-master")).as("not the other digest").isEmpty();
        assertThat(store.sessions().findByMasterTokenDigest("abc-session")).isEmpty();
        assertThat(store.sessions().findBySessionTokenDigest("abc-sessio")).isEmpty();
        assertThat(store.sessions().findBySessionTokenDigest("")).isEmpty();
        assertThat(store.sessions().findById(43)).isEmpty();
    }

    @StoreTest
    void digestsAreComparedExactlyIncludingCase(TestStore store) {
        Session session = new Session(1, "q7Zx+/AbC=", "M4sTeR+/xYz=", "ALICE", "PUBLIC", false, "PASSWORD",
                Optional.empty(), Optional.empty(), T0, at(60), at(120), Optional.empty(), Optional.empty(), T0);
        store.sessions().insert(session);

        assertThat(store.sessions().findBySessionTokenDigest("q7Zx+/AbC=")).contains(session);
        assertThat(store.sessions().findBySessionTokenDigest("Q7ZX+/ABC=")).isEmpty();
        assertThat(store.sessions().findBySessionTokenDigest("q7zx+/abc=")).isEmpty();
        assertThat(store.sessions().findByMasterTokenDigest("m4sTeR+/xYz=")).isEmpty();
    }

    @StoreTest
    void optionalFieldsStayEmpty(TestStore store) {
        Session bare = new Session(7, "s7", "m7", "BOB", "PUBLIC", false, "PASSWORD", Optional.empty(),
                Optional.empty(), T0, at(60), at(120), Optional.empty(), Optional.empty(), at(30));
        store.sessions().insert(bare);

        Session found = store.sessions().findById(7).orElseThrow();
        assertThat(found).isEqualTo(bare);
        assertThat(found.clientIp()).isEmpty();
        assertThat(found.clientType()).isEmpty();
        assertThat(found.currentDatabase()).isEmpty();
        assertThat(found.currentSchema()).isEmpty();
        assertThat(found.secondaryRolesAll()).isFalse();
    }

    @StoreTest
    void theCurrentWarehouseIsKeptBesideTheDatabaseAndSchema(TestStore store) {
        Session session = session(9, "ALICE", "wh")
                .withContext(new Session.Context(Optional.of("DB1"), Optional.of("S1"), Optional.of("Load Wh")));

        store.sessions().insert(session);

        assertThat(store.sessions().findById(9)).contains(session);
        assertThat(store.sessions().findById(9).orElseThrow().currentWarehouse()).contains("Load Wh");
    }

    @StoreTest
    void largeIdsRoundTrip(TestStore store) {
        Session session = session(Long.MAX_VALUE, "ALICE", "max");
        store.sessions().insert(session);

        assertThat(store.sessions().findById(Long.MAX_VALUE)).contains(session);
    }

    @StoreTest
    void updateRotatesTokensAndChangesRolesContextAndActivity(TestStore store) {
        Session original = session(1, "ALICE", "old");
        store.sessions().insert(original);
        store.sessions().insert(session(2, "ALICE", "other"));
        Session changed = original.withTokens("new-session", at(7_200), "new-master", at(28_800))
                .withRoles("ANALYST", false)
                .withContext(new Session.Context(Optional.of("DB2"), Optional.empty(), Optional.of("LOAD_WH")))
                .withLastActivity(at(600));

        store.sessions().update(original, changed);

        assertThat(store.sessions().findById(1)).contains(changed);
        assertThat(store.sessions().findBySessionTokenDigest("new-session")).contains(changed);
        assertThat(store.sessions().findByMasterTokenDigest("new-master")).contains(changed);
        assertThat(store.sessions().findBySessionTokenDigest("old-session")).isEmpty();
        assertThat(store.sessions().findByMasterTokenDigest("old-master")).isEmpty();
        assertThat(store.sessions().findById(2)).contains(session(2, "ALICE", "other"));
    }

    @StoreTest
    void anUpdateFromAnOlderCopyKeepsWhatWasWrittenSince(TestStore store) {
        Session original = session(1, "ALICE", "a");
        store.sessions().insert(original);
        Session cachedElsewhere = store.sessions().findById(1).orElseThrow();
        Session roleChanged = original.withRoles("ANALYST", false);
        store.sessions().update(original, roleChanged);
        Session renewed = roleChanged.withTokens("b-session", at(7_200), "a-master", original.masterExpiresAt());
        store.sessions().update(roleChanged, renewed);

        store.sessions().update(cachedElsewhere, cachedElsewhere.withLastActivity(at(600)));

        Session stored = store.sessions().findById(1).orElseThrow();
        assertThat(stored.primaryRole()).as("USE ROLE after the other copy was read").isEqualTo("ANALYST");
        assertThat(stored.sessionTokenDigest()).as("renewed after the other copy was read").isEqualTo("b-session");
        assertThat(stored.lastActivity()).isEqualTo(at(600));
    }

    @StoreTest
    void updateKeepsWhatASessionCannotChange(TestStore store) {
        Session original = session(1, "ALICE", "a");
        store.sessions().insert(original);
        Session tampered = new Session(1, "a-session", "a-master", "MALLORY", "PUBLIC", true, "KEYPAIR",
                Optional.of("203.0.113.9"), Optional.of("PYTHON_DRIVER"), at(99), original.sessionExpiresAt(),
                original.masterExpiresAt(), original.currentDatabase(), original.currentSchema(),
                original.lastActivity());

        store.sessions().update(original, tampered);

        assertThat(store.sessions().findById(1)).contains(original);
    }

    @StoreTest
    void aSessionWithoutRecordedActivityReportsItsCreationTime(TestStore store) {
        // Rows written before V8 have no last_activity.
        store.execute("INSERT INTO sessions (id, session_token_digest, master_token_digest, user_id, primary_role, "
                + "secondary_roles_all, authentication_method, created_on, session_expires_at, master_expires_at) "
                + "VALUES (5, 's5', 'm5', (SELECT id FROM users WHERE name = 'ALICE'), 'PUBLIC', TRUE, 'PASSWORD', "
                + "?, ?, ?)", at(10), at(70), at(130));

        Session found = store.sessions().findById(5).orElseThrow();
        assertThat(found.lastActivity()).isEqualTo(at(10));
        assertThat(found.createdOn()).isEqualTo(at(10));
        assertThat(found.sessionExpiresAt()).isEqualTo(at(70));
        assertThat(found.masterExpiresAt()).isEqualTo(at(130));
    }

    @StoreTest
    void deleteRemovesOnlyThatSession(TestStore store) {
        store.sessions().insert(session(1, "ALICE", "a"));
        store.sessions().insert(session(2, "ALICE", "b"));

        store.sessions().delete(1);
        store.sessions().delete(99);

        assertThat(store.sessions().findById(1)).isEmpty();
        assertThat(store.sessions().findBySessionTokenDigest("a-session")).isEmpty();
        assertThat(store.sessions().findById(2)).contains(session(2, "ALICE", "b"));
    }

    @StoreTest
    void deleteForUserEndsEverySessionOfThatUserOnly(TestStore store) {
        store.sessions().insert(session(1, "ALICE", "a"));
        store.sessions().insert(session(2, "ALICE", "b"));
        store.sessions().insert(session(3, "BOB", "c"));
        store.sessions().insert(session(4, "alice", "d"));

        store.sessions().deleteForUser("ALICE");

        assertThat(store.sessions().findById(1)).isEmpty();
        assertThat(store.sessions().findById(2)).isEmpty();
        assertThat(store.sessions().findById(3)).isPresent();
        assertThat(store.sessions().findById(4)).as("user names are exact").isPresent();
    }

    @StoreTest
    void aReusedDigestOrIdIsADuplicateKey(TestStore store) {
        store.sessions().insert(session(1, "ALICE", "a"));

        Session sameSessionDigest = new Session(2, "a-session", "x-master", "BOB", "PUBLIC", true, "PASSWORD",
                Optional.empty(), Optional.empty(), T0, at(1), at(2), Optional.empty(), Optional.empty(), T0);
        Session sameMasterDigest = new Session(3, "y-session", "a-master", "BOB", "PUBLIC", true, "PASSWORD",
                Optional.empty(), Optional.empty(), T0, at(1), at(2), Optional.empty(), Optional.empty(), T0);
        for (Session duplicate : new Session[] {sameSessionDigest, sameMasterDigest, session(1, "BOB", "z")}) {
            StoreException failure = catchThrowableOfType(StoreException.class,
                    () -> store.sessions().insert(duplicate));
            assertThat(failure).as("%s", duplicate).isNotNull();
            assertThat(failure.isDuplicateKey()).isTrue();
        }
        assertThat(store.sessions().findById(2)).isEmpty();
        assertThat(store.sessions().findById(3)).isEmpty();
        assertThat(store.sessions().findById(1)).contains(session(1, "ALICE", "a"));
    }
}

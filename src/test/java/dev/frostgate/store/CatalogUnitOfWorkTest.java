package dev.frostgate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.frostgate.change.Change;
import dev.frostgate.error.FrostgateException;
import dev.frostgate.testing.CoreFixture;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.api.ThrowableAssert;

/**
 * The catalogs' units of work on H2 and PostgreSQL, through the statements that need them: CREATE OR REPLACE
 * USER fails whole, the limit of 15 tokens holds against concurrent ADDs, the lock-out guard rolls back instead
 * of compensating and judges concurrent changes one after the other, and caches hear of a change only once it
 * is committed; a network rule a policy uses is not replaced.
 */
class CatalogUnitOfWorkTest {
    private static final String REFUSED_COMMENT = "refused by the store";

    @StoreTest
    void createOrReplaceUserFailingMidwayLeavesTheOldUserAsItWas(TestStore store) {
        try (CoreFixture core = CoreFixture.on(store.database())) {
            core.sql("CREATE ROLE analyst", "CREATE USER alice COMMENT = 'the original'",
                    "GRANT ROLE analyst TO USER alice", "ALTER USER alice ADD PAT first_token");
            // The fault: the store refuses the new user's row, after the old one and its grants were deleted.
            store.execute("ALTER TABLE users ADD CONSTRAINT refuse_test_comment CHECK (comment IS NULL OR comment <> '"
                    + REFUSED_COMMENT + "')");
            List<Change> changes = new CopyOnWriteArrayList<>();
            core.core().changes().subscribe(Change.class, changes::add);

            StoreException failure = catchThrowableOfType(StoreException.class,
                    () -> core.sql("CREATE OR REPLACE USER alice COMMENT = '" + REFUSED_COMMENT + "'"));

            assertThat(failure).isNotNull();
            // Each backend's SQLState for a check violation.
            String checkViolation = store.backend() == StoreBackends.Backend.H2 ? "23513" : "23514";
            assertThat(((SQLException) failure.getCause()).getSQLState()).isEqualTo(checkViolation);
            assertThat(store.users().find("ALICE").orElseThrow().comment()).contains("the original");
            assertThat(store.count("SELECT COUNT(*) FROM role_grants WHERE grantee_kind = 'USER' "
                    + "AND grantee_name = (SELECT id FROM users WHERE name = 'ALICE') AND role_name = 'ANALYST'")).isEqualTo(1);
            assertThat(store.count("SELECT COUNT(*) FROM programmatic_access_tokens WHERE user_id = "
                    + "(SELECT id FROM users WHERE name = 'ALICE')"))
                    .isEqualTo(1);
            assertThat(changes).as("nothing is announced for a rolled-back replace").isEmpty();

            core.sql("CREATE OR REPLACE USER alice COMMENT = 'the replacement'");
            assertThat(store.users().find("ALICE").orElseThrow().comment()).contains("the replacement");
            assertThat(store.count("SELECT COUNT(*) FROM role_grants WHERE grantee_kind = 'USER' "
                    + "AND role_name = 'ANALYST'")).as("the old user's grants went with it").isZero();
            assertThat(changes).containsExactly(new Change.UserChanged("ALICE"));
        }
    }

    @StoreTest
    void concurrentTokenAddsNeverPassTheLimitOfFifteen(TestStore store) throws Exception {
        try (CoreFixture core = CoreFixture.on(store.database())) {
            core.sql("CREATE USER alice");
            int attempts = 24;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(8);
            List<String> outcomes = new ArrayList<>();
            try {
                List<Future<String>> adds = new ArrayList<>();
                for (int index = 0; index < attempts; index++) {
                    String statement = "ALTER USER alice ADD PAT token_" + index;
                    adds.add(threads.submit(() -> {
                        start.await();
                        try {
                            core.sql(statement);
                            return "added";
                        } catch (FrostgateException refused) {
                            return refused.errorCode().code();
                        }
                    }));
                }
                start.countDown();
                for (Future<String> add : adds) {
                    outcomes.add(add.get());
                }
            } finally {
                threads.shutdownNow();
            }
            assertThat(outcomes).filteredOn("added"::equals).hasSize(15);
            assertThat(outcomes).filteredOn(outcome -> !outcome.equals("added")).as("refused over the limit")
                    .hasSize(attempts - 15).containsOnly("001009");
            assertThat(store.count("SELECT COUNT(*) FROM programmatic_access_tokens WHERE user_id = "
                    + "(SELECT id FROM users WHERE name = 'ALICE')"))
                    .isEqualTo(15);
        }
    }

    @StoreTest
    void aRuleChangeThatLocksTheCallerOutIsRolledBackAndAnnouncesNothing(TestStore store) {
        try (CoreFixture core = CoreFixture.on(store.database())) {
            core.sql("CREATE NETWORK RULE office TYPE = IPV4 VALUE_LIST = ('10.0.0.0/8')",
                    "CREATE NETWORK POLICY office_only ALLOWED_NETWORK_RULE_LIST = ('office')",
                    "ALTER ACCOUNT SET NETWORK_POLICY = office_only");
            List<Change> changes = new CopyOnWriteArrayList<>();
            core.core().changes().subscribe(Change.class, changes::add);

            assertThat(errorCode(() -> core.sql("ALTER NETWORK RULE office SET VALUE_LIST = ('192.168.0.0/16')")))
                    .isEqualTo("090230");

            assertThat(store.value("SELECT value_list FROM network_rules WHERE name = 'OFFICE'"))
                    .isEqualTo("10.0.0.0/8");
            assertThat(changes).isEmpty();
            core.sql("ALTER NETWORK RULE office SET VALUE_LIST = ('10.0.0.0/16')");
            assertThat(changes).containsExactly(new Change.NetworkPoliciesChanged());
        }
    }

    @StoreTest
    void aRuleAPolicyUsesCannotBeReplacedAndStaysAsItWas(TestStore store) {
        try (CoreFixture core = CoreFixture.on(store.database())) {
            core.sql("CREATE NETWORK RULE office TYPE = IPV4 VALUE_LIST = ('10.0.0.0/8')",
                    "CREATE NETWORK POLICY office_only ALLOWED_NETWORK_RULE_LIST = ('office')");
            List<Change> changes = new CopyOnWriteArrayList<>();
            core.core().changes().subscribe(Change.class, changes::add);

            assertThat(errorCode(() -> core.sql(
                    "CREATE OR REPLACE NETWORK RULE office TYPE = IPV4 VALUE_LIST = ('192.168.0.0/16')")))
                    .isEqualTo("003554");

            assertThat(store.value("SELECT value_list FROM network_rules WHERE name = 'OFFICE'"))
                    .isEqualTo("10.0.0.0/8");
            assertThat(changes).isEmpty();
            core.sql("ALTER NETWORK POLICY office_only UNSET ALLOWED_NETWORK_RULE_LIST",
                    "CREATE OR REPLACE NETWORK RULE office TYPE = IPV4 VALUE_LIST = ('192.168.0.0/16')");
            assertThat(store.value("SELECT value_list FROM network_rules WHERE name = 'OFFICE'"))
                    .isEqualTo("192.168.0.0/16");
        }
    }

    @StoreTest
    void concurrentPolicyChangesAreJudgedOneAfterTheOther(TestStore store) throws Exception {
        try (CoreFixture core = CoreFixture.on(store.database())) {
            core.sql("CREATE NETWORK POLICY office ALLOWED_IP_LIST = ('10.0.0.0/8', '10.0.0.1')",
                    "ALTER ACCOUNT SET NETWORK_POLICY = office");
            // Each removal alone leaves the caller (10.0.0.1) admitted by the other entry; both together do not.
            List<String> removals = List.of("ALTER NETWORK POLICY office REMOVE ALLOWED_IP_LIST = ('10.0.0.0/8')",
                    "ALTER NETWORK POLICY office REMOVE ALLOWED_IP_LIST = ('10.0.0.1')");
            for (int round = 0; round < 5; round++) {
                core.sql("ALTER NETWORK POLICY office SET ALLOWED_IP_LIST = ('10.0.0.0/8', '10.0.0.1')");
                List<String> outcomes = runTogether(removals.stream().map(sql -> (Statement) () -> core.sql(sql))
                        .toList());
                assertThat(outcomes).as("round " + round).containsExactlyInAnyOrder("done", "090230");
                assertThat(store.value("SELECT allowed_ip_list FROM network_policies WHERE name = 'OFFICE'"))
                        .as("round " + round + ": one entry left, whichever").isIn("10.0.0.0/8", "10.0.0.1");
            }
        }
    }

    @FunctionalInterface
    private interface Statement {
        void run();
    }

    /** Runs the statements on threads of their own, released together; answers "done" or each error code. */
    private static List<String> runTogether(List<Statement> statements) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(statements.size());
        try {
            List<Future<String>> running = new ArrayList<>();
            for (Statement statement : statements) {
                running.add(threads.submit(() -> {
                    start.await();
                    try {
                        statement.run();
                        return "done";
                    } catch (FrostgateException refused) {
                        return refused.errorCode().code();
                    }
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> outcome : running) {
                outcomes.add(outcome.get());
            }
            return outcomes;
        } finally {
            threads.shutdownNow();
        }
    }

    /** The Snowflake error code the statement failed with (it must fail with a catalogued error). */
    private static String errorCode(ThrowableAssert.ThrowingCallable statement) {
        FrostgateException failure = catchThrowableOfType(FrostgateException.class, statement);
        assertThat(failure).as("the statement fails with a catalogued error").isNotNull();
        return failure.errorCode().code();
    }
}

package dev.frostgate.store;

import static dev.frostgate.store.StoreSamples.T0;
import static dev.frostgate.store.StoreSamples.minimalUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.frostgate.catalog.AfterCommitChangeFeed;
import dev.frostgate.catalog.Role;
import dev.frostgate.catalog.RoleGrant;
import dev.frostgate.change.Change;
import dev.frostgate.change.ChangeFeed;
import dev.frostgate.change.InProcessChangeFeed;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * JdbcTransactions on H2 and PostgreSQL: repository calls inside a unit of work share its transaction (across
 * repositories, nested units included), a failure undoes all of them, and changes published inside reach
 * subscribers only after the commit.
 */
class JdbcTransactionsTest {

    private static RoleGrant analystTo(String user) {
        return new RoleGrant("ANALYST", RoleGrant.GranteeKind.USER, user, "ADMIN", T0);
    }

    @StoreTest
    void aFailureUndoesEveryWriteOfTheUnitAcrossRepositories(TestStore store) {
        JdbcTransactions transactions = new JdbcTransactions(store.database());
        IllegalStateException thrown = new IllegalStateException("fails after three writes");

        Throwable failure = catchThrowable(() -> transactions.runInTransaction(() -> {
            store.users().insert(minimalUser("ALICE"));
            store.roles().insert(new Role("ANALYST", Optional.empty(), Optional.of("ACCOUNTADMIN"), T0));
            store.roles().insertRoleGrant(analystTo("ALICE"));
            throw thrown;
        }));

        assertThat(failure).as("the work's own failure, not a wrapper").isSameAs(thrown);
        assertThat(store.users().find("ALICE")).isEmpty();
        assertThat(store.roles().find("ANALYST")).isEmpty();
        assertThat(store.count("SELECT COUNT(*) FROM role_grants WHERE grantee_name = 'ALICE'")).isZero();
    }

    @StoreTest
    void writesAreInvisibleToOtherConnectionsUntilTheCommit(TestStore store) {
        JdbcTransactions transactions = new JdbcTransactions(store.database());
        long seenMeanwhile = transactions.inTransaction(() -> {
            store.users().insert(minimalUser("ALICE"));
            assertThat(store.users().find("ALICE")).as("the unit reads its own writes").isPresent();
            // TestStore.count takes a connection of its own, outside the unit.
            return store.count("SELECT COUNT(*) FROM users WHERE name = 'ALICE'");
        });
        assertThat(seenMeanwhile).isZero();
        assertThat(store.count("SELECT COUNT(*) FROM users WHERE name = 'ALICE'")).isEqualTo(1);
    }

    @StoreTest
    void aNestedUnitJoinsTheOuterOneAndFallsWithIt(TestStore store) {
        JdbcTransactions transactions = new JdbcTransactions(store.database());
        assertThatThrownBy(() -> transactions.runInTransaction(() -> {
            transactions.runInTransaction(() -> store.users().insert(minimalUser("INNER")));
            // A repository method that is a transaction of its own joins too.
            store.users().delete("INNER_NEVER_EXISTED");
            store.users().insert(minimalUser("OUTER"));
            throw new IllegalStateException("outer fails after the inner unit returned");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(store.users().find("INNER")).as("the inner unit's write went with the outer one").isEmpty();
        assertThat(store.users().find("OUTER")).isEmpty();
    }

    @StoreTest
    void aDuplicateGrantInsideAUnitLeavesItUsable(TestStore store) {
        JdbcTransactions transactions = new JdbcTransactions(store.database());
        store.users().insert(minimalUser("ALICE"));
        store.roles().insert(new Role("ANALYST", Optional.empty(), Optional.of("ACCOUNTADMIN"), T0));
        store.roles().insertRoleGrant(analystTo("ALICE"));

        boolean inserted = transactions.inTransaction(() -> {
            boolean again = store.roles().insertRoleGrant(analystTo("ALICE"));
            // PostgreSQL refuses every statement after a failed one in the same transaction, unless it was undone
            // to a savepoint.
            store.users().insert(minimalUser("BOB"));
            return again;
        });

        assertThat(inserted).isFalse();
        assertThat(store.users().find("BOB")).isPresent();
    }

    @StoreTest
    void aRowLockOutsideAUnitOfWorkIsRefused(TestStore store) {
        store.users().insert(minimalUser("ALICE"));
        assertThatThrownBy(() -> store.users().findLocked("ALICE")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unit of work");
        assertThat(new JdbcTransactions(store.database()).inTransaction(() -> store.users().findLocked("ALICE")))
                .map(user -> user.name()).contains("ALICE");
    }

    @StoreTest
    void changesPublishedInsideAUnitAreDeliveredAfterItsCommitAndNeverAfterARollback(TestStore store) {
        JdbcTransactions transactions = new JdbcTransactions(store.database());
        ChangeFeed feed = new AfterCommitChangeFeed(new InProcessChangeFeed(), transactions);
        List<String> delivered = new CopyOnWriteArrayList<>();
        feed.subscribe(Change.UserChanged.class, change -> delivered.add(change.userName() + " with "
                + store.count("SELECT COUNT(*) FROM users WHERE name = ?", change.userName()) + " committed row"));

        feed.publish(new Change.UserChanged("OUTSIDE"));
        assertThat(delivered).as("outside a unit of work: at once").containsExactly("OUTSIDE with 0 committed row");

        assertThatThrownBy(() -> transactions.runInTransaction(() -> {
            store.users().insert(minimalUser("ROLLED_BACK"));
            feed.publish(new Change.UserChanged("ROLLED_BACK"));
            throw new IllegalStateException("rolls back");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(delivered).as("nothing for a rolled-back unit").hasSize(1);

        transactions.runInTransaction(() -> {
            store.users().insert(minimalUser("ALICE"));
            feed.publish(new Change.UserChanged("ALICE"));
            transactions.runInTransaction(() -> feed.publish(new Change.UserChanged("NESTED")));
            assertThat(delivered).as("not before the commit").hasSize(1);
        });
        assertThat(delivered).as("after the commit, in order, with the change visible to other connections")
                .containsExactly("OUTSIDE with 0 committed row", "ALICE with 1 committed row",
                        "NESTED with 0 committed row");
    }
}

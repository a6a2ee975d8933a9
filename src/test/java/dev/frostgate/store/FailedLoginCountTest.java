package dev.frostgate.store;

import static dev.frostgate.store.StoreSamples.T0;
import static dev.frostgate.store.StoreSamples.at;
import static dev.frostgate.store.StoreSamples.minimalUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frostgate.catalog.User;
import dev.frostgate.catalog.UserRepository.LoginOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * JdbcUserRepository.recordFailedLogin on H2 and PostgreSQL: counted in one statement, never lost, also not
 * to an ALTER USER that read the user before the failures and writes it afterwards.
 */
class FailedLoginCountTest {
    private static final int RETRIES = 5;

    @StoreTest
    void failuresCountUpAndTheFifthLocks(TestStore store) {
        store.users().insert(minimalUser("ALICE"));
        for (int failure = 1; failure < RETRIES; failure++) {
            store.users().recordFailedLogin("ALICE", T0, RETRIES, at(900));
            assertThat(store.users().find("ALICE").orElseThrow().failedLoginAttempts()).isEqualTo(failure);
        }
        store.users().recordFailedLogin("ALICE", T0, RETRIES, at(900));
        User locked = store.users().find("ALICE").orElseThrow();
        assertThat(locked.lockedUntil()).contains(at(900));
        assertThat(locked.failedLoginAttempts()).isZero();

        store.users().recordFailedLogin("ALICE", at(10), RETRIES, at(910));
        assertThat(store.users().find("ALICE").orElseThrow().lockedUntil()).as("a lock is not extended")
                .contains(at(900));

        store.users().recordFailedLogin("ALICE", at(901), RETRIES, at(1801));
        User afterTheLock = store.users().find("ALICE").orElseThrow();
        assertThat(afterTheLock.lockedUntil()).as("a lock that ran out starts a fresh count").isEmpty();
        assertThat(afterTheLock.failedLoginAttempts()).isEqualTo(1);

        store.users().recordLoginOutcome("ALICE", new LoginOutcome(0, Optional.empty(), Optional.of(at(902))));
        assertThat(store.users().find("ALICE").orElseThrow().failedLoginAttempts()).isZero();
    }

    @StoreTest
    void concurrentFailuresAreNeverLost(TestStore store) throws Exception {
        store.users().insert(minimalUser("ALICE"));
        int attempts = RETRIES;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(attempts);
        try {
            List<Future<?>> failures = new ArrayList<>();
            for (int index = 0; index < attempts; index++) {
                failures.add(threads.submit(() -> {
                    start.await();
                    store.users().recordFailedLogin("ALICE", T0, RETRIES, at(900));
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> failure : failures) {
                failure.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(store.users().find("ALICE").orElseThrow().lockedUntil())
                .as("five concurrent wrong passwords lock the user").contains(at(900));
    }

    @StoreTest
    void anUpdateFromAReadBeforeTheFailuresKeepsTheirCount(TestStore store) {
        store.users().insert(minimalUser("ALICE"));
        User read = store.users().find("ALICE").orElseThrow();
        store.users().recordFailedLogin("ALICE", T0, RETRIES, at(900));
        store.users().recordFailedLogin("ALICE", T0, RETRIES, at(900));

        store.users().update(read, read.toBuilder().comment(Optional.of("changed meanwhile")).build());

        User stored = store.users().find("ALICE").orElseThrow();
        assertThat(stored.failedLoginAttempts()).as("the failures counted after the read").isEqualTo(2);
        assertThat(stored.comment()).contains("changed meanwhile");
    }

    @StoreTest
    void anUpdateFromAReadBeforeALockKeepsTheLockAndTheLastSuccessfulLogin(TestStore store) {
        store.users().insert(minimalUser("ALICE"));
        User read = store.users().find("ALICE").orElseThrow();
        store.users().recordLoginOutcome("ALICE", new LoginOutcome(0, Optional.empty(), Optional.of(at(5))));
        for (int failure = 0; failure < RETRIES; failure++) {
            store.users().recordFailedLogin("ALICE", at(10), RETRIES, at(900));
        }

        store.users().update(read, read.toBuilder().displayName(Optional.of("Alice")).name("ALICIA").build());

        User stored = store.users().find("ALICIA").orElseThrow();
        assertThat(stored.lockedUntil()).as("locked after the read").contains(at(900));
        assertThat(stored.lastSuccessLogin()).contains(at(5));
        assertThat(stored.displayName()).contains("Alice");
    }

    @StoreTest
    void anUpdateThatUnlocksWritesTheLock(TestStore store) {
        store.users().insert(minimalUser("ALICE"));
        for (int failure = 0; failure < RETRIES; failure++) {
            store.users().recordFailedLogin("ALICE", T0, RETRIES, at(900));
        }
        User locked = store.users().find("ALICE").orElseThrow();

        store.users().update(locked, locked.toBuilder().lockedUntil(Optional.empty()).failedLoginAttempts(0).build());

        assertThat(store.users().find("ALICE").orElseThrow().isLocked(at(1))).isFalse();
    }
}

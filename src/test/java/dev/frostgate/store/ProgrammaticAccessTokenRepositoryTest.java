package dev.frostgate.store;

import static dev.frostgate.store.StoreSamples.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frostgate.catalog.ProgrammaticAccessToken;
import dev.frostgate.catalog.ProgrammaticAccessTokenRepository.ExpiryNotice;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;

/** The background jobs' queries and MODIFY's update of JdbcProgrammaticAccessTokenRepository, on H2 and PostgreSQL. */
class ProgrammaticAccessTokenRepositoryTest {
    /** The users the tests' sessions, tokens and grants belong to (they refer to a stored user). */
    @BeforeEach
    void storeTheirUsers(TestStore store) {
        store.usersNamed("ALICE", "BOB");
    }

    private static final Duration DAY = Duration.ofDays(1);

    private static ProgrammaticAccessToken token(String name, Instant expiresAt, boolean disabled,
                                                 Optional<String> rotatedTo) {
        return new ProgrammaticAccessToken("id-" + name, "ALICE", name, "digest-" + name, Optional.empty(), expiresAt,
                T0.minus(Duration.ofDays(30)), "ADMIN", Optional.empty(), disabled, 0, Optional.empty(), rotatedTo,
                T0.minus(Duration.ofDays(30)), "ADMIN", Optional.empty());
    }

    private static ProgrammaticAccessToken token(String name, Instant expiresAt) {
        return token(name, expiresAt, false, Optional.empty());
    }

    @StoreTest
    void recordUseKeepsTheLatestTimeAndAllListsEveryUsersTokens(TestStore store) {
        JdbcProgrammaticAccessTokenRepository tokens = new JdbcProgrammaticAccessTokenRepository(store.database());
        tokens.insert(token("FIRST", T0.plus(DAY)));
        tokens.insert(new ProgrammaticAccessToken("id-BOB", "BOB", "SECOND", "digest-BOB", Optional.of("ANALYST"),
                T0.plus(DAY), T0, "ADMIN", Optional.of("c"), false, 15, Optional.of(T0.plusSeconds(900)),
                Optional.empty(), T0, "ADMIN", Optional.empty()));
        tokens.recordUse(java.util.Map.of("id-FIRST", T0.plusSeconds(60), "id-BOB", T0.plusSeconds(30)));
        tokens.recordUse(java.util.Map.of("id-FIRST", T0.plusSeconds(10)));

        assertThat(tokens.all()).extracting(ProgrammaticAccessToken::userName, ProgrammaticAccessToken::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ALICE", "FIRST"),
                        org.assertj.core.groups.Tuple.tuple("BOB", "SECOND"));
        assertThat(tokens.find("ALICE", "FIRST").orElseThrow().lastUsedOn()).contains(T0.plusSeconds(60));
        ProgrammaticAccessToken bob = tokens.find("BOB", "SECOND").orElseThrow();
        assertThat(bob.lastUsedOn()).contains(T0.plusSeconds(30));
        assertThat(bob.bypassUntil()).contains(T0.plusSeconds(900));
        assertThat(bob.roleRestriction()).contains("ANALYST");
    }

    @StoreTest
    void aModifyFromAReadBeforeALeakReportOrADisabledUserKeepsTheTokenDisabled(TestStore store) {
        JdbcProgrammaticAccessTokenRepository tokens = new JdbcProgrammaticAccessTokenRepository(store.database());
        tokens.insert(token("LEAKED", T0.plus(DAY)));
        tokens.insert(token("OF_DISABLED_USER", T0.plus(DAY)));
        ProgrammaticAccessToken leakedAsRead = tokens.find("ALICE", "LEAKED").orElseThrow();
        ProgrammaticAccessToken otherAsRead = tokens.find("ALICE", "OF_DISABLED_USER").orElseThrow();
        tokens.reportLeaked("id-LEAKED", "SECURITYADMIN", T0, Optional.of("a public paste"));
        tokens.disableAll("ALICE");

        tokens.update(leakedAsRead, leakedAsRead.modified("LEAKED", Optional.of("changed meanwhile"), false, 0,
                Optional.empty(), T0.plusSeconds(5), "ALICE"));
        tokens.update(otherAsRead, otherAsRead.modified("RENAMED", Optional.empty(), false, 0, Optional.empty(),
                T0.plusSeconds(5), "ALICE"));

        ProgrammaticAccessToken leaked = tokens.find("ALICE", "LEAKED").orElseThrow();
        assertThat(leaked.disabled()).as("disabled by the leak report after the read").isTrue();
        assertThat(leaked.comment()).contains("changed meanwhile");
        assertThat(tokens.find("ALICE", "RENAMED").orElseThrow().disabled()).isTrue();
    }

    @StoreTest
    void deleteExpiredBeforeRemovesOnlyTokensThatExpiredBeforeTheCutoffRotatedOnesIncluded(TestStore store) {
        JdbcProgrammaticAccessTokenRepository tokens = new JdbcProgrammaticAccessTokenRepository(store.database());
        tokens.insert(token("EIGHT_DAYS_AGO", T0.minus(DAY.multipliedBy(8))));
        tokens.insert(token("EIGHT_DAYS_AGO_ROTATED_1", T0.minus(DAY.multipliedBy(8)), false,
                Optional.of("EIGHT_DAYS_AGO")));
        tokens.insert(token("SIX_DAYS_AGO", T0.minus(DAY.multipliedBy(6))));
        tokens.insert(token("AT_THE_CUTOFF", T0.minus(DAY.multipliedBy(7))));
        tokens.insert(token("LIVE", T0.plus(DAY)));
        assertThat(tokens.claimExpiryNotice(new ExpiryNotice("id-EIGHT_DAYS_AGO", T0.minus(DAY.multipliedBy(8)), 7),
                T0)).isTrue();

        assertThat(tokens.deleteExpiredBefore(T0.minus(DAY.multipliedBy(7)))).isEqualTo(2);

        assertThat(tokens.forUser("ALICE")).extracting(ProgrammaticAccessToken::name)
                .containsExactly("AT_THE_CUTOFF", "LIVE", "SIX_DAYS_AGO");
        assertThat(store.count("SELECT COUNT(*) FROM token_expiry_notifications")).as("notices go with their token")
                .isZero();
        assertThat(tokens.deleteExpiredBefore(T0.minus(DAY.multipliedBy(7)))).isZero();
    }

    @StoreTest
    void expiringBetweenListsEnabledUnrotatedTokensInTheWindowAndCountActiveCountsLiveEnabledOnes(TestStore store) {
        JdbcProgrammaticAccessTokenRepository tokens = new JdbcProgrammaticAccessTokenRepository(store.database());
        tokens.insert(token("IN_TWO_DAYS", T0.plus(DAY.multipliedBy(2))));
        tokens.insert(token("IN_SEVEN_DAYS", T0.plus(DAY.multipliedBy(7))));
        tokens.insert(token("IN_EIGHT_DAYS", T0.plus(DAY.multipliedBy(8))));
        tokens.insert(token("EXPIRED", T0.minusSeconds(1)));
        tokens.insert(token("DISABLED", T0.plus(DAY), true, Optional.empty()));
        tokens.insert(token("IN_TWO_DAYS_ROTATED_1", T0.plus(DAY), false, Optional.of("IN_TWO_DAYS")));

        assertThat(tokens.expiringBetween(T0, T0.plus(DAY.multipliedBy(7))))
                .extracting(ProgrammaticAccessToken::name).containsExactly("IN_TWO_DAYS", "IN_SEVEN_DAYS");
        assertThat(tokens.expiringBetween(T0, T0.plus(DAY.multipliedBy(7))).get(0))
                .isEqualTo(token("IN_TWO_DAYS", T0.plus(DAY.multipliedBy(2))));
        assertThat(tokens.countActive(T0)).as("live and enabled, rotated ones included").isEqualTo(4);
        assertThat(tokens.countActive(T0.plus(DAY.multipliedBy(9)))).isZero();
    }

    @StoreTest
    void aNoticeIsClaimedOnceUntilReleasedAndANewExpiryIsANewNotice(TestStore store) {
        JdbcProgrammaticAccessTokenRepository tokens = new JdbcProgrammaticAccessTokenRepository(store.database());
        tokens.insert(token("REPORTING", T0.plus(DAY.multipliedBy(5))));
        ExpiryNotice notice = new ExpiryNotice("id-REPORTING", T0.plus(DAY.multipliedBy(5)), 7);

        assertThat(tokens.claimExpiryNotice(notice, T0)).isTrue();
        assertThat(tokens.claimExpiryNotice(notice, T0.plusSeconds(60))).isFalse();
        assertThat(new JdbcProgrammaticAccessTokenRepository(store.reopen()).claimExpiryNotice(notice, T0))
                .as("after a restart").isFalse();
        tokens = new JdbcProgrammaticAccessTokenRepository(store.database());
        assertThat(tokens.claimExpiryNotice(new ExpiryNotice("id-REPORTING", T0.plus(DAY.multipliedBy(5)), 1), T0))
                .as("another threshold").isTrue();
        assertThat(tokens.claimExpiryNotice(new ExpiryNotice("id-REPORTING", T0.plus(DAY.multipliedBy(35)), 7), T0))
                .as("the expiry after a rotation").isTrue();

        tokens.releaseExpiryNotice(notice);
        assertThat(tokens.claimExpiryNotice(notice, T0)).as("released after a failed delivery").isTrue();

        tokens.delete("ALICE", "REPORTING");
        assertThat(tokens.claimExpiryNotice(new ExpiryNotice("id-REPORTING", T0.plus(DAY), 1), T0))
                .as("the token is gone").isFalse();
    }

    @StoreTest
    void ofNodesRacingForOneNoticeExactlyOneWins(TestStore store) throws Exception {
        new JdbcProgrammaticAccessTokenRepository(store.database()).insert(token("REPORTING", T0.plus(DAY)));
        ExpiryNotice notice = new ExpiryNotice("id-REPORTING", T0.plus(DAY), 7);
        int nodes = 4;
        List<JdbcProgrammaticAccessTokenRepository> repositories = new ArrayList<>();
        for (int node = 0; node < nodes; node++) {
            repositories.add(new JdbcProgrammaticAccessTokenRepository(store.open()));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(nodes);
        try {
            List<Future<Boolean>> claims = new ArrayList<>();
            for (JdbcProgrammaticAccessTokenRepository repository : repositories) {
                Callable<Boolean> claim = () -> {
                    start.await();
                    return repository.claimExpiryNotice(notice, T0);
                };
                claims.add(threads.submit(claim));
            }
            start.countDown();
            List<Boolean> outcomes = new ArrayList<>();
            for (Future<Boolean> claim : claims) {
                outcomes.add(claim.get());
            }
            assertThat(outcomes).containsOnlyOnce(true).hasSize(nodes);
        } finally {
            threads.shutdownNow();
        }
    }
}

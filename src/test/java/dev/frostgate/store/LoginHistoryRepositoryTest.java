package dev.frostgate.store;

import static dev.frostgate.store.StoreSamples.at;
import static dev.frostgate.store.StoreSamples.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frostgate.audit.LoginEvent;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/** JdbcLoginHistoryRepository on H2 and PostgreSQL. */
class LoginHistoryRepositoryTest {

    @StoreTest
    void aNewDatabaseHasNoHistory(TestStore store) {
        assertThat(store.history().newest(10)).isEmpty();
    }

    @StoreTest
    void newestListsTheLatestEventsFirstUpToTheLimit(TestStore store) {
        for (int i = 0; i < 5; i++) {
            store.history().append(event(at(i), "U" + i, i % 2 == 0));
        }

        assertThat(store.history().newest(3)).extracting(event -> event.userName().orElseThrow())
                .containsExactly("U4", "U3", "U2");
        assertThat(store.history().newest(1)).extracting(LoginEvent::eventTimestamp).containsExactly(at(4));
        assertThat(store.history().newest(100)).extracting(event -> event.userName().orElseThrow())
                .containsExactly("U4", "U3", "U2", "U1", "U0");
        assertThat(store.history().newest(0)).isEmpty();
    }

    @StoreTest
    void eventsReadBackEqualWithTheirGeneratedIds(TestStore store) {
        LoginEvent failure = event(at(1), "ALICE", false);
        LoginEvent success = event(at(2), "ALICE", true);
        store.history().append(failure);
        store.history().append(success);

        List<LoginEvent> newest = store.history().newest(2);

        assertThat(newest.get(1).eventId()).isPositive();
        assertThat(newest.get(0).eventId()).isGreaterThan(newest.get(1).eventId());
        assertThat(newest.get(1)).isEqualTo(withId(failure, newest.get(1).eventId()));
        assertThat(newest.get(0)).isEqualTo(withId(success, newest.get(0).eventId()));
        assertThat(newest.get(1).errorCode()).contains("390100");
        assertThat(newest.get(0).errorCode()).isEmpty();
    }

    @StoreTest
    void anEventWithNothingOptionalKeepsEveryOptionalEmpty(TestStore store) {
        LoginEvent bare = new LoginEvent(0, at(5), "LOGIN", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), "PASSWORD", Optional.empty(), false, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        store.history().append(bare);

        LoginEvent found = store.history().newest(1).get(0);
        assertThat(found).isEqualTo(withId(bare, found.eventId()));
    }

    @StoreTest
    void everyOptionalFieldIsKept(TestStore store) {
        LoginEvent full = new LoginEvent(0, at(5), "LOGIN", Optional.of("ALICE"), Optional.of("2001:db8::1"),
                Optional.of("PYTHON_DRIVER"), Optional.of("3.12.0"), "RSA_KEYPAIR", Optional.of("DUO_PUSH"), false,
                Optional.of("390144"), Optional.of("JWT_TOKEN_INVALID"), Optional.of("SHA256:abc"),
                Optional.of("OKTA"), Optional.of("6f1c2a8e-6b0e-4a39-9d9f-7d5d3c0f9a11"),
                Optional.of("The JWT was signed by an unknown key."));
        store.history().append(full);

        LoginEvent found = store.history().newest(1).get(0);
        assertThat(found).isEqualTo(withId(full, found.eventId()));
    }

    @StoreTest
    void aFailureIsFoundByItsUuid(TestStore store) {
        LoginEvent first = event(at(1), "ALICE", false);
        LoginEvent second = event(at(2), "BOB", false);
        store.history().append(first);
        store.history().append(second);
        store.history().append(event(at(3), "CAROL", true));

        LoginEvent found = store.history().findByFailureUuid(first.failureUuid().orElseThrow()).orElseThrow();

        assertThat(found).isEqualTo(withId(first, found.eventId()));
        assertThat(store.history().findByFailureUuid(second.failureUuid().orElseThrow()))
                .map(event -> event.errorDetails().orElseThrow()).contains("details of BOB");
        assertThat(store.history().findByFailureUuid("no-such-uuid")).isEmpty();
    }

    @StoreTest
    void manyEventsKeepTheirOrder(TestStore store) {
        IntStream.range(0, 60).forEach(i -> store.history().append(event(at(i), "U" + i, true)));

        List<LoginEvent> newest = store.history().newest(50);

        assertThat(newest).hasSize(50);
        assertThat(newest.get(0).userName()).contains("U59");
        assertThat(newest.get(49).userName()).contains("U10");
        assertThat(newest).extracting(LoginEvent::eventTimestamp).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(newest).extracting(LoginEvent::eventId).doesNotHaveDuplicates()
                .isSortedAccordingTo(Comparator.reverseOrder());
    }

    @StoreTest
    void historySurvivesReopening(TestStore store) {
        store.history().append(event(at(1), "ALICE", false));
        long id = store.history().newest(1).get(0).eventId();

        store.reopen();
        store.history().append(event(at(2), "BOB", true));

        assertThat(store.history().newest(5)).extracting(event -> event.userName().orElseThrow())
                .containsExactly("BOB", "ALICE");
        assertThat(store.history().newest(1).get(0).eventId()).as("ids keep growing after a restart")
                .isGreaterThan(id);
    }

    /**
     * LOGIN_NAME, AUTHENTICATOR and CLIENT_APP_VERSION come from the client as sent, of any length. The
     * event must still be recorded (cut to the columns' widths): a failure here loses the failed login
     * from LOGIN_HISTORY and turns it into a server error, so a client could hide its password guesses
     * by sending a long CLIENT_APP_VERSION.
     */
    @StoreTest
    void overlongClientSuppliedValuesAreStillRecorded(TestStore store) {
        String longName = "N".repeat(300);
        String longVersion = "9.".repeat(50);
        String longAuthenticator = "HTTPS://EXAMPLE.OKTA.COM/" + "X".repeat(100);
        LoginEvent event = new LoginEvent(0, at(1), "LOGIN", Optional.of(longName), Optional.of("192.0.2.1"),
                Optional.of("OTHER"), Optional.of(longVersion), longAuthenticator, Optional.empty(), false,
                Optional.of("390100"), Optional.of("INCORRECT_USERNAME_PASSWORD"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());

        store.history().append(event);

        LoginEvent found = store.history().newest(1).get(0);
        assertThat(found.userName().orElseThrow()).hasSize(255).isEqualTo(longName.substring(0, 255));
        assertThat(found.reportedClientVersion().orElseThrow()).hasSize(64).isEqualTo(longVersion.substring(0, 64));
        assertThat(found.firstAuthenticationFactor()).hasSize(64).isEqualTo(longAuthenticator.substring(0, 64));
        assertThat(found.errorMessage()).contains("INCORRECT_USERNAME_PASSWORD");
    }

    private static LoginEvent withId(LoginEvent event, long id) {
        return new LoginEvent(id, event.eventTimestamp(), event.eventType(), event.userName(), event.clientIp(),
                event.reportedClientType(), event.reportedClientVersion(), event.firstAuthenticationFactor(),
                event.secondAuthenticationFactor(), event.success(), event.errorCode(), event.errorMessage(),
                event.firstAuthenticationFactorId(), event.authenticatingIntegrationName(), event.failureUuid(),
                event.errorDetails());
    }
}

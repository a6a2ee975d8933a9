package dev.frostgate.store;

import static dev.frostgate.store.StoreSamples.event;
import static dev.frostgate.store.StoreSamples.minimalUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.frostgate.audit.LoginEvent;
import dev.frostgate.auth.Session;
import dev.frostgate.catalog.Role;
import dev.frostgate.catalog.User;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;

/**
 * Instants in every timestamp column come back exactly, to the microsecond, and are stored as the
 * absolute instant whatever the JVM's time zone.
 */
class TimestampTest {
    private static final List<Instant> INSTANTS = List.of(
            Instant.parse("2024-02-29T23:59:58.123456Z"),
            Instant.parse("1970-01-01T00:00:00Z"),
            Instant.parse("1969-12-31T23:59:59.999999Z"),
            Instant.parse("1900-01-01T00:00:00.000001Z"),
            Instant.parse("2024-03-31T01:00:00.000001Z"),
            Instant.parse("2038-01-19T03:14:08.654321Z"),
            Instant.parse("2262-04-11T23:47:16.854776Z"),
            Instant.parse("9999-12-31T23:59:59.999999Z"));

    @StoreTest
    void userTimestampsRoundTripToTheMicrosecond(TestStore store) {
        for (int i = 0; i < INSTANTS.size(); i++) {
            Instant instant = INSTANTS.get(i);
            User user = User.builder(StoreSamples.idOf("U" + i), "U" + i, instant).passwordLastSet(Optional.of(instant))
                    .expiresAt(Optional.of(instant)).lockedUntil(Optional.of(instant))
                    .lastSuccessLogin(Optional.of(instant)).build();
            store.users().insert(user);

            assertThat(store.users().find("U" + i)).as("%s", instant).contains(user);
        }
    }

    @StoreTest
    void sessionRoleGrantAndHistoryTimestampsRoundTripToTheMicrosecond(TestStore store) {
        store.usersNamed("U");
        for (int i = 0; i < INSTANTS.size(); i++) {
            Instant instant = INSTANTS.get(i);
            Session session = new Session(i, "s" + i, "m" + i, "U", "PUBLIC", false, "PASSWORD", Optional.empty(),
                    Optional.empty(), instant, instant, instant, Optional.empty(), Optional.empty(), instant);
            store.sessions().insert(session);
            Role role = new Role("R" + i, Optional.empty(), Optional.empty(), instant);
            store.roles().insert(role);
            store.history().append(event(instant, "U" + i, true));

            assertThat(store.sessions().findById(i)).as("%s", instant).contains(session);
            assertThat(store.roles().find("R" + i)).as("%s", instant).contains(role);
            assertThat(store.history().newest(1)).extracting(LoginEvent::eventTimestamp).as("%s", instant)
                    .containsExactly(instant);
        }
    }

    @StoreTest
    void digitsBelowAMicrosecondAreDroppedNotTheMicroseconds(TestStore store) {
        Instant precise = Instant.parse("2024-05-06T07:08:09.123456789Z");
        store.users().insert(minimalUser("NANOS").toBuilder().expiresAt(Optional.of(precise)).build());

        Instant stored = store.users().find("NANOS").orElseThrow().expiresAt().orElseThrow();

        assertThat(stored.getNano() % 1_000).isZero();
        assertThat(stored).isCloseTo(precise, within(1, ChronoUnit.MICROS));
        assertThat(stored.truncatedTo(ChronoUnit.MILLIS)).isEqualTo(precise.truncatedTo(ChronoUnit.MILLIS));
    }

    @StoreTest
    void theStoredValueIsTheAbsoluteInstant(TestStore store) {
        Instant instant = Instant.parse("2024-07-01T12:34:56.789012Z");
        store.users().insert(minimalUser("ABS").toBuilder().expiresAt(Optional.of(instant)).build());

        assertThat(epochSeconds(store, "ABS")).isEqualByComparingTo(new BigDecimal("1719837296.789012"));
    }

    /**
     * The JDBC drivers turn java.time values into the session's zone and back; a server whose JVM runs
     * in another zone than UTC must still store and read the same instants, and the migration's
     * CURRENT_TIMESTAMP must be now, not now shifted by the zone.
     */
    @StoreTest(migrated = false)
    void aJvmOutsideUtcStoresAndReadsTheSameInstants(TestStore store) {
        TimeZone original = TimeZone.getDefault();
        Instant instant = Instant.parse("2024-10-27T01:30:00.250001Z");
        User user = minimalUser("ZONED").toBuilder().expiresAt(Optional.of(instant))
                .lastSuccessLogin(Optional.of(Instant.parse("2024-03-10T07:30:00.000001Z"))).build();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("America/St_Johns"));
            Instant before = Instant.now();
            store.users().insert(user);

            assertThat(store.users().find("ZONED")).contains(user);
            assertThat(epochSeconds(store, "ZONED")).isEqualByComparingTo(new BigDecimal("1729992600.250001"));
            assertThat(store.roles().find("PUBLIC").orElseThrow().createdOn())
                    .isBetween(before.minus(Duration.ofMinutes(5)), Instant.now().plus(Duration.ofMinutes(1)));
        } finally {
            TimeZone.setDefault(original);
        }
        store.reopen();
        assertThat(store.users().find("ZONED")).as("read back in the original zone").contains(user);
    }

    private static BigDecimal epochSeconds(TestStore store, String user) {
        Object value = store.value("SELECT EXTRACT(EPOCH FROM expires_at) FROM users WHERE name = ?", user);
        return new BigDecimal(value.toString());
    }
}

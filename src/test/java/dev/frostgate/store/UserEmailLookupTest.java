package dev.frostgate.store;

import static dev.frostgate.store.StoreSamples.T0;
import static dev.frostgate.store.StoreSamples.minimalUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frostgate.catalog.User;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.flywaydb.core.Flyway;

/** JdbcUserRepository.findByEmail on H2 and PostgreSQL: the indexed, case-insensitive EMAIL lookup (V19, V20). */
class UserEmailLookupTest {
    private static final String UMLAUT = "JÖRG@Beispiel.DE";
    /**
     * The Kelvin sign and the long s, which equalsIgnoreCase takes for k and s: upper-casing alone misses the
     * first, lower-casing alone the second.
     */
    private static final String FOLDED = "\u212Aim.Ro\u017Fe@example.com";

    private static User withEmail(String name, String email) {
        return minimalUser(name).toBuilder().email(Optional.ofNullable(email)).build();
    }

    private static List<String> namesWithEmail(TestStore store, String email) {
        return store.users().findByEmail(email).stream().map(User::name).toList();
    }

    @StoreTest
    void anEmailIsFoundWhateverItsCaseAndEverySharerIsListedByName(TestStore store) {
        store.users().insert(withEmail("BOB", "Shared@Example.COM"));
        store.users().insert(withEmail("ALICE", "shared@example.com"));
        store.users().insert(withEmail("CAROL", "carol@example.com"));
        store.users().insert(withEmail("DAVE", null));
        store.users().insert(withEmail("JORG", UMLAUT));
        store.users().insert(withEmail("KIM", FOLDED));

        assertThat(namesWithEmail(store, "SHARED@example.com")).containsExactly("ALICE", "BOB");
        assertThat(store.users().findByEmail("Carol@Example.Com")).containsExactly(
                store.users().find("CAROL").orElseThrow());
        assertThat(namesWithEmail(store, "jörg@beispiel.de")).containsExactly("JORG");
        assertThat(FOLDED.equalsIgnoreCase("KIM.ROSE@EXAMPLE.COM")).as("what the lookup must match").isTrue();
        assertThat(namesWithEmail(store, "KIM.ROSE@EXAMPLE.COM")).containsExactly("KIM");
        assertThat(namesWithEmail(store, "carol@example.co")).isEmpty();
        assertThat(namesWithEmail(store, "")).isEmpty();
    }

    @StoreTest
    void everyWriteOfAUserKeepsTheLookupInStep(TestStore store) {
        store.users().insert(withEmail("ALICE", "alice@example.com"));

        store.updateUser("ALICE", withEmail("ALICE", "Alice.Smith@Example.com"));
        assertThat(namesWithEmail(store, "alice@example.com")).isEmpty();
        assertThat(namesWithEmail(store, "alice.smith@example.com")).containsExactly("ALICE");

        store.updateUser("ALICE", withEmail("ALICIA", "Alice.Smith@Example.com"));
        assertThat(namesWithEmail(store, "ALICE.SMITH@EXAMPLE.COM")).containsExactly("ALICIA");

        store.updateUser("ALICIA", withEmail("ALICIA", null));
        assertThat(namesWithEmail(store, "alice.smith@example.com")).isEmpty();

        store.updateUser("ALICIA", withEmail("ALICIA", "back@example.com"));
        store.users().delete("ALICIA");
        assertThat(namesWithEmail(store, "back@example.com")).isEmpty();
    }

    @StoreTest
    void theLookupKeyIsIndexed(TestStore store) throws Exception {
        String table = store.backend() == StoreBackends.Backend.H2 ? "USERS" : "users";
        List<String> indexed = new ArrayList<>();
        try (Connection connection = store.database().dataSource().getConnection();
             ResultSet indexes = connection.getMetaData().getIndexInfo(null, null, table, false, false)) {
            while (indexes.next()) {
                indexed.add(String.valueOf(indexes.getString("COLUMN_NAME")).toLowerCase(Locale.ROOT));
            }
        }
        assertThat(indexed).contains("email_key");
    }

    /** Users stored before V19 get their key from V20, the same Java function the repository writes it with. */
    @StoreTest(migrated = false)
    void usersStoredBeforeTheLookupExistedAreFoundAfterTheUpgrade(TestStore store) {
        Database.Settings settings = store.settings();
        Flyway.configure().dataSource(settings.effectiveUrl(), settings.user().orElse(null),
                settings.password().orElse(null)).locations("classpath:db/migration").target("19").load().migrate();
        insertAsBeforeTheUpgrade(settings, "JORG", UMLAUT);
        insertAsBeforeTheUpgrade(settings, "KIM", FOLDED);
        insertAsBeforeTheUpgrade(settings, "NOMAIL", null);

        assertThat(namesWithEmail(store, "jörg@BEISPIEL.de")).containsExactly("JORG");
        assertThat(namesWithEmail(store, "kim.rose@example.com")).containsExactly("KIM");
        assertThat(store.users().find("NOMAIL").orElseThrow().email()).isEmpty();
    }

    /** A row as a server of version 19 wrote it: no email_key. */
    private static void insertAsBeforeTheUpgrade(Database.Settings settings, String name, String email) {
        try (Connection connection = DriverManager.getConnection(settings.effectiveUrl(),
                settings.user().orElse(null), settings.password().orElse(null));
             PreparedStatement insert = connection.prepareStatement("INSERT INTO users (name, login_name, email, "
                     + "user_type, disabled, must_change_password, failed_login_attempts, default_secondary_roles, "
                     + "created_on) VALUES (?, ?, ?, 'PERSON', FALSE, FALSE, 0, 'ALL', ?)")) {
            insert.setString(1, name);
            insert.setString(2, name);
            insert.setString(3, email);
            insert.setObject(4, T0.atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        } catch (SQLException failure) {
            throw new IllegalStateException(failure);
        }
    }
}

package dev.frostgate.store;

import static dev.frostgate.store.StoreSamples.at;
import static dev.frostgate.store.StoreSamples.event;
import static dev.frostgate.store.StoreSamples.fullUser;
import static dev.frostgate.store.StoreSamples.session;
import static dev.frostgate.store.StoreSamples.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.frostgate.catalog.ObjectKind;
import dev.frostgate.catalog.Privilege;
import dev.frostgate.catalog.PrivilegeGrant;
import dev.frostgate.catalog.Role;
import dev.frostgate.catalog.RoleGrant;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Tag;

/** Database.open's Flyway migrations, and the data's life across closing and reopening. */
class MigrationTest {
    private static final String HISTORY = "SELECT \"version\", \"checksum\", \"success\" "
            + "FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"";
    private static final List<String> TABLES = List.of("users", "roles", "role_grants", "privilege_grants", "sessions",
            "login_history", "network_rules", "network_policies", "account_parameters", "authentication_policies",
            "policy_attachments", "namespaces", "parameter_policies", "programmatic_access_tokens");

    @StoreTest(migrated = false)
    void anEmptyDatabaseIsMigratedToTheNewestVersion(TestStore store) throws Exception {
        List<String> scripts = migrationVersions();
        assertThat(scripts).as("migrations on the classpath").contains("1", "2").hasSizeGreaterThanOrEqualTo(9);

        store.database();

        List<List<Object>> history = store.rows(HISTORY);
        assertThat(history).extracting(row -> String.valueOf(row.get(0))).containsExactlyElementsOf(scripts);
        assertThat(history).allSatisfy(row -> assertThat(row.get(2)).isEqualTo(Boolean.TRUE));
        for (String table : TABLES) {
            assertThat(store.count("SELECT COUNT(*) FROM " + table)).as(table).isGreaterThanOrEqualTo(0);
        }
        assertThat(store.count("SELECT COUNT(*) FROM users")).isZero();
        assertThat(store.count("SELECT COUNT(*) FROM roles")).isEqualTo(5);
        assertThat(store.database().isReachable()).isTrue();
    }

    @StoreTest(migrated = false)
    void migratingAgainIsANoOp(TestStore store) {
        Database first = store.database();
        List<List<Object>> historyBefore = store.rows(HISTORY);
        long historyRowsBefore = store.count("SELECT COUNT(*) FROM \"flyway_schema_history\"");
        long privilegesBefore = store.count("SELECT COUNT(*) FROM privilege_grants");
        store.users().insert(fullUser("ALICE"));

        MigrateResult again = Database.migrations(first.dataSource()).load().migrate();
        assertThat(again.migrationsExecuted).isZero();
        store.reopen();

        assertThat(store.rows(HISTORY)).isEqualTo(historyBefore);
        assertThat(store.count("SELECT COUNT(*) FROM \"flyway_schema_history\"")).isEqualTo(historyRowsBefore);
        assertThat(store.roles().list()).extracting(Role::name)
                .containsExactly("ACCOUNTADMIN", "PUBLIC", "SECURITYADMIN", "SYSADMIN", "USERADMIN");
        assertThat(store.roles().roleGrants()).hasSize(3);
        assertThat(store.count("SELECT COUNT(*) FROM privilege_grants")).isEqualTo(privilegesBefore);
        assertThat(store.users().find("ALICE")).contains(stored(fullUser("ALICE")));
    }

    @StoreTest
    void everythingSurvivesClosingAndReopening(TestStore store) {
        store.users().insert(fullUser("ALICE"));
        store.roles().insert(new Role("ANALYST", Optional.of("kept"), Optional.of("USERADMIN"), at(1)));
        store.roles().insertRoleGrant(new RoleGrant("ANALYST", RoleGrant.GranteeKind.USER, "ALICE", "USERADMIN",
                at(2)));
        store.roles().insertPrivilegeGrant(new PrivilegeGrant(Privilege.MONITOR, ObjectKind.USER, "ALICE", "ANALYST", true,
                "USERADMIN", at(3)));
        store.sessions().insert(session(1, "ALICE", "a"));
        store.history().append(event(at(4), "ALICE", false));
        Database first = store.database();

        store.reopen();

        assertThat(first.isReachable()).as("the first pool is closed").isFalse();
        assertThat(store.database()).isNotSameAs(first);
        assertThat(store.users().find("ALICE")).contains(stored(fullUser("ALICE")));
        assertThat(store.roles().find("ANALYST"))
                .contains(new Role("ANALYST", Optional.of("kept"), Optional.of("USERADMIN"), at(1)));
        assertThat(store.roles().roleGrants()).contains(new RoleGrant("ANALYST", RoleGrant.GranteeKind.USER, "ALICE",
                "USERADMIN", at(2)));
        assertThat(store.roles().privilegeGrants()).contains(new PrivilegeGrant(Privilege.MONITOR, ObjectKind.USER, "ALICE",
                "ANALYST", true, "USERADMIN", at(3)));
        assertThat(store.sessions().findBySessionTokenDigest("a-session")).contains(session(1, "ALICE", "a"));
        assertThat(store.history().newest(5)).extracting(e -> e.userName().orElseThrow()).containsExactly("ALICE");
    }

    @StoreTest(value = StoreBackends.Backend.H2, migrated = false)
    @Tag("h2")
    void anH2DatabaseLivesInItsDataDirectory(TestStore store) throws IOException {
        Path directory = store.settings().dataDirectory();
        store.users().insert(fullUser("ALICE"));

        store.reopen();
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(path -> path.getFileName().toString())).contains("frostgate.mv.db");
        }
        assertThat(store.settings().effectiveUrl()).startsWith("jdbc:h2:file:" + directory.toAbsolutePath());

        try (TestStore other = StoreBackends.fresh(StoreBackends.Backend.H2, false)) {
            assertThat(other.users().find("ALICE")).as("another directory is another database").isEmpty();
        }
        assertThat(store.users().find("ALICE")).contains(stored(fullUser("ALICE")));
    }

    @StoreTest
    void anAlteredAppliedMigrationIsRefused(TestStore store) {
        store.database();
        assertThat(store.execute("UPDATE \"flyway_schema_history\" SET \"checksum\" = \"checksum\" + 1 "
                + "WHERE \"version\" = '1'")).isEqualTo(1);

        Throwable refused = catchThrowable(store::reopen);

        assertThat(refused).isNotNull();
        assertThat(refused.getMessage()).containsIgnoringCase("checksum mismatch");
        assertThat(refused.getMessage()).contains("1");
    }

    @StoreTest
    void aClosedDatabaseIsNotReachable(TestStore store) {
        Database database = store.database();
        assertThat(database.isReachable()).isTrue();

        database.close();

        assertThat(database.isReachable()).isFalse();
    }

    /** The versions of the migration scripts on the classpath and of the Java migrations, in order. */
    private static List<String> migrationVersions() throws IOException, URISyntaxException {
        Path directory = Path.of(Objects.requireNonNull(MigrationTest.class.getResource("/db/migration")).toURI());
        Pattern script = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.+\\.sql");
        try (Stream<Path> files = Files.list(directory)) {
            Stream<String> scripts = files.map(path -> script.matcher(path.getFileName().toString()))
                    .filter(Matcher::matches).map(match -> match.group(1).replace('_', '.'));
            Stream<String> javaMigrations = Database.JAVA_MIGRATIONS.stream()
                    .map(migration -> migration.getVersion().getVersion());
            return Stream.concat(scripts, javaMigrations)
                    .sorted((a, b) -> java.util.Arrays.compare(versionKey(a), versionKey(b))).toList();
        }
    }

    private static int[] versionKey(String version) {
        return Stream.of(version.split("\\.")).mapToInt(Integer::parseInt).toArray();
    }
}

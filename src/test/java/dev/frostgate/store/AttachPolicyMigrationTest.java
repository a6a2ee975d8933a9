package dev.frostgate.store;

import static dev.frostgate.store.StoreSamples.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frostgate.catalog.Privilege;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneOffset;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;

/** V21: APPLY NETWORK POLICY (never a Snowflake privilege, never checked) becomes ATTACH POLICY. */
class AttachPolicyMigrationTest {

    @StoreTest(migrated = false)
    void grantsOfApplyNetworkPolicyBecomeAttachPolicyAndTheSeededOneGoes(TestStore store) throws SQLException {
        Database.Settings settings = store.settings();
        Flyway.configure().dataSource(settings.effectiveUrl(), settings.user().orElse(null),
                        settings.password().orElse(null)).locations("classpath:db/migration")
                .javaMigrations(Database.JAVA_MIGRATIONS.toArray(JavaMigration[]::new)).target("20").load().migrate();
        insertAsBeforeTheUpgrade(settings, "NETWORK_ADMIN");
        insertAsBeforeTheUpgrade(settings, "SECURITYADMIN");

        assertThat(store.roles().privilegeGrants())
                .noneMatch(grant -> grant.privilege().displayName().equals("APPLY NETWORK POLICY"))
                .filteredOn(grant -> grant.privilege() == Privilege.ATTACH_POLICY)
                .extracting(grant -> grant.role() + " by " + grant.grantedBy())
                .containsExactlyInAnyOrder("NETWORK_ADMIN by USERADMIN", "SECURITYADMIN by null");
    }

    /** A grant as a server of version 20 could store it (GRANT APPLY NETWORK POLICY ON ACCOUNT). */
    private static void insertAsBeforeTheUpgrade(Database.Settings settings, String role) throws SQLException {
        try (Connection connection = DriverManager.getConnection(settings.effectiveUrl(),
                settings.user().orElse(null), settings.password().orElse(null));
             PreparedStatement insert = connection.prepareStatement("INSERT INTO privilege_grants (privilege, "
                     + "object_kind, object_name, role_name, grant_option, granted_by, created_on) "
                     + "VALUES ('APPLY NETWORK POLICY', 'ACCOUNT', '', ?, FALSE, 'USERADMIN', ?)")) {
            insert.setString(1, role);
            insert.setObject(2, T0.atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }
}

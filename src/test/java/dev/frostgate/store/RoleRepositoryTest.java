package dev.frostgate.store;

import static dev.frostgate.store.StoreSamples.T0;
import static dev.frostgate.store.StoreSamples.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.frostgate.catalog.ObjectKind;
import dev.frostgate.catalog.Privilege;
import dev.frostgate.catalog.PrivilegeGrant;
import dev.frostgate.catalog.Role;
import dev.frostgate.catalog.RoleGrant;
import dev.frostgate.catalog.RoleGrant.GranteeKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** JdbcRoleRepository (roles, role grants, privilege grants) on H2 and PostgreSQL. */
class RoleRepositoryTest {
    private static final List<String> ACCOUNT_PRIVILEGES = List.of(
            "CREATE USER>USERADMIN", "CREATE ROLE>USERADMIN",
            "MANAGE GRANTS>SECURITYADMIN", "APPLY AUTHENTICATION POLICY>SECURITYADMIN",
            "APPLY PASSWORD POLICY>SECURITYADMIN", "APPLY SESSION POLICY>SECURITYADMIN",
            "CREATE NETWORK POLICY>SECURITYADMIN", "CREATE NETWORK RULE>SECURITYADMIN", "ATTACH POLICY>SECURITYADMIN",
            "CREATE AUTHENTICATION POLICY>SECURITYADMIN", "CREATE PASSWORD POLICY>SECURITYADMIN",
            "CREATE SESSION POLICY>SECURITYADMIN", "REPORT LEAKED TOKENS>SECURITYADMIN",
            "CREATE DATABASE>SYSADMIN", "CREATE WAREHOUSE>SYSADMIN",
            "CREATE INTEGRATION>ACCOUNTADMIN", "MONITOR>ACCOUNTADMIN", "MONITOR SECURITY>ACCOUNTADMIN");

    @StoreTest
    void theSystemRolesExistAfterMigration(TestStore store) {
        Instant now = Instant.now();

        List<Role> roles = store.roles().list();

        assertThat(roles).extracting(Role::name)
                .containsExactly("ACCOUNTADMIN", "PUBLIC", "SECURITYADMIN", "SYSADMIN", "USERADMIN");
        assertThat(roles).allSatisfy(role -> {
            assertThat(role.owner()).as(role.name()).isEmpty();
            assertThat(role.comment()).as(role.name()).isPresent();
            assertThat(role.createdOn()).as(role.name()).isBetween(now.minus(Duration.ofHours(1)),
                    now.plus(Duration.ofMinutes(1)));
        });
        assertThat(store.roles().find("PUBLIC").orElseThrow().comment())
                .contains("Public role is automatically available to every user in the account.");
        assertThat(store.roles().find("USERADMIN").orElseThrow().comment())
                .contains("User administrator can create and manage users and roles");
    }

    @StoreTest
    void theSystemRoleHierarchyIsGranted(TestStore store) {
        List<RoleGrant> grants = store.roles().roleGrants();

        assertThat(grants).extracting(StoreSamples::describe).containsExactlyInAnyOrder(
                "SECURITYADMIN>ROLE:ACCOUNTADMIN", "SYSADMIN>ROLE:ACCOUNTADMIN", "USERADMIN>ROLE:SECURITYADMIN");
        assertThat(grants).allSatisfy(grant -> assertThat(grant.grantedBy()).isNull());
    }

    @StoreTest
    void theSystemRolesHoldTheirAccountPrivilegesWithGrantOption(TestStore store) {
        List<PrivilegeGrant> grants = store.roles().privilegeGrants();

        assertThat(grants).extracting(grant -> grant.privilege().displayName() + ">" + grant.role())
                .containsExactlyInAnyOrderElementsOf(ACCOUNT_PRIVILEGES);
        assertThat(grants).allSatisfy(grant -> {
            assertThat(grant.objectKind()).isEqualTo(ObjectKind.ACCOUNT);
            assertThat(grant.objectName()).isEmpty();
            assertThat(grant.grantOption()).isTrue();
            assertThat(grant.grantedBy()).isNull();
        });
    }

    @StoreTest
    void aRoleReadsBackEqualWithOrWithoutItsOptionalFields(TestStore store) {
        Role full = new Role("ANALYST", Optional.of("Analysts ❄"), Optional.of("USERADMIN"), at(1));
        Role bare = new Role("BARE", Optional.empty(), Optional.empty(), at(2));
        store.roles().insert(full);
        store.roles().insert(bare);

        assertThat(store.roles().find("ANALYST")).contains(full);
        assertThat(store.roles().find("BARE")).contains(bare);
        assertThat(store.roles().find("analyst")).isEmpty();
        assertThat(store.roles().find("NOPE")).isEmpty();
        assertThat(store.roles().list()).extracting(Role::name).containsExactly("ACCOUNTADMIN", "ANALYST", "BARE",
                "PUBLIC", "SECURITYADMIN", "SYSADMIN", "USERADMIN");
    }

    @StoreTest
    void aDuplicateRoleNameIsADuplicateKey(TestStore store) {
        store.roles().insert(new Role("ANALYST", Optional.of("first"), Optional.empty(), T0));

        StoreException failure = catchThrowableOfType(StoreException.class,
                () -> store.roles().insert(new Role("ANALYST", Optional.of("second"), Optional.empty(), T0)));
        StoreException system = catchThrowableOfType(StoreException.class,
                () -> store.roles().insert(new Role("PUBLIC", Optional.empty(), Optional.empty(), T0)));

        assertThat(failure.isDuplicateKey()).isTrue();
        assertThat(system.isDuplicateKey()).isTrue();
        assertThat(store.roles().find("ANALYST").orElseThrow().comment()).contains("first");
    }

    @StoreTest
    void updateChangesOnlyTheCommentAndOwnerOfThatRole(TestStore store) {
        store.roles().insert(new Role("ANALYST", Optional.of("c"), Optional.of("USERADMIN"), at(1)));
        store.roles().insert(new Role("OTHER", Optional.empty(), Optional.of("USERADMIN"), at(2)));

        store.roles().update(new Role("ANALYST", Optional.of("d"), Optional.of("SECURITYADMIN"), at(9)));

        assertThat(store.roles().find("ANALYST"))
                .contains(new Role("ANALYST", Optional.of("d"), Optional.of("SECURITYADMIN"), at(1)));
        assertThat(store.roles().find("OTHER").orElseThrow().owner()).contains("USERADMIN");
    }

    @StoreTest
    void aRoleGrantIsInsertedOnceAndTheDuplicateReportsFalse(TestStore store) {
        store.usersNamed("ALICE");
        RoleGrant grant = new RoleGrant("SYSADMIN", GranteeKind.USER, "ALICE", "SECURITYADMIN", at(1));

        assertThat(store.roles().insertRoleGrant(grant)).isTrue();
        assertThat(store.roles().insertRoleGrant(new RoleGrant("SYSADMIN", GranteeKind.USER, "ALICE", "ACCOUNTADMIN",
                at(2)))).isFalse();

        assertThat(store.roles().roleGrants()).filteredOn(g -> g.grantee().equals("ALICE")).containsExactly(grant);
    }

    @StoreTest
    void grantsToAUserAndToARoleOfTheSameNameAreDistinct(TestStore store) {
        store.usersNamed("X");
        assertThat(store.roles().insertRoleGrant(new RoleGrant("SYSADMIN", GranteeKind.USER, "X", "S", T0))).isTrue();
        assertThat(store.roles().insertRoleGrant(new RoleGrant("SYSADMIN", GranteeKind.ROLE, "X", "S", T0))).isTrue();
        assertThat(store.roles().insertRoleGrant(new RoleGrant("USERADMIN", GranteeKind.USER, "X", "S", T0))).isTrue();

        assertThat(store.roles().deleteRoleGrant("SYSADMIN", GranteeKind.USER, "X")).isTrue();

        assertThat(store.roles().roleGrants()).filteredOn(g -> g.grantee().equals("X"))
                .extracting(StoreSamples::describe)
                .containsExactlyInAnyOrder("SYSADMIN>ROLE:X", "USERADMIN>USER:X");
        assertThat(store.roles().deleteRoleGrant("SYSADMIN", GranteeKind.USER, "X")).isFalse();
        assertThat(store.roles().deleteRoleGrant("NOPE", GranteeKind.ROLE, "X")).isFalse();
        assertThat(store.roles().insertRoleGrant(new RoleGrant("SYSADMIN", GranteeKind.USER, "X", "S", T0)))
                .as("granted again after revoking").isTrue();
    }

    @StoreTest
    void privilegeGrantsRoundTripAndTheDuplicateReportsFalse(TestStore store) {
        store.usersNamed("ALICE");
        PrivilegeGrant onUser = new PrivilegeGrant(Privilege.MONITOR, ObjectKind.USER, "ALICE", "ANALYST", true, "USERADMIN",
                at(1));
        PrivilegeGrant onAccount = new PrivilegeGrant(Privilege.CREATE_USER, ObjectKind.ACCOUNT, "", "ANALYST", false,
                "ACCOUNTADMIN", at(2));
        PrivilegeGrant onSchema = new PrivilegeGrant(Privilege.USAGE, ObjectKind.SCHEMA, "DB1.PUBLIC", "ANALYST", false,
                "SYSADMIN", at(3));

        assertThat(store.roles().insertPrivilegeGrant(onUser)).isTrue();
        assertThat(store.roles().insertPrivilegeGrant(onAccount)).isTrue();
        assertThat(store.roles().insertPrivilegeGrant(onSchema)).isTrue();
        assertThat(store.roles().insertPrivilegeGrant(new PrivilegeGrant(Privilege.MONITOR, ObjectKind.USER, "ALICE",
                "ANALYST", false, "OTHER", at(9)))).isFalse();
        assertThat(store.roles().insertPrivilegeGrant(new PrivilegeGrant(Privilege.MONITOR, ObjectKind.USER, "ALICE",
                "AUDITOR", false, "OTHER", at(9)))).as("another role").isTrue();

        assertThat(store.roles().privilegeGrants()).filteredOn(grant -> grant.role().equals("ANALYST"))
                .containsExactlyInAnyOrder(onUser, onAccount, onSchema);
    }

    @StoreTest
    void deletePrivilegeGrantRemovesExactlyThatGrant(TestStore store) {
        store.usersNamed("ALICE", "BOB");
        store.roles().insertPrivilegeGrant(new PrivilegeGrant(Privilege.MONITOR, ObjectKind.USER, "ALICE", "R1", false, "X",
                T0));
        store.roles().insertPrivilegeGrant(new PrivilegeGrant(Privilege.MONITOR, ObjectKind.USER, "ALICE", "R2", false, "X",
                T0));
        store.roles().insertPrivilegeGrant(new PrivilegeGrant(Privilege.MONITOR, ObjectKind.USER, "BOB", "R1", false, "X",
                T0));

        assertThat(store.roles().deletePrivilegeGrant(Privilege.MONITOR, ObjectKind.USER, "ALICE", "R1")).isTrue();
        assertThat(store.roles().deletePrivilegeGrant(Privilege.MONITOR, ObjectKind.USER, "ALICE", "R1")).isFalse();
        assertThat(store.roles().deletePrivilegeGrant(Privilege.MONITOR, ObjectKind.ROLE, "ALICE", "R2")).isFalse();

        assertThat(store.roles().privilegeGrants()).filteredOn(grant -> grant.objectKind() == ObjectKind.USER)
                .extracting(grant -> grant.objectName() + ">" + grant.role())
                .containsExactlyInAnyOrder("ALICE>R2", "BOB>R1");
    }

    @StoreTest
    void deletingARoleRemovesEveryGrantOfItToItAndOnIt(TestStore store) {
        store.usersNamed("ALICE", "ANALYST");
        JdbcRoleRepository roles = store.roles();
        roles.insert(new Role("ANALYST", Optional.empty(), Optional.of("USERADMIN"), T0));
        roles.insert(new Role("JUNIOR", Optional.empty(), Optional.of("USERADMIN"), T0));
        roles.insertRoleGrant(new RoleGrant("ANALYST", GranteeKind.USER, "ALICE", "X", T0));
        roles.insertRoleGrant(new RoleGrant("ANALYST", GranteeKind.ROLE, "SYSADMIN", "X", T0));
        roles.insertRoleGrant(new RoleGrant("JUNIOR", GranteeKind.ROLE, "ANALYST", "X", T0));
        roles.insertRoleGrant(new RoleGrant("JUNIOR", GranteeKind.USER, "ANALYST", "X", T0));
        roles.insertPrivilegeGrant(new PrivilegeGrant(Privilege.CREATE_USER, ObjectKind.ACCOUNT, "", "ANALYST", false, "X",
                T0));
        roles.insertPrivilegeGrant(new PrivilegeGrant(Privilege.USAGE, ObjectKind.ROLE, "ANALYST", "USERADMIN", false,
                "X", T0));
        roles.insertPrivilegeGrant(new PrivilegeGrant(Privilege.MONITOR, ObjectKind.USER, "ANALYST", "JUNIOR", false, "X",
                T0));

        assertThat(roles.delete("ANALYST")).isTrue();

        assertThat(roles.find("ANALYST")).isEmpty();
        assertThat(roles.find("JUNIOR")).isPresent();
        assertThat(roles.roleGrants()).extracting(StoreSamples::describe).containsExactlyInAnyOrder(
                "SECURITYADMIN>ROLE:ACCOUNTADMIN", "SYSADMIN>ROLE:ACCOUNTADMIN", "USERADMIN>ROLE:SECURITYADMIN",
                "JUNIOR>USER:ANALYST");
        assertThat(roles.privilegeGrants()).filteredOn(grant -> grant.objectKind() != ObjectKind.ACCOUNT
                        || !grant.grantOption())
                .extracting(grant -> grant.privilege().displayName() + " " + grant.objectKind() + ":" + grant.objectName() + ">"
                        + grant.role())
                .containsExactly("MONITOR USER:ANALYST>JUNIOR");
        assertThat(roles.privilegeGrants()).extracting(grant -> grant.privilege().displayName() + ">" + grant.role())
                .containsExactlyInAnyOrderElementsOf(concat(ACCOUNT_PRIVILEGES, "MONITOR>JUNIOR"));
        assertThat(roles.delete("ANALYST")).isFalse();
        assertThat(roles.delete("NOPE")).isFalse();
    }

    /**
     * Two GRANTs of the same role at once: the interface promises false for the one that finds the
     * grant already there, but the check-then-insert sees nothing (the other insert is not committed
     * yet) and then hits the primary key.
     */
    @StoreTest
    void concurrentDuplicateGrantsReportFalseInsteadOfFailing(TestStore store) throws Exception {
        store.usersNamed("ALICE");
        boolean roleGrant = whileAnotherTransactionHoldsTheSameRow(store,
                "INSERT INTO role_grants (role_name, grantee_kind, grantee_name, granted_by, created_on) "
                        + "VALUES ('SYSADMIN', 'USER', (SELECT id FROM users WHERE name = 'ALICE'), 'X', ?)",
                () -> store.roles().insertRoleGrant(new RoleGrant("SYSADMIN", GranteeKind.USER, "ALICE", "Y", T0)));
        boolean privilegeGrant = whileAnotherTransactionHoldsTheSameRow(store,
                "INSERT INTO privilege_grants (privilege, object_kind, object_name, role_name, grant_option, "
                        + "granted_by, created_on) VALUES ('MONITOR', 'USER', (SELECT id FROM users WHERE name = 'ALICE'), "
                        + "'SYSADMIN', FALSE, 'X', ?)",
                () -> store.roles().insertPrivilegeGrant(new PrivilegeGrant(Privilege.MONITOR, ObjectKind.USER, "ALICE",
                        "SYSADMIN", false, "Y", T0)));

        assertThat(roleGrant).isFalse();
        assertThat(privilegeGrant).isFalse();
        assertThat(store.roles().roleGrants()).filteredOn(grant -> grant.grantee().equals("ALICE"))
                .extracting(RoleGrant::grantedBy).containsExactly("X");
    }

    /** Runs the insert in its own open transaction, starts the call, waits until it blocks, then commits. */
    private static boolean whileAnotherTransactionHoldsTheSameRow(TestStore store, String insert,
                                                                  Callable<Boolean> call) throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (Connection other = store.database().dataSource().getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement statement = other.prepareStatement(insert)) {
                statement.setObject(1, T0.atOffset(ZoneOffset.UTC));
                statement.executeUpdate();
            }
            Future<Boolean> result = executor.submit(call);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (blockedSessions(store) == 0 && !result.isDone() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            other.commit();
            other.setAutoCommit(true);
            return result.get(20, TimeUnit.SECONDS);
        } finally {
            executor.shutdownNow();
        }
    }

    private static long blockedSessions(TestStore store) {
        return store.backend() == StoreBackends.Backend.H2
                ? store.count("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL "
                        + "OR EXECUTING_STATEMENT LIKE 'INSERT INTO%'")
                : store.count("SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                        + "AND datname = current_database()");
    }

    @Test
    @Tag("postgres")
    void listOrderIsTheSameOnH2AndOnPostgresqlWithALinguisticCollation() {
        List<String> names = List.of("DATA_READER", "DATA1", "DATAX", "Data", "data", "_TEMP");
        try (TestStore h2 = StoreBackends.fresh(StoreBackends.Backend.H2, true);
             TestStore postgres = StoreBackends.postgresWithIcuCollation("en-US")) {
            for (TestStore store : List.of(h2, postgres)) {
                for (String name : names) {
                    store.roles().insert(new Role(name, Optional.empty(), Optional.empty(), T0));
                }
            }
            List<String> expected = h2.roles().list().stream().map(Role::name).sorted().toList();
            assertThat(h2.roles().list()).extracting(Role::name).containsExactlyElementsOf(expected);
            assertThat(postgres.roles().list()).extracting(Role::name).containsExactlyElementsOf(expected);
        }
    }

    private static List<String> concat(List<String> list, String element) {
        return java.util.stream.Stream.concat(list.stream(), java.util.stream.Stream.of(element)).toList();
    }
}

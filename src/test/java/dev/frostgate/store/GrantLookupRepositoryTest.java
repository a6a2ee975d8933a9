package dev.frostgate.store;

import static dev.frostgate.store.StoreSamples.T0;
import static dev.frostgate.store.StoreSamples.minimalUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frostgate.catalog.ObjectKind;
import dev.frostgate.catalog.Privilege;
import dev.frostgate.catalog.PrivilegeGrant;
import dev.frostgate.catalog.RoleGrant;
import dev.frostgate.catalog.RoleGrant.GranteeKind;
import dev.frostgate.catalog.RoleRepository;
import dev.frostgate.catalog.User;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The indexed reads behind SHOW GRANTS, the grants snapshot and a non-administrator's SHOW USERS. */
class GrantLookupRepositoryTest {

    private static void grants(TestStore store) {
        store.usersNamed("ALICE", "BOB");
        RoleRepository roles = store.roles();
        roles.insertRoleGrant(new RoleGrant("ANALYST", GranteeKind.USER, "ALICE", "X", T0));
        roles.insertRoleGrant(new RoleGrant("ANALYST", GranteeKind.ROLE, "SYSADMIN", "X", T0));
        roles.insertRoleGrant(new RoleGrant("AUDITOR", GranteeKind.USER, "ALICE", "X", T0));
        roles.insertPrivilegeGrant(new PrivilegeGrant(Privilege.MONITOR, ObjectKind.USER, "BOB", "ANALYST", false,
                "X", T0));
        roles.insertPrivilegeGrant(new PrivilegeGrant(Privilege.USAGE, ObjectKind.INTEGRATION, "OKTA", "ANALYST",
                false, "X", T0));
        roles.insertPrivilegeGrant(new PrivilegeGrant(Privilege.USE_ANY_ROLE, ObjectKind.INTEGRATION, "OKTA",
                "AUDITOR", false, "X", T0));
    }

    @StoreTest
    void grantsAreFoundByGranteeByRoleAndByObject(TestStore store) {
        grants(store);
        RoleRepository roles = store.roles();

        assertThat(roles.roleGrantsTo(GranteeKind.USER, "ALICE")).extracting(RoleGrant::role)
                .containsExactlyInAnyOrder("ANALYST", "AUDITOR");
        assertThat(roles.roleGrantsTo(GranteeKind.ROLE, "ALICE")).isEmpty();
        assertThat(roles.roleGrantsOf("ANALYST")).extracting(grant -> grant.granteeKind() + ":" + grant.grantee())
                .containsExactlyInAnyOrder("USER:ALICE", "ROLE:SYSADMIN");
        assertThat(roles.privilegeGrantsTo("ANALYST")).extracting(grant -> grant.privilege().displayName())
                .containsExactlyInAnyOrder("MONITOR", "USAGE");
        assertThat(roles.privilegeGrantsOn(ObjectKind.INTEGRATION, "OKTA")).extracting(PrivilegeGrant::role)
                .containsExactlyInAnyOrder("ANALYST", "AUDITOR");
        assertThat(roles.privilegeGrantsOn(ObjectKind.ACCOUNT, "")).extracting(PrivilegeGrant::role)
                .contains("USERADMIN", "SECURITYADMIN").doesNotContain("ANALYST");
    }

    @StoreTest
    void grantsToRolesAreTheEdgesBetweenRoles(TestStore store) {
        grants(store);
        assertThat(store.roles().roleGrantsToRoles()).extracting(grant -> grant.role() + ">" + grant.grantee())
                .contains("ANALYST>SYSADMIN", "SYSADMIN>ACCOUNTADMIN").doesNotContain("ANALYST>ALICE");
        assertThat(store.roles().roleGrantsToRoles()).allMatch(grant -> grant.granteeKind() == GranteeKind.ROLE);
    }

    @StoreTest
    void usersAreFoundByOwnerAndTheStoreKnowsWhetherItHasAny(TestStore store) {
        assertThat(store.users().hasAny()).isFalse();
        store.users().insert(owned(minimalUser("CAROL"), "TEAM"));
        store.users().insert(owned(minimalUser("ALICE"), "TEAM"));
        store.users().insert(owned(minimalUser("BOB"), "OTHER"));
        store.users().insert(minimalUser("NOBODY"));

        assertThat(store.users().hasAny()).isTrue();
        assertThat(store.users().ownedBy(Set.of("TEAM"))).extracting(User::name).containsExactly("ALICE", "CAROL");
        assertThat(store.users().ownedBy(Set.of("TEAM", "OTHER", "NONE"))).extracting(User::name)
                .containsExactly("ALICE", "BOB", "CAROL");
        assertThat(store.users().ownedBy(Set.of())).isEmpty();
    }

    private static User owned(User user, String owner) {
        return user.toBuilder().owner(Optional.of(owner)).build();
    }
}

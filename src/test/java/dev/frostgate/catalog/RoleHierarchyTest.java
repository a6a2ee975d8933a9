package dev.frostgate.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoleHierarchyTest {
    private static RoleGrant toRole(String role, String parent) {
        return new RoleGrant(role, RoleGrant.GranteeKind.ROLE, parent, "SYSTEM", Instant.EPOCH);
    }

    private static RoleGrant toUser(String role, String user) {
        return new RoleGrant(role, RoleGrant.GranteeKind.USER, user, "SYSTEM", Instant.EPOCH);
    }

    private final RoleHierarchy hierarchy = RoleHierarchy.of(List.of(toRole("SECURITYADMIN", "ACCOUNTADMIN"),
            toRole("SYSADMIN", "ACCOUNTADMIN"), toRole("USERADMIN", "SECURITYADMIN"), toRole("READER", "WRITER"),
            toUser("WRITER", "ALICE"), toUser("ACCOUNTADMIN", "ADMIN")));

    @Test
    void closuresFollowTheHierarchyAndAlwaysIncludePublic() {
        assertThat(hierarchy.closureOf("ACCOUNTADMIN"))
                .containsExactlyInAnyOrder("ACCOUNTADMIN", "SECURITYADMIN", "SYSADMIN", "USERADMIN", "PUBLIC");
        assertThat(hierarchy.closureOf("USERADMIN")).containsExactlyInAnyOrder("USERADMIN", "PUBLIC");
        assertThat(hierarchy.closureOf("NOBODY")).containsExactlyInAnyOrder("NOBODY", "PUBLIC");
    }

    @Test
    void usersHoldTheirGrantsAndEverythingBelow() {
        assertThat(hierarchy.directRolesOf("ALICE")).containsExactlyInAnyOrder("WRITER", "PUBLIC");
        assertThat(hierarchy.availableRolesOf("ALICE")).containsExactlyInAnyOrder("WRITER", "READER", "PUBLIC");
        assertThat(hierarchy.isGrantedToUser("READER", "ALICE")).isTrue();
        assertThat(hierarchy.isGrantedToUser("SYSADMIN", "ALICE")).isFalse();
        assertThat(hierarchy.isGrantedToUser("PUBLIC", "SOMEONE_NEW")).isTrue();
    }

    @Test
    void secondaryRolesAddEveryGrantedRole() {
        assertThat(hierarchy.activeRoles(new Actor("ALICE", "PUBLIC", false, "127.0.0.1"))).containsExactly("PUBLIC");
        assertThat(hierarchy.activeRoles(new Actor("ALICE", "PUBLIC", true, "127.0.0.1")))
                .containsExactlyInAnyOrder("PUBLIC", "WRITER", "READER");
        assertThat(hierarchy.activeRoles(new Actor("ALICE", "READER", false, "127.0.0.1"))).doesNotContain("WRITER");
    }
}

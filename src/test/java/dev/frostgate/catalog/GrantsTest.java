package dev.frostgate.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frostgate.change.CachePolicy;
import dev.frostgate.change.Change;
import dev.frostgate.change.InProcessChangeFeed;
import dev.frostgate.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The grants snapshot: a generation reads the role graph once and each user's roles and each object's
 * holders when first asked, and a new generation starts when a change is published or the lifetime passes.
 */
class GrantsTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final List<RoleGrant> roleGrants = new ArrayList<>();
    private final List<PrivilegeGrant> privilegeGrants = new ArrayList<>();
    private final AtomicInteger reads = new AtomicInteger();
    private final InProcessChangeFeed changes = new InProcessChangeFeed();
    private final MutableClock clock = new MutableClock(T0);
    private final Grants grants = new Grants(new InMemoryRoles(), changes, CachePolicy.of(clock));

    private void grantRole(String role, RoleGrant.GranteeKind kind, String grantee) {
        roleGrants.add(new RoleGrant(role, kind, grantee, "X", T0));
    }

    private void grantPrivilege(Privilege privilege, ObjectKind kind, String objectName, String role) {
        privilegeGrants.add(new PrivilegeGrant(privilege, kind, objectName, role, false, "X", T0));
    }

    @Test
    void privilegesAreHeldThroughTheRoleGraphAndSecondaryRoles() {
        grantRole("ANALYST", RoleGrant.GranteeKind.USER, "ALICE");
        grantRole("AUDITOR", RoleGrant.GranteeKind.USER, "ALICE");
        grantRole("JUNIOR", RoleGrant.GranteeKind.ROLE, "ANALYST");
        grantPrivilege(Privilege.MONITOR, ObjectKind.USER, "BOB", "JUNIOR");
        grantPrivilege(Privilege.CREATE_USER, ObjectKind.ACCOUNT, "", "AUDITOR");

        Authorization asAnalyst = grants.current().authorize(new Actor("ALICE", "ANALYST", false, "127.0.0.1"));
        assertThat(asAnalyst.activeRoles()).containsExactlyInAnyOrder("ANALYST", "JUNIOR", "PUBLIC");
        assertThat(asAnalyst.holds(Privilege.MONITOR, ObjectKind.USER, "BOB")).as("inherited from JUNIOR").isTrue();
        assertThat(asAnalyst.holds(Privilege.MONITOR, ObjectKind.USER, "CAROL")).isFalse();
        assertThat(asAnalyst.holdsOnAccount(Privilege.CREATE_USER)).as("AUDITOR is not active").isFalse();
        assertThat(asAnalyst.owns(Optional.of("JUNIOR"))).isTrue();
        assertThat(asAnalyst.owns(Optional.empty())).isFalse();
        assertThat(asAnalyst.objectsHolding(Privilege.MONITOR, ObjectKind.USER)).containsExactly("BOB");

        Authorization withSecondary = grants.current().authorize(new Actor("ALICE", "ANALYST", true, "127.0.0.1"));
        assertThat(withSecondary.holdsOnAccount(Privilege.CREATE_USER)).isTrue();
        assertThat(grants.current().authorize(new Actor("ALICE", "PUBLIC", false, "10.0.0.1")).activeRoles())
                .containsExactly("PUBLIC");
    }

    @Test
    void whatAGenerationReadIsRememberedUntilGrantsOrTheUserChange() {
        Actor alice = new Actor("ALICE", "PUBLIC", false, "");
        assertThat(grants.current().authorize(alice).holdsOnAccount(Privilege.MANAGE_GRANTS)).isFalse();
        assertThat(reads).as("one generation").hasValue(1);

        grantPrivilege(Privilege.MANAGE_GRANTS, ObjectKind.ACCOUNT, "", "PUBLIC");
        assertThat(grants.current().authorize(alice).holdsOnAccount(Privilege.MANAGE_GRANTS))
                .as("not yet told").isFalse();
        changes.publish(new Change.TokensChanged("ALICE"));
        assertThat(grants.current().authorize(alice).holdsOnAccount(Privilege.MANAGE_GRANTS))
                .as("a change grants do not depend on").isFalse();

        changes.publish(new Change.GrantsChanged());
        assertThat(grants.current().authorize(alice).holdsOnAccount(Privilege.MANAGE_GRANTS)).isTrue();
        assertThat(reads).hasValue(2);

        grantPrivilege(Privilege.CREATE_USER, ObjectKind.ACCOUNT, "", "AUDITOR");
        changes.publish(new Change.GrantsChanged());
        Actor withSecondary = new Actor("ALICE", "PUBLIC", true, "");
        assertThat(grants.current().authorize(withSecondary).holdsOnAccount(Privilege.CREATE_USER)).isFalse();
        grantRole("AUDITOR", RoleGrant.GranteeKind.USER, "ALICE");
        assertThat(grants.current().authorize(withSecondary).holdsOnAccount(Privilege.CREATE_USER))
                .as("ALICE's roles were read before").isFalse();
        changes.publish(new Change.UserChanged("ALICE"));
        assertThat(grants.current().authorize(withSecondary).holdsOnAccount(Privilege.CREATE_USER))
                .as("a changed user is read again").isTrue();
        assertThat(reads).as("without a new generation").hasValue(3);
    }

    @Test
    void aChangeTheFeedDidNotCarryIsSeenAfterTheCacheLifetime() {
        // (asked once first, so the answer is remembered by the generation)
        Actor alice = new Actor("ALICE", "PUBLIC", false, "");
        assertThat(grants.current().authorize(alice).holdsOnAccount(Privilege.MONITOR)).isFalse();
        grantPrivilege(Privilege.MONITOR, ObjectKind.ACCOUNT, "", "PUBLIC");

        clock.advance(CachePolicy.DEFAULT_LIFETIME.minus(Duration.ofMillis(1)));
        assertThat(grants.current().authorize(alice).holdsOnAccount(Privilege.MONITOR)).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(grants.current().authorize(alice).holdsOnAccount(Privilege.MONITOR)).isTrue();
    }

    /** Only the reads a generation makes (counting the role graph's); the catalog's writes are not under test. */
    private final class InMemoryRoles implements RoleRepository {
        @Override
        public List<RoleGrant> roleGrantsToRoles() {
            reads.incrementAndGet();
            return roleGrants.stream().filter(grant -> grant.granteeKind() == RoleGrant.GranteeKind.ROLE).toList();
        }

        @Override
        public List<RoleGrant> roleGrantsTo(RoleGrant.GranteeKind granteeKind, String grantee) {
            return roleGrants.stream()
                    .filter(grant -> grant.granteeKind() == granteeKind && grant.grantee().equals(grantee)).toList();
        }

        @Override
        public List<PrivilegeGrant> privilegeGrantsTo(String role) {
            return privilegeGrants.stream().filter(grant -> grant.role().equals(role)).toList();
        }

        @Override
        public List<PrivilegeGrant> privilegeGrantsOn(ObjectKind kind, String objectName) {
            return privilegeGrants.stream()
                    .filter(grant -> grant.objectKind() == kind && grant.objectName().equals(objectName)).toList();
        }

        @Override
        public List<RoleGrant> roleGrants() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<PrivilegeGrant> privilegeGrants() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<RoleGrant> roleGrantsOf(String role) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Role> find(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Role> list() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void insert(Role role) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void update(Role role) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean delete(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean insertRoleGrant(RoleGrant grant) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean deleteRoleGrant(String role, RoleGrant.GranteeKind granteeKind, String grantee) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean insertPrivilegeGrant(PrivilegeGrant grant) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean deletePrivilegeGrant(Privilege privilege, ObjectKind kind, String objectName, String role) {
            throw new UnsupportedOperationException();
        }
    }
}

package dev.frostgate.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every role grant and privilege grant as of one read, indexed for the questions authorization asks:
 * the role graph ({@link RoleHierarchy}), which roles hold a privilege on an object, and the grants to
 * or on one grantee or object for SHOW GRANTS. Immutable; {@link Grants} replaces it when grants change,
 * so a check costs map lookups instead of reading the grant tables.
 */
public final class GrantsSnapshot {
    /** A privilege on one object; ACCOUNT (and "every user") have the empty name. */
    private record Target(Privilege privilege, ObjectKind kind, String objectName) {}

    private record Grantee(RoleGrant.GranteeKind kind, String name) {}

    private final List<RoleGrant> roleGrants;
    private final List<PrivilegeGrant> privilegeGrants;
    private final RoleHierarchy hierarchy;
    private final Map<Target, Set<String>> rolesByTarget = new HashMap<>();
    private final Map<Grantee, List<RoleGrant>> roleGrantsByGrantee = new HashMap<>();
    private final Map<String, List<RoleGrant>> roleGrantsByRole = new HashMap<>();
    private final Map<String, List<PrivilegeGrant>> privilegeGrantsByRole = new HashMap<>();
    /**
     * Active roles per actor shape: the snapshot never changes, so neither does the answer. Bounded, since
     * a snapshot can outlive many distinct logins; past the bound an answer is computed each time.
     */
    private static final int REMEMBERED_AUTHORIZATIONS = 10_000;
    private final Map<Actor, Authorization> authorizations = new ConcurrentHashMap<>();

    public GrantsSnapshot(Collection<RoleGrant> roleGrants, Collection<PrivilegeGrant> privilegeGrants) {
        this.roleGrants = List.copyOf(roleGrants);
        this.privilegeGrants = List.copyOf(privilegeGrants);
        this.hierarchy = new RoleHierarchy(this.roleGrants);
        for (RoleGrant grant : this.roleGrants) {
            roleGrantsByGrantee.computeIfAbsent(new Grantee(grant.granteeKind(), grant.grantee()),
                    key -> new ArrayList<>()).add(grant);
            roleGrantsByRole.computeIfAbsent(grant.role(), key -> new ArrayList<>()).add(grant);
        }
        for (PrivilegeGrant grant : this.privilegeGrants) {
            rolesByTarget.computeIfAbsent(new Target(grant.privilege(), grant.objectKind(), grant.objectName()),
                    key -> new HashSet<>()).add(grant.role());
            privilegeGrantsByRole.computeIfAbsent(grant.role(), key -> new ArrayList<>()).add(grant);
        }
    }

    public RoleHierarchy hierarchy() {
        return hierarchy;
    }

    /** The actor's active roles judged against this snapshot, computed once per actor shape. */
    public Authorization authorize(Actor actor) {
        Actor shape = new Actor(actor.userName(), actor.primaryRole(), actor.secondaryRolesAll(), "");
        Authorization known = authorizations.get(shape);
        if (known != null) {
            return known;
        }
        Authorization computed = new Authorization(this, hierarchy.activeRoles(shape));
        if (authorizations.size() < REMEMBERED_AUTHORIZATIONS) {
            authorizations.putIfAbsent(shape, computed);
        }
        return computed;
    }

    /** The roles granted the privilege on exactly this object (the empty name for the account). */
    public Set<String> rolesHolding(Privilege privilege, ObjectKind kind, String objectName) {
        return rolesByTarget.getOrDefault(new Target(privilege, kind, objectName), Set.of());
    }

    public List<RoleGrant> roleGrants() {
        return roleGrants;
    }

    /** Roles granted directly to the user or role. */
    public List<RoleGrant> roleGrantsTo(RoleGrant.GranteeKind kind, String grantee) {
        return roleGrantsByGrantee.getOrDefault(new Grantee(kind, grantee), List.of());
    }

    /** Grants of the role to users and roles. */
    public List<RoleGrant> roleGrantsOf(String role) {
        return roleGrantsByRole.getOrDefault(role, List.of());
    }

    public List<PrivilegeGrant> privilegeGrants() {
        return privilegeGrants;
    }

    public List<PrivilegeGrant> privilegeGrantsTo(String role) {
        return privilegeGrantsByRole.getOrDefault(role, List.of());
    }
}

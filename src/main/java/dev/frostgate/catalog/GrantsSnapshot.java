package dev.frostgate.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every role grant and privilege grant as of one read, reduced to what authorization asks and indexed
 * for it: the role graph ({@link RoleHierarchy}), which roles hold a privilege on an object, and which
 * objects a role holds privileges on. Immutable; {@link Grants} replaces it when grants change, so a
 * check costs map lookups instead of reading the grant tables. It keeps no grant dates or grantors
 * (SHOW GRANTS reads those from the store, by index), and every name is held once however many grants
 * repeat it, so 100,000 users with a role and a privilege each cost a few tens of megabytes.
 */
public final class GrantsSnapshot {
    /** A privilege on one object; the account (and "every user") have the empty name. */
    record Target(Privilege privilege, ObjectKind kind, String objectName) {}

    /**
     * Active roles per actor shape: the snapshot never changes, so neither does the answer. Bounded, since
     * a snapshot can outlive many distinct logins; past the bound an answer is computed each time.
     */
    private static final int REMEMBERED_AUTHORIZATIONS = 10_000;

    private final RoleHierarchy hierarchy;
    private final Map<Target, List<String>> rolesByTarget;
    private final Map<String, List<Target>> targetsByRole;
    private final Map<Actor, Authorization> authorizations = new ConcurrentHashMap<>();

    private GrantsSnapshot(RoleHierarchy hierarchy, Map<Target, List<String>> rolesByTarget,
                           Map<String, List<Target>> targetsByRole) {
        this.hierarchy = hierarchy;
        this.rolesByTarget = rolesByTarget;
        this.targetsByRole = targetsByRole;
    }

    /** Reads every grant through {@link RoleRepository#readGrants}, without keeping the rows. */
    public static GrantsSnapshot read(RoleRepository roles) {
        Builder builder = new Builder();
        roles.readGrants(builder);
        return builder.build();
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
    public List<String> rolesHolding(Privilege privilege, ObjectKind kind, String objectName) {
        return rolesByTarget.getOrDefault(new Target(privilege, kind, objectName), List.of());
    }

    List<Target> targetsOf(String role) {
        return targetsByRole.getOrDefault(role, List.of());
    }

    /** Collects grants as the store reads them; names that repeat are kept once. */
    private static final class Builder implements RoleRepository.GrantReader {
        private final Map<String, String> names = new HashMap<>();
        private final List<RoleHierarchy.Edge> edges = new ArrayList<>();
        private final Map<Target, List<String>> rolesByTarget = new HashMap<>();
        private final Map<String, List<Target>> targetsByRole = new HashMap<>();

        @Override
        public void roleGranted(String role, RoleGrant.GranteeKind granteeKind, String grantee) {
            edges.add(new RoleHierarchy.Edge(name(role), granteeKind, name(grantee)));
        }

        @Override
        public void privilegeGranted(Privilege privilege, ObjectKind kind, String objectName, String role) {
            Target target = new Target(privilege, kind, name(objectName));
            String holder = name(role);
            rolesByTarget.computeIfAbsent(target, key -> new ArrayList<>(1)).add(holder);
            targetsByRole.computeIfAbsent(holder, key -> new ArrayList<>()).add(target);
        }

        private String name(String name) {
            return names.computeIfAbsent(name, key -> key);
        }

        GrantsSnapshot build() {
            rolesByTarget.replaceAll((target, roles) -> List.copyOf(roles));
            targetsByRole.replaceAll((role, targets) -> List.copyOf(targets));
            return new GrantsSnapshot(new RoleHierarchy(edges), rolesByTarget, targetsByRole);
        }
    }
}

package dev.frostgate.catalog;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One generation of grants, as authorization asks about them: the role graph between roles (read whole, from
 * an index that covers it, V35: 10,000 roles cost a few milliseconds per generation), and — read by index when
 * first asked and then remembered for this generation —
 * the roles each user was granted, the roles that hold a privilege on an object, and the objects each role
 * holds privileges on. {@link Grants} starts a new generation when grants change, so a check costs map
 * lookups instead of reading the grant tables; nothing here is ever out of date within a generation.
 *
 * <p>Why not every grant in memory: with 100,000 users, each granted a role and a privilege, a whole copy
 * did not fit the server's 96 MB heap beside the password hasher's memory and the embedded database's page
 * cache (measured with {@code bench/run scale}); what a generation remembers is bounded instead.
 */
public final class GrantsSnapshot {
    /** A privilege on one object; the account (and "every user") have the empty name. */
    record Target(Privilege privilege, ObjectKind kind, String objectName) {}

    private static final int REMEMBERED_USERS = 20_000;
    private static final int REMEMBERED_TARGETS = 20_000;
    /** Targets remembered across roles (a role may hold a privilege on every user). */
    private static final int REMEMBERED_ROLE_TARGETS = 200_000;
    /** Active roles per actor shape, likewise bounded; past the bound an answer is computed each time. */
    private static final int REMEMBERED_AUTHORIZATIONS = 10_000;

    private final RoleHierarchy hierarchy;
    private final LoadingCache<String, List<String>> rolesOfUser;
    private final LoadingCache<Target, List<String>> rolesByTarget;
    private final LoadingCache<String, List<Target>> targetsByRole;
    private final Map<Actor, Authorization> authorizations = new ConcurrentHashMap<>();

    GrantsSnapshot(RoleRepository roles) {
        this.rolesOfUser = Caffeine.newBuilder().maximumSize(REMEMBERED_USERS).build(user -> List.copyOf(
                roles.roleGrantsTo(RoleGrant.GranteeKind.USER, user).stream().map(RoleGrant::role).toList()));
        this.rolesByTarget = Caffeine.newBuilder().maximumSize(REMEMBERED_TARGETS).build(target -> List.copyOf(
                roles.privilegeGrantsOn(target.kind(), target.objectName()).stream()
                        .filter(grant -> grant.privilege() == target.privilege()).map(PrivilegeGrant::role).toList()));
        this.targetsByRole = Caffeine.newBuilder().maximumWeight(REMEMBERED_ROLE_TARGETS)
                .<String, List<Target>>weigher((role, targets) -> 1 + targets.size())
                .build(role -> List.copyOf(roles.privilegeGrantsTo(role).stream()
                        .map(grant -> new Target(grant.privilege(), grant.objectKind(), grant.objectName())).toList()));
        this.hierarchy = new RoleHierarchy(rolesOfRoles(roles.roleGrantsToRoles()), rolesOfUser::get);
    }

    private static Map<String, List<String>> rolesOfRoles(List<RoleGrant> grantsToRoles) {
        Map<String, List<String>> granted = new HashMap<>();
        for (RoleGrant grant : grantsToRoles) {
            granted.computeIfAbsent(grant.grantee(), key -> new ArrayList<>(1)).add(grant.role());
        }
        granted.replaceAll((grantee, roles) -> List.copyOf(roles));
        return granted;
    }

    public RoleHierarchy hierarchy() {
        return hierarchy;
    }

    /** The actor's active roles judged against this generation, computed once per actor shape. */
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
        return rolesByTarget.get(new Target(privilege, kind, objectName));
    }

    List<Target> targetsOf(String role) {
        return targetsByRole.get(role);
    }

    /**
     * Forgets what this generation read about a user: its roles, and the privileges on it (a dropped or
     * renamed user takes both with it; a new user of the same name starts with none).
     */
    void forgetUser(String userName) {
        rolesOfUser.invalidate(userName);
        rolesByTarget.asMap().keySet().removeIf(target -> target.kind() == ObjectKind.USER
                && target.objectName().equals(userName));
        targetsByRole.invalidateAll();
        authorizations.clear();
    }
}

package dev.frostgate.catalog;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A snapshot of role grants: which roles a user holds directly and which roles each role
 * contains. PUBLIC is part of every closure without being stored.
 */
public final class RoleHierarchy {
    private final Map<String, Set<String>> rolesOfUser = new HashMap<>();
    private final Map<String, Set<String>> rolesOfRole = new HashMap<>();

    public RoleHierarchy(Collection<RoleGrant> grants) {
        for (RoleGrant grant : grants) {
            Map<String, Set<String>> target =
                    grant.granteeKind() == RoleGrant.GranteeKind.USER ? rolesOfUser : rolesOfRole;
            target.computeIfAbsent(grant.grantee(), key -> new LinkedHashSet<>()).add(grant.role());
        }
    }

    /** The role and every role it inherits, transitively, plus PUBLIC. */
    public Set<String> closureOf(String role) {
        return closureOf(List.of(role));
    }

    public Set<String> closureOf(Collection<String> roles) {
        Set<String> closure = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>(roles);
        while (!pending.isEmpty()) {
            String role = pending.pop();
            if (closure.add(role)) {
                pending.addAll(rolesOfRole.getOrDefault(role, Set.of()));
            }
        }
        closure.add(SystemRoles.PUBLIC);
        return closure;
    }

    /** Roles granted to the user directly (PUBLIC included). */
    public Set<String> directRolesOf(String user) {
        Set<String> direct = new LinkedHashSet<>(rolesOfUser.getOrDefault(user, Set.of()));
        direct.add(SystemRoles.PUBLIC);
        return direct;
    }

    /** Every role the user may activate: the closure of its direct grants. */
    public Set<String> availableRolesOf(String user) {
        return closureOf(directRolesOf(user));
    }

    public boolean isGrantedToUser(String role, String user) {
        return availableRolesOf(user).contains(role);
    }

    /** The roles whose privileges a statement runs with. */
    public Set<String> activeRoles(Actor actor) {
        Set<String> active = new LinkedHashSet<>(closureOf(actor.primaryRole()));
        if (actor.secondaryRolesAll()) {
            active.addAll(availableRolesOf(actor.userName()));
        }
        return active;
    }
}

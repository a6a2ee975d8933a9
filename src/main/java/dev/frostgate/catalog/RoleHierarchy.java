package dev.frostgate.catalog;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Role grants as a graph: which roles a user holds directly and which roles each role contains.
 * PUBLIC is part of every closure without being stored. The roles of a user come from a function, so
 * that they can be read when asked for (see {@link GrantsSnapshot}).
 */
public final class RoleHierarchy {
    private final Map<String, List<String>> rolesOfRole;
    private final Function<String, List<String>> rolesOfUser;

    RoleHierarchy(Map<String, List<String>> rolesOfRole, Function<String, List<String>> rolesOfUser) {
        this.rolesOfRole = rolesOfRole;
        this.rolesOfUser = rolesOfUser;
    }

    /** A hierarchy of exactly these grants. */
    public static RoleHierarchy of(Collection<RoleGrant> grants) {
        Map<String, List<String>> users = new HashMap<>();
        Map<String, List<String>> roles = new HashMap<>();
        for (RoleGrant grant : grants) {
            Map<String, List<String>> target = grant.granteeKind() == RoleGrant.GranteeKind.USER ? users : roles;
            target.computeIfAbsent(grant.grantee(), key -> new ArrayList<>(1)).add(grant.role());
        }
        return new RoleHierarchy(roles, user -> users.getOrDefault(user, List.of()));
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
                pending.addAll(rolesOfRole.getOrDefault(role, List.of()));
            }
        }
        closure.add(SystemRoles.PUBLIC);
        return closure;
    }

    /** Roles granted to the user directly (PUBLIC included). */
    public Set<String> directRolesOf(String user) {
        Set<String> direct = new LinkedHashSet<>(rolesOfUser.apply(user));
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

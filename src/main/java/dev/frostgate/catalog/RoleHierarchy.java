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

/**
 * A snapshot of role grants: which roles a user holds directly and which roles each role
 * contains. PUBLIC is part of every closure without being stored. Kept as small immutable lists,
 * since a user usually holds one or two roles and there may be very many users.
 */
public final class RoleHierarchy {
    /** Role {@code role} granted to a user or a role: all the graph needs of a {@link RoleGrant}. */
    public record Edge(String role, RoleGrant.GranteeKind granteeKind, String grantee) {}

    private final Map<String, List<String>> rolesOfUser;
    private final Map<String, List<String>> rolesOfRole;

    public RoleHierarchy(Collection<Edge> edges) {
        Map<String, List<String>> users = new HashMap<>();
        Map<String, List<String>> roles = new HashMap<>();
        for (Edge edge : edges) {
            Map<String, List<String>> target = edge.granteeKind() == RoleGrant.GranteeKind.USER ? users : roles;
            target.computeIfAbsent(edge.grantee(), key -> new ArrayList<>(1)).add(edge.role());
        }
        users.replaceAll((grantee, granted) -> List.copyOf(granted));
        roles.replaceAll((grantee, granted) -> List.copyOf(granted));
        this.rolesOfUser = users;
        this.rolesOfRole = roles;
    }

    /** A hierarchy of these grants (tests and callers holding whole grant rows). */
    public static RoleHierarchy of(Collection<RoleGrant> grants) {
        return new RoleHierarchy(grants.stream()
                .map(grant -> new Edge(grant.role(), grant.granteeKind(), grant.grantee())).toList());
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
        Set<String> direct = new LinkedHashSet<>(rolesOfUser.getOrDefault(user, List.of()));
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

package dev.frostgate.catalog;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What one actor may do, judged against one {@link GrantsSnapshot}: a privilege is held when any
 * active role (the primary role's closure, plus every granted role under {@code USE SECONDARY ROLES
 * ALL}) was granted it; an object's owner role, or any role above it, owns the object.
 */
public final class Authorization {
    private final GrantsSnapshot grants;
    private final Set<String> activeRoles;

    Authorization(GrantsSnapshot grants, Set<String> activeRoles) {
        this.grants = grants;
        this.activeRoles = Set.copyOf(activeRoles);
    }

    public Set<String> activeRoles() {
        return activeRoles;
    }

    public boolean holds(Privilege privilege, ObjectKind kind, String objectName) {
        return grants.rolesHolding(privilege, kind, objectName).stream().anyMatch(activeRoles::contains);
    }

    public boolean holdsOnAccount(Privilege privilege) {
        return holds(privilege, ObjectKind.ACCOUNT, "");
    }

    /** Held on this object, or on every object of its kind (the empty name: {@code GRANT … ON USER}). */
    public boolean holdsOnObjectOrKind(Privilege privilege, ObjectKind kind, String objectName) {
        return holds(privilege, kind, objectName) || holds(privilege, kind, "");
    }

    /** The objects of the kind on which an active role holds the privilege (by grant, not ownership). */
    public Set<String> objectsHolding(Privilege privilege, ObjectKind kind) {
        Set<String> names = new HashSet<>();
        for (String role : activeRoles) {
            for (GrantsSnapshot.Target target : grants.targetsOf(role)) {
                if (target.privilege() == privilege && target.kind() == kind) {
                    names.add(target.objectName());
                }
            }
        }
        return names;
    }

    public boolean owns(Optional<String> ownerRole) {
        return ownerRole.isPresent() && activeRoles.contains(ownerRole.get());
    }

    /** Owner of the object, or holder of MANAGE GRANTS (as SECURITYADMIN may change anything in Snowflake). */
    public boolean mayChange(Optional<String> ownerRole) {
        return owns(ownerRole) || holdsOnAccount(Privilege.MANAGE_GRANTS);
    }
}

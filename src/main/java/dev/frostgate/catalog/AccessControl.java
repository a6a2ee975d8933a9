package dev.frostgate.catalog;

import dev.frostgate.error.ErrorCode;
import dev.frostgate.error.FrostgateException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Privilege checks. A privilege is held when any active role of the actor (primary role closure,
 * plus secondary roles) holds it; an object's owner role, and any role above it, may do anything
 * with the object.
 */
public final class AccessControl {
    private final RoleRepository roles;

    public AccessControl(RoleRepository roles) {
        this.roles = roles;
    }

    public RoleHierarchy hierarchy() {
        return new RoleHierarchy(roles.roleGrants());
    }

    public Set<String> activeRoles(Actor actor) {
        return hierarchy().activeRoles(actor);
    }

    public boolean holds(Actor actor, String privilege, ObjectKind kind, String objectName) {
        Set<String> active = activeRoles(actor);
        return roles.privilegeGrants().stream().anyMatch(grant -> grant.privilege().equals(privilege)
                && grant.objectKind() == kind && grant.objectName().equals(objectName)
                && active.contains(grant.role()));
    }

    public boolean holdsOnAccount(Actor actor, String privilege) {
        return holds(actor, privilege, ObjectKind.ACCOUNT, "");
    }

    public boolean owns(Actor actor, Optional<String> ownerRole) {
        return ownerRole.isPresent() && activeRoles(actor).contains(ownerRole.get());
    }

    /**
     * The owner role of an object (or a role above it) may change it; so may a holder of MANAGE
     * GRANTS, as SECURITYADMIN can in Snowflake.
     */
    public void requireOwnership(Actor actor, Optional<String> ownerRole, String objectKind, String objectName) {
        if (!owns(actor, ownerRole) && !holdsOnAccount(actor, "MANAGE GRANTS")) {
            throw insufficient(objectKind, objectName);
        }
    }

    public void requireOnAccount(Actor actor, String privilege, String accountName) {
        if (!holdsOnAccount(actor, privilege)) {
            throw insufficient("account", accountName);
        }
    }

    public static FrostgateException insufficient(String objectKind, String objectName) {
        return new FrostgateException(ErrorCode.INSUFFICIENT_PRIVILEGES, objectKind.toLowerCase(Locale.ROOT),
                objectName);
    }
}

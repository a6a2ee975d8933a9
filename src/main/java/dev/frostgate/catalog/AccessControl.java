package dev.frostgate.catalog;

import dev.frostgate.error.ErrorCode;
import dev.frostgate.error.FrostgateException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Privilege checks against the current {@link GrantsSnapshot}. A privilege is held when any active role
 * of the actor (primary role closure, plus secondary roles) holds it; an object's owner role, and any
 * role above it, may do anything with the object. A statement that checks many objects takes one
 * {@link #authorization} and asks it, so all its checks see the same grants.
 */
public final class AccessControl {
    private final Grants grants;

    public AccessControl(Grants grants) {
        this.grants = grants;
    }

    public RoleHierarchy hierarchy() {
        return grants.current().hierarchy();
    }

    public Authorization authorization(Actor actor) {
        return grants.current().authorize(actor);
    }

    public Set<String> activeRoles(Actor actor) {
        return authorization(actor).activeRoles();
    }

    public boolean holds(Actor actor, Privilege privilege, ObjectKind kind, String objectName) {
        return authorization(actor).holds(privilege, kind, objectName);
    }

    public boolean holdsOnAccount(Actor actor, Privilege privilege) {
        return authorization(actor).holdsOnAccount(privilege);
    }

    public boolean owns(Actor actor, Optional<String> ownerRole) {
        return authorization(actor).owns(ownerRole);
    }

    /**
     * The owner role of an object (or a role above it) may change it; so may a holder of MANAGE
     * GRANTS, as SECURITYADMIN can in Snowflake.
     */
    public void requireOwnership(Actor actor, Optional<String> ownerRole, String objectKind, String objectName) {
        if (!authorization(actor).mayChange(ownerRole)) {
            throw insufficient(objectKind, objectName);
        }
    }

    public void requireOnAccount(Actor actor, Privilege privilege, String accountName) {
        if (!holdsOnAccount(actor, privilege)) {
            throw insufficient("account", accountName);
        }
    }

    public static FrostgateException insufficient(String objectKind, String objectName) {
        return new FrostgateException(ErrorCode.INSUFFICIENT_PRIVILEGES, objectKind.toLowerCase(Locale.ROOT),
                objectName);
    }
}

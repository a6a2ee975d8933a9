package dev.frostgate.auth;

/** What USE ROLE and USE SECONDARY ROLES may do in a session, as its credential decided at login. */
public enum RoleSwitching {
    /** Any granted role (passwords, key pairs, unrestricted tokens, External OAuth with session:role-any). */
    FREE,
    /** The primary role is fixed; secondary roles may be used (External OAuth with session:role:R). */
    PRIMARY_FIXED,
    /** The one role of a PAT's ROLE_RESTRICTION: no other primary role and no secondary roles. */
    FIXED;

    /** A credential restricted to one role fixes the primary role; secondary roles go too unless it allows them. */
    static RoleSwitching of(Claim claim) {
        if (claim.restrictedRole().isEmpty()) {
            return FREE;
        }
        return claim.secondaryRolesAllowed() ? PRIMARY_FIXED : FIXED;
    }
}

package dev.frostgate.catalog;

import java.util.Set;

/** Snowflake's built-in roles, created by the schema migration. */
public final class SystemRoles {
    public static final String ACCOUNTADMIN = "ACCOUNTADMIN";
    public static final String SECURITYADMIN = "SECURITYADMIN";
    public static final String USERADMIN = "USERADMIN";
    public static final String SYSADMIN = "SYSADMIN";
    public static final String PUBLIC = "PUBLIC";

    public static final Set<String> ALL = Set.of(ACCOUNTADMIN, SECURITYADMIN, USERADMIN, SYSADMIN, PUBLIC);

    private SystemRoles() {}

    public static boolean isSystemRole(String name) {
        return ALL.contains(name);
    }
}

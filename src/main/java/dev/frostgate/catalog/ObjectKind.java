package dev.frostgate.catalog;

import java.util.Optional;
import java.util.Set;

/** The securable object kinds and the privileges each accepts (besides OWNERSHIP). */
public enum ObjectKind {
    ACCOUNT(Set.of("CREATE USER", "CREATE ROLE", "MANAGE GRANTS", "APPLY AUTHENTICATION POLICY",
            "APPLY PASSWORD POLICY", "APPLY SESSION POLICY", "APPLY NETWORK POLICY", "CREATE INTEGRATION",
            "CREATE NETWORK POLICY", "CREATE AUTHENTICATION POLICY", "CREATE PASSWORD POLICY",
            "CREATE SESSION POLICY", "CREATE NETWORK RULE", "MONITOR", "MONITOR USAGE", "MONITOR SECURITY",
            "CREATE DATABASE", "CREATE WAREHOUSE", "EXECUTE TASK", "IMPORT SHARE", "CREATE SHARE",
            "REPORT LEAKED TOKENS")),
    USER(Set.of("MONITOR", "MODIFY PROGRAMMATIC AUTHENTICATION METHODS", "IMPERSONATE", "APPLY AUTHENTICATION POLICY")),
    ROLE(Set.of()),
    INTEGRATION(Set.of("USAGE", "USE_ANY_ROLE")),
    DATABASE(Set.of("USAGE", "CREATE SCHEMA", "MONITOR")),
    SCHEMA(Set.of("USAGE", "MONITOR", "CREATE AUTHENTICATION POLICY", "CREATE NETWORK RULE",
            "CREATE PASSWORD POLICY", "CREATE SESSION POLICY")),
    NETWORK_RULE(Set.of()),
    NETWORK_POLICY(Set.of()),
    AUTHENTICATION_POLICY(Set.of()),
    PASSWORD_POLICY(Set.of()),
    SESSION_POLICY(Set.of());

    private final Set<String> privileges;

    ObjectKind(Set<String> privileges) {
        this.privileges = privileges;
    }

    public boolean accepts(String privilege) {
        return privilege.equals("OWNERSHIP") ? this != ACCOUNT : privileges.contains(privilege);
    }

    public Set<String> privileges() {
        return privileges;
    }

    public static Optional<ObjectKind> parse(String word) {
        for (ObjectKind kind : values()) {
            if (kind.name().equals(word)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}

package dev.frostgate.catalog;

import static dev.frostgate.catalog.ObjectKind.ACCOUNT;
import static dev.frostgate.catalog.ObjectKind.DATABASE;
import static dev.frostgate.catalog.ObjectKind.INTEGRATION;
import static dev.frostgate.catalog.ObjectKind.SCHEMA;
import static dev.frostgate.catalog.ObjectKind.USER;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The privileges a role can be granted, each with the name Snowflake spells it with and the object
 * kinds it can be granted on (OWNERSHIP is not among them: it is the owner column of each object,
 * transferred with GRANT OWNERSHIP). Every check names one of these constants, and what a kind accepts
 * is derived from here, so a privilege cannot be checked without being grantable.
 *
 * <p>Some are real Snowflake privileges for objects Frostgate does not have (warehouses, shares,
 * tasks); they are grantable, as administrators' scripts grant them, and checked by nothing.
 *
 * @see <a href="https://docs.snowflake.com/en/user-guide/security-access-control-privileges">Access control privileges</a>
 */
public enum Privilege {
    CREATE_USER("CREATE USER", ACCOUNT),
    CREATE_ROLE("CREATE ROLE", ACCOUNT),
    MANAGE_GRANTS("MANAGE GRANTS", ACCOUNT),
    /** Activating a network policy for the account (Snowflake's global ATTACH POLICY). */
    ATTACH_POLICY("ATTACH POLICY", ACCOUNT),
    APPLY_AUTHENTICATION_POLICY("APPLY AUTHENTICATION POLICY", ACCOUNT, USER),
    APPLY_PASSWORD_POLICY("APPLY PASSWORD POLICY", ACCOUNT),
    APPLY_SESSION_POLICY("APPLY SESSION POLICY", ACCOUNT),
    CREATE_INTEGRATION("CREATE INTEGRATION", ACCOUNT),
    CREATE_NETWORK_POLICY("CREATE NETWORK POLICY", ACCOUNT),
    CREATE_NETWORK_RULE("CREATE NETWORK RULE", ACCOUNT, SCHEMA),
    CREATE_AUTHENTICATION_POLICY("CREATE AUTHENTICATION POLICY", ACCOUNT, SCHEMA),
    CREATE_PASSWORD_POLICY("CREATE PASSWORD POLICY", ACCOUNT, SCHEMA),
    CREATE_SESSION_POLICY("CREATE SESSION POLICY", ACCOUNT, SCHEMA),
    CREATE_DATABASE("CREATE DATABASE", ACCOUNT),
    CREATE_SCHEMA("CREATE SCHEMA", DATABASE),
    MONITOR("MONITOR", ACCOUNT, USER, DATABASE, SCHEMA),
    MONITOR_USAGE("MONITOR USAGE", ACCOUNT),
    MONITOR_SECURITY("MONITOR SECURITY", ACCOUNT),
    /** Frostgate's own: revoke-by-secret for secret scanners ({@code POST /api/v2/leaked-tokens}). */
    REPORT_LEAKED_TOKENS("REPORT LEAKED TOKENS", ACCOUNT),
    MODIFY_PROGRAMMATIC_AUTHENTICATION_METHODS("MODIFY PROGRAMMATIC AUTHENTICATION METHODS", USER),
    IMPERSONATE("IMPERSONATE", USER),
    USAGE("USAGE", INTEGRATION, DATABASE, SCHEMA),
    USE_ANY_ROLE("USE_ANY_ROLE", INTEGRATION),
    CREATE_WAREHOUSE("CREATE WAREHOUSE", ACCOUNT),
    EXECUTE_TASK("EXECUTE TASK", ACCOUNT),
    IMPORT_SHARE("IMPORT SHARE", ACCOUNT),
    CREATE_SHARE("CREATE SHARE", ACCOUNT);

    private static final Map<String, Privilege> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Privilege::displayName, Function.identity()));

    private final String displayName;
    private final Set<ObjectKind> grantableOn;

    Privilege(String displayName, ObjectKind first, ObjectKind... more) {
        this.displayName = displayName;
        this.grantableOn = Set.copyOf(EnumSet.of(first, more));
    }

    /** The privilege as Snowflake writes it: in GRANT statements, SHOW GRANTS and the store. */
    public String displayName() {
        return displayName;
    }

    public boolean grantableOn(ObjectKind kind) {
        return grantableOn.contains(kind);
    }

    public Set<ObjectKind> grantableOn() {
        return grantableOn;
    }

    /** Every privilege that can be granted on the kind, in declaration order (what ALL expands to). */
    public static List<Privilege> grantableOnKind(ObjectKind kind) {
        return Arrays.stream(values()).filter(privilege -> privilege.grantableOn(kind)).toList();
    }

    /** The privilege with this name as Snowflake writes it (words separated by single spaces). */
    public static Optional<Privilege> named(String displayName) {
        return Optional.ofNullable(BY_NAME.get(displayName));
    }
}

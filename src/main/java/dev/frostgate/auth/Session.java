package dev.frostgate.auth;

import java.time.Instant;
import java.util.Optional;

/**
 * An open session. Tokens themselves are never kept: only their keyed digests, in the store.
 * {@code primaryRole} and {@code secondaryRolesAll} change with USE ROLE / USE SECONDARY ROLES, {@code context}
 * with USE DATABASE / SCHEMA / WAREHOUSE.
 */
public record Session(
        long id,
        String sessionTokenDigest,
        String masterTokenDigest,
        String userName,
        String primaryRole,
        boolean secondaryRolesAll,
        String authenticationMethod,
        Optional<String> clientIp,
        Optional<String> clientType,
        Instant createdOn,
        Instant sessionExpiresAt,
        Instant masterExpiresAt,
        Context context,
        Instant lastActivity,
        Origin origin) {

    /**
     * The session's current database, schema and warehouse, as CURRENT_DATABASE() and the others report them
     * and unqualified schema-level names are completed with. Frostgate stores no warehouses, so any name is one.
     */
    public record Context(Optional<String> database, Optional<String> schema, Optional<String> warehouse) {
        public static final Context NONE = new Context(Optional.empty(), Optional.empty(), Optional.empty());

        /** USE DATABASE / USE SCHEMA: the warehouse stays. */
        public Context withNamespace(Optional<String> newDatabase, Optional<String> newSchema) {
            return new Context(newDatabase, newSchema, warehouse);
        }

        /** USE WAREHOUSE: database and schema stay. */
        public Context withWarehouse(String newWarehouse) {
            return new Context(database, schema, Optional.of(newWarehouse));
        }
    }

    /**
     * What the session's credential decided at login and later requests must honour: the credential's
     * id (so a leaked token's sessions can be ended), what role switching it allows, and the network
     * policy of the integration that admitted it (which beats the user's and the account's).
     */
    public record Origin(Optional<String> credentialId, RoleSwitching roleSwitching,
                         Optional<String> integrationNetworkPolicy) {
        public static final Origin NONE = new Origin(Optional.empty(), RoleSwitching.FREE, Optional.empty());
    }

    /**
     * A session opened without a credential of its own to remember (a password, or one built in a test), and
     * without a current warehouse.
     */
    public Session(long id, String sessionTokenDigest, String masterTokenDigest, String userName, String primaryRole,
                   boolean secondaryRolesAll, String authenticationMethod, Optional<String> clientIp,
                   Optional<String> clientType, Instant createdOn, Instant sessionExpiresAt, Instant masterExpiresAt,
                   Optional<String> currentDatabase, Optional<String> currentSchema, Instant lastActivity) {
        this(id, sessionTokenDigest, masterTokenDigest, userName, primaryRole, secondaryRolesAll, authenticationMethod,
                clientIp, clientType, createdOn, sessionExpiresAt, masterExpiresAt,
                new Context(currentDatabase, currentSchema, Optional.empty()), lastActivity, Origin.NONE);
    }

    public Optional<String> currentDatabase() {
        return context.database();
    }

    public Optional<String> currentSchema() {
        return context.schema();
    }

    public Optional<String> currentWarehouse() {
        return context.warehouse();
    }

    public Session withRoles(String role, boolean allSecondaryRoles) {
        return new Session(id, sessionTokenDigest, masterTokenDigest, userName, role, allSecondaryRoles,
                authenticationMethod, clientIp, clientType, createdOn, sessionExpiresAt, masterExpiresAt, context,
                lastActivity, origin);
    }

    public Session withTokens(String sessionDigest, Instant sessionExpiry, String masterDigest, Instant masterExpiry) {
        return new Session(id, sessionDigest, masterDigest, userName, primaryRole, secondaryRolesAll,
                authenticationMethod, clientIp, clientType, createdOn, sessionExpiry, masterExpiry, context,
                lastActivity, origin);
    }

    /** USE DATABASE / SCHEMA / WAREHOUSE. */
    public Session withContext(Context changed) {
        return new Session(id, sessionTokenDigest, masterTokenDigest, userName, primaryRole, secondaryRolesAll,
                authenticationMethod, clientIp, clientType, createdOn, sessionExpiresAt, masterExpiresAt, changed,
                lastActivity, origin);
    }

    public Session withLastActivity(Instant activity) {
        return new Session(id, sessionTokenDigest, masterTokenDigest, userName, primaryRole, secondaryRolesAll,
                authenticationMethod, clientIp, clientType, createdOn, sessionExpiresAt, masterExpiresAt, context,
                activity, origin);
    }

    /**
     * False for a session that exists only for one SQL API request: it has no token, is never
     * written to the store, and USE ROLE / USE DATABASE change it in memory only.
     */
    public boolean isStored() {
        return !sessionTokenDigest.isEmpty();
    }
}

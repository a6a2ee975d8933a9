package dev.frostgate.auth;

import java.time.Instant;
import java.util.Optional;

/**
 * An open session. Tokens themselves are never kept: only their keyed digests, in the store.
 * {@code primaryRole} and {@code secondaryRolesAll} change with USE ROLE / USE SECONDARY ROLES.
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
        Optional<String> currentDatabase,
        Optional<String> currentSchema,
        Instant lastActivity,
        Origin origin) {

    /**
     * What the session's credential decided at login and later requests must honour: the credential's
     * id (so a leaked token's sessions can be ended), what role switching it allows, and the network
     * policy of the integration that admitted it (which beats the user's and the account's).
     */
    public record Origin(Optional<String> credentialId, RoleSwitching roleSwitching,
                         Optional<String> integrationNetworkPolicy) {
        public static final Origin NONE = new Origin(Optional.empty(), RoleSwitching.FREE, Optional.empty());
    }

    /** A session opened without a credential of its own to remember (a password, or one built in a test). */
    public Session(long id, String sessionTokenDigest, String masterTokenDigest, String userName, String primaryRole,
                   boolean secondaryRolesAll, String authenticationMethod, Optional<String> clientIp,
                   Optional<String> clientType, Instant createdOn, Instant sessionExpiresAt, Instant masterExpiresAt,
                   Optional<String> currentDatabase, Optional<String> currentSchema, Instant lastActivity) {
        this(id, sessionTokenDigest, masterTokenDigest, userName, primaryRole, secondaryRolesAll, authenticationMethod,
                clientIp, clientType, createdOn, sessionExpiresAt, masterExpiresAt, currentDatabase, currentSchema,
                lastActivity, Origin.NONE);
    }

    public Session withRoles(String role, boolean allSecondaryRoles) {
        return new Session(id, sessionTokenDigest, masterTokenDigest, userName, role, allSecondaryRoles,
                authenticationMethod, clientIp, clientType, createdOn, sessionExpiresAt, masterExpiresAt,
                currentDatabase, currentSchema, lastActivity, origin);
    }

    public Session withTokens(String sessionDigest, Instant sessionExpiry, String masterDigest, Instant masterExpiry) {
        return new Session(id, sessionDigest, masterDigest, userName, primaryRole, secondaryRolesAll,
                authenticationMethod, clientIp, clientType, createdOn, sessionExpiry, masterExpiry, currentDatabase,
                currentSchema, lastActivity, origin);
    }

    /** USE DATABASE / USE SCHEMA. */
    public Session withContext(Optional<String> database, Optional<String> schema) {
        return new Session(id, sessionTokenDigest, masterTokenDigest, userName, primaryRole, secondaryRolesAll,
                authenticationMethod, clientIp, clientType, createdOn, sessionExpiresAt, masterExpiresAt, database,
                schema, lastActivity, origin);
    }

    public Session withLastActivity(Instant activity) {
        return new Session(id, sessionTokenDigest, masterTokenDigest, userName, primaryRole, secondaryRolesAll,
                authenticationMethod, clientIp, clientType, createdOn, sessionExpiresAt, masterExpiresAt,
                currentDatabase, currentSchema, activity, origin);
    }

    /**
     * False for a session that exists only for one SQL API request: it has no token, is never
     * written to the store, and USE ROLE / USE DATABASE change it in memory only.
     */
    public boolean isStored() {
        return !sessionTokenDigest.isEmpty();
    }
}

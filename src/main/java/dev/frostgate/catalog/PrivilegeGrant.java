package dev.frostgate.catalog;

import java.time.Instant;

/**
 * A privilege on an object granted to a role. Account-level privileges have kind ACCOUNT and an
 * empty object name; so does a privilege on every user ({@code GRANT … ON USER}, no name).
 */
public record PrivilegeGrant(Privilege privilege, ObjectKind objectKind, String objectName, String role,
                             boolean grantOption, String grantedBy, Instant createdOn) {}

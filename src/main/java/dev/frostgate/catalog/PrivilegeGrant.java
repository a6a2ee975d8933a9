package dev.frostgate.catalog;

import java.time.Instant;

/**
 * A privilege on an object granted to a role. Account-level privileges have kind ACCOUNT and an
 * empty object name.
 */
public record PrivilegeGrant(String privilege, ObjectKind objectKind, String objectName, String role,
                             boolean grantOption, String grantedBy, Instant createdOn) {}

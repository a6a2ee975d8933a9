package dev.frostgate.catalog;

import java.time.Instant;

/** Role {@code role} granted to a user or to another role. */
public record RoleGrant(String role, GranteeKind granteeKind, String grantee, String grantedBy, Instant createdOn) {

    public enum GranteeKind { USER, ROLE }
}

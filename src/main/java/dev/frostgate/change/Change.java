package dev.frostgate.change;

/**
 * Something the core changed that a cache may hold an older copy of. The catalog publishes one after
 * each write; every cache subscribes to the kinds it depends on (see {@link ChangeFeed}). Events name
 * what changed, never a secret.
 */
public sealed interface Change {

    /** A user was created, altered (type, state, attachments, credentials), renamed (old name) or dropped. */
    record UserChanged(String userName) implements Change {}

    /** A role was created, replaced or dropped, or a role or privilege was granted or revoked. */
    record GrantsChanged() implements Change {}

    /** A user's programmatic access tokens were added, modified, rotated or removed. */
    record TokensChanged(String userName) implements Change {}

    /** A programmatic access token was reported leaked (and disabled); {@code tokenId} is its credential id. */
    record TokenLeaked(String tokenId) implements Change {}

    /** A network rule or policy changed, or a network policy was attached to or detached from a target. */
    record NetworkPoliciesChanged() implements Change {}

    /** An authentication, password or session policy changed, or was attached or detached. */
    record PoliciesChanged() implements Change {}

    /** A security integration was created, altered or dropped. */
    record IntegrationsChanged() implements Change {}

    /** An account parameter was set or unset. */
    record AccountParameterChanged(String name) implements Change {}
}

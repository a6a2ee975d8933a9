package dev.frostgate.error;

/**
 * What kind of failure an {@link ErrorCode} is, independent of any door, so each door can render it its
 * own way (the SQL API's HTTP status, an OAuth {@code error}, a SCIM status, an HTML page) without a list
 * of codes of its own.
 */
public enum ErrorKind {
    /** The caller could not be authenticated: a bad credential, an ended session, a refused login. */
    AUTHENTICATION,
    /** Authenticated, but not allowed: a missing privilege, a blocked address, a credential's limits. */
    FORBIDDEN,
    /** The object (or statement) does not exist, or the caller may not know that it does. */
    NOT_FOUND,
    /** The request is valid but conflicts with the current state: exists already, in use, would lock out. */
    CONFLICT,
    /** The request itself is wrong: syntax, an unknown property, a value out of range, a malformed body. */
    INVALID_INPUT,
    /** Too many requests or statements at once. */
    RATE_LIMITED,
    /** The work took longer than it may (a cancelled statement is a CONFLICT: its state, not its time). */
    TIMEOUT,
    /** A dependency (the store, a key server) could not be reached. */
    UNAVAILABLE,
    /** Frostgate failed; the detail is only in the server log. */
    INTERNAL
}

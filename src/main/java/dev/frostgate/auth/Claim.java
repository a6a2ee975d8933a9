package dev.frostgate.auth;

import dev.frostgate.catalog.User;
import java.util.Optional;

/**
 * What a credential claims before it is verified: the user it names, and the credential's own facts
 * that later login stages need (its id for the login history, a role restriction).
 */
public interface Claim {

    User user();

    /** The credential's id, as ACCOUNT_USAGE.CREDENTIALS and LOGIN_HISTORY.FIRST_AUTHENTICATION_FACTOR_ID show it. */
    default Optional<String> credentialId() {
        return Optional.empty();
    }

    /**
     * The only role a session opened with this credential may use (a PAT's ROLE_RESTRICTION), which
     * also turns secondary roles off; empty for credentials that carry no restriction.
     */
    default Optional<String> restrictedRole() {
        return Optional.empty();
    }

    /** A claim that is only a user, such as a login name with a password. */
    record OfUser(User user) implements Claim {}
}

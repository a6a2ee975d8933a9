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

    /** Whether secondary roles may be used in the session; a role restriction turns them off unless the method allows them. */
    default boolean secondaryRolesAllowed() {
        return restrictedRole().isEmpty();
    }

    /** The security integration that judged the credential (External OAuth), for LOGIN_HISTORY. */
    default Optional<String> integrationName() {
        return Optional.empty();
    }

    /** A network policy that beats the user's and the account's (an integration's NETWORK_POLICY). */
    default Optional<String> networkPolicy() {
        return Optional.empty();
    }

    /** A claim that is only a user, such as a login name with a password. */
    record OfUser(User user) implements Claim {}
}

package dev.frostgate.auth;

import dev.frostgate.catalog.User;
import java.util.Optional;

/**
 * One kind of credential. Login is two steps so that the policy stages can run between them, in
 * Snowflake's order: {@link #identify} names the user the credential claims to be (without trusting
 * it), the network and authentication policies of that user are evaluated, and only then is the
 * credential {@link #verify verified}. One implementation per authentication method.
 */
public interface Authenticator {

    AuthenticationMethod method();

    /** The user the credential claims to be, if there is one; nothing is verified yet. */
    Optional<User> identify(LoginRequest request);

    /**
     * Refuses a login whose credential names no known user, after the same work a real
     * verification costs, with the method's "invalid credential" error.
     */
    LoginFailure rejectUnknown(LoginRequest request);

    /** Verifies the credential for the identified user, or throws the method's {@link LoginFailure}. */
    void verify(LoginRequest request, User user);

    /**
     * The only role a session opened with this credential may use (a PAT's ROLE_RESTRICTION), which
     * also turns secondary roles off; empty for credentials that carry no restriction.
     */
    default Optional<String> restrictedRole(LoginRequest request) {
        return Optional.empty();
    }
}

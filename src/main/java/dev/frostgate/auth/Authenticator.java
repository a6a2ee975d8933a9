package dev.frostgate.auth;

import dev.frostgate.catalog.AuthenticationPolicy;
import java.time.Instant;
import java.util.Optional;

/**
 * One kind of credential. Login is two steps so that the policy stages can run between them, in
 * Snowflake's order: {@link #identify} names the user the credential claims to be (without trusting
 * it), the network and authentication policies of that user are evaluated, and only then is the
 * credential {@link #verify verified}. One implementation per authentication method.
 *
 * @param <C> what this method's credential claims
 */
public interface Authenticator<C extends Claim> {

    AuthenticationMethod method();

    /** The user (and credential facts) the credential claims, if there is one; nothing is verified yet. */
    Optional<C> identify(LoginRequest request);

    /**
     * Refuses a login whose credential names no known user, after the same work a real
     * verification costs, with the method's "invalid credential" error.
     */
    LoginFailure rejectUnknown(LoginRequest request);

    /** How the network stage treats the user's network policy for this credential. */
    default NetworkEvaluation networkEvaluation(C claim, AuthenticationPolicy policy) {
        return NetworkEvaluation.ENFORCED;
    }

    /**
     * Verifies the credential for the identified user under the user's effective authentication
     * policy, or throws the method's {@link LoginFailure}.
     */
    void verify(LoginRequest request, C claim, AuthenticationPolicy policy);

    /** Refuses, with the method's failure, a primary role the credential does not allow (a blocked role). */
    default void admitRole(C claim, String role) {}

    /** Called once the login has passed every stage. */
    default void succeeded(C claim, Instant at) {}
}

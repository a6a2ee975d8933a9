package dev.frostgate.auth;

import dev.frostgate.catalog.AuthenticationPolicy;
import java.time.Instant;
import java.util.Optional;

/**
 * One kind of credential, in one of two first-class shapes that say when the credential is proven,
 * relative to the policy stages that run between reading it and admitting the user (Snowflake's order:
 * the network and authentication policies of the user the credential names come before the credential
 * is trusted):
 *
 * <ul>
 *   <li>{@link VerifiedAfterPolicies}: the credential names a user without proving anything (a login name
 *       and a password, a PAT, a key-pair JWT), so the policies are judged on the claim and only then is
 *       the credential verified. A credential naming nobody is refused after the policies, with the same
 *       work a verification costs.</li>
 *   <li>{@link VerifiedOnRead}: the credential names nobody until it has been verified (an External OAuth
 *       access token; later SAML assertions and OAuth client authentication), because which user, integration
 *       and network policy apply is only known from the verified content. Reading it proves it or refuses
 *       it; there is no "unknown user" case left for after the policies.</li>
 * </ul>
 *
 * One implementation per authentication method, registered in {@code core.CoreAssembly}.
 *
 * @param <C> what this method's credential claims
 */
public sealed interface Authenticator<C extends Claim>
        permits Authenticator.VerifiedAfterPolicies, Authenticator.VerifiedOnRead {

    AuthenticationMethod method();

    /** How the network stage treats the user's network policy for this credential. */
    default NetworkEvaluation networkEvaluation(C claim, AuthenticationPolicy policy) {
        return NetworkEvaluation.ENFORCED;
    }

    /** Refuses, with the method's failure, a primary role the credential does not allow (a blocked role). */
    default void admitRole(C claim, String role) {}

    /** Called once the login has passed every stage (challenges included). */
    default void succeeded(C claim, Instant at) {}

    /** A credential that names its user unproven; it is verified after the policy stages. */
    non-sealed interface VerifiedAfterPolicies<C extends Claim> extends Authenticator<C> {

        /** The user (and credential facts) the credential claims, if there is one; nothing is verified yet. */
        Optional<C> identify(LoginRequest request);

        /**
         * Refuses a login whose credential names no known user, after the same work a real
         * verification costs, with the method's "invalid credential" error.
         */
        LoginFailure rejectUnknown(LoginRequest request);

        /**
         * Verifies the credential for the identified user under the user's effective authentication
         * policy, or throws the method's {@link LoginFailure}.
         */
        void verify(LoginRequest request, C claim, AuthenticationPolicy policy);
    }

    /** A credential that is verified as it is read, since only its verified content names the user. */
    non-sealed interface VerifiedOnRead<C extends Claim> extends Authenticator<C> {

        /** The verified claim, or the method's {@link LoginFailure} (unverifiable, or naming no user). */
        C read(LoginRequest request);

        /**
         * Judges, under the user's effective authentication policy, what the verified credential asks for
         * (an access token's scopes), or throws the method's {@link LoginFailure}. Nothing to judge by default.
         */
        default void authorize(LoginRequest request, C claim, AuthenticationPolicy policy) {}
    }
}

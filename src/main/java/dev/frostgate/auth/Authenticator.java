package dev.frostgate.auth;

import dev.frostgate.catalog.User;

/**
 * Verifies one kind of credential and says whose it is. One implementation per authentication
 * method; adding a method means adding an authenticator and registering it in the pipeline.
 */
public interface Authenticator {

    AuthenticationMethod method();

    /** The user the credential proves, or a {@link LoginFailure} with the method's error code. */
    User authenticate(LoginRequest request);
}

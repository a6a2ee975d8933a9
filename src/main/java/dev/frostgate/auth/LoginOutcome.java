package dev.frostgate.auth;

import dev.frostgate.catalog.User;

/**
 * How a login (or the resumption of one) ended, for the door to render: admitted with a session, challenged
 * with a question the door shows before calling {@link LoginPipeline#resume}, or refused.
 *
 * <p>Refusal is a value here rather than the exception it is inside the stages: a door switches over the three
 * outcomes and the compiler makes it handle each one (a door added for the web sign-in cannot forget the
 * challenge, nor a driver door the refusal). The stages keep throwing {@link LoginFailure}, which ends a login
 * from any depth in one place, where it is recorded in the login history before it becomes a {@link Refused}.
 */
public sealed interface LoginOutcome {

    /** Every stage passed: the session is open. */
    record Admitted(IssuedSession issued, User user) implements LoginOutcome {}

    /** A stage asks a question first; the login goes on with {@link LoginPipeline#resume} and the answer. */
    record Challenged(Challenge challenge) implements LoginOutcome {}

    /** The login was refused, and the refusal recorded (with its failure uuid when it has one). */
    record Refused(LoginFailure failure) implements LoginOutcome {}
}

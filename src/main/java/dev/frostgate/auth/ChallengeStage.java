package dev.frostgate.auth;

import java.time.Duration;
import java.util.Optional;

/**
 * A login stage that may ask a question before the login is admitted (a second factor, a redirect), after
 * the credential was verified, the user's state checked and the primary role chosen: the anchor is Keycloak's
 * {@code authenticate} (ask, or pass) and {@code action} (judge the answer). Stages are registered in
 * {@code core.CoreAssembly} and run in their order; each one that asks suspends the login until
 * {@link LoginPipeline#resume}.
 */
public interface ChallengeStage {

    /** How long a question stays open when the stage does not say. */
    Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

    /**
     * The question this login must answer, or empty when the stage has nothing to ask of it (the login goes on).
     * May refuse with a {@link LoginFailure} (a user who must enrol a second factor first).
     */
    Optional<Challenge.Prompt> challenge(LoginPipeline.Admission admission, LoginRequest.ClientInfo client);

    /**
     * Judges the answer to {@code asked}: returns when it is right, throws the stage's {@link LoginFailure}
     * when not. A flow is answered once: a wrong answer ends it, and the user logs in again.
     */
    void verify(LoginPipeline.Admission admission, Challenge.Prompt asked, ChallengeAnswer answer);

    /** How long the question stays open (at most {@link PendingLogins#MAXIMUM_LIFETIME}). */
    default Duration lifetime() {
        return DEFAULT_LIFETIME;
    }
}

package dev.frostgate.auth;

import java.net.URI;
import java.time.Instant;

/**
 * A question a login stage asks before the login can go on (Keycloak's challenge): which flow it belongs to,
 * what is asked, and until when the answer is taken. The flow id is a secret while the flow is pending (whoever
 * holds it may answer), so it is never printed; it is good for one answer only.
 */
public record Challenge(String flowId, Prompt prompt, Instant expiresAt) {

    /**
     * What the door shows. Sealed so that every door decides, at compile time, how to show each kind of question,
     * or that it cannot.
     */
    public sealed interface Prompt {
        /** The stage that asks, for the door's wording and for LOGIN_HISTORY (such as {@code TOTP}). */
        String factor();
    }

    /** A second factor the user types in or confirms (a one-time passcode, a passkey). */
    public record SecondFactor(String factor) implements Prompt {}

    /**
     * The browser must go elsewhere first (an identity provider, a consent page) and come back; the door
     * redirects to {@code location} and resumes the flow with what the return leg brings.
     */
    public record Redirect(String factor, URI location) implements Prompt {}

    @Override
    public String toString() {
        return "Challenge[prompt=" + prompt + ", expiresAt=" + expiresAt + "]";
    }
}

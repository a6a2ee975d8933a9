package dev.frostgate.catalog;

import java.time.Instant;
import java.util.Optional;

/**
 * A programmatic access token of a user. Only the keyed digest of its secret is kept; the secret is
 * shown once, when the token is added. {@code bypassUntil} is when MINS_TO_BYPASS_NETWORK_POLICY_REQUIREMENT,
 * counted from when it was set, runs out.
 */
public record ProgrammaticAccessToken(String id, String userName, String name, String secretDigest,
                                      Optional<String> roleRestriction, Instant expiresAt, Instant createdOn,
                                      String createdBy, Optional<String> comment, boolean disabled,
                                      int minsToBypassNetworkPolicyRequirement, Optional<Instant> bypassUntil,
                                      Optional<String> rotatedTo, Instant lastAlteredOn, String lastAlteredBy,
                                      Optional<Instant> lastUsedOn) {

    /** The changeable properties after MODIFY, stamped with who changed them and when. */
    public ProgrammaticAccessToken modified(String newName, Optional<String> newComment, boolean newDisabled,
                                            int newMinsToBypass, Optional<Instant> newBypassUntil, Instant now,
                                            String alteredBy) {
        return new ProgrammaticAccessToken(id, userName, newName, secretDigest, roleRestriction, expiresAt, createdOn,
                createdBy, newComment, newDisabled, newMinsToBypass, newBypassUntil, rotatedTo, now, alteredBy,
                lastUsedOn);
    }

    public String status(Instant now) {
        if (!now.isBefore(expiresAt)) {
            return "EXPIRED";
        }
        return disabled ? "DISABLED" : "ACTIVE";
    }

    /** Whether MINS_TO_BYPASS_NETWORK_POLICY_REQUIREMENT still lifts the "must have a network policy" rule. */
    public boolean bypassesNetworkPolicyRequirement(Instant now) {
        return bypassUntil.map(now::isBefore).orElse(false);
    }

    /** The lifetime the token was issued with (for a rotated secret, from the original issue). */
    public java.time.Duration lifetime() {
        return java.time.Duration.between(createdOn, expiresAt);
    }
}

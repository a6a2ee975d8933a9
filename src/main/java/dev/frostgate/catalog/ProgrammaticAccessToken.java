package dev.frostgate.catalog;

import java.time.Instant;
import java.util.Optional;

/**
 * A programmatic access token of a user. Only the keyed digest of its secret is kept; the secret is
 * shown once, when the token is added.
 */
public record ProgrammaticAccessToken(String id, String userName, String name, String secretDigest,
                                      Optional<String> roleRestriction, Instant expiresAt, Instant createdOn,
                                      String createdBy, Optional<String> comment, boolean disabled,
                                      int minsToBypassNetworkPolicyRequirement, Optional<String> rotatedTo) {

    public ProgrammaticAccessToken with(String newName, Optional<String> newComment, boolean newDisabled,
                                        int newMinsToBypass) {
        return new ProgrammaticAccessToken(id, userName, newName, secretDigest, roleRestriction, expiresAt, createdOn,
                createdBy, newComment, newDisabled, newMinsToBypass, rotatedTo);
    }

    public String status(Instant now) {
        if (!now.isBefore(expiresAt)) {
            return "EXPIRED";
        }
        return disabled ? "DISABLED" : "ACTIVE";
    }
}

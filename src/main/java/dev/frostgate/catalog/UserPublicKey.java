package dev.frostgate.catalog;

import dev.frostgate.crypto.RsaPublicKey;
import java.time.Instant;

/**
 * A public key in one of a user's two key-pair slots (RSA_PUBLIC_KEY, RSA_PUBLIC_KEY_2), with the
 * credential id ACCOUNT_USAGE.CREDENTIALS and LOGIN_HISTORY show for it. A key set again is a new
 * credential with a new id.
 */
public record UserPublicKey(RsaPublicKey key, String credentialId, Instant setOn) {

    /** The two slots; both keys are valid at once so that a key can be rotated without downtime. */
    public enum Slot {
        RSA_PUBLIC_KEY("PUBLIC_KEY_1"), RSA_PUBLIC_KEY_2("PUBLIC_KEY_2");

        private final String credentialName;

        Slot(String credentialName) {
            this.credentialName = credentialName;
        }

        /** The name Snowflake reserves for the slot's key among a user's key pairs. */
        public String credentialName() {
            return credentialName;
        }
    }

    public String encoded() {
        return key.encoded();
    }

    public String fingerprint() {
        return key.fingerprint();
    }
}

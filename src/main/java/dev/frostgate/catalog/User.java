package dev.frostgate.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A user as stored. {@code passwordHash} is an Argon2id PHC string, never a password. The
 * temporary lock after failed logins is {@code lockedUntil}; DISABLED is the administrator's switch. {@code id} is
 * the user's immutable identity ({@link UserId}); {@code name} is what SQL calls it, and a rename changes only that.
 */
public record User(
        UserId id,
        String name,
        String loginName,
        Optional<String> displayName,
        Optional<String> firstName,
        Optional<String> lastName,
        Optional<String> email,
        Optional<String> comment,
        UserType type,
        Optional<String> passwordHash,
        Optional<Instant> passwordLastSet,
        boolean disabled,
        boolean mustChangePassword,
        Optional<Instant> expiresAt,
        Optional<Instant> lockedUntil,
        int failedLoginAttempts,
        Optional<String> defaultRole,
        DefaultSecondaryRoles defaultSecondaryRoles,
        Optional<String> owner,
        Instant createdOn,
        Optional<Instant> lastSuccessLogin,
        Optional<String> networkPolicy,
        List<String> passwordHistory,
        Optional<UserPublicKey> rsaPublicKey,
        Optional<UserPublicKey> rsaPublicKey2) {

    /** The most previous password hashes kept, PASSWORD_HISTORY's maximum. */
    public static final int PASSWORD_HISTORY_LIMIT = 24;

    public User {
        java.util.Objects.requireNonNull(id, "id");
        passwordHistory = List.copyOf(passwordHistory);
    }

    /** DEFAULT_SECONDARY_ROLES: {@code ('ALL')} (Snowflake's default for new users) or {@code ()}. */
    public enum DefaultSecondaryRoles {
        ALL("[\"ALL\"]"), NONE("[]");

        private final String display;

        DefaultSecondaryRoles(String display) { this.display = display; }

        public String display() { return display; }
    }

    public boolean hasPassword() {
        return passwordHash.isPresent();
    }

    public Optional<UserPublicKey> publicKey(UserPublicKey.Slot slot) {
        return slot == UserPublicKey.Slot.RSA_PUBLIC_KEY ? rsaPublicKey : rsaPublicKey2;
    }

    public boolean hasPublicKey() {
        return rsaPublicKey.isPresent() || rsaPublicKey2.isPresent();
    }

    public boolean isLocked(Instant now) {
        return lockedUntil.map(now::isBefore).orElse(false);
    }

    public boolean isExpired(Instant now) {
        return expiresAt.map(expiry -> !now.isBefore(expiry)).orElse(false);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A new user: {@code id} is drawn once, at its creation ({@link UserId#random()}), and never changes. */
    public static Builder builder(UserId id, String name, Instant createdOn) {
        return new Builder(new User(id, name, name, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), UserType.PERSON, Optional.empty(), Optional.empty(), false,
                false, Optional.empty(), Optional.empty(), 0, Optional.empty(), DefaultSecondaryRoles.ALL,
                Optional.empty(), createdOn, Optional.empty(), Optional.empty(), List.of(), Optional.empty(),
                Optional.empty()));
    }

    /** Copy-and-change for a record with many fields; used by property application and lockout. */
    public static final class Builder {
        /** Copied, never set: no change to a user changes who it is. */
        private final UserId id;
        private String name;
        private String loginName;
        private Optional<String> displayName;
        private Optional<String> firstName;
        private Optional<String> lastName;
        private Optional<String> email;
        private Optional<String> comment;
        private UserType type;
        private Optional<String> passwordHash;
        private Optional<Instant> passwordLastSet;
        private boolean disabled;
        private boolean mustChangePassword;
        private Optional<Instant> expiresAt;
        private Optional<Instant> lockedUntil;
        private int failedLoginAttempts;
        private Optional<String> defaultRole;
        private DefaultSecondaryRoles defaultSecondaryRoles;
        private Optional<String> owner;
        private Instant createdOn;
        private Optional<Instant> lastSuccessLogin;
        private Optional<String> networkPolicy;
        private List<String> passwordHistory;
        private Optional<UserPublicKey> rsaPublicKey;
        private Optional<UserPublicKey> rsaPublicKey2;

        private Builder(User user) {
            id = user.id;
            name = user.name;
            loginName = user.loginName;
            displayName = user.displayName;
            firstName = user.firstName;
            lastName = user.lastName;
            email = user.email;
            comment = user.comment;
            type = user.type;
            passwordHash = user.passwordHash;
            passwordLastSet = user.passwordLastSet;
            disabled = user.disabled;
            mustChangePassword = user.mustChangePassword;
            expiresAt = user.expiresAt;
            lockedUntil = user.lockedUntil;
            failedLoginAttempts = user.failedLoginAttempts;
            defaultRole = user.defaultRole;
            defaultSecondaryRoles = user.defaultSecondaryRoles;
            owner = user.owner;
            createdOn = user.createdOn;
            lastSuccessLogin = user.lastSuccessLogin;
            networkPolicy = user.networkPolicy;
            passwordHistory = user.passwordHistory;
            rsaPublicKey = user.rsaPublicKey;
            rsaPublicKey2 = user.rsaPublicKey2;
        }

        public Builder name(String value) { name = value; return this; }
        public Builder loginName(String value) { loginName = value; return this; }
        public Builder displayName(Optional<String> value) { displayName = value; return this; }
        public Builder firstName(Optional<String> value) { firstName = value; return this; }
        public Builder lastName(Optional<String> value) { lastName = value; return this; }
        public Builder email(Optional<String> value) { email = value; return this; }
        public Builder comment(Optional<String> value) { comment = value; return this; }
        public Builder type(UserType value) { type = value; return this; }
        public Builder passwordHash(Optional<String> value) { passwordHash = value; return this; }
        public Builder passwordLastSet(Optional<Instant> value) { passwordLastSet = value; return this; }
        public Builder disabled(boolean value) { disabled = value; return this; }
        public Builder mustChangePassword(boolean value) { mustChangePassword = value; return this; }
        public Builder expiresAt(Optional<Instant> value) { expiresAt = value; return this; }
        public Builder lockedUntil(Optional<Instant> value) { lockedUntil = value; return this; }
        public Builder failedLoginAttempts(int value) { failedLoginAttempts = value; return this; }
        public Builder defaultRole(Optional<String> value) { defaultRole = value; return this; }
        public Builder defaultSecondaryRoles(DefaultSecondaryRoles value) { defaultSecondaryRoles = value; return this; }
        public Builder owner(Optional<String> value) { owner = value; return this; }
        public Builder lastSuccessLogin(Optional<Instant> value) { lastSuccessLogin = value; return this; }
        public Builder networkPolicy(Optional<String> value) { networkPolicy = value; return this; }
        public Builder passwordHistory(List<String> value) { passwordHistory = value; return this; }
        public Builder publicKey(UserPublicKey.Slot slot, Optional<UserPublicKey> value) {
            if (slot == UserPublicKey.Slot.RSA_PUBLIC_KEY) {
                rsaPublicKey = value;
            } else {
                rsaPublicKey2 = value;
            }
            return this;
        }

        public User build() {
            return new User(id, name, loginName, displayName, firstName, lastName, email, comment, type, passwordHash,
                    passwordLastSet, disabled, mustChangePassword, expiresAt, lockedUntil, failedLoginAttempts,
                    defaultRole, defaultSecondaryRoles, owner, createdOn, lastSuccessLogin, networkPolicy,
                    passwordHistory, rsaPublicKey, rsaPublicKey2);
        }
    }
}

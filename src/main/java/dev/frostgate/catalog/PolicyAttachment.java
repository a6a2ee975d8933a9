package dev.frostgate.catalog;

/**
 * A policy attached somewhere. Targets: the account ({@code ACCOUNT}), the account for one user type
 * ({@code PERSON_USERS}, {@code SERVICE_USERS}), or one user ({@code USER} with its name).
 */
public record PolicyAttachment(PolicyKind policyKind, TargetKind targetKind, String targetName, String policyName) {

    public enum PolicyKind { AUTHENTICATION, PASSWORD, SESSION }

    public enum TargetKind { ACCOUNT, PERSON_USERS, SERVICE_USERS, USER }

    /** Account-level targets have no name of their own. */
    public static final String ACCOUNT_TARGET = "";
}

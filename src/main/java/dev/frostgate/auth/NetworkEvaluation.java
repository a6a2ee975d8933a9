package dev.frostgate.auth;

/** How the network stage of a login treats the network policy that governs the user. */
public enum NetworkEvaluation {
    /** The policy, if there is one, must admit the client's address. */
    ENFORCED,
    /** There must be a policy, and it must admit the address (a PAT under ENFORCED_REQUIRED). */
    REQUIRED,
    /** No policy is consulted (a PAT under NOT_ENFORCED). */
    NOT_ENFORCED
}

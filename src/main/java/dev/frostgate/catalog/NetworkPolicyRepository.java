package dev.frostgate.catalog;

import java.util.List;
import java.util.Optional;

/** Persistence of network rules, network policies and account parameters; implemented by the store. */
public interface NetworkPolicyRepository {

    Optional<NetworkRule> findRule(String name);

    List<NetworkRule> rules();

    /** Inserts or replaces the rule with this name. */
    void saveRule(NetworkRule rule);

    boolean deleteRule(String name);

    Optional<NetworkPolicy> findPolicy(String name);

    List<NetworkPolicy> policies();

    /** Inserts or replaces the policy named {@code previousName} (differs on rename). */
    void savePolicy(String previousName, NetworkPolicy policy);

    boolean deletePolicy(String name);

    /**
     * Waits for, then holds until the unit of work open on this thread ({@link Transactions}) ends, the one
     * lock that every change of network rules, policies and their attachments takes first: the lock-out
     * guard and the in-use checks then judge what the previous change committed, never a change in flight.
     */
    void lockForChange();

    /** The users a network policy is attached to. */
    List<String> usersWithPolicy(String policyName);
}

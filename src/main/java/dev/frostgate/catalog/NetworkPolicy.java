package dev.frostgate.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A network policy: allowed and blocked network rules, and the legacy allowed and blocked IP lists. */
public record NetworkPolicy(String name, List<String> allowedNetworkRules, List<String> blockedNetworkRules,
                            List<String> allowedIpList, List<String> blockedIpList, Optional<String> comment,
                            Optional<String> owner, Instant createdOn) {

    public NetworkPolicy {
        allowedNetworkRules = List.copyOf(allowedNetworkRules);
        blockedNetworkRules = List.copyOf(blockedNetworkRules);
        allowedIpList = List.copyOf(allowedIpList);
        blockedIpList = List.copyOf(blockedIpList);
    }

    /** Rule lists take precedence: the legacy IP lists apply only to a policy without rules. */
    public boolean usesNetworkRules() {
        return !allowedNetworkRules.isEmpty() || !blockedNetworkRules.isEmpty();
    }

    public NetworkPolicy renamed(String newName) {
        return new NetworkPolicy(newName, allowedNetworkRules, blockedNetworkRules, allowedIpList, blockedIpList,
                comment, owner, createdOn);
    }
}

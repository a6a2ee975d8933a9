package dev.frostgate.policy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A network policy's address entries prepared for evaluation. Snowflake's rules: blocked before
 * allowed; each address family (IPv4, IPv6) is judged on its own,
 * and an address is admitted only if an allowed entry of its family matches — so a policy that
 * allows nothing of a family, including an empty policy, admits nobody of that family.
 */
public final class CompiledNetworkPolicy {
    private final String name;
    private final Map<IpRange.Family, IpRangeSet> allowed;
    private final Map<IpRange.Family, IpRangeSet> blocked;

    private CompiledNetworkPolicy(String name, Map<IpRange.Family, IpRangeSet> allowed,
                                  Map<IpRange.Family, IpRangeSet> blocked) {
        this.name = name;
        this.allowed = allowed;
        this.blocked = blocked;
    }

    /** Compiles the entries (addresses and CIDR blocks) a policy allows and blocks. */
    public static CompiledNetworkPolicy compile(String name, List<String> allowedEntries, List<String> blockedEntries) {
        return new CompiledNetworkPolicy(name, byFamily(allowedEntries), byFamily(blockedEntries));
    }

    public String name() {
        return name;
    }

    /** Whether a client address (as text) may pass; addresses that do not parse never pass. */
    public boolean admits(String clientAddress) {
        Optional<IpRange.ParsedAddress> address = IpRange.parseAddress(clientAddress);
        if (address.isEmpty()) {
            return false;
        }
        IpRange.Family family = address.get().family();
        if (blocked.get(family).contains(address.get().value())) {
            return false;
        }
        return allowed.get(family).contains(address.get().value());
    }

    private static Map<IpRange.Family, IpRangeSet> byFamily(List<String> entries) {
        Map<IpRange.Family, List<IpRange>> ranges = new EnumMap<>(IpRange.Family.class);
        for (IpRange.Family family : IpRange.Family.values()) {
            ranges.put(family, new ArrayList<>());
        }
        // Entries are validated when stored; one that no longer parses simply matches nothing.
        entries.forEach(entry -> IpRange.parse(entry).ifPresent(range -> ranges.get(range.family()).add(range)));
        Map<IpRange.Family, IpRangeSet> sets = new EnumMap<>(IpRange.Family.class);
        ranges.forEach((family, list) -> sets.put(family, IpRangeSet.of(list)));
        return sets;
    }
}

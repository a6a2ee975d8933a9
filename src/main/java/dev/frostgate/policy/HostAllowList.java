package dev.frostgate.policy;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The hosts a URL may name for the server to fetch it (External OAuth's JWKS URLs): host names exactly,
 * {@code *.example.com} for every name below example.com (not example.com itself), and IP addresses or CIDR
 * blocks for URLs whose host is an address literal. Names are compared as written, case-insensitively and without
 * a trailing dot; a name is never resolved, so an address entry does not admit a name that resolves to it. An empty
 * list allows every host.
 */
public final class HostAllowList {
    public static final HostAllowList EVERY_HOST = new HostAllowList(List.of(), Set.of(), List.of(), List.of());

    private static final Pattern NAME =
            Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");
    private static final String WILDCARD = "*.";

    private final List<String> entries;
    private final Set<String> names;
    /** Each wildcard's domain with its leading dot, e.g. {@code .okta.com}. */
    private final List<String> domainSuffixes;
    private final List<IpRange> ranges;

    private HostAllowList(List<String> entries, Set<String> names, List<String> domainSuffixes,
                          List<IpRange> ranges) {
        this.entries = List.copyOf(entries);
        this.names = Set.copyOf(names);
        this.domainSuffixes = List.copyOf(domainSuffixes);
        this.ranges = List.copyOf(ranges);
    }

    /** Parses the entries (blank ones are skipped); a malformed one is an IllegalArgumentException naming it. */
    public static HostAllowList of(List<String> written) {
        List<String> entries = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<String> domainSuffixes = new ArrayList<>();
        List<IpRange> ranges = new ArrayList<>();
        for (String entry : written) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            String host = normalised(trimmed);
            Optional<IpRange> range = IpRange.parse(host);
            if (range.isPresent()) {
                ranges.add(range.get());
            } else if (host.startsWith(WILDCARD) && NAME.matcher(host.substring(WILDCARD.length())).matches()) {
                domainSuffixes.add(host.substring(1));
            } else if (NAME.matcher(host).matches()) {
                names.add(host);
            } else {
                throw new IllegalArgumentException("'" + trimmed + "' is not a host name, *.domain, IP address or "
                        + "CIDR block");
            }
            entries.add(trimmed);
        }
        return entries.isEmpty() ? EVERY_HOST : new HostAllowList(entries, names, domainSuffixes, ranges);
    }

    public boolean allowsEveryHost() {
        return entries.isEmpty();
    }

    /** Whether the URL's host is allowed; a URL without a host is allowed only when every host is. */
    public boolean allows(URI url) {
        if (allowsEveryHost()) {
            return true;
        }
        if (url.getHost() == null) {
            return false;
        }
        String host = normalised(url.getHost());
        Optional<IpRange.ParsedAddress> address = IpRange.parseAddress(host);
        if (address.isPresent()) {
            return ranges.stream().anyMatch(range -> range.contains(address.get()));
        }
        return names.contains(host) || domainSuffixes.stream().anyMatch(host::endsWith);
    }

    /** Lower case, without IPv6 brackets or a name's trailing dot (the same host either way). */
    private static String normalised(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        if (lower.startsWith("[") && lower.endsWith("]")) {
            return lower.substring(1, lower.length() - 1);
        }
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    /** The entries as given, comma-separated, as the option takes them. */
    @Override
    public String toString() {
        return allowsEveryHost() ? "every host" : String.join(",", entries);
    }
}

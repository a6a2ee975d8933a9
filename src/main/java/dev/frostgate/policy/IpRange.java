package dev.frostgate.policy;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One address or CIDR block, IPv4 or IPv6, as an inclusive range of 128-bit numbers (IPv4 in its own
 * family). Parsing accepts only literals: a host name is never looked up.
 */
public record IpRange(Family family, BigInteger first, BigInteger last) {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]+");

    public enum Family {
        IPV4(32), IPV6(128);

        private final int bits;

        Family(int bits) {
            this.bits = bits;
        }

        public int bits() {
            return bits;
        }
    }

    /** Parses {@code 10.0.0.0/8}, {@code 192.168.1.7}, {@code 2001:db8::/32} or {@code ::1}; empty if malformed. */
    public static Optional<IpRange> parse(String text) {
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        Optional<ParsedAddress> parsed = parseAddress(address);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        Family family = parsed.get().family();
        int prefix = family.bits();
        if (slash >= 0) {
            String length = trimmed.substring(slash + 1);
            if (!length.matches("\\d{1,3}")) {
                return Optional.empty();
            }
            prefix = Integer.parseInt(length);
            if (prefix > family.bits()) {
                return Optional.empty();
            }
        }
        int hostBits = family.bits() - prefix;
        BigInteger hostMask = BigInteger.ONE.shiftLeft(hostBits).subtract(BigInteger.ONE);
        BigInteger first = parsed.get().value().andNot(hostMask);
        return Optional.of(new IpRange(family, first, first.or(hostMask)));
    }

    /** The number of a client address, with IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) read as IPv4. */
    public static Optional<ParsedAddress> parseAddress(String text) {
        var ipv4 = IPV4.matcher(text);
        if (ipv4.matches()) {
            long value = 0;
            for (int group = 1; group <= 4; group++) {
                int octet = Integer.parseInt(ipv4.group(group));
                if (octet > 255) {
                    return Optional.empty();
                }
                value = value << 8 | octet;
            }
            return Optional.of(new ParsedAddress(Family.IPV4, BigInteger.valueOf(value)));
        }
        String withoutZone = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (!withoutZone.contains(":") || !IPV6_CHARACTERS.matcher(withoutZone).matches()) {
            return Optional.empty();
        }
        try {
            // A literal containing ':' is parsed, never resolved.
            InetAddress address = InetAddress.getByName(withoutZone);
            if (address instanceof Inet4Address mapped) {
                return Optional.of(new ParsedAddress(Family.IPV4, new BigInteger(1, mapped.getAddress())));
            }
            if (address instanceof Inet6Address) {
                return Optional.of(new ParsedAddress(Family.IPV6, new BigInteger(1, address.getAddress())));
            }
            return Optional.empty();
        } catch (UnknownHostException malformed) {
            return Optional.empty();
        }
    }

    public boolean contains(ParsedAddress address) {
        return address.family() == family && first.compareTo(address.value()) <= 0
                && last.compareTo(address.value()) >= 0;
    }

    /** An address as a family and a number. */
    public record ParsedAddress(Family family, BigInteger value) {}
}

package dev.frostgate.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * IPv4/IPv6/CIDR matching, checked property-style against java.net: for random networks and random
 * addresses, membership must equal "the first prefix bits of both byte arrays agree".
 */
class IpRangeTest {
    private final Random random = new Random();

    private static boolean samePrefix(byte[] network, byte[] address, int prefix) {
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((network[bit / 8] & mask) != (address[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** A neighbour of the network, so that matches are common enough to test both outcomes. */
    private byte[] nearby(byte[] network) {
        byte[] address = network.clone();
        address[random.nextInt(address.length)] ^= (byte) (1 << random.nextInt(8));
        return random.nextBoolean() ? address : network.clone();
    }

    @RepeatedTest(20)
    void ipv4CidrMatchingAgreesWithJavaNet() throws Exception {
        for (int sample = 0; sample < 500; sample++) {
            byte[] network = randomBytes(4);
            int prefix = random.nextInt(33);
            String cidr = InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
            IpRange range = IpRange.parse(cidr).orElseThrow();
            byte[] address = nearby(network);
            String text = InetAddress.getByAddress(address).getHostAddress();
            boolean expected = samePrefix(network, address, prefix);
            assertThat(range.contains(IpRange.parseAddress(text).orElseThrow())).as("%s in %s", text, cidr)
                    .isEqualTo(expected);
        }
    }

    @RepeatedTest(20)
    void ipv6CidrMatchingAgreesWithJavaNet() throws Exception {
        for (int sample = 0; sample < 500; sample++) {
            byte[] network = randomBytes(16);
            network[0] = (byte) (network[0] | 0x20); // avoid IPv4-mapped forms, which are IPv4 by design
            int prefix = random.nextInt(129);
            String cidr = InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
            IpRange range = IpRange.parse(cidr).orElseThrow();
            byte[] address = nearby(network);
            address[0] = (byte) (address[0] | 0x20);
            String text = InetAddress.getByAddress(address).getHostAddress();
            boolean expected = samePrefix(network, address, prefix);
            assertThat(range.contains(IpRange.parseAddress(text).orElseThrow())).as("%s in %s", text, cidr)
                    .isEqualTo(expected);
        }
    }

    @RepeatedTest(10)
    void mergedSetsAgreeWithCheckingEveryRange() throws Exception {
        List<IpRange> ranges = new ArrayList<>();
        for (int index = 0; index < 200; index++) {
            byte[] network = randomBytes(4);
            network[0] = 10;
            ranges.add(IpRange.parse(InetAddress.getByAddress(network).getHostAddress() + "/"
                    + (16 + random.nextInt(17))).orElseThrow());
        }
        IpRangeSet set = IpRangeSet.of(ranges);
        assertThat(set.intervals()).isLessThanOrEqualTo(ranges.size());
        for (int sample = 0; sample < 2_000; sample++) {
            byte[] bytes = randomBytes(4);
            bytes[0] = 10;
            IpRange.ParsedAddress address = IpRange.parseAddress(InetAddress.getByAddress(bytes).getHostAddress())
                    .orElseThrow();
            boolean expected = ranges.stream().anyMatch(range -> range.contains(address));
            assertThat(set.contains(address.value())).isEqualTo(expected);
        }
    }

    @Test
    void compressedFullAndMappedForms() {
        IpRange documentation = IpRange.parse("2001:db8::/32").orElseThrow();
        assertThat(documentation.contains(IpRange.parseAddress("2001:0db8:0000:0000:0000:0000:0000:0001").orElseThrow()))
                .isTrue();
        assertThat(documentation.contains(IpRange.parseAddress("2001:db9::1").orElseThrow())).isFalse();
        assertThat(IpRange.parseAddress("::ffff:192.168.1.9").orElseThrow().family()).isEqualTo(IpRange.Family.IPV4);
        assertThat(IpRange.parse("192.168.1.0/24").orElseThrow()
                .contains(IpRange.parseAddress("::ffff:192.168.1.9").orElseThrow())).isTrue();
        assertThat(IpRange.parseAddress("[::1]").orElseThrow().family()).isEqualTo(IpRange.Family.IPV6);
        assertThat(IpRange.parse("0.0.0.0/0").orElseThrow().contains(IpRange.parseAddress("8.8.8.8").orElseThrow()))
                .isTrue();
    }

    @Test
    void malformedEntriesAndHostNamesAreRejectedWithoutLookups() {
        for (String bad : List.of("", "1.2.3", "1.2.3.256", "1.2.3.4/33", "1.2.3.4/", "1.2.3.4/-1", "::1/129",
                "localhost", "example.com", "1.2.3.4.5", "12345::1::2", "::g", "1.2.3.4/8/8")) {
            assertThat(IpRange.parse(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void policiesBlockBeforeAllowingAndJudgeEachFamilyOnItsOwn() {
        CompiledNetworkPolicy policy = CompiledNetworkPolicy.compile("P", List.of("10.0.0.0/8", "2001:db8::/32"),
                List.of("10.1.0.0/16"));
        assertThat(policy.admits("10.2.3.4")).isTrue();
        assertThat(policy.admits("10.1.3.4")).isFalse();
        assertThat(policy.admits("11.0.0.1")).isFalse();
        assertThat(policy.admits("2001:db8::5")).isTrue();
        assertThat(policy.admits("2001:db9::5")).isFalse();
        assertThat(policy.admits("not-an-address")).isFalse();
        CompiledNetworkPolicy ipv4Only = CompiledNetworkPolicy.compile("Q", List.of("0.0.0.0/0"), List.of());
        assertThat(ipv4Only.admits("::1")).isFalse();
        CompiledNetworkPolicy empty = CompiledNetworkPolicy.compile("E", List.of(), List.of());
        assertThat(empty.admits("127.0.0.1")).isFalse();
    }
}

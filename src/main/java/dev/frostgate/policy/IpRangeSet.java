package dev.frostgate.policy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Many ranges of one family merged into sorted, disjoint intervals, so that membership is a binary
 * search: a policy with ten thousand entries costs a login about fourteen comparisons.
 */
final class IpRangeSet {
    private final BigInteger[] starts;
    private final BigInteger[] ends;

    private IpRangeSet(BigInteger[] starts, BigInteger[] ends) {
        this.starts = starts;
        this.ends = ends;
    }

    static IpRangeSet of(Collection<IpRange> ranges) {
        List<IpRange> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparing(IpRange::first));
        List<BigInteger> starts = new ArrayList<>();
        List<BigInteger> ends = new ArrayList<>();
        for (IpRange range : sorted) {
            int lastIndex = ends.size() - 1;
            if (lastIndex >= 0 && range.first().compareTo(ends.get(lastIndex).add(BigInteger.ONE)) <= 0) {
                ends.set(lastIndex, ends.get(lastIndex).max(range.last()));
            } else {
                starts.add(range.first());
                ends.add(range.last());
            }
        }
        return new IpRangeSet(starts.toArray(BigInteger[]::new), ends.toArray(BigInteger[]::new));
    }

    boolean isEmpty() {
        return starts.length == 0;
    }

    int intervals() {
        return starts.length;
    }

    boolean contains(BigInteger address) {
        int low = 0;
        int high = starts.length - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (address.compareTo(starts[middle]) < 0) {
                high = middle - 1;
            } else if (address.compareTo(ends[middle]) > 0) {
                low = middle + 1;
            } else {
                return true;
            }
        }
        return false;
    }
}

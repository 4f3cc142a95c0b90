package hlc.check;

import hlc.model.Cidr;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds overlapping prefixes in O(n log n): sort by first address (widest first on ties), then sweep, keeping
 * the prefix that reaches furthest. Prefixes nest or are disjoint, so a prefix overlaps an earlier one exactly
 * when it starts before the furthest end seen so far; every prefix involved in any overlap is reported at least
 * once, paired with one prefix that contains it (or that it equals).
 */
public final class OverlapFinder {
    private OverlapFinder() {}

    /** A pair of overlapping items: {@code earlier} contains or equals {@code later}. Indices into the input. */
    public record Overlap(int earlier, int later) {}

    public static List<Overlap> find(List<Cidr> cidrs) {
        List<Overlap> out = new ArrayList<>();
        sweep(cidrs, true, out);
        sweep(cidrs, false, out);
        return out;
    }

    private static void sweep(List<Cidr> cidrs, boolean v4, List<Overlap> out) {
        int n = 0;
        Entry[] entries = new Entry[cidrs.size()];
        for (int i = 0; i < cidrs.size(); i++) {
            Cidr c = cidrs.get(i);
            if (c == null || c.isIpv4() != v4) continue;
            entries[n++] = new Entry(i, c.block().getValue(), c.block().getUpperValue());
        }
        Entry[] sorted = Arrays.copyOf(entries, n);
        Arrays.sort(sorted);
        Entry reach = null;
        for (Entry e : sorted) {
            if (reach != null && e.start.compareTo(reach.end) <= 0) {
                out.add(new Overlap(reach.index, e.index));
            }
            if (reach == null || e.end.compareTo(reach.end) > 0) reach = e;
        }
    }

    /**
     * Ordered by first address, then widest first, then input order. A compareTo of its own rather than
     * Comparator.comparing(...).thenComparing(...): those combinators are lambdas inside the JDK that a JDK 25 AOT
     * cache does not hold, and spinning the first of them cost every `hlc check` about 20 ms (bench/RESULTS.md).
     */
    private record Entry(int index, BigInteger start, BigInteger end) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry o) {
            int c = start.compareTo(o.start);
            if (c == 0) c = o.end.compareTo(end);
            return c != 0 ? c : Integer.compare(index, o.index);
        }
    }
}

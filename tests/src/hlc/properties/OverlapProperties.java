package hlc.properties;

import hlc.check.OverlapFinder;
import hlc.diag.SourceFile;
import hlc.diag.Span;
import hlc.model.Cidr;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link OverlapFinder#find} against a brute-force oracle. The prefixes come from small address spaces (subranges
 * of 10.0.0.0/16 and fd00::/112, a few wide blocks around them) so that equal, nested and adjacent prefixes are
 * common; an IPv4-mapped IPv6 block now and then checks that the families are kept apart, and a null entry that
 * missing CIDRs are skipped.
 *
 * <p>Oracle: index i is "involved" when some other index j holds a prefix of the same family that overlaps it
 * ({@link IPAddress#overlaps}). The finder must name exactly the involved indices, and each pair it reports must
 * really overlap, with {@code earlier} containing (or equal to) {@code later} as its contract says.
 */
class OverlapProperties {
    private static final Span SPAN = new Span(new SourceFile(Path.of("x.hl"), "x.hl", ""), 1, 1, 1);

    @Property(tries = 1000)
    void ipv4(@ForAll("ipv4Sets") List<Cidr> cidrs) {
        agreesWithOracle(cidrs);
    }

    @Property(tries = 1000)
    void ipv6(@ForAll("ipv6Sets") List<Cidr> cidrs) {
        agreesWithOracle(cidrs);
    }

    @Property(tries = 1000)
    void mixed(@ForAll("mixedSets") List<Cidr> cidrs) {
        agreesWithOracle(cidrs);
    }

    private static void agreesWithOracle(List<Cidr> cidrs) {
        List<OverlapFinder.Overlap> found = OverlapFinder.find(cidrs);

        Set<Integer> expected = new TreeSet<>();
        for (int i = 0; i < cidrs.size(); i++) {
            for (int j = i + 1; j < cidrs.size(); j++) {
                if (overlap(cidrs.get(i), cidrs.get(j))) {
                    expected.add(i);
                    expected.add(j);
                }
            }
        }

        Set<Integer> named = new TreeSet<>();
        for (OverlapFinder.Overlap o : found) {
            assertTrue(o.earlier() >= 0 && o.earlier() < cidrs.size(), "index out of range: " + o);
            assertTrue(o.later() >= 0 && o.later() < cidrs.size(), "index out of range: " + o);
            assertNotEquals(o.earlier(), o.later(), "a prefix paired with itself: " + o);
            Cidr outer = cidrs.get(o.earlier());
            Cidr inner = cidrs.get(o.later());
            assertNotNull(outer, "a missing CIDR reported: " + o);
            assertNotNull(inner, "a missing CIDR reported: " + o);
            assertTrue(overlap(outer, inner), "reported pair does not overlap: " + outer + " and " + inner);
            assertTrue(outer.block().contains(inner.block()),
                    "`earlier` must contain or equal `later`: " + outer + " and " + inner);
            named.add(o.earlier());
            named.add(o.later());
        }
        assertEquals(expected, named, () -> "indices involved in overlaps; input " + cidrs + ", found " + found);

        Statistics.label("prefixes in an overlap").collect(
                expected.isEmpty() ? "none" : expected.size() * 2 > cidrs.size() ? "over half" : "under half");
    }

    /** The oracle: same family and at least one address in common, by the IP library's own semantics. */
    private static boolean overlap(Cidr a, Cidr b) {
        if (a == null || b == null) return false;
        IPAddress x = a.block();
        IPAddress y = b.block();
        return x.getIPVersion() == y.getIPVersion() && x.overlaps(y);
    }

    // ------------------------------------------------------------------ generators

    @Provide
    Arbitrary<List<Cidr>> ipv4Sets() {
        return density().flatMap(bits -> sets(ipv4(bits)));
    }

    @Provide
    Arbitrary<List<Cidr>> ipv6Sets() {
        return density().flatMap(bits -> sets(ipv6(bits)));
    }

    @Provide
    Arbitrary<List<Cidr>> mixedSets() {
        return density().flatMap(bits -> sets(Arbitraries.oneOf(ipv4(bits), ipv6(bits), mapped(bits))));
    }

    /**
     * How many low address bits a set draws from: 6 (a /26 worth of addresses, nearly everything overlaps) up to
     * 16 (a whole /16, overlaps are rarer). One density per set, so sets with few and with many overlaps both occur.
     */
    private static Arbitrary<Integer> density() {
        return Arbitraries.of(6, 8, 10, 12, 16);
    }

    private static Arbitrary<List<Cidr>> sets(Arbitrary<Cidr> one) {
        Arbitrary<Cidr> withNulls = Arbitraries.frequencyOf(Tuple.of(30, one), Tuple.of(1, Arbitraries.just(null)));
        return withNulls.list().ofMinSize(0).ofMaxSize(40);
    }

    /** An offset below 2^bits and a prefix length for an address family of {@code width} bits, mostly long. */
    private static Arbitrary<int[]> place(int bits, int width) {
        int widest = width - bits;
        Arbitrary<Integer> prefix = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.integers().between(widest, widest + 3)),
                Tuple.of(3, Arbitraries.integers().between(widest + 3, width - 2)),
                Tuple.of(6, Arbitraries.integers().between(Math.max(widest, width - 8), width - 2)),
                Tuple.of(1, Arbitraries.integers().between(width - 1, width)));
        return Combinators.combine(Arbitraries.integers().between(0, (1 << bits) - 1), prefix).as((o, p) -> new int[]{o, p});
    }

    /** Subranges of 10.0.0.0/16 (prefix 16 to 32), and now and then a wide block around or beside them. */
    private static Arbitrary<Cidr> ipv4(int bits) {
        Arbitrary<Cidr> small = place(bits, 32).map(x -> cidr("10.0." + (x[0] >> 8) + "." + (x[0] & 255) + "/" + x[1]));
        Arbitrary<Cidr> wide = Arbitraries.of("0.0.0.0/0", "10.0.0.0/8", "10.0.0.0/15", "10.1.0.0/16", "11.0.0.0/8",
                "9.255.255.255/32").map(OverlapProperties::cidr);
        return Arbitraries.frequencyOf(Tuple.of(40, small), Tuple.of(1, wide));
    }

    /** Subranges of fd00::/112 (prefix 112 to 128), and now and then a wide block around or beside them. */
    private static Arbitrary<Cidr> ipv6(int bits) {
        Arbitrary<Cidr> small = place(bits, 128).map(x -> cidr("fd00::" + Integer.toHexString(x[0]) + "/" + x[1]));
        Arbitrary<Cidr> wide = Arbitraries.of("::/0", "fd00::/8", "fd00::/64", "fd00::/111", "fd00::1:0/112", "fe80::/64")
                .map(OverlapProperties::cidr);
        return Arbitraries.frequencyOf(Tuple.of(40, small), Tuple.of(1, wide));
    }

    /** IPv4-mapped IPv6 blocks over 10.0.0.0/16: IPv6 prefixes that must never be paired with IPv4 ones. */
    private static Arbitrary<Cidr> mapped(int bits) {
        return place(bits, 32).map(x -> cidr("::ffff:10.0." + (x[0] >> 8) + "." + (x[0] & 255) + "/" + (96 + x[1])));
    }

    /** A CIDR as the spec reader builds it: the whole prefix block of what is written. */
    static Cidr cidr(String text) {
        IPAddress a = new IPAddressString(text).getAddress();
        if (a == null) throw new IllegalArgumentException("generator produced a bad CIDR: " + text);
        return new Cidr(a.toPrefixBlock(), SPAN);
    }
}

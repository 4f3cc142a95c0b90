package hlc.check;

import hlc.resolve.PlacedAddress;
import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.model.Cidr;
import hlc.model.Ip;
import hlc.model.Network;
import hlc.resolve.ResolvedSpec;
import inet.ipaddr.IPAddress;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * HL023: an address lies inside the network it is declared on (and a DHCP pool inside its network).
 * HL024: it is not the network's own address or its broadcast address, which no host can use.
 * HL025: a static address is not inside the network's DHCP pool, where the DHCP server could hand it out again.
 */
public final class AddressPlacementCheck implements Check {
    @Override
    public List<Code> codes() {
        return List.of(Code.HL023, Code.HL024, Code.HL025);
    }

    @Override
    public void run(ResolvedSpec ix, Reporter reporter) {
        for (Network n : ix.spec().networks()) {
            if (n.cidr() == null || n.dhcp() == null) continue;
            for (Ip end : List.of(n.dhcp().first(), n.dhcp().last())) {
                if (!n.cidr().contains(end)) {
                    reporter.error(Code.HL023, end.span(), "DHCP pool address " + end + " is outside network `"
                                    + n.name() + "` (" + n.cidr() + ")")
                            .label(n.cidr().span(), "the network's range").emit();
                }
            }
        }
        Map<Cidr, Ends> ends = new IdentityHashMap<>(); // per prefix: every host of a network shares them
        for (PlacedAddress a : ix.placedAddresses()) {
            Network n = a.network() == null ? null : ix.networks().get(a.network().text());
            if (n == null || n.cidr() == null) continue; // an unknown network is reported by ReferenceCheck
            Ip ip = a.ip();
            Cidr prefix = n.prefixOf(ip); // the IPv4 prefix, or the IPv6 one of a dual-stack network
            if (prefix == null) {
                var d = reporter.error(Code.HL023, ip.span(), "address " + ip + " of " + a.owner()
                                + " is outside network `" + n.name() + "` (" + n.prefixes() + ")")
                        .label(n.cidr().span(), "network `" + n.name() + "` is declared here");
                Network home = containing(ix, ip);
                boolean noPrefixOfItsFamily = !ip.value().isIPv4() && n.ipv6() == null && n.cidr().isIpv4();
                d.hint(home != null ? "it lies in network `" + home.name() + "` (" + home.prefixes() + "); did you mean `on "
                        + home.name() + "`?" : noPrefixOfItsFamily ? "network `" + n.name() + "` has no IPv6 prefix: "
                        + "give it one (`ipv6 fd00:5::/64`) or drop the IPv6 address" : "pick an address in " + n.prefixes()).emit();
                continue;
            }
            Ends end = ends.get(prefix);
            if (end == null) ends.put(prefix, end = Ends.of(prefix));
            // A load-balancer pool has its own reserved ends, reported by LoadBalancerPoolCheck (HL028).
            boolean pooled = a.loadBalancer() && n.isLoadBalancerPool();
            if (end.network() != null && !pooled) {
                boolean isNetwork = ip.value().equals(end.network());
                boolean isBroadcast = end.broadcast() != null && ip.value().equals(end.broadcast());
                if (isNetwork || isBroadcast) {
                    reporter.error(Code.HL024, ip.span(), "address " + ip + " of " + a.owner() + " is the "
                                    + (isNetwork ? "network" : "broadcast") + " address of `" + n.name() + "` (" + prefix + ")")
                            .hint("use an address between the first and the last of the range").emit();
                    continue;
                }
            }
            if (a.isStatic() && n.dhcp() != null && n.dhcp().contains(ip)) {
                reporter.error(Code.HL025, ip.span(), "static address " + ip + " of " + a.owner()
                                + " is inside the DHCP pool of `" + n.name() + "` (" + n.dhcp().first() + " to "
                                + n.dhcp().last() + ")")
                        .label(n.dhcp().first().span(), "the DHCP pool is declared here")
                        .hint("pick an address outside the pool, or shrink the pool; the DHCP server may lease it to another device")
                        .emit();
            }
        }
    }

    /**
     * A prefix's reserved ends, worked out once per prefix: its network address, and its broadcast address
     * (IPv4 only; null for IPv6). Both null for /31 and /32 (and IPv6 /127, /128), which have no reserved ends.
     */
    private record Ends(IPAddress network, IPAddress broadcast) {
        static Ends of(Cidr prefix) {
            IPAddress block = prefix.block();
            int bits = block.getBitCount();
            Integer prefixLength = block.getNetworkPrefixLength();
            if (prefixLength != null && prefixLength >= bits - 1) return new Ends(null, null);
            return new Ends(block.getLower().withoutPrefixLength(),
                    block.isIPv4() ? block.getUpper().withoutPrefixLength() : null);
        }
    }

    /** The narrowest declared network that holds the address, for the hint. */
    private static Network containing(ResolvedSpec ix, Ip ip) {
        Network best = null;
        for (Network n : ix.spec().networks()) {
            Cidr p = n.prefixOf(ip);
            if (p != null && (best == null || p.block().getPrefixLength() > best.prefixOf(ip).block().getPrefixLength())) {
                best = n;
            }
        }
        return best;
    }
}

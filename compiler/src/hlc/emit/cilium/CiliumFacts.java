package hlc.emit.cilium;

import hlc.resolve.ResolvedSpec;
import hlc.model.Cluster;
import hlc.model.Device;
import hlc.model.Host;
import hlc.model.Ip;
import hlc.model.Network;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the spec says of Cilium's load-balancer IPAM and how its addresses are announced, read from the model in
 * one place (so that the emitter only turns these records into documents).
 *
 * <p>Two eras are told apart by the networks: a network marked {@code pool loadbalancer} is a routed pool that BGP
 * announces (Cilium hands out any address of it); a load-balancer address on an ordinary network (a node's own
 * LAN) is answered for by one node over ARP, Cilium L2 announcements, and its pool is exactly the fixed addresses
 * the spec gives there.
 */
record CiliumFacts(List<Pool> pools, List<L2Announcement> l2, Bgp bgp) {

    /** A CiliumLoadBalancerIPPool: its blocks, and whether the first and last address of each CIDR are kept back. */
    record Pool(String name, List<Block> blocks, boolean reserveFirstLast) {}

    /** One block of a pool: a CIDR, or a range from {@code start} to {@code stop} (then {@code cidr} is null). */
    record Block(String cidr, String start, String stop) {
        static Block of(String cidr) {
            return new Block(cidr, null, null);
        }
    }

    /** A CiliumL2AnnouncementPolicy for the load balancers of one network: the hosts and links that answer. */
    record L2Announcement(String network, List<String> interfaces, List<String> hosts, boolean allHosts) {}

    /**
     * The cluster's BGP speaker: its ASN, its neighbours, announced from the control-plane nodes, and the address
     * families it announces ({@code IPv4}, and {@code IPv6} too when there is an IPv6 address to announce).
     */
    record Bgp(long asn, List<Peer> peers, List<String> families) {}

    record Peer(String name, String address, long asn) {}

    static CiliumFacts of(ResolvedSpec ix) {
        Cluster c = ix.spec().cluster();
        List<Cluster.LoadBalancer> lbs = c == null ? List.of() : c.loadBalancers();
        List<Pool> pools = new ArrayList<>();
        List<L2Announcement> l2 = new ArrayList<>();
        for (Network n : ix.spec().networks()) {
            if (n.isLoadBalancerPool()) {
                Pool pool = pool(ix, n);
                if (!pool.blocks().isEmpty()) pools.add(pool);
                if (ix.announcement(n).value().equals("l2")) l2.add(announcement(ix, n));
                continue;
            }
            TreeSet<String> addresses = new TreeSet<>();
            Cluster.LoadBalancer onVip = ix.apiLoadBalancerOnVip();
            for (Cluster.LoadBalancer lb : lbs) {
                if (lb == onVip) continue; // Talos's VIP answers for it
                if (lb.network() != null && lb.network().text().equals(n.name().text())) {
                    addresses.add(hostRoute(lb.address()));
                }
            }
            if (addresses.isEmpty()) continue;
            pools.add(new Pool(n.name().text(), addresses.stream().map(Block::of).toList(), false));
            l2.add(announcement(ix, n));
        }
        pools.sort(java.util.Comparator.comparing(Pool::name));
        l2.sort(java.util.Comparator.comparing(L2Announcement::network));
        return new CiliumFacts(pools, l2, bgp(ix, pools));
    }

    /**
     * The blocks of a pool network: the blocks it lists (exactly as written: Cilium keeps no address of a range
     * back); else, for a pool that is a node subnet too, every address of it that nothing else holds, as
     * ranges; else its whole prefixes, without their first and last address (which HL028 keeps fixed addresses off).
     */
    private static Pool pool(ResolvedSpec ix, Network n) {
        String name = n.name().text();
        if (n.isPartialPool()) {
            List<Block> blocks = new ArrayList<>();
            for (Network.PoolBlock b : n.poolBlocks()) {
                blocks.add(b.cidr() != null ? Block.of(b.cidr().text()) : new Block(null, b.first().text(), b.last().text()));
            }
            return new Pool(name, blocks, false);
        }
        List<hlc.model.Cidr> prefixes = new ArrayList<>();
        if (n.cidr() != null) prefixes.add(n.cidr());
        if (n.ipv6() != null) prefixes.add(n.ipv6());
        if (hlc.resolve.AddressesInUse.hasNodes(ix, n)) {
            List<Block> blocks = new ArrayList<>();
            for (hlc.model.Cidr p : prefixes) blocks.addAll(FreeRanges.of(ix, n, p));
            return new Pool(name, blocks, false);
        }
        return new Pool(name, prefixes.stream().map(p -> Block.of(p.text())).toList(), true);
    }

    /** A single address as a one-address block: {@code 192.168.5.231/32}. */
    private static String hostRoute(Ip ip) {
        return ip.text() + (ip.value().isIPv4() ? "/32" : "/128");
    }

    /** The nodes with a link on the network answer ARP for its load-balancer addresses, on that link. */
    private static L2Announcement announcement(ResolvedSpec ix, Network n) {
        TreeSet<String> interfaces = new TreeSet<>();
        TreeSet<String> hosts = new TreeSet<>();
        for (Host h : ix.spec().hosts()) {
            for (Host.Interface i : h.interfaces()) {
                if (i.network() != null && i.network().text().equals(n.name().text())) {
                    interfaces.add(i.name().text());
                    hosts.add(h.name().text());
                }
            }
        }
        boolean all = hosts.size() == ix.hosts().size();
        return new L2Announcement(n.name().text(), List.copyOf(interfaces), List.copyOf(hosts), all);
    }

    private static Bgp bgp(ResolvedSpec ix, List<Pool> pools) {
        Cluster c = ix.spec().cluster();
        if (c == null || c.bgp() == null || c.bgp().asn() == null) return null;
        TreeMap<String, Peer> peers = new TreeMap<>();
        for (Cluster.Peer p : c.bgp().peers()) {
            String address = peerAddress(ix, p);
            if (address == null || p.asn() == null) continue; // HL010/HL032 report these
            String name = p.address().ref() != null ? p.address().ref().text() : "peer-" + p.asn().value();
            peers.put(name + " " + address, new Peer(name, address, p.asn().value()));
        }
        // A dual-stack cluster's IPv6 service addresses, or an IPv6 block of a pool, are only reachable when the
        // sessions carry the IPv6 family too (a session announces only the families its peer config lists).
        boolean ipv6 = ix.cluster().dualStack() || pools.stream().anyMatch(p -> p.blocks().stream().anyMatch(b -> (b.cidr() != null ? b.cidr() : b.start()).contains(":")));
        return new Bgp(c.bgp().asn().value(), List.copyOf(peers.values()), ipv6 ? List.of("IPv4", "IPv6") : List.of("IPv4"));
    }

    /**
     * The address the session goes to: the peer's literal address, else the named device's (or host's) address
     * on a network every control-plane node has, which HL032 demands of one of them.
     */
    private static String peerAddress(ResolvedSpec ix, Cluster.Peer p) {
        if (p.address().address() != null) return p.address().address().text();
        String name = p.address().ref().text();
        List<Ip> candidates = new ArrayList<>();
        Device d = ix.devices().get(name);
        if (d != null) d.addresses().forEach(a -> candidates.add(a.address()));
        Host h = ix.hosts().get(name);
        if (h != null) h.interfaces().stream().map(Host.Interface::address).filter(a -> a != null).forEach(candidates::add);
        List<Host> controlPlanes = ix.spec().hosts().stream().filter(Host::isControlPlane).toList();
        for (Ip ip : candidates) {
            for (Network n : ix.spec().networks()) {
                if (n.cidr() != null && n.cidr().contains(ip)
                        && controlPlanes.stream().allMatch(cp -> cp.hasInterfaceOn(n.name().text()))) {
                    return ip.text();
                }
            }
        }
        return candidates.isEmpty() ? null : candidates.get(0).text();
    }
}

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

    /** A CiliumLoadBalancerIPPool: its blocks as CIDRs, and whether the first and last address are kept back. */
    record Pool(String name, List<String> cidrs, boolean reserveFirstLast) {}

    /** A CiliumL2AnnouncementPolicy for the load balancers of one network: the hosts and links that answer. */
    record L2Announcement(String network, List<String> interfaces, List<String> hosts, boolean allHosts) {}

    /** The cluster's BGP speaker: its ASN and its neighbours, announced from the control-plane nodes. */
    record Bgp(long asn, List<Peer> peers) {}

    record Peer(String name, String address, long asn) {}

    static CiliumFacts of(ResolvedSpec ix) {
        Cluster c = ix.spec().cluster();
        List<Cluster.LoadBalancer> lbs = c == null ? List.of() : c.loadBalancers();
        List<Pool> pools = new ArrayList<>();
        List<L2Announcement> l2 = new ArrayList<>();
        for (Network n : ix.spec().networks()) {
            if (n.isLoadBalancerPool()) {
                List<String> cidrs = new ArrayList<>();
                if (n.cidr() != null) cidrs.add(n.cidr().text());
                if (n.ipv6() != null) cidrs.add(n.ipv6().text());
                // HL028 keeps fixed addresses off a pool's first and last address, so Cilium must not hand them out either
                if (!cidrs.isEmpty()) pools.add(new Pool(n.name().text(), cidrs, true));
                continue;
            }
            TreeSet<String> addresses = new TreeSet<>();
            for (Cluster.LoadBalancer lb : lbs) {
                if (lb.network() != null && lb.network().text().equals(n.name().text())) {
                    addresses.add(hostRoute(lb.address()));
                }
            }
            if (addresses.isEmpty()) continue;
            pools.add(new Pool(n.name().text(), List.copyOf(addresses), false));
            l2.add(announcement(ix, n));
        }
        pools.sort(java.util.Comparator.comparing(Pool::name));
        l2.sort(java.util.Comparator.comparing(L2Announcement::network));
        return new CiliumFacts(pools, l2, bgp(ix));
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

    private static Bgp bgp(ResolvedSpec ix) {
        Cluster c = ix.spec().cluster();
        if (c == null || c.bgp() == null || c.bgp().asn() == null) return null;
        TreeMap<String, Peer> peers = new TreeMap<>();
        for (Cluster.Peer p : c.bgp().peers()) {
            String address = peerAddress(ix, p);
            if (address == null || p.asn() == null) continue; // HL010/HL032 report these
            String name = p.address().ref() != null ? p.address().ref().text() : "peer-" + p.asn().value();
            peers.put(name + " " + address, new Peer(name, address, p.asn().value()));
        }
        return new Bgp(c.bgp().asn().value(), List.copyOf(peers.values()));
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

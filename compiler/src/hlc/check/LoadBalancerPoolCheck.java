package hlc.check;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.model.Cluster;
import hlc.model.Host;
import hlc.model.Ip;
import hlc.model.Network;
import hlc.resolve.ResolvedSpec;
import inet.ipaddr.IPAddress;

import java.util.ArrayList;
import java.util.List;

/**
 * HL023/HL029/HL034: a pool's blocks ({@code pool loadbalancer range A to B}, {@code block CIDR}) lie inside
 * their network, hold no address in use and no DHCP address, and an L2-announced pool has nodes to answer for it.
 * HL027: once the spec has a load-balancer pool ({@code pool loadbalancer}), every load-balancer address comes
 * from a pool, and a pool is never also a node network. HL028: an address in a pool is not the pool's first or
 * last address, which Cilium's LB IPAM never hands out.
 *
 * <p>A spec without pools keeps the L2 style of announcing load balancers on the node network (as the cluster
 * of the architecture page did), so nothing here applies to it. Inside-the-network (HL023) and uniqueness
 * (HL026) are the general address checks.
 */
public final class LoadBalancerPoolCheck implements Check {
    @Override
    public List<Code> codes() {
        return List.of(Code.HL023, Code.HL027, Code.HL028, Code.HL029, Code.HL034, Code.HL007);
    }

    @Override
    public void run(ResolvedSpec ix, Reporter reporter) {
        Cluster c = ix.spec().cluster();
        if (c == null) return;
        for (Network n : ix.spec().networks()) {
            if (n.announce() != null && !n.isLoadBalancerPool()) {
                reporter.error(Code.HL007, n.announce().span(), "network `" + n.name() + "` says how its load-balancer addresses are "
                                + "announced, but it is no load-balancer pool")
                        .hint("add `pool loadbalancer` (the whole network) or `pool loadbalancer range FIRST to LAST`").emit();
            }
            if (n.isLoadBalancerPool()) blocks(ix, n, reporter);
        }
        List<Network> pools = new ArrayList<>(); // a loop, not a stream: see KubernetesNameCheck
        for (Network n : ix.spec().networks()) if (n.isLoadBalancerPool()) pools.add(n);
        if (pools.isEmpty()) return;
        String poolNames = String.join(", ", pools.stream().map(p -> "`" + p.name() + "`").toList());
        for (Network pool : pools) {
            // a pool of blocks lives beside the nodes; a whole-network pool does only when the spec says how it is announced
            if (pool.isPartialPool() || pool.announce() != null) continue;
            for (Host h : ix.spec().hosts()) {
                for (Host.Interface i : h.interfaces()) {
                    if (i.network() != null && i.network().text().equals(pool.name().text())) {
                        reporter.error(Code.HL027, i.network().span(), "interface `" + i.name() + "` of host `"
                                        + h.name() + "` is on `" + pool.name() + "`, a load-balancer pool")
                                .label(pool.pool().span(), "declared a pool here")
                                .hint("a pool's addresses are announced by BGP as /32 routes, not assigned to nodes; "
                                        + "put the interface on the node network, give the pool a `range` inside it, or say "
                                        + "`announce bgp` (or `l2`) to share the whole subnet with the nodes").emit();
                    }
                }
            }
        }
        for (Cluster.LoadBalancer lb : c.loadBalancers()) {
            if (lb == ix.apiLoadBalancerOnVip()) continue; // the VIP's address, announced by Talos: no pool's
            Network n = ix.networks().get(lb.network().text());
            if (n == null || n.cidr() == null) continue; // unknown network: HL010
            if (!n.isLoadBalancerPool()) {
                reporter.error(Code.HL027, lb.network().span(), "load balancer `" + lb.name() + "` is on `" + n.name()
                                + "`, which is not a load-balancer pool")
                        .hint("take its address from the pool" + (pools.size() > 1 ? "s " : " ") + poolNames
                                + " (e.g. `on " + pools.get(0).name() + "`), or add `pool loadbalancer` to `"
                                + n.name() + "` if no node lives on it").emit();
                continue;
            }
            if (n.prefixOf(lb.address()) == null) continue; // HL023
            if (n.isPartialPool()) {
                if (n.poolBlocks().stream().noneMatch(b -> b.contains(lb.address()))) {
                    reporter.error(Code.HL027, lb.address().span(), "address " + lb.address() + " of load balancer `" + lb.name()
                                    + "` is in none of the pool blocks of `" + n.name() + "` ("
                                    + String.join(", ", n.poolBlocks().stream().map(Network.PoolBlock::text).toList()) + ")")
                            .label(n.pool().span(), "the pool is declared here")
                            .hint("Cilium hands out only the pool's addresses: pick one inside a block, or widen the range").emit();
                }
                continue;
            }
            if (!n.cidr().contains(lb.address())) continue; // an IPv6 address: no reserved ends
            String end = reservedEnd(n, lb.address());
            if (end != null) {
                reporter.error(Code.HL028, lb.address().span(), "address " + lb.address() + " of load balancer `"
                                + lb.name() + "` is the " + end + " address of pool `" + n.name() + "` (" + n.cidr() + ")")
                        .hint("Cilium's LB IPAM never hands out the first and last address of a pool; pick one between them")
                        .emit();
            }
        }
    }

    /**
     * The blocks of a pool: inside the network (HL023), clear of each other and of every address something else
     * holds there, DHCP range included (HL029); announced over L2 only where a node is (HL034).
     */
    private static void blocks(ResolvedSpec ix, Network n, Reporter reporter) {
        List<Network.PoolBlock> blocks = n.poolBlocks();
        for (int i = 0; i < blocks.size(); i++) {
            Network.PoolBlock b = blocks.get(i);
            hlc.model.Cidr prefix = n.prefixOf(b.first());
            if (prefix == null || !prefix.contains(b.last())) {
                reporter.error(Code.HL023, b.span(), "pool block " + b.text() + " of network `" + n.name() + "` is outside its "
                                + "prefixes (" + n.prefixes() + ")")
                        .hint("a pool hands out addresses of its own network: pick the block inside " + n.prefixes()).emit();
                continue;
            }
            for (int j = 0; j < i; j++) {
                if (b.overlaps(blocks.get(j))) {
                    reporter.error(Code.HL029, b.span(), "pool block " + b.text() + " overlaps " + blocks.get(j).text()
                                    + " of the same pool")
                            .label(blocks.get(j).span(), "the other block")
                            .hint("merge them into one range").emit();
                }
            }
            for (hlc.resolve.AddressesInUse.Holder h : hlc.resolve.AddressesInUse.on(ix, n)) {
                if (b.contains(h.address())) {
                    reporter.error(Code.HL029, b.span(), "pool block " + b.text() + " of `" + n.name() + "` holds " + h.address()
                                    + ", the address of " + h.what())
                            .label(h.address().span(), "in use here")
                            .hint("Cilium would hand it to a Service too: start or end the range beside it").emit();
                }
            }
            Network.DhcpRange dhcp = n.dhcp();
            if (dhcp != null && b.first().value().getIPVersion() == dhcp.first().value().getIPVersion()
                    && b.first().value().compareTo(dhcp.last().value()) <= 0 && dhcp.first().value().compareTo(b.last().value()) <= 0) {
                reporter.error(Code.HL029, b.span(), "pool block " + b.text() + " of `" + n.name() + "` overlaps its DHCP range "
                                + dhcp.first() + " to " + dhcp.last())
                        .hint("the DHCP server and Cilium would hand out the same addresses: keep the pool outside the DHCP range").emit();
            }
        }
        if (ix.announcement(n).value().equals("l2") && !hlc.resolve.AddressesInUse.hasNodes(ix, n)) {
            hlc.diag.Span at = n.announce() != null ? n.announce().span() : n.pool().span();
            reporter.error(Code.HL034, at, "the load-balancer addresses of `" + n.name() + "` are announced over L2, but no node "
                            + "has an interface on it to answer ARP" + (n.announce() == null ? " (L2 is the default for a pool of blocks without a `bgp` block)" : ""))
                    .hint("put the pool inside a node network, or announce it with `announce bgp` and a cluster `bgp` block").emit();
        }
    }

    /** "first" or "last" when the address is one of the pool's ends; null otherwise (and for /31, /32). */
    private static String reservedEnd(Network pool, Ip ip) {
        IPAddress block = pool.cidr().block();
        Integer prefix = block.getNetworkPrefixLength();
        if (prefix != null && prefix >= block.getBitCount() - 1) return null;
        if (ip.value().equals(block.getLower().withoutPrefixLength())) return "first";
        if (ip.value().equals(block.getUpper().withoutPrefixLength())) return "last";
        return null;
    }
}

package hlc.check;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.model.Cluster;
import hlc.model.Host;
import hlc.model.Ip;
import hlc.model.Network;
import hlc.resolve.ResolvedSpec;
import inet.ipaddr.IPAddress;

import java.util.List;

/**
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
        return List.of(Code.HL027, Code.HL028);
    }

    @Override
    public void run(ResolvedSpec ix, Reporter reporter) {
        Cluster c = ix.spec().cluster();
        if (c == null) return;
        List<Network> pools = ix.spec().networks().stream().filter(Network::isLoadBalancerPool).toList();
        if (pools.isEmpty()) return;
        String poolNames = String.join(", ", pools.stream().map(p -> "`" + p.name() + "`").toList());
        for (Network pool : pools) {
            for (Host h : ix.spec().hosts()) {
                for (Host.Interface i : h.interfaces()) {
                    if (i.network() != null && i.network().text().equals(pool.name().text())) {
                        reporter.error(Code.HL027, i.network().span(), "interface `" + i.name() + "` of host `"
                                        + h.name() + "` is on `" + pool.name() + "`, a load-balancer pool")
                                .label(pool.pool().span(), "declared a pool here")
                                .hint("a pool's addresses are announced by BGP as /32 routes, not assigned to nodes; "
                                        + "put the interface on the node network").emit();
                    }
                }
            }
        }
        for (Cluster.LoadBalancer lb : c.loadBalancers()) {
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
            if (!n.cidr().contains(lb.address())) continue; // HL023
            String end = reservedEnd(n, lb.address());
            if (end != null) {
                reporter.error(Code.HL028, lb.address().span(), "address " + lb.address() + " of load balancer `"
                                + lb.name() + "` is the " + end + " address of pool `" + n.name() + "` (" + n.cidr() + ")")
                        .hint("Cilium's LB IPAM never hands out the first and last address of a pool; pick one between them")
                        .emit();
            }
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

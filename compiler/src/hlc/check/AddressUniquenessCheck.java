package hlc.check;

import hlc.resolve.PlacedAddress;
import hlc.diag.Code;
import hlc.resolve.PlacedAddress.Use;
import hlc.diag.Reporter;
import hlc.resolve.ResolvedSpec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * HL026: no address is given to two things (two hosts, a host and the VIP, a load balancer and the NAS). Both
 * would answer ARP for it, and traffic goes to whichever answered last. One host giving its own address to
 * several of its links is another matter (HL124, a warning): nothing else answers for it, and a ring of
 * point-to-point links (Thunderbolt between three nodes) gives each node one /32 on every ring link by design.
 * That shape, the address on links the spec says are Thunderbolt ones ({@code thunderbolt "0-1.0"}), is not
 * warned about: a thunderbolt-net link is one cable to one peer, and the routed ring (each node's loopback-like
 * address on both its ports, a host route to each peer) is how such rings are built. The same address on two
 * Ethernet links, or on a Thunderbolt and an Ethernet link, is still HL124. A warning can be acknowledged at its
 * place ({@code # hlc:allow HL124 "reason"}), so {@code --strict} stays usable.
 */
public final class AddressUniquenessCheck implements Check {
    @Override
    public List<Code> codes() {
        return List.of(Code.HL026, Code.HL124);
    }

    @Override
    public void run(ResolvedSpec ix, Reporter reporter) {
        Map<String, PlacedAddress> first = new HashMap<>(ix.placedAddresses().size() * 2);
        var inSourceOrder = new java.util.ArrayList<>(ix.placedAddresses());
        var order = ix.sourceOrder();
        inSourceOrder.sort((a, b) -> order.compare(a.ip().span(), b.ip().span()));
        var apiLb = ix.apiLoadBalancerOnVip();
        for (PlacedAddress a : inSourceOrder) {
            PlacedAddress earlier = first.putIfAbsent(a.ip().text(), a);
            if (earlier == null) continue;
            // the API's load balancer on the VIP, said by the endpoint naming it: one address, by design
            if (apiLb != null && isVipAndApiLoadBalancer(a, earlier, apiLb)) continue;
            if (sameHostsLinks(a, earlier)) {
                if (onThunderboltLink(ix, a) && onThunderboltLink(ix, earlier)) continue;
                reporter.warning(Code.HL124, a.ip().span(), "address " + a.ip() + " of " + a.owner()
                                + " is also on another of its links")
                        .label(earlier.ip().span(), "also here")
                        .hint("right for the ports of a Thunderbolt ring, each reaching a peer by a host route: say "
                                + "that both are Thunderbolt links (`thunderbolt \"0-1.0\"` with each one's bus path) and "
                                + "this is no warning; for other point-to-point links acknowledge it with "
                                + "`# hlc:allow HL124 \"reason\"` on the line before. Otherwise give each link its own address")
                        .emit();
                continue;
            }
            var d = reporter.error(Code.HL026, a.ip().span(), "address " + a.ip() + " of " + a.owner()
                            + " is already used by " + earlier.owner())
                    .label(earlier.ip().span(), "first used here");
            PlacedAddress device = a.use() == Use.DEVICE ? a : earlier.use() == Use.DEVICE ? earlier : null;
            boolean gateway = a.use() == Use.GATEWAY || earlier.use() == Use.GATEWAY;
            if (gateway && device != null) {
                d.hint("if this device is the gateway, write `gateway " + device.holder()
                        + "` in the network instead of its address");
            } else {
                d.hint("every address must belong to exactly one host, device, VIP or load balancer");
            }
            d.emit();
        }
    }

    /** Two static interface addresses of one host: the host's own address on two of its links. */
    private static boolean sameHostsLinks(PlacedAddress a, PlacedAddress b) {
        return a.use() == Use.INTERFACE && b.use() == Use.INTERFACE && a.holder().text().equals(b.holder().text());
    }

    /** True when the interface address is on a link the spec says is a Thunderbolt one. */
    private static boolean onThunderboltLink(ResolvedSpec ix, PlacedAddress a) {
        hlc.model.Host h = ix.hosts().get(a.holder().text());
        if (h == null) return false;
        for (hlc.model.Host.Interface i : h.interfaces()) {
            boolean holds = (i.address() != null && i.address().span().equals(a.ip().span()))
                    || (i.ipv6() != null && i.ipv6().span().equals(a.ip().span()));
            if (holds) return i.match().thunderbolt() != null;
        }
        return false;
    }

    private static boolean isVipAndApiLoadBalancer(PlacedAddress a, PlacedAddress b, hlc.model.Cluster.LoadBalancer lb) {
        boolean aVip = a.use() == PlacedAddress.Use.VIP, bVip = b.use() == PlacedAddress.Use.VIP;
        PlacedAddress other = aVip ? b : bVip ? a : null;
        return other != null && other.use() == PlacedAddress.Use.LOAD_BALANCER && other.holder().text().equals(lb.name().text());
    }
}

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
 * would answer ARP for it, and traffic goes to whichever answered last.
 */
public final class AddressUniquenessCheck implements Check {
    @Override
    public List<Code> codes() {
        return List.of(Code.HL026);
    }

    @Override
    public void run(ResolvedSpec ix, Reporter reporter) {
        Map<String, PlacedAddress> first = new HashMap<>();
        var inSourceOrder = new java.util.ArrayList<>(ix.placedAddresses());
        var order = ix.sourceOrder();
        inSourceOrder.sort((a, b) -> order.compare(a.ip().span(), b.ip().span()));
        var apiLb = ix.apiLoadBalancerOnVip();
        for (PlacedAddress a : inSourceOrder) {
            PlacedAddress earlier = first.putIfAbsent(a.ip().text(), a);
            if (earlier == null) continue;
            // the API's load balancer on the VIP, said by the endpoint naming it: one address, by design
            if (apiLb != null && isVipAndApiLoadBalancer(a, earlier, apiLb)) continue;
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

    private static boolean isVipAndApiLoadBalancer(PlacedAddress a, PlacedAddress b, hlc.model.Cluster.LoadBalancer lb) {
        boolean aVip = a.use() == PlacedAddress.Use.VIP, bVip = b.use() == PlacedAddress.Use.VIP;
        PlacedAddress other = aVip ? b : bVip ? a : null;
        return other != null && other.use() == PlacedAddress.Use.LOAD_BALANCER && other.holder().text().equals(lb.name().text());
    }
}

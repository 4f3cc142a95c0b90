package hlc.resolve;

import hlc.model.App;
import hlc.model.Cluster;
import hlc.model.Device;
import hlc.model.Host;
import hlc.model.Ip;
import hlc.model.Network;

import java.util.ArrayList;
import java.util.List;

/**
 * The addresses something other than a load balancer holds on a network: host interfaces (IPv4 and IPv6), the
 * devices' addresses there, the VIP, a literal gateway and the Multus pods' addresses. A load-balancer pool
 * inside that network must hand out none of them (HL029), and a pool that is the whole node subnet is written
 * without them.
 */
public final class AddressesInUse {
    private AddressesInUse() {}

    /** Each address with what holds it ("host `k8s-1`"), in declaration order. */
    public record Holder(Ip address, String what) {}

    public static List<Holder> on(ResolvedSpec ix, Network n) {
        String net = n.name().text();
        List<Holder> out = new ArrayList<>();
        for (Host h : ix.spec().hosts()) {
            for (Host.Interface i : h.interfaces()) {
                if (i.network() == null || !i.network().text().equals(net)) continue;
                if (i.address() != null) out.add(new Holder(i.address(), "host `" + h.name() + "`"));
                if (i.ipv6() != null) out.add(new Holder(i.ipv6(), "host `" + h.name() + "`"));
            }
        }
        for (Device d : ix.spec().devices()) {
            for (Device.Address a : d.addresses()) {
                if (a.network() != null && a.network().text().equals(net)) out.add(new Holder(a.address(), "device `" + d.name() + "`"));
            }
        }
        Cluster c = ix.spec().cluster();
        if (c != null && c.vip() != null && c.vip().network() != null && c.vip().network().text().equals(net)) {
            out.add(new Holder(c.vip().address(), "the cluster's VIP"));
        }
        if (n.gateway() != null && n.gateway().address() != null) out.add(new Holder(n.gateway().address(), "the gateway"));
        for (App a : ix.spec().apps()) {
            for (App.Multus m : a.multus()) {
                if (m.network() != null && m.network().text().equals(net)) out.add(new Holder(m.address(), "app `" + a.name() + "`"));
            }
        }
        return out;
    }

    /** Whether a node has an interface on the network (so L2 announcements can be answered there). */
    public static boolean hasNodes(ResolvedSpec ix, Network n) {
        return ix.spec().hosts().stream().anyMatch(h -> h.hasInterfaceOn(n.name().text()));
    }
}

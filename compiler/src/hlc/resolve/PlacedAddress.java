package hlc.resolve;

import hlc.model.App;
import hlc.model.Cluster;
import hlc.model.Device;
import hlc.model.Host;
import hlc.model.Ip;
import hlc.model.Name;
import hlc.model.Network;
import hlc.model.Spec;

import java.util.ArrayList;
import java.util.List;

/**
 * An address the spec assigns to something on a network: an interface, a device, the VIP, a load balancer, a
 * gateway, a pod's Multus address. The address checks all work on this one list, so a new kind of address is
 * checked by adding it here. {@code use} says what the address is for, as data, so a check decides by it and
 * never by the wording of {@code owner}, which is the phrase the messages show. {@code holder} is the name of
 * the declaration that holds the address (the device, the host, the load balancer...). Worked out once, in
 * {@link ResolvedSpec#placedAddresses()}: the address checks read it, and a test compares it with what the
 * Talos configs are given.
 */
public record PlacedAddress(Ip ip, Name network, Use use, Name holder, String owner) {

    /** What an address is used for. */
    public enum Use {
        GATEWAY, DEVICE, INTERFACE, DHCP_RESERVATION, VIP, LOAD_BALANCER, MULTUS
    }

    /**
     * A DHCP reservation is placed (inside its network, unique) but not static: the DHCP server hands it out,
     * so it may lie inside the DHCP pool.
     */
    public boolean isStatic() {
        return use != Use.DHCP_RESERVATION;
    }

    /** The addresses Cilium's LB IPAM hands out, whose reserved ends are the pool's own rule (HL028). */
    public boolean loadBalancer() {
        return use == Use.LOAD_BALANCER;
    }

    static List<PlacedAddress> collect(Spec s) {
        List<PlacedAddress> out = new ArrayList<>();
        for (Network n : s.networks()) {
            if (n.gateway() != null && n.gateway().address() != null) {
                out.add(new PlacedAddress(n.gateway().address(), n.name(), Use.GATEWAY, n.name(),
                        "the gateway of network `" + n.name() + "`"));
            }
            if (n.ipv6Gateway() != null && n.ipv6Gateway().address() != null) {
                out.add(new PlacedAddress(n.ipv6Gateway().address(), n.name(), Use.GATEWAY, n.name(),
                        "the IPv6 gateway of network `" + n.name() + "`"));
            }
        }
        for (Device d : s.devices()) {
            for (Device.Address a : d.addresses()) {
                out.add(new PlacedAddress(a.address(), a.network(), Use.DEVICE, d.name(), "device `" + d.name() + "`"));
            }
        }
        for (Host h : s.hosts()) {
            for (Host.Interface i : h.interfaces()) {
                if (i.address() != null) {
                    out.add(new PlacedAddress(i.address(), i.network(), i.isDhcp() ? Use.DHCP_RESERVATION : Use.INTERFACE,
                            h.name(), (i.isDhcp() ? "the DHCP reservation of interface `" : "interface `") + i.name()
                                    + "` of host `" + h.name() + "`"));
                }
                if (i.ipv6() != null) { // set by the node itself, DHCPv4 reservation or not
                    out.add(new PlacedAddress(i.ipv6(), i.network(), Use.INTERFACE, h.name(),
                            "the IPv6 address of interface `" + i.name() + "` of host `" + h.name() + "`"));
                }
            }
        }
        Cluster c = s.cluster();
        if (c != null) {
            if (c.vip() != null) {
                out.add(new PlacedAddress(c.vip().address(), c.vip().network(), Use.VIP, c.name(),
                        "the VIP of cluster `" + c.name() + "`"));
            }
            for (Cluster.LoadBalancer lb : c.loadBalancers()) {
                out.add(new PlacedAddress(lb.address(), lb.network(), Use.LOAD_BALANCER, lb.name(),
                        "load balancer `" + lb.name() + "`"));
            }
        }
        for (App a : s.apps()) {
            for (App.Multus m : a.multus()) {
                out.add(new PlacedAddress(m.address(), m.network(), Use.MULTUS, a.name(),
                        "the Multus address of app `" + a.name() + "`"));
            }
        }
        return out;
    }
}

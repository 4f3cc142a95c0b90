package hlc.check;

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
 * checked by adding it here. A DHCP reservation is placed (inside its network, unique) but not static: the DHCP
 * server hands it out, so it may lie inside the DHCP pool. {@code loadBalancer} marks the addresses Cilium's
 * LB IPAM hands out, whose reserved ends are the pool's own rule (HL028).
 */
record PlacedAddress(Ip ip, Name network, String owner, boolean isStatic, boolean loadBalancer) {

    PlacedAddress(Ip ip, Name network, String owner, boolean isStatic) {
        this(ip, network, owner, isStatic, false);
    }


    static List<PlacedAddress> collect(Spec s) {
        List<PlacedAddress> out = new ArrayList<>();
        for (Network n : s.networks()) {
            if (n.gateway() != null && n.gateway().address() != null) {
                out.add(new PlacedAddress(n.gateway().address(), n.name(), "the gateway of network `" + n.name() + "`", true));
            }
            if (n.ipv6Gateway() != null && n.ipv6Gateway().address() != null) {
                out.add(new PlacedAddress(n.ipv6Gateway().address(), n.name(), "the IPv6 gateway of network `" + n.name() + "`", true));
            }
        }
        for (Device d : s.devices()) {
            for (Device.Address a : d.addresses()) {
                out.add(new PlacedAddress(a.address(), a.network(), "device `" + d.name() + "`", true));
            }
        }
        for (Host h : s.hosts()) {
            for (Host.Interface i : h.interfaces()) {
                if (i.address() != null) {
                    out.add(new PlacedAddress(i.address(), i.network(),
                            (i.isDhcp() ? "the DHCP reservation of interface `" : "interface `") + i.name()
                                    + "` of host `" + h.name() + "`", !i.isDhcp()));
                }
                if (i.ipv6() != null) { // set by the node itself, DHCPv4 reservation or not
                    out.add(new PlacedAddress(i.ipv6(), i.network(), "the IPv6 address of interface `" + i.name()
                            + "` of host `" + h.name() + "`", true));
                }
            }
        }
        Cluster c = s.cluster();
        if (c != null) {
            if (c.vip() != null) {
                out.add(new PlacedAddress(c.vip().address(), c.vip().network(), "the VIP of cluster `" + c.name() + "`", true));
            }
            for (Cluster.LoadBalancer lb : c.loadBalancers()) {
                out.add(new PlacedAddress(lb.address(), lb.network(), "load balancer `" + lb.name() + "`", true, true));
            }
        }
        for (App a : s.apps()) {
            for (App.Multus m : a.multus()) {
                out.add(new PlacedAddress(m.address(), m.network(), "the Multus address of app `" + a.name() + "`", true));
            }
        }
        return out;
    }
}

package hlc.check;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.model.Cluster;
import hlc.model.Device;
import hlc.model.Host;
import hlc.model.Ip;
import hlc.model.Network;
import hlc.resolve.ResolvedSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * HL032: every BGP peer is reachable on a network all control-plane nodes have an interface on. Cilium's BGP
 * control plane opens the session from each node it runs on (the control planes, here), without a route to a
 * router elsewhere: a peer off the node networks never comes up, and no load-balancer address is announced.
 * (An ASN out of range, HL031, is reported as the number is read.)
 */
public final class BgpCheck implements Check {
    @Override
    public List<Code> codes() {
        return List.of(Code.HL031, Code.HL032);
    }

    @Override
    public void run(ResolvedSpec ix, Reporter reporter) {
        Cluster c = ix.spec().cluster();
        if (c == null || c.bgp() == null) return;
        List<Host> controlPlanes = ix.spec().hosts().stream().filter(Host::isControlPlane).toList();
        List<Network> shared = new ArrayList<>();
        for (Network n : ix.spec().networks()) {
            if (n.cidr() != null && !controlPlanes.isEmpty()
                    && controlPlanes.stream().allMatch(h -> h.hasInterfaceOn(n.name().text()))) {
                shared.add(n);
            }
        }
        for (Cluster.Peer p : c.bgp().peers()) {
            if (p.via() != null) {
                routed(p, ix, controlPlanes, reporter);
                continue;
            }
            List<Ip> addresses = addressesOf(p, ix);
            if (addresses == null) continue; // unknown device: HL010
            if (addresses.isEmpty()) {
                reporter.error(Code.HL032, p.address().span(), "BGP peer `" + p.address().ref() + "` has no address")
                        .hint("give the device an `address ... on NETWORK` on a node network, or write the peer's address")
                        .emit();
                continue;
            }
            if (controlPlanes.isEmpty()) continue; // no nodes: HL060
            boolean reachable = addresses.stream().anyMatch(ip -> shared.stream().anyMatch(n -> n.cidr().contains(ip)));
            if (!reachable) {
                var d = reporter.error(Code.HL032, p.address().span(), "BGP peer " + describe(p, addresses)
                        + " is not on a network every control-plane node has");
                d.hint(shared.isEmpty() ? "the control-plane nodes share no network; give them an interface on the router's network"
                        : "peer with the router's address on " + String.join(" or ",
                        shared.stream().map(n -> "`" + n.name() + "` (" + n.cidr() + ")").toList())).emit();
            }
        }
    }

    /**
     * A peer said to be the router of a node network ({@code via NET}): the session leaves each control plane by
     * its default route on NET, so every control plane has an interface there and the network gives that route
     * (its {@code gateway}, or DHCP on each of those interfaces). The router delivers the session's packets to its
     * own address on another network without forwarding them, so Cilium's default TTL of 1 reaches it. A peer
     * that names a device is that router: when the network's gateway names another one, the peer is not.
     */
    private static void routed(Cluster.Peer p, ResolvedSpec ix, List<Host> controlPlanes, Reporter reporter) {
        Network net = ix.networks().get(p.via().text());
        if (net == null || controlPlanes.isEmpty()) return; // HL010 / HL060
        if (addressesOf(p, ix) == null) return; // unknown device: HL010
        if (addressesOf(p, ix).isEmpty()) {
            reporter.error(Code.HL032, p.address().span(), "BGP peer `" + p.address().ref() + "` has no address")
                    .hint("give the device an `address ... on NETWORK`, or write the peer's address").emit();
            return;
        }
        String peer = p.address().address() != null ? p.address().address().text() : "`" + p.address().ref() + "`";
        List<String> off = controlPlanes.stream().filter(h -> !h.hasInterfaceOn(net.name().text())).map(h -> h.name().text()).toList();
        if (!off.isEmpty()) {
            reporter.error(Code.HL032, p.via().span(), "BGP peer " + peer + " is reached via `" + net.name()
                            + "`, but control-plane node" + (off.size() == 1 ? " " : "s ") + String.join(", ", off)
                            + (off.size() == 1 ? " has" : " have") + " no interface on it")
                    .hint("give every control-plane node an interface on `" + net.name() + "`, or name the network they share").emit();
            return;
        }
        boolean dhcp = controlPlanes.stream().allMatch(h -> h.interfaces().stream().anyMatch(i -> i.network() != null
                && i.network().text().equals(net.name().text()) && i.dhcp() != null && i.dhcp().value()));
        if (net.gateway() == null && !dhcp) {
            reporter.error(Code.HL032, p.via().span(), "BGP peer " + peer + " is reached via `" + net.name()
                            + "`, which gives the nodes no default route")
                    .hint("give `" + net.name() + "` its router (`gateway ADDRESS-or-DEVICE`), or take the nodes' addresses there by `dhcp`").emit();
            return;
        }
        if (p.address().ref() != null && net.gateway() != null && net.gateway().ref() != null
                && !net.gateway().ref().text().equals(p.address().ref().text())) {
            reporter.error(Code.HL032, p.address().span(), "BGP peer `" + p.address().ref() + "` is reached via `" + net.name()
                            + "`, whose router is `" + net.gateway().ref() + "`")
                    .hint("peer with `" + net.gateway().ref() + "`, or drop `via` and peer on a network the nodes share").emit();
        }
    }

    /** The peer's addresses; null when it names a device or host that does not exist. */
    private static List<Ip> addressesOf(Cluster.Peer p, ResolvedSpec ix) {
        if (p.address().address() != null) return List.of(p.address().address());
        String name = p.address().ref().text();
        Device d = ix.devices().get(name);
        if (d != null) return d.addresses().stream().map(Device.Address::address).toList();
        Host h = ix.hosts().get(name);
        if (h != null) return h.interfaces().stream().map(Host.Interface::address).filter(a -> a != null).toList();
        return null;
    }

    private static String describe(Cluster.Peer p, List<Ip> addresses) {
        if (p.address().address() != null) return p.address().address().text();
        return "`" + p.address().ref() + "` (" + String.join(", ", addresses.stream().map(Ip::text).toList()) + ")";
    }
}

package hlc.graph;

import hlc.graph.Graph.Shape;
import hlc.graph.Graph.Style;
import hlc.model.Cluster;
import hlc.model.Device;
import hlc.model.Host;
import hlc.model.Name;
import hlc.model.Network;
import hlc.model.Spec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Networks as groups (name, CIDR, VLAN), each with a node for the segment itself, and the hosts, devices and NAS
 * exports drawn in the network their default route uses. Every interface or address on a network is an edge to
 * that network's node, labelled with the interface and address, so a host on two networks shows both links.
 *
 * <p>The segment node exists because DOT can only draw an edge to a cluster through a node inside it, and
 * because it is where the things that belong to the network itself go: MTU, DHCP pool, the VIP, load balancers.
 */
final class NetworkLayer {
    private final GraphBuilder g;
    private final Spec spec;
    private final Map<String, Network> networks = new LinkedHashMap<>();
    /** "box\0network" for every box drawn attached to a network, so a gateway with no address there still shows. */
    private final Set<String> attached = new HashSet<>();

    NetworkLayer(GraphBuilder g, Spec spec) {
        this.g = g;
        this.spec = spec;
        for (Network n : ByName.sorted(spec.networks(), Network::name)) networks.putIfAbsent(n.name().text(), n);
    }

    void add() {
        for (Network n : networks.values()) network(n);
        for (Host h : ByName.sorted(spec.hosts(), Host::name)) host(h);
        for (Device d : ByName.sorted(spec.devices(), Device::name)) device(d);
        for (Network n : networks.values()) gatewayWithoutAddress(n);
    }

    private void network(Network n) {
        String name = n.name().text();
        String group = g.group(Kind.NETWORK_GROUP, name, Labels.join(name, n.cidr() == null ? null : n.cidr().text(),
                n.ipv6() == null ? null : n.ipv6().text(), n.vlan() == null ? null : "VLAN " + n.vlan().value()));
        List<String> lines = new ArrayList<>();
        lines.add(name);
        addIfPresent(lines, Labels.description(n.description()));
        if (n.mtu() != null) lines.add("MTU " + n.mtu().value());
        if (n.dhcp() != null) lines.add("DHCP " + n.dhcp().first() + " – " + n.dhcp().last());
        for (Cluster c : spec.clusters()) {
            // with several clusters, each VIP and load balancer says whose it is
            String of = spec.clusters().size() > 1 ? " (" + c.name() + ")" : "";
            if (c.vip() != null && name.equals(c.vip().network().text())) lines.add("VIP " + c.vip().address() + of);
            for (Cluster.LoadBalancer lb : ByName.sorted(c.loadBalancers(), Cluster.LoadBalancer::name)) {
                if (name.equals(lb.network().text())) lines.add("LB " + lb.name() + " " + lb.address() + of);
            }
        }
        String node = g.node(Kind.NETWORK, name, Shape.HEXAGON, group, lines);
        if (n.gateway() != null && n.gateway().address() != null) {
            String gw = g.node(Kind.GATEWAY, name, Shape.ROUNDED, group, List.of("gateway", n.gateway().address().text()));
            g.edge(gw, node, "", Style.SOLID);
        }
    }

    private void host(Host h) {
        List<String> on = h.interfaces().stream().filter(i -> i.network() != null).map(i -> i.network().text()).toList();
        String gpu = h.gpu() == null ? null : Labels.join("GPU " + h.gpu().driver(), Labels.text(h.gpu().model()));
        List<String> lines = new ArrayList<>(List.of(h.name().text(),
                Labels.join(h.role() == null ? null : h.role().value().word(), Labels.modelShort(Labels.text(h.model()))),
                gpu == null ? "" : gpu));
        // What else is in the box, when the spec says: the CPU and the USB devices plugged in (a Zigbee stick).
        String hardware = Labels.join(Labels.modelShort(Labels.text(h.cpu())),
                h.usbDevices().isEmpty() ? null : "USB " + String.join(", ", h.usbDevices().stream().map(u -> Labels.modelShort(u.value())).toList()));
        if (!hardware.isEmpty()) lines.add(hardware);
        addIfPresent(lines, Labels.description(h.description()));
        String id = g.node(Kind.HOST, h.name().text(), Shape.BOX, groupOf(on), lines);
        List<Host.Interface> ifaces = h.interfaces().stream().filter(i -> i.network() != null)
                .sorted(Comparator.comparing(i -> i.name().text())).toList();
        for (Host.Interface i : ifaces) {
            String addr = Labels.joinWith(" ", i.name().text(), i.address() == null ? null : i.address().text());
            attach(h.name().text(), id, i.network().text(), Labels.join(addr, Labels.text(i.speed())));
        }
    }

    private void device(Device d) {
        List<String> on = d.addresses().stream().map(a -> a.network().text()).toList();
        String group = groupOf(on);
        List<String> lines = new ArrayList<>(List.of(d.name().text(),
                Labels.join(Labels.text(d.kind()), Labels.modelShort(Labels.text(d.model())))));
        if (!d.serves().isEmpty()) lines.add("serves " + String.join(", ", d.serves().stream().map(Name::text).toList()));
        addIfPresent(lines, Labels.description(d.description()));
        String id = g.node(Kind.DEVICE, d.name().text(), Shape.ROUNDED, group, lines);
        for (Device.Address a : d.addresses()) attach(d.name().text(), id, a.network().text(), a.address().text());
        for (Device.Export e : ByName.sorted(d.exports(), Device.Export::name)) {
            String export = g.node(Kind.EXPORT, Kind.exportName(d.name().text(), e.name().text()), Shape.FOLDER, group,
                    List.of(e.name().text(), Labels.text(e.path()) == null ? "" : Labels.text(e.path())));
            g.edge(id, export, "export", Style.SOLID);
        }
    }

    /** An edge from a box to a network's node; the network's gateway says so on its edge. */
    private void attach(String box, String id, String network, String label) {
        if (!networks.containsKey(network)) return;
        attached.add(box + '\u0000' + network);
        boolean gateway = isGateway(box, networks.get(network));
        g.edge(id, g.id(Kind.NETWORK, network), gateway ? Labels.join(label, "gateway") : label, Style.SOLID);
    }

    /** A gateway named as a device or host that has no address on the network: still linked, as "gateway". */
    private void gatewayWithoutAddress(Network n) {
        if (n.gateway() == null || n.gateway().ref() == null) return;
        String box = n.gateway().ref().text();
        if (attached.contains(box + '\u0000' + n.name().text())) return;
        // The order ReferenceCheck resolves a gateway in: a device first, then a host.
        boolean device = spec.devices().stream().anyMatch(d -> d.name().text().equals(box));
        boolean host = spec.hosts().stream().anyMatch(h -> h.name().text().equals(box));
        if (device || host) {
            g.edge(g.id(device ? Kind.DEVICE : Kind.HOST, box), g.id(Kind.NETWORK, n.name().text()), "gateway", Style.SOLID);
        }
    }

    private static void addIfPresent(List<String> lines, String line) {
        if (line != null) lines.add(line);
    }

    private static boolean isGateway(String box, Network n) {
        return box != null && n.gateway() != null && n.gateway().ref() != null && n.gateway().ref().text().equals(box);
    }

    /**
     * The group a box is drawn in: the network its default route uses (one with a gateway), else the first
     * attached network by name; none when it is attached to no declared network.
     */
    private String groupOf(List<String> attachedTo) {
        return attachedTo.stream().filter(networks::containsKey).distinct()
                .min(Comparator.comparing((String n) -> networks.get(n).gateway() == null).thenComparing(n -> n))
                .map(n -> g.id(Kind.NETWORK_GROUP, n)).orElse(null);
    }
}

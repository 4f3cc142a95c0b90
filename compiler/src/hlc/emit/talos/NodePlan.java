package hlc.emit.talos;

import hlc.model.Cidr;
import hlc.model.Cluster;
import hlc.model.Host;
import hlc.model.Ip;
import hlc.model.Network;
import hlc.model.Target;
import hlc.resolve.ClusterSettings;
import hlc.resolve.ResolvedSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a node's Talos configuration must say, worked out from the model once, independent of the config's form:
 * its role, addresses with prefixes, default route, DNS servers, the VIP interface, bond members, extensions,
 * and what only the multi-document form writes: link aliases, DHCP, VLANs, labels, taints and volumes.
 */
record NodePlan(String hostname, boolean controlPlane, String installDisk, List<Link> links, List<String> nameservers,
                List<String> nodeSubnets, Schematic schematic, List<Alias> aliases, Map<String, String> labels,
                Map<String, String> taints, List<Volume> volumes, List<Volume> userVolumes) {

    /** A Talos volume: its name, the CEL expression selecting its disk, and its size bounds (Talos's notation). */
    record Volume(String name, String diskMatch, String minSize, String maxSize, Boolean grow) {}

    /**
     * A configured link: by kernel name or by driver, with its addresses, routes, bond and VIP. {@code specName}
     * and {@code bondMembers} are the names the spec gives the link and its bond's members, whether or not they
     * are selected by driver: the multi-document form names links by alias, the classic form by selector.
     */
    record Link(String name, String driver, List<String> addresses, String gateway, Integer mtu, String bondMode,
                List<String> bondInterfaces, List<String> bondDrivers, String vip, String specName,
                List<String> bondMembers, boolean dhcp, Integer vlanId, String vlanParent, String gateway6) {

        boolean isVlan() {
            return vlanId != null;
        }
    }

    /** A physical link the spec names and selects by its kernel driver (net0 = the e1000e link). */
    record Alias(String name, String driver) {}

    /** Cluster-wide facts every node config repeats. */
    record Cluster(String name, String talosVersion, String kubernetesVersion, String endpoint, List<String> podSubnets,
                   List<String> serviceSubnets, String cni, boolean kubeProxy, boolean scheduleOnControlPlanes,
                   List<String> apiSans, int kubePrismPort, String dnsDomain, List<String> clusterDns,
                   List<String> kernelModules, boolean coreDns) {}

    static Cluster cluster(ResolvedSpec ix) {
        hlc.model.Cluster c = ix.spec().cluster();
        ClusterSettings cs = ix.cluster();
        boolean hasWorkers = !ix.spec().hosts().stream().allMatch(Host::isControlPlane);
        List<String> sans = new ArrayList<>();
        if (c.vip() != null) sans.add(c.vip().address().text());
        if (c.endpoint() != null) sans.add(c.endpoint().text());
        return new Cluster(c.name().text(), c.talos().text(), c.kubernetes().text(), cs.apiEndpoint().url(),
                cs.podSubnets().stream().map(Cidr::text).toList(), cs.serviceSubnets().stream().map(Cidr::text).toList(),
                cs.cni().value().talosName(), cs.kubeProxy().value(), c.workloadsOnControlPlanes(hasWorkers), sans,
                cs.kubePrismPort().value(), cs.clusterDomain().value(),
                c.clusterDns() == null ? List.of() : List.of(c.clusterDns().text()),
                c.kernelModules().stream().map(m -> m.text()).toList(),
                c.coreDns() == null || c.coreDns().value());
    }

    static NodePlan of(Host h, ResolvedSpec ix) {
        hlc.model.Cluster c = ix.spec().cluster();
        Host.Interface primary = ix.primaryInterface(h);
        Network primaryNet = primary == null || primary.network() == null ? null : ix.networks().get(primary.network().text());
        List<String> bondMembers = new ArrayList<>();
        h.interfaces().forEach(i -> { if (i.bond() != null) i.bond().members().forEach(m -> bondMembers.add(m.text())); });
        List<Link> links = new ArrayList<>();
        for (Host.Interface i : h.interfaces()) {
            if (bondMembers.contains(i.name().text())) continue; // configured through its bond
            Network net = i.network() == null ? null : ix.networks().get(i.network().text());
            if (i.address() == null && i.bond() == null && i.mtu() == null && !i.isDhcp() && i.vlan() == null) {
                continue; // nothing to configure
            }
            List<String> addresses = new ArrayList<>();
            // A DHCP reservation's address is the DHCP server's to give: the node asks for it, it does not set it.
            if (i.address() != null && !i.isDhcp() && net != null) addWithPrefix(addresses, i.address(), net);
            // The IPv6 address is the node's own to set: DHCPv4 hands out none.
            if (i.ipv6() != null && net != null) addWithPrefix(addresses, i.ipv6(), net);
            boolean routes = net != null && net == primaryNet;
            String gateway = routes && !i.isDhcp() ? text(ix.gatewayOf(net)) : null;
            String gateway6 = routes && i.ipv6() != null ? text(ix.ipv6GatewayOf(net)) : null;
            Integer mtu = i.mtu() != null ? i.mtu().value() : net != null && net.mtu() != null ? net.mtu().value() : null;
            List<String> memberNames = new ArrayList<>();
            List<String> memberDrivers = new ArrayList<>();
            if (i.bond() != null) {
                for (var m : i.bond().members()) {
                    Host.Interface member = h.interfaces().stream().filter(x -> x.name().text().equals(m.text())).findFirst().orElse(null);
                    if (member != null && member.driver() != null) memberDrivers.add(member.driver().text());
                    else memberNames.add(m.text());
                }
            }
            String vip = h.isControlPlane() && c.vip() != null && i.network() != null
                    && i.network().text().equals(c.vip().network().text()) ? c.vip().address().text() : null;
            boolean byDriver = i.driver() != null && i.bond() == null;
            List<String> members = i.bond() == null ? List.of() : i.bond().members().stream().map(m -> m.text()).toList();
            links.add(new Link(byDriver ? null : i.name().text(), byDriver ? i.driver().text() : null, addresses, gateway,
                    mtu, i.bond() == null ? null : i.bond().mode().text(), memberNames, memberDrivers, vip,
                    i.name().text(), members, i.isDhcp(), i.vlan() == null ? null : i.vlan().id().value(),
                    i.vlan() == null ? null : i.vlan().parent().text(), gateway6));
        }
        // Only the links a configured link or bond uses get an alias: an alias whose driver matches no link, or
        // more than one, is an error on the node.
        List<Alias> aliases = new ArrayList<>();
        for (Host.Interface i : h.interfaces()) {
            if (i.driver() == null || i.bond() != null) continue;
            String name = i.name().text();
            boolean used = bondMembers.contains(name)
                    || links.stream().anyMatch(l -> name.equals(l.specName()) || name.equals(l.vlanParent()));
            if (used) aliases.add(new Alias(name, i.driver().text()));
        }
        List<String> ns = new ArrayList<>();
        if (primaryNet != null) {
            for (Target t : primaryNet.dns()) {
                Ip ip = ix.dnsServerAddress(t, primaryNet.name().text());
                if (ip != null) ns.add(ip.text());
            }
        }
        List<String> ext = h.allExtensions(c.extensions()).stream().map(Schematic::officialName).toList();
        Network nodeNet = c.nodeNetwork() != null ? ix.networks().get(c.nodeNetwork().text()) : primaryNet;
        Map<String, String> labels = new TreeMap<>();
        h.labels().forEach(l -> labels.put(l.key().value(), l.value() == null ? "" : l.value().value()));
        // Talos writes a taint as `key: value:Effect`, the form kubectl prints
        Map<String, String> taints = new TreeMap<>();
        h.taints().forEach(t -> taints.put(t.key().value(), (t.value() == null ? "" : t.value().value())
                + (t.effect() == null ? "" : ":" + t.effect().value())));
        Schematic schematic = new Schematic(ext, c.kernelArgs().stream().map(a -> a.value()).toList());
        return new NodePlan(h.name().text(), h.isControlPlane(),
                ix.installDisk(h).value(), links, ns,
                nodeSubnets(nodeNet, ix.cluster().dualStack()), schematic, aliases,
                labels, taints, h.volumes().stream().map(NodePlan::volume).toList(),
                h.userVolumes().stream().map(NodePlan::volume).toList());
    }

    /**
     * The subnets the kubelet picks the node's addresses from: the node network's IPv4 CIDR, and on a dual-stack
     * cluster its IPv6 prefix too, so the Node gets an InternalIP of each family (kubelet takes one per family).
     */
    private static List<String> nodeSubnets(Network nodeNet, boolean dualStack) {
        if (nodeNet == null || nodeNet.cidr() == null) return List.of();
        if (dualStack && nodeNet.ipv6() != null) return List.of(nodeNet.cidr().text(), nodeNet.ipv6().text());
        return List.of(nodeNet.cidr().text());
    }

    private static Volume volume(Host.Volume v) {
        return new Volume(v.name().text(), v.disk() == null ? null : v.disk().value(),
                v.minSize() == null ? null : v.minSize().text(), v.maxSize() == null ? null : v.maxSize().text(),
                v.grow() == null ? null : v.grow().value());
    }

    /** An address with the length of the network's prefix that holds it (IPv4 or IPv6); none outside both (HL023). */
    private static void addWithPrefix(List<String> out, Ip ip, Network n) {
        Cidr prefix = n.prefixOf(ip);
        if (prefix != null) out.add(ip.text() + "/" + prefix.block().getNetworkPrefixLength());
    }

    private static String text(Ip ip) {
        return ip == null ? null : ip.text();
    }
}

package hlc.emit.talos;

import hlc.check.SpecIndex;
import hlc.model.Cluster;
import hlc.model.Device;
import hlc.model.Host;
import hlc.model.Ip;
import hlc.model.Network;
import hlc.model.Target;

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
                String nodeSubnet, Schematic schematic, List<Alias> aliases, Map<String, String> labels,
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
                List<String> bondMembers, boolean dhcp, Integer vlanId, String vlanParent) {

        boolean isVlan() {
            return vlanId != null;
        }
    }

    /** A physical link the spec names and selects by its kernel driver (net0 = the e1000e link). */
    record Alias(String name, String driver) {}

    /** Cluster-wide facts every node config repeats. */
    record Cluster(String name, String talosVersion, String kubernetesVersion, String endpoint, String podSubnet,
                   String serviceSubnet, String cni, boolean kubeProxy, boolean scheduleOnControlPlanes,
                   List<String> apiSans, int kubePrismPort, String dnsDomain, List<String> clusterDns,
                   List<String> kernelModules, boolean coreDns) {}

    static Cluster cluster(SpecIndex ix) {
        hlc.model.Cluster c = ix.spec().cluster();
        boolean hasWorkers = !ix.spec().hosts().stream().allMatch(Host::isControlPlane);
        // Without a VIP or an endpoint name, the control plane first by name: the order of host blocks must not
        // change the configs.
        String endpointHost = c.vip() != null ? c.vip().address().text()
                : c.endpoint() != null ? c.endpoint().text()
                : ix.spec().hosts().stream().filter(Host::isControlPlane)
                        .min(java.util.Comparator.comparing(h -> h.name().text()))
                        .map(ix::primaryAddress).map(Ip::text).orElse("127.0.0.1");
        String cni = c.cni() == null ? "flannel" : switch (c.cni().text()) {
            case "flannel" -> "flannel";
            default -> "none"; // Cilium or Calico are installed by Flux: Talos must not install one
        };
        boolean kubeProxy = c.kubeProxy() != null ? c.kubeProxy().value() : !"cilium".equals(c.cni() == null ? "" : c.cni().text());
        List<String> sans = new ArrayList<>();
        if (c.vip() != null) sans.add(c.vip().address().text());
        if (c.endpoint() != null) sans.add(c.endpoint().text());
        return new Cluster(c.name().text(), c.talos().text(), c.kubernetes().text(),
                "https://" + bracket(endpointHost) + ":6443",
                c.pods() == null ? "10.244.0.0/16" : c.pods().text(),
                c.services() == null ? "10.96.0.0/12" : c.services().text(),
                cni, kubeProxy, c.workloadsOnControlPlanes(hasWorkers), sans,
                c.kubePrism() == null ? 7445 : c.kubePrism().value(),
                c.clusterDomain() == null ? "cluster.local" : c.clusterDomain().text(),
                c.clusterDns() == null ? List.of() : List.of(c.clusterDns().text()),
                c.kernelModules().stream().map(m -> m.text()).toList(),
                c.coreDns() == null || c.coreDns().value());
    }

    static NodePlan of(Host h, SpecIndex ix) {
        hlc.model.Cluster c = ix.spec().cluster();
        Ip primaryIp = ix.primaryAddress(h);
        Network primaryNet = null;
        for (Host.Interface i : h.interfaces()) {
            if (i.address() != null && i.address().equals(primaryIp) && i.network() != null) primaryNet = ix.networks.get(i.network().text());
        }
        List<String> bondMembers = new ArrayList<>();
        h.interfaces().forEach(i -> { if (i.bond() != null) i.bond().members().forEach(m -> bondMembers.add(m.text())); });
        List<Link> links = new ArrayList<>();
        for (Host.Interface i : h.interfaces()) {
            if (bondMembers.contains(i.name().text())) continue; // configured through its bond
            Network net = i.network() == null ? null : ix.networks.get(i.network().text());
            if (i.address() == null && i.bond() == null && i.mtu() == null && !i.isDhcp() && i.vlan() == null) {
                continue; // nothing to configure
            }
            List<String> addresses = new ArrayList<>();
            // A DHCP reservation's address is the DHCP server's to give: the node asks for it, it does not set it.
            if (i.address() != null && !i.isDhcp() && net != null && net.cidr() != null) {
                addresses.add(i.address().text() + "/" + net.cidr().block().getNetworkPrefixLength());
            }
            String gateway = net != null && net == primaryNet && !i.isDhcp() ? gatewayOf(net, ix) : null;
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
                    i.vlan() == null ? null : i.vlan().parent().text()));
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
                Ip ip = resolve(t, ix);
                if (ip != null) ns.add(ip.text());
            }
        }
        List<String> ext = h.allExtensions(c.extensions()).stream().map(Schematic::officialName).toList();
        Network nodeNet = c.nodeNetwork() != null ? ix.networks.get(c.nodeNetwork().text()) : primaryNet;
        Map<String, String> labels = new TreeMap<>();
        h.labels().forEach(l -> labels.put(l.key().value(), l.value() == null ? "" : l.value().value()));
        // Talos writes a taint as `key: value:Effect`, the form kubectl prints
        Map<String, String> taints = new TreeMap<>();
        h.taints().forEach(t -> taints.put(t.key().value(), (t.value() == null ? "" : t.value().value())
                + (t.effect() == null ? "" : ":" + t.effect().value())));
        Schematic schematic = new Schematic(ext, c.kernelArgs().stream().map(a -> a.value()).toList());
        return new NodePlan(h.name().text(), h.isControlPlane(),
                h.installDisk() == null ? "/dev/sda" : h.installDisk().value(), links, ns,
                nodeNet == null || nodeNet.cidr() == null ? null : nodeNet.cidr().text(), schematic, aliases,
                labels, taints, h.volumes().stream().map(NodePlan::volume).toList(),
                h.userVolumes().stream().map(NodePlan::volume).toList());
    }

    private static Volume volume(Host.Volume v) {
        return new Volume(v.name().text(), v.disk() == null ? null : v.disk().value(),
                v.minSize() == null ? null : v.minSize().text(), v.maxSize() == null ? null : v.maxSize().text(),
                v.grow() == null ? null : v.grow().value());
    }

    private static String gatewayOf(Network n, SpecIndex ix) {
        if (n.gateway() == null) return null;
        Ip ip = resolve(n.gateway(), ix);
        return ip == null ? null : ip.text();
    }

    /** A gateway or DNS server: a literal address, or the address of the named device or host on that network. */
    private static Ip resolve(Target t, SpecIndex ix) {
        if (t.address() != null) return t.address();
        Device d = ix.devices.get(t.ref().text());
        if (d != null) return d.addresses().isEmpty() ? null : d.addresses().get(0).address();
        Host h = ix.hosts.get(t.ref().text());
        return h == null ? null : ix.primaryAddress(h);
    }

    private static String bracket(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }
}

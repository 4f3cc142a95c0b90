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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a node's Talos configuration must say, worked out from the model once, independent of the config's form:
 * its role, addresses with prefixes, default route, DNS servers, the VIP interface, bond members, extensions,
 * and what only the multi-document form writes: link aliases, DHCP, VLANs, labels, taints and volumes.
 */
record NodePlan(String hostname, boolean controlPlane, String installDisk, List<Link> links, List<String> nameservers,
                String nodeSubnet, List<String> nodeIpSubnets, Schematic schematic, List<Alias> aliases, Map<String, String> labels,
                Map<String, String> taints, List<Volume> volumes, List<Volume> userVolumes,
                boolean secureBoot, boolean installDiskDefaulted, Map<String, String> installDiskSelector, List<String> kernelModules,
                Map<String, String> sysctls, List<String> timeServers, Map<String, List<String>> mirrors,
                List<Encrypted> encryptions) {

    /**
     * A system volume the node encrypts with LUKS2 ({@code STATE} or {@code EPHEMERAL}), its key sealed to the TPM
     * ({@code keyName} null) or the bundle's static passphrase of that name.
     */
    record Encrypted(String volume, String keyName) {
        boolean tpm() {
            return keyName == null;
        }
    }

    /**
     * How a physical link is found: by kernel driver, permanent MAC, being physical, bus path (each null/false
     * when not). The classic form writes it as a deviceSelector, the multi-document form as a CEL expression.
     */
    record Selector(String driver, String mac, boolean physical, String busPath) {
        static Selector of(Host.Interface i) {
            Host.LinkMatch m = i.match();
            return new Selector(i.driver() == null ? null : i.driver().text(), m.mac() == null ? null : m.mac().value(),
                    m.physical() != null, m.anyBusPath() == null ? null : m.anyBusPath().value());
        }

        /** The LinkAliasConfig selector: every property given must hold (Talos's CEL link environment). */
        String cel() {
            List<String> all = new ArrayList<>();
            if (driver != null) all.add("link.driver == " + MultiDocument.celString(driver));
            if (mac != null) all.add("mac(link.permanent_addr) == " + MultiDocument.celString(mac));
            if (busPath != null) all.add("glob(" + MultiDocument.celString(busPath) + ", link.bus_path)");
            // an Ethernet link (ARPHRD_ETHER) that is no bond, VLAN or other virtual kind: Talos's `physical`
            if (physical) all.add("link.type == 1 && link.kind == \"\"");
            return String.join(" && ", all);
        }
    }

    /** A static route: destination, gateway ("": a link-scope route), metric (0: none given). */
    record Route(String network, String gateway, int metric) {}

    /** Bond options as Talos spells them; null or 0 when not given. */
    record BondOptions(String lacpRate, String xmitHashPolicy, Integer miimon, Integer updelay, Integer downdelay) {}

    /** A Talos volume: its name, the CEL expression selecting its disk, and its size bounds (Talos's notation). */
    record Volume(String name, String diskMatch, String minSize, String maxSize, Boolean grow) {}

    /**
     * A configured link: by kernel name or by driver, with its addresses, routes, bond and VIP. {@code specName}
     * and {@code bondMembers} are the names the spec gives the link and its bond's members, whether or not they
     * are selected by driver: the multi-document form names links by alias, the classic form by selector.
     */
    record Link(String name, Selector selector, List<String> addresses, String gateway, Integer mtu, String bondMode,
                List<String> bondInterfaces, List<Selector> bondSelectors, String vip, String specName,
                List<String> bondMembers, boolean dhcp, Integer vlanId, String vlanParent, String gateway6,
                BondOptions bondOptions, List<Route> routes, Integer dhcpMetric) {

        boolean isVlan() {
            return vlanId != null;
        }
    }

    /** A physical link the spec names and selects by what it is (net0 = the e1000e link). */
    record Alias(String name, Selector selector) {}

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
        if (c.endpointAddress() != null) sans.add(c.endpointAddress().text());
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
        boolean vipPlaced = false;
        for (Host.Interface i : h.interfaces()) {
            if (bondMembers.contains(i.name().text())) continue; // configured through its bond
            Network net = i.network() == null ? null : ix.networks().get(i.network().text());
            if (i.address() == null && i.bond() == null && i.mtu() == null && !i.isDhcp() && i.vlan() == null
                    && i.routes().isEmpty()) {
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
            List<Selector> memberSelectors = new ArrayList<>();
            if (i.bond() != null) {
                for (var m : i.bond().members()) {
                    Host.Interface member = h.interfaces().stream().filter(x -> x.name().text().equals(m.text())).findFirst().orElse(null);
                    if (member != null && member.selected()) memberSelectors.add(Selector.of(member));
                    else memberNames.add(m.text());
                }
            }
            // The VIP on one link of the node: the first on its network. Two links holding it would be two
            // Layer2VIPConfig documents of one name, which Talos refuses ("duplicate document").
            String vip = h.isControlPlane() && c.vip() != null && !vipPlaced && i.network() != null
                    && i.network().text().equals(c.vip().network().text()) ? c.vip().address().text() : null;
            if (vip != null) vipPlaced = true;
            boolean bySelector = i.selected() && i.bond() == null;
            List<String> members = i.bond() == null ? List.of() : i.bond().members().stream().map(m -> m.text()).toList();
            List<Route> routeList = i.routes().stream().map(r -> new Route(r.network().text(), r.gateway() == null ? "" : r.gateway().text(),
                    r.metric() == null ? 0 : r.metric().value())).toList();
            links.add(new Link(bySelector ? null : i.name().text(), bySelector ? Selector.of(i) : null, addresses, gateway,
                    mtu, i.bond() == null ? null : i.bond().mode().text(), memberNames, memberSelectors, vip,
                    i.name().text(), members, i.isDhcp(), i.vlan() == null ? null : i.vlan().id().value(),
                    i.vlan() == null ? null : i.vlan().parent().text(), gateway6, bondOptions(i.bond()), routeList,
                    i.dhcpMetric() == null ? null : i.dhcpMetric().value()));
        }
        // Only the links a configured link or bond uses get an alias: an alias whose driver matches no link, or
        // more than one, is an error on the node.
        List<Alias> aliases = new ArrayList<>();
        for (Host.Interface i : h.interfaces()) {
            if (!i.selected() || i.bond() != null) continue;
            String name = i.name().text();
            boolean used = bondMembers.contains(name)
                    || links.stream().anyMatch(l -> name.equals(l.specName()) || name.equals(l.vlanParent()));
            if (used) aliases.add(new Alias(name, Selector.of(i)));
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
        // The cluster's kernel arguments and modules are every node's; a host's own are its image's and config's only.
        List<String> kernelArgs = new ArrayList<>();
        c.kernelArgs().forEach(a -> addOnce(kernelArgs, a.value()));
        h.kernelArgs().forEach(a -> addOnce(kernelArgs, a.value()));
        Schematic schematic = new Schematic(ext, kernelArgs, h.overlay() == null ? null : h.overlay().image().value(),
                h.overlay() == null ? null : h.overlay().name().value());
        List<String> modules = new ArrayList<>();
        c.kernelModules().forEach(m -> addOnce(modules, m.text()));
        h.kernelModules().forEach(m -> addOnce(modules, m.text()));
        // A host's sysctl replaces the cluster's of the same key.
        Map<String, String> sysctls = new TreeMap<>();
        c.sysctls().forEach(x -> sysctls.put(x.key().value(), x.value().value()));
        h.sysctls().forEach(x -> sysctls.put(x.key().value(), x.value().value()));
        List<String> time = new ArrayList<>();
        for (hlc.model.Cluster.TimeServer t : c.timeServers()) {
            if (t.hostname() != null) addOnce(time, t.hostname().text());
            else {
                Ip ip = ix.dnsServerAddress(t.target(), primaryNet == null ? null : primaryNet.name().text());
                if (ip != null) addOnce(time, ip.text());
            }
        }
        Map<String, List<String>> mirrors = new TreeMap<>();
        for (hlc.model.Cluster.Mirror m : c.mirrors()) {
            List<String> urls = mirrors.computeIfAbsent(m.registry().text(), k -> new ArrayList<>());
            addOnce(urls, m.url().value());
        }
        var disk = ix.installDisk(h);
        return new NodePlan(h.name().text(), h.isControlPlane(),
                disk == null ? null : disk.value(), links, ns,
                nodeNet == null || nodeNet.cidr() == null ? null : nodeNet.cidr().text(),
                NodeIpSubnets.of(ix.cluster(), nodeNet), schematic, aliases,
                labels, taints, h.volumes().stream().map(NodePlan::volume).toList(),
                h.userVolumes().stream().map(NodePlan::volume).toList(), h.isSecureBoot(), disk != null && disk.isDefault(),
                diskSelector(h.installDiskSelector()), modules, sysctls, time, mirrors,
                hlc.resolve.NodeEncryption.of(ix.spec().cluster(), h).stream()
                        .map(e -> new Encrypted(e.volume().text(), e.tpm() ? null : e.key().value())).toList());
    }

    private static void addOnce(List<String> out, String v) {
        if (!out.contains(v)) out.add(v);
    }

    private static BondOptions bondOptions(Host.Bond b) {
        if (b == null) return new BondOptions(null, null, null, null, null);
        Host.BondOptions o = b.options();
        return new BondOptions(o.lacpRate() == null ? null : o.lacpRate().text(),
                o.xmitHashPolicy() == null ? null : o.xmitHashPolicy().value(),
                o.miimon() == null ? null : o.miimon().value(), o.updelay() == null ? null : o.updelay().value(),
                o.downdelay() == null ? null : o.downdelay().value());
    }

    /** install.diskSelector in Talos's field order and spelling; empty when the disk is given by path. */
    private static Map<String, String> diskSelector(Host.DiskSelector d) {
        Map<String, String> m = new LinkedHashMap<>();
        if (d == null) return m;
        if (d.sizeExpression() != null) m.put("size", d.sizeExpression());
        if (d.model() != null) m.put("model", d.model().value());
        if (d.serial() != null) m.put("serial", d.serial().value());
        if (d.type() != null) m.put("type", d.type().text());
        if (d.wwid() != null) m.put("wwid", d.wwid().value());
        if (d.busPath() != null) m.put("busPath", d.busPath().value());
        return m;
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

package hlc.adopt;

import hlc.emit.talos.Schematic;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes what {@link TalosCluster} says as the spec's networks, the Talos part of its cluster block and one
 * {@code host} per node. Networks are the subnets the nodes' addresses and kubelet node IP say (each named
 * after its prefix, {@code net-192-168-43}, for the user to rename); what is common to every node (kernel
 * arguments, modules, extensions) goes to the cluster, the rest to its host.
 */
final class TalosSpecWriter {
    /** A MAC address a link can be selected by ({@code mac} on an interface); a glob or partial one stays a comment. */
    private static final java.util.regex.Pattern MAC = java.util.regex.Pattern.compile("[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}");
    private static final Pattern SIZE = Pattern.compile("\\d+(\\.\\d+)?(B|KB|MB|GB|TB|PB|KiB|MiB|GiB|TiB|PiB)");
    private static final Pattern VERSION = Pattern.compile("v\\d+(\\.\\d+)+(-[a-zA-Z0-9.]+)?");

    private final TalosCluster c;
    /** Network name → CIDR, in the order first met. */
    private final Map<String, String> networks = new LinkedHashMap<>();
    private final Map<String, String> gateways = new LinkedHashMap<>();
    private final Map<String, Integer> vlans = new LinkedHashMap<>();
    private final boolean classic;

    TalosSpecWriter(TalosCluster cluster) {
        this.c = cluster;
        this.classic = c.talosVersion != null && VERSION.matcher(c.talosVersion).matches() && minor(c.talosVersion) < 12;
        if (c.nodeSubnet != null) network(c.nodeSubnet);
        for (TalosNode n : c.nodes) {
            for (TalosNode.Link l : n.links.values()) {
                for (String a : l.addresses) {
                    String net = network(a);
                    if (net != null && l.gateway != null && contains(networks.get(net), l.gateway)) gateways.put(net, l.gateway);
                    if (net != null && l.vlanId != null) vlans.put(net, l.vlanId);
                }
            }
        }
    }

    private static int minor(String v) {
        String[] p = v.substring(1).split("[.-]");
        return p.length > 1 ? Integer.parseInt(p[1]) : 0;
    }

    /** The network of an address with its prefix (or a CIDR), added once; null when it is no IPv4/IPv6 prefix. */
    private String network(String addressWithPrefix) {
        IPAddress a = new IPAddressString(addressWithPrefix).getAddress();
        if (a == null || a.getNetworkPrefixLength() == null) return null;
        IPAddress block = a.toPrefixBlock();
        String cidr = block.toCanonicalString();
        for (var e : networks.entrySet()) if (e.getValue().equals(cidr)) return e.getKey();
        String base = block.getLower().withoutPrefixLength().toCanonicalString();
        String name = "net-" + base.replaceAll("(\\.0)+$", "").replace('.', '-').replace(':', '-').replaceAll("-+$", "");
        if (block.getNetworkPrefixLength() % 8 != 0) name += "-" + block.getNetworkPrefixLength();
        networks.put(name, cidr);
        return name;
    }

    private static boolean contains(String cidr, String address) {
        IPAddress n = new IPAddressString(cidr).getAddress();
        IPAddress a = new IPAddressString(address).getAddress();
        return n != null && a != null && n.contains(a);
    }

    private String networkOf(String address) {
        for (var e : networks.entrySet()) if (contains(e.getValue(), address)) return e.getKey();
        return null;
    }

    /** Network name → CIDR, as {@link #networks} writes them. */
    Map<String, String> networkCidrs() {
        return java.util.Collections.unmodifiableMap(networks);
    }

    /** @param extra a network's further lines (a load-balancer pool beside the nodes), or null for none */
    void networks(SpecText t, java.util.function.Function<String, String> extra) {
        for (var e : networks.entrySet()) {
            t.blank();
            t.line(0, "network " + e.getKey() + " {");
            t.line(1, "cidr " + e.getValue());
            if (gateways.containsKey(e.getKey())) t.line(1, "gateway " + gateways.get(e.getKey()));
            if (vlans.containsKey(e.getKey())) t.line(1, "vlan " + vlans.get(e.getKey()));
            String more = extra.apply(e.getKey());
            if (more != null) t.line(1, more);
            t.line(0, "}");
        }
    }

    /** The Talos attributes of the cluster block. */
    void clusterAttributes(SpecText t, boolean cilium) {
        if (c.talosVersion != null && VERSION.matcher(c.talosVersion).matches()) t.line(1, "talos " + c.talosVersion);
        if (c.kubernetesVersion != null && VERSION.matcher(c.kubernetesVersion).matches()) t.line(1, "kubernetes " + c.kubernetesVersion);
        endpoint(t);
        if (c.nodeSubnet != null && networkOf(c.nodeSubnet.replaceAll("/.*", "")) != null) {
            t.line(1, "node-network " + networkOf(c.nodeSubnet.replaceAll("/.*", "")));
        }
        if (c.cni != null) t.line(1, "cni " + (c.cni.equals("none") ? (cilium ? "cilium" : "none") : c.cni));
        if (c.kubeProxy != null) t.line(1, "kube-proxy " + c.kubeProxy);
        if (c.coreDns != null) t.line(1, "coredns " + c.coreDns);
        if (!c.nodes.isEmpty()) t.line(1, "control-plane-workloads " + Boolean.TRUE.equals(c.controlPlaneWorkloads));
        if (c.pods != null) t.line(1, "pods " + c.pods);
        if (c.services != null) t.line(1, "services " + c.services);
        if (c.clusterDomain != null) t.line(1, "cluster-domain " + c.clusterDomain);
        if (c.kubePrism != null) t.line(1, "kubeprism " + c.kubePrism);
        for (String a : common(n -> n.kernelArgs)) {
            if (Schematic.isPlainKernelArg(a)) t.line(1, "kernel-arg " + SpecText.quote(a));
            else t.notImported(1, "kernel argument " + a + " (" + c.where(a) + "): hlc computes the schematic ID only for arguments YAML reads as plain text");
        }
        for (String m : common(n -> n.kernelModules)) {
            if (SpecText.isName(m)) t.line(1, "kernel-module " + m);
            else t.notImported(1, "kernel module " + m + " (" + c.where("name: " + m) + ")");
        }
        for (String e : common(n -> n.extensions)) t.line(1, "extension " + SpecText.quote(e));
        if (!c.vaultReferences.isEmpty()) {
            String first = c.vaultReferences.get(0);
            String vault = first.substring(0, first.indexOf("://") + 3) + first.substring(first.indexOf("://") + 3).replaceAll("/.*", "/…");
            t.comment(1, "The machine configs take " + c.vaultReferences.size() + " secrets from the secret manager (" + vault
                    + "): references only, none copied. hlc takes the cluster's secrets from a `talosctl gen secrets` bundle (`secrets \"…\"`).");
        }
        for (String n : c.notes) t.comment(1, n + ".");
        for (String u : c.unsaid) t.notImported(1, u);
    }

    /**
     * The DNS name of the API endpoint when the spec can say it: a name (not an address, not the VIP) on the
     * port hlc writes (6443) that the API's load balancer will carry as its {@code dns} name; else null.
     */
    String endpointName(String apiLoadBalancer) {
        if (c.endpoint == null || apiLoadBalancer == null || c.vip != null) return null;
        if (!c.endpoint.matches("https://[A-Za-z0-9.-]+:6443/?")) return null;
        String host = c.endpoint.replaceFirst("^https://", "").replaceFirst(":6443/?$", "");
        if (new inet.ipaddr.IPAddressString(host).getAddress() != null || !host.contains(".")) return null;
        endpointName = host;
        return host;
    }

    private String endpointName;

    private void endpoint(SpecText t) {
        if (c.endpoint == null) return;
        if (endpointName != null) {
            t.line(1, "endpoint " + endpointName);
            return;
        }
        String host = c.endpoint.replaceFirst("^https?://", "").replaceFirst(":\\d+$", "").replaceFirst("/.*$", "");
        if (c.vip != null && host.equals(c.vip) && networkOf(c.vip) != null) {
            t.line(1, "vip " + c.vip + " on " + networkOf(c.vip));
        } else if (c.vip != null && networkOf(c.vip) != null) {
            t.line(1, "vip " + c.vip + " on " + networkOf(c.vip));
            t.notImported(1, "API endpoint " + c.endpoint + " (" + c.where(c.endpoint) + "): hlc's endpoint is the VIP");
        } else {
            t.notImported(1, "API endpoint " + c.endpoint + " (" + c.where(c.endpoint) + "): `endpoint " + host
                    + "` needs a load balancer or device with that dns name in the spec (HL033); add it, then the endpoint");
        }
    }

    private List<String> common(java.util.function.Function<TalosNode, List<String>> f) {
        if (c.nodes.isEmpty()) return List.of();
        Set<String> s = new LinkedHashSet<>(f.apply(c.nodes.get(0)));
        for (TalosNode n : c.nodes) s.retainAll(f.apply(n));
        return new ArrayList<>(s);
    }

    /** The spec's name of a node: its hostname, or the first label of a dotted one ({@code m0.k8s.internal} → m0). */
    static String hostName(TalosNode n) {
        return SpecText.isName(n.hostname) ? n.hostname : n.hostname.replaceFirst("\\..*$", "");
    }

    private static final Pattern SIZE_EXPRESSION = Pattern.compile("(>=|<=)?\\s*(" + SIZE.pattern() + ")");

    /**
     * A disk picked by Talos's install disk selector, in the words of {@code install-disk { … }}: the fields hlc
     * writes back (size, model, serial, type, wwid, busPath); any other is a comment.
     */
    private void installDiskSelector(SpecText t, TalosNode n) {
        List<String> words = new ArrayList<>(), unsaid = new ArrayList<>();
        n.installDiskSelector.forEach((k, v) -> {
            java.util.regex.Matcher size = SIZE_EXPRESSION.matcher(v.strip());
            switch (k) {
                case "size" -> {
                    if (!size.matches()) unsaid.add("install disk size `" + v + "` (" + n.where(v) + "): hlc says a size, `>= SIZE` or `<= SIZE`");
                    else words.add((size.group(1) == null ? "size " : size.group(1).equals(">=") ? "min-size " : "max-size ") + size.group(2));
                }
                case "model", "serial", "wwid" -> words.add(k + " " + SpecText.quote(v));
                case "busPath" -> words.add("bus-path " + SpecText.quote(v));
                case "type" -> {
                    if (Set.of("ssd", "hdd", "nvme", "sd").contains(v)) words.add("type " + v);
                    else unsaid.add("install disk type " + v + " (" + n.where(v) + ")");
                }
                default -> unsaid.add("install disk selector " + k + ": " + v + " (" + n.where(k) + "): hlc selects by size, model, serial, type, wwid and bus path");
            }
        });
        for (String u : unsaid) t.notImported(1, u);
        if (words.isEmpty()) return; // an empty selector is HL007: hlc's default disk, and the comments say why
        t.line(1, "install-disk {");
        for (String w : words) t.line(2, w);
        t.line(1, "}");
    }

    void hosts(SpecText t) {
        List<String> cArgs = common(n -> n.kernelArgs), cMods = common(n -> n.kernelModules), cExt = common(n -> n.extensions);
        for (TalosNode n : c.nodes) {
            t.blank();
            String name = hostName(n);
            t.comment(0, "From " + n.source + ".");
            t.line(0, "host " + name + " {");
            if (!name.equals(n.hostname)) t.notImported(1, "hostname " + n.hostname + " (" + n.source + "): a host is named by a DNS label");
            t.line(1, "role " + n.role);
            if (n.installDisk != null) t.line(1, "install-disk " + SpecText.quote(n.installDisk));
            else if (!n.installDiskSelector.isEmpty()) installDiskSelector(t, n);
            for (String e : n.extensions) if (!cExt.contains(e)) t.line(1, "extension " + SpecText.quote(e));
            for (String a : n.kernelArgs) if (!cArgs.contains(a)) t.notImported(1, "kernel argument " + a + " of this node only (" + n.where(a) + ")");
            for (String m : n.kernelModules) if (!cMods.contains(m)) t.notImported(1, "kernel module " + m + " of this node only (" + n.where("name: " + m) + ")");
            for (var l : n.labels.entrySet()) {
                t.line(1, "label " + SpecText.quote(l.getKey() + "=" + l.getValue()));
            }
            for (var e : n.taints.entrySet()) {
                String v = e.getValue();
                String taint = e.getKey() + "=" + (v.contains(":") ? v : ":" + v);
                t.line(1, "taint " + SpecText.quote(taint));
            }
            interfaces(t, n);
            volumes(t, n);
            for (String u : n.unsaid) t.notImported(1, u);
            t.line(0, "}");
        }
    }

    /** Whether every control-plane node has an interface on the spec's network holding {@code address} (HL032). */
    boolean everyControlPlaneOn(String address) {
        String net = networkOf(address);
        if (net == null) return false;
        return c.nodes.stream().filter(n -> "controlplane".equals(n.role)).allMatch(n -> networksOf(n).contains(net));
    }

    /** The networks a node's interfaces are written on, by the same rules as {@link #interfaces}. */
    private java.util.Set<String> networksOf(TalosNode n) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (TalosNode.Link l : n.links.values()) {
            String net = networkOf(n, l);
            if (net != null) out.add(net);
        }
        return out;
    }

    /** The network a link is written on ({@code interface NAME on NET}), by the rules of {@link #interfaces}; or null. */
    private String networkOf(TalosNode n, TalosNode.Link l) {
        long dhcpLinks = n.links.values().stream().filter(k -> k.dhcp && k.addresses.isEmpty() && k.vlanId == null).count();
        boolean nodeNetOnStatic = n.links.values().stream().flatMap(k -> k.addresses.stream())
                .anyMatch(a -> c.nodeSubnet != null && contains(c.nodeSubnet, a.replaceAll("/.*", "")));
        List<String> v4 = l.addresses.stream().filter(a -> !a.contains(":")).toList();
        if (!v4.isEmpty()) return networkOf(v4.get(0).replaceAll("/.*", ""));
        if (l.dhcp && dhcpLinks == 1 && !nodeNetOnStatic && c.nodeSubnet != null && l.vlanId == null) {
            return networkOf(c.nodeSubnet.replaceAll("/.*", ""));
        }
        return null;
    }

    /**
     * The node network a BGP peer off the nodes' networks is reached through ({@code peer … via NET}): one every
     * control plane has an interface on that gives them their default route, a {@code gateway} or DHCP on each of
     * those links (the kubelet's node subnet first); null when there is none. Cilium opens the session from each
     * control plane, and the repository's router answers at its address on another network.
     */
    String routedNetwork() {
        List<TalosNode> cps = c.nodes.stream().filter(n -> "controlplane".equals(n.role)).toList();
        if (cps.isEmpty()) return null;
        List<String> order = new ArrayList<>(networks.keySet());
        String nodeNet = c.nodeSubnet == null ? null : networkOf(c.nodeSubnet.replaceAll("/.*", ""));
        if (nodeNet != null) {
            order.remove(nodeNet);
            order.add(0, nodeNet);
        }
        for (String net : order) {
            boolean routed = cps.stream().allMatch(n -> n.links.values().stream().anyMatch(l -> net.equals(networkOf(n, l))
                    && (l.dhcp || gateways.containsKey(net))));
            if (routed) return net;
        }
        return null;
    }

    private void interfaces(SpecText t, TalosNode n) {
        long dhcpLinks = n.links.values().stream().filter(l -> l.dhcp && l.addresses.isEmpty() && l.vlanId == null).count();
        boolean nodeNetOnStatic = n.links.values().stream().flatMap(l -> l.addresses.stream())
                .anyMatch(a -> c.nodeSubnet != null && contains(c.nodeSubnet, a.replaceAll("/.*", "")));
        for (TalosNode.Link l : n.links.values()) {
            StringBuilder s = new StringBuilder("interface " + l.name);
            List<String> v4 = l.addresses.stream().filter(a -> !a.contains(":")).toList();
            if (!v4.isEmpty()) {
                String addr = v4.get(0).replaceAll("/.*", "");
                String net = networkOf(addr);
                if (net != null) s.append(" on ").append(net);
                s.append(" address ").append(addr);
            } else if (l.dhcp && dhcpLinks == 1 && !nodeNetOnStatic && c.nodeSubnet != null && l.vlanId == null) {
                s.append(" on ").append(networkOf(c.nodeSubnet.replaceAll("/.*", "")));
            }
            if (l.dhcp) s.append(" dhcp");
            if (l.driver != null && SpecText.isName(l.driver)) s.append(" driver ").append(l.driver);
            // a Thunderbolt bus path (0-1.0) says the link is a thunderbolt-net one: `thunderbolt`, whose MTU may be 65520
            if (l.busPath != null && isThunderboltBusPath(l.busPath)) s.append(" thunderbolt ").append(SpecText.quote(l.busPath));
            else if (l.busPath != null) s.append(" bus-path ").append(SpecText.quote(l.busPath));
            // a whole address is the link's `mac`; one that is not a MAC at all is kept quoted, so the checks say so
            // (HL004) instead of the import hiding a selector that matches no link; a wildcard stays a comment
            boolean byMac = l.hardwareAddr != null && l.bondMode == null && l.vlanId == null && !l.hardwareAddr.matches(".*[*?\\[\"\\\\].*");
            if (byMac) s.append(" mac ").append(MAC.matcher(l.hardwareAddr).matches() ? l.hardwareAddr.toLowerCase() : SpecText.quote(l.hardwareAddr));
            if (l.bondMode != null) {
                s.append(" bond ").append(l.bondMode).append(" [").append(String.join(", ", l.bondLinks)).append("]");
            }
            if (l.vlanId != null && l.parent != null) s.append(" vlan ").append(l.vlanId).append(" of ").append(l.parent);
            if (l.mtu != null) s.append(" mtu ").append(l.mtu);
            for (TalosNode.Route r : l.routes) s.append(" route ").append(r.text());
            t.line(1, s.toString());
            for (String extra : l.addresses.subList(Math.min(1, l.addresses.size()), l.addresses.size())) {
                if (!v4.isEmpty() && extra.equals(v4.get(0))) continue;
                t.notImported(1, "address " + extra + " of " + l.name + " (" + n.where(extra) + "): one address per interface");
            }
            if (l.hardwareAddr != null && !byMac) t.notImported(1, l.name + " is selected by MAC " + l.hardwareAddr + " (" + n.where(l.hardwareAddr) + "): hlc selects a link by its whole MAC, driver or bus path, not by a pattern");
        }
    }

    /** Talos's bus path of a thunderbolt-net link, {@code DOMAIN-ROUTE.SERVICE} (the parser's rule for `thunderbolt`). */
    static boolean isThunderboltBusPath(String busPath) {
        return busPath.matches("[0-9]+-[0-9a-f]+\\.[0-9]+");
    }

    private void volumes(SpecText t, TalosNode n) {
        for (TalosNode.Volume v : n.volumes.values()) {
            // VolumeConfig since Talos v1.8, UserVolumeConfig since v1.10 (hlc.resolve.TalosShape#acceptsBeside)
            if (classic && minor(c.talosVersion) < (v.user() ? 10 : 8)) {
                t.notImported(1, "volume " + v.name() + " (" + n.where("name: " + v.name()) + "): hlc writes volumes for Talos v1.10 and later");
                continue;
            }
            if ((v.minSize() != null && !SIZE.matcher(v.minSize()).matches()) || (v.maxSize() != null && !SIZE.matcher(v.maxSize()).matches())
                    || (!v.user() && !v.name().equals("EPHEMERAL")) || !SpecText.isName(v.name())) {
                t.notImported(1, "volume " + v.name() + " (" + n.where("name: " + v.name()) + ")");
                continue;
            }
            t.line(1, (v.user() ? "user-volume " : "volume ") + v.name() + " {");
            if (v.minSize() != null) t.line(2, "min-size " + v.minSize());
            if (v.maxSize() != null) t.line(2, "max-size " + v.maxSize());
            if (v.disk() != null) t.line(2, "disk " + SpecText.quote(v.disk()));
            if (v.grow()) t.line(2, "grow true");
            t.line(1, "}");
        }
    }
}

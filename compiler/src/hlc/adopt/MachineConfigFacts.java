package hlc.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one node's Talos machine configuration, after its patches are applied, into {@link TalosNode} and
 * {@link TalosCluster}: the classic {@code v1alpha1} document ({@code machine.network.interfaces} with bonds,
 * VLANs and VIPs) and the multi-document form's typed documents (HostnameConfig, LinkAliasConfig, LinkConfig,
 * BondConfig, VLANConfig, DHCPv4Config, Layer2VIPConfig, VolumeConfig, UserVolumeConfig). Settings the language
 * has no words for become notes naming the file and line they came from.
 */
final class MachineConfigFacts {
    private static final Pattern DRIVER = Pattern.compile("link\\.driver\\s*==\\s*[\"']([^\"']+)[\"']");
    /** hlc's own CEL for a bus path ({@code glob("0-1.0", link.bus_path)}), as the multi-document forms write it. */
    private static final Pattern BUS_PATH = Pattern.compile("glob\\(\\s*[\"']([^\"']+)[\"']\\s*,\\s*link\\.bus_path\\s*\\)");
    private static final Pattern IMAGE_TAG = Pattern.compile(":(v\\d+\\.\\d+\\.\\d+[-a-zA-Z0-9.]*)$");
    /** v1alpha1 keys read below; any other key of machine/cluster is noted as not imported. */
    private static final Set<String> MACHINE_READ = Set.of("type", "install", "network", "nodeLabels", "nodeTaints",
            "kernel", "kubelet", "features", "ca", "token", "certSANs");
    private static final Set<String> CLUSTER_READ = Set.of("clusterName", "controlPlane", "network", "proxy", "coreDNS",
            "allowSchedulingOnControlPlanes", "ca", "id", "secret", "token", "aggregatorCA", "etcd", "serviceAccount",
            "secretboxEncryptionSecret");

    private final List<YamlDoc> sources;

    MachineConfigFacts(List<YamlDoc> sources) {
        this.sources = sources;
    }

    /** Where {@code key} is first written in the node's source documents, as {@code file:line}. */
    String where(String key) {
        for (YamlDoc d : sources) {
            int line = d.lineOf(key);
            if (line != d.firstLine() || d.file().line(line).contains(key + ":")) return d.file().displayPath() + ":" + line;
        }
        return sources.isEmpty() ? "?" : sources.get(0).file().displayPath() + ":" + sources.get(0).firstLine();
    }

    void read(List<JsonNode> docs, TalosNode node, TalosCluster cluster) {
        for (JsonNode d : docs) {
            String kind = d.path("kind").asText("");
            if (kind.isEmpty() && (d.has("machine") || d.has("cluster"))) v1alpha1(d, node, cluster);
            else typed(kind, d, node, cluster);
        }
        // a bond's member named by its kernel name with no document of its own (an EthernetConfig only, as buroa's
        // enp5s0f0np0) is still a link of the node: the bond's interface names it
        for (TalosNode.Link l : List.copyOf(node.links.values())) {
            for (String member : l.bondLinks) node.links.computeIfAbsent(member, TalosNode.Link::new);
        }
        // Talos v1.14's multi-document form has no allowSchedulingOnControlPlanes: a control plane takes workloads
        // unless its KubeNodeConfig taints it node-role.kubernetes.io/control-plane (as hlc's v1.14 form writes it).
        boolean kubeNodeConfig = docs.stream().anyMatch(d -> d.path("kind").asText("").equals("KubeNodeConfig"));
        if (kubeNodeConfig && "controlplane".equals(node.role) && cluster.controlPlaneWorkloads == null) {
            boolean tainted = docs.stream().anyMatch(d -> d.path("kind").asText("").equals("KubeNodeConfig")
                    && d.path("taints").has("node-role.kubernetes.io/control-plane"));
            if (!tainted) cluster.controlPlaneWorkloads = true;
        }
    }

    private void v1alpha1(JsonNode d, TalosNode node, TalosCluster cluster) {
        JsonNode m = d.path("machine");
        if (m.has("type")) node.role = m.path("type").asText().equals("worker") ? "worker" : "controlplane";
        if (m.at("/install/disk").isTextual()) node.installDisk = m.at("/install/disk").asText();
        if (m.at("/install/image").isTextual()) node.installImage = m.at("/install/image").asText();
        m.at("/install/diskSelector").fields().forEachRemaining(e -> {
            if (e.getValue().isValueNode()) node.installDiskSelector.put(e.getKey(), e.getValue().asText());
        });
        if (m.at("/kubelet/image").isTextual()) node.kubeletImage = m.at("/kubelet/image").asText();
        if (m.at("/network/hostname").isTextual()) node.hostname = m.at("/network/hostname").asText();
        m.path("nodeLabels").fields().forEachRemaining(e -> node.labels.put(e.getKey(), e.getValue().asText()));
        m.path("nodeTaints").fields().forEachRemaining(e -> node.taints.put(e.getKey(), e.getValue().asText()));
        for (JsonNode mod : m.at("/kernel/modules")) node.kernelModules.add(mod.path("name").asText());
        for (JsonNode s : m.at("/kubelet/nodeIP/validSubnets")) if (cluster.nodeSubnet == null) cluster.nodeSubnet = s.asText();
        if (m.at("/features/kubePrism/enabled").asBoolean(false) && m.at("/features/kubePrism/port").isInt()) {
            cluster.kubePrism = m.at("/features/kubePrism/port").asInt();
        }
        for (JsonNode i : m.at("/network/interfaces")) iface(i, node, cluster);
        for (JsonNode ns : m.at("/network/nameservers")) node.unsaid.add("nameserver " + ns.asText() + " (" + where("nameservers") + ")");
        noteOthers(m, MACHINE_READ, "machine", node.unsaid);
        noteOthers(m.path("network"), Set.of("hostname", "interfaces", "nameservers"), "machine.network", node.unsaid);
        noteOthers(m.path("kubelet"), Set.of("image", "nodeIP"), "machine.kubelet", node.unsaid);
        noteOthers(m.path("install"), Set.of("disk", "image", "diskSelector"), "machine.install", node.unsaid);
        noteOthers(m.path("features"), Set.of("kubePrism"), "machine.features", node.unsaid);

        JsonNode c = d.path("cluster");
        if (c.has("clusterName")) cluster.name = c.path("clusterName").asText();
        // etcd's advertised subnets are the node network too (hlc's `node-network` writes both these and the
        // kubelet's valid subnets): a v1.14 repository whose node patch replaces the KubeNodeConfig keeps them here
        for (JsonNode s : c.at("/etcd/advertisedSubnets")) if (cluster.nodeSubnet == null) cluster.nodeSubnet = s.asText();
        if (c.at("/controlPlane/endpoint").isTextual()) cluster.endpoint = c.at("/controlPlane/endpoint").asText();
        if (c.at("/network/podSubnets/0").isTextual()) cluster.pods = c.at("/network/podSubnets/0").asText();
        if (c.at("/network/serviceSubnets/0").isTextual()) cluster.services = c.at("/network/serviceSubnets/0").asText();
        if (c.at("/network/dnsDomain").isTextual()) cluster.clusterDomain = c.at("/network/dnsDomain").asText();
        if (c.at("/network/cni/name").isTextual()) cluster.cni = c.at("/network/cni/name").asText();
        if (c.at("/proxy/disabled").isBoolean()) cluster.kubeProxy = !c.at("/proxy/disabled").asBoolean();
        if (c.at("/coreDNS/disabled").isBoolean()) cluster.coreDns = !c.at("/coreDNS/disabled").asBoolean();
        if (c.path("allowSchedulingOnControlPlanes").isBoolean()) {
            cluster.controlPlaneWorkloads = c.path("allowSchedulingOnControlPlanes").asBoolean();
        }
        for (String k : List.of("apiServer", "controllerManager", "scheduler", "discovery", "extraManifests", "inlineManifests")) {
            if (c.has(k) && !cluster.unsaid.stream().anyMatch(u -> u.startsWith("cluster." + k + " "))) {
                cluster.unsaid.add("cluster." + k + " (" + where(k) + ")");
            }
        }
        vaultReferences(d, cluster);
    }

    private void iface(JsonNode i, TalosNode node, TalosCluster cluster) {
        String name = i.path("interface").asText(null);
        if (name == null && i.has("deviceSelector")) {
            name = "net" + node.links.size();
            JsonNode sel = i.path("deviceSelector");
            TalosNode.Link l = node.links.computeIfAbsent(name, TalosNode.Link::new);
            if (sel.has("driver")) l.driver = sel.path("driver").asText();
            if (sel.has("hardwareAddr")) l.hardwareAddr = sel.path("hardwareAddr").asText();
            if (sel.has("busPath")) l.busPath = sel.path("busPath").asText();
        }
        if (name == null) return;
        TalosNode.Link l = node.links.computeIfAbsent(name, TalosNode.Link::new);
        for (JsonNode a : i.path("addresses")) l.addresses.add(a.asText());
        if (i.path("dhcp").asBoolean(false)) l.dhcp = true;
        if (i.path("mtu").isInt()) l.mtu = i.path("mtu").asInt();
        for (JsonNode r : i.path("routes")) {
            if (r.path("network").asText().equals("0.0.0.0/0") || !r.has("network")) l.gateway = r.path("gateway").asText(null);
            else l.routes.add(route(r.path("network").asText(), r));
        }
        if (i.at("/vip/ip").isTextual()) cluster.vip = i.at("/vip/ip").asText();
        JsonNode bond = i.path("bond");
        if (bond.isObject()) {
            l.bondMode = bond.path("mode").asText(null);
            for (JsonNode m : bond.path("interfaces")) l.bondLinks.add(m.asText());
            for (JsonNode sel : bond.path("deviceSelectors")) {
                String member = "net" + node.links.size();
                TalosNode.Link ml = node.links.computeIfAbsent(member, TalosNode.Link::new);
                if (sel.has("driver")) ml.driver = sel.path("driver").asText();
                if (sel.has("hardwareAddr")) ml.hardwareAddr = sel.path("hardwareAddr").asText();
                if (sel.has("busPath")) ml.busPath = sel.path("busPath").asText();
                l.bondLinks.add(member);
            }
        }
        for (JsonNode v : i.path("vlans")) {
            int id = v.path("vlanId").asInt();
            TalosNode.Link vl = node.links.computeIfAbsent(name + "." + id, TalosNode.Link::new);
            vl.vlanId = id;
            vl.parent = name;
            for (JsonNode a : v.path("addresses")) vl.addresses.add(a.asText());
            if (v.path("dhcp").asBoolean(false)) vl.dhcp = true;
            if (v.path("mtu").isInt()) vl.mtu = v.path("mtu").asInt();
            if (v.at("/vip/ip").isTextual()) cluster.vip = v.at("/vip/ip").asText();
        }
    }

    private void typed(String kind, JsonNode d, TalosNode node, TalosCluster cluster) {
        String name = d.path("name").asText(null);
        switch (kind) {
            case "HostnameConfig" -> node.hostname = d.path("hostname").asText(node.hostname);
            case "LinkAliasConfig" -> {
                Matcher m = DRIVER.matcher(d.at("/selector/match").asText(""));
                Matcher bus = BUS_PATH.matcher(d.at("/selector/match").asText(""));
                TalosNode.Link l = node.links.computeIfAbsent(name, TalosNode.Link::new);
                if (bus.find()) l.busPath = bus.group(1);
                if (m.find()) l.driver = m.group(1);
                else if (l.busPath == null) node.unsaid.add("link alias " + name + " selected by `" + d.at("/selector/match").asText() + "` (" + where("match") + ")");
            }
            case "LinkConfig", "BondConfig", "VLANConfig", "DummyLinkConfig" -> {
                TalosNode.Link l = node.links.computeIfAbsent(name, TalosNode.Link::new);
                for (JsonNode a : d.path("addresses")) l.addresses.add(a.path("address").asText(a.asText()));
                if (d.path("mtu").isInt()) l.mtu = d.path("mtu").asInt();
                for (JsonNode r : d.path("routes")) {
                    if (!r.has("destination") || r.path("destination").asText().equals("0.0.0.0/0")) l.gateway = r.path("gateway").asText(null);
                    else l.routes.add(route(r.path("destination").asText(), r));
                }
                if (kind.equals("BondConfig")) {
                    l.bondMode = d.path("bondMode").asText(null);
                    for (JsonNode m : d.path("links")) l.bondLinks.add(m.asText());
                }
                if (kind.equals("VLANConfig")) {
                    l.vlanId = d.path("vlanID").asInt();
                    l.parent = d.path("parent").asText(null);
                }
            }
            case "DHCPv4Config" -> node.links.computeIfAbsent(name, TalosNode.Link::new).dhcp = true;
            case "KubeNodeConfig" -> {
                // the kubelet's node subnet is the cluster's node network (`node-network`); labels and taints are
                // not read from this form yet, so the document stays a note when it has more than its node IP
                for (JsonNode s : d.at("/nodeIP/validSubnets")) if (cluster.nodeSubnet == null) cluster.nodeSubnet = s.asText();
                java.util.Set<String> keys = new java.util.HashSet<>();
                d.fieldNames().forEachRemaining(keys::add);
                keys.removeAll(Set.of("apiVersion", "kind", "nodeIP"));
                if (!keys.isEmpty()) node.unsaid.add("document " + kind + " (" + whereKind(kind) + ")");
            }
            case "Layer2VIPConfig" -> cluster.vip = name;
            case "VolumeConfig", "UserVolumeConfig" -> {
                JsonNode p = d.path("provisioning");
                node.volumes.put(name, new TalosNode.Volume(name, kind.equals("UserVolumeConfig"),
                        p.at("/diskSelector/match").asText(null), p.path("minSize").asText(null),
                        p.path("maxSize").asText(null), p.path("grow").asBoolean(false)));
            }
            default -> node.unsaid.add("document " + kind + (name != null ? " " + name : "") + " (" + whereKind(kind) + ")");
        }
        vaultReferences(d, cluster);
    }

    private static TalosNode.Route route(String network, JsonNode r) {
        return new TalosNode.Route(network, r.path("gateway").asText(null), r.path("metric").isInt() ? r.path("metric").asInt() : null);
    }

    private String whereKind(String kind) {
        for (YamlDoc d : sources) {
            if (d.node().path("kind").asText().equals(kind)) return d.file().displayPath() + ":" + d.lineOf("kind");
        }
        return where("kind");
    }

    private void noteOthers(JsonNode n, Set<String> read, String prefix, List<String> unsaid) {
        Iterator<String> it = n.fieldNames();
        while (it.hasNext()) {
            String k = it.next();
            if (!read.contains(k)) unsaid.add(prefix + "." + k + " (" + where(k) + ")");
        }
    }

    /** Secret-manager references anywhere in a document: counted, never copied. */
    static void vaultReferences(JsonNode n, TalosCluster cluster) {
        if (n.isTextual()) {
            String t = n.asText();
            if ((t.startsWith("ak://") || t.startsWith("op://")) && !cluster.vaultReferences.contains(t)) cluster.vaultReferences.add(t);
        }
        for (JsonNode c : n) vaultReferences(c, cluster);
    }

    /** The version in an image reference's tag ({@code ghcr.io/siderolabs/kubelet:v1.36.3} → v1.36.3). */
    static String tag(String image) {
        if (image == null) return null;
        Matcher m = IMAGE_TAG.matcher(image);
        return m.find() ? m.group(1) : null;
    }

    /**
     * A strategic merge as {@code talosctl machineconfig patch} does it for these documents: maps merge key by
     * key, {@code machine.network.interfaces} merge by interface name, other lists are appended.
     */
    static JsonNode merge(JsonNode base, JsonNode patch) {
        if (base == null || !base.isObject() || !patch.isObject()) return patch.deepCopy();
        ObjectNode out = ((ObjectNode) base).deepCopy();
        patch.fields().forEachRemaining(e -> {
            JsonNode b = out.get(e.getKey());
            if (e.getKey().equals("interfaces") && b instanceof ArrayNode ba && e.getValue().isArray()) {
                out.set(e.getKey(), mergeByKey(ba, (ArrayNode) e.getValue(), "interface"));
            } else if (b != null && b.isArray() && e.getValue().isArray()) {
                ArrayNode a = ((ArrayNode) b).deepCopy();
                a.addAll((ArrayNode) e.getValue().deepCopy());
                out.set(e.getKey(), a);
            } else if (b != null && b.isObject() && e.getValue().isObject()) {
                out.set(e.getKey(), merge(b, e.getValue()));
            } else {
                out.set(e.getKey(), e.getValue().deepCopy());
            }
        });
        return out;
    }

    private static ArrayNode mergeByKey(ArrayNode base, ArrayNode patch, String key) {
        ArrayNode out = base.deepCopy();
        for (JsonNode p : patch) {
            boolean merged = false;
            for (int i = 0; i < out.size(); i++) {
                if (p.has(key) && out.get(i).path(key).equals(p.get(key))) {
                    out.set(i, merge(out.get(i), p));
                    merged = true;
                }
            }
            if (!merged) out.add(p.deepCopy());
        }
        return out;
    }

    /** Applies patches to a multi-document config: v1alpha1 into v1alpha1, a typed document replaces its kind and name. */
    static List<JsonNode> patch(List<JsonNode> base, List<JsonNode> patches) {
        List<JsonNode> out = new ArrayList<>(base);
        for (JsonNode p : patches) {
            String kind = p.path("kind").asText("");
            boolean done = false;
            for (int i = 0; i < out.size(); i++) {
                JsonNode b = out.get(i);
                boolean same = kind.isEmpty() ? b.path("kind").asText("").isEmpty()
                        : b.path("kind").asText().equals(kind) && b.path("name").equals(p.path("name"));
                if (same) {
                    out.set(i, kind.isEmpty() ? merge(b, p) : p);
                    done = true;
                    break;
                }
            }
            if (!done) out.add(p);
        }
        return out;
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    static Map.Entry<String, String> split(String kv, char sep) {
        int i = kv.indexOf(sep);
        return i < 0 ? Map.entry(kv, "") : Map.entry(kv.substring(0, i), kv.substring(i + 1));
    }
}

package hlc.emit.talos;

import hlc.resolve.ResolvedSpec;
import hlc.resolve.TalosShape;
import hlc.emit.FileSpec;
import hlc.model.Version;
import hlc.secrets.SecretsBundle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The multi-document machine config of Talos v1.12 and v1.13: a reduced {@code v1alpha1} machine document (no
 * {@code machine.network}) followed by one document per network fact: {@code HostnameConfig}, {@code
 * ResolverConfig}, a {@code LinkAliasConfig} per link selected by driver, a {@code LinkConfig} per physical link
 * with settings, a {@code BondConfig} per bond, a {@code VLANConfig} per VLAN sub-interface, a {@code
 * DHCPv4Config} per link whose address is a DHCP reservation, a {@code Layer2VIPConfig} for the control planes'
 * VIP, then a {@code VolumeConfig} per system volume and a {@code UserVolumeConfig} per user volume. One file per
 * node under {@code talos/}, each document from its own template and validated against the schema of its kind.
 *
 * <p>Not v1.14: its schema moves the kubelet, install and cluster settings out of the machine document as well
 * (into {@code k8s.*} documents), so this form's machine document is not a v1.14 one: {@link KubernetesDocuments}
 * writes that release.
 */
final class MultiDocument implements TalosForm {
    /** The Image Factory's installer for bare metal, as the v1.12+ Talos docs and the real cluster use it. */
    static final String INSTALLER = "factory.talos.dev/metal-installer/";

    @Override
    public TalosShape shape() {
        return TalosShape.MULTI_DOCUMENT;
    }

    @Override
    public List<FileSpec> files(ResolvedSpec spec, NodePlan.Cluster cluster, List<NodePlan> nodes, SecretsBundle s) {
        List<FileSpec> out = new ArrayList<>();
        for (NodePlan n : nodes) {
            List<FileSpec.Document> docs = new ArrayList<>();
            docs.add(new FileSpec.Document("talos-machine.yaml.j2", machine(n, cluster, s)));
            docs.add(doc("talos-hostname.yaml.j2", "hostname", n.hostname()));
            if (!n.nameservers().isEmpty()) docs.add(doc("talos-resolver.yaml.j2", "nameservers", n.nameservers()));
            docs.addAll(linkDocuments(n));
            if (!n.timeServers().isEmpty()) docs.add(doc("talos-timesync.yaml.j2", "servers", n.timeServers()));
            n.mirrors().forEach((registry, urls) -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("registry", registry);
                m.put("endpoints", urls);
                docs.add(new FileSpec.Document("talos-registry-mirror.yaml.j2", m));
            });
            for (NodePlan.Volume v : n.volumes()) docs.add(new FileSpec.Document("talos-volume.yaml.j2", volume(v)));
            for (NodePlan.Volume v : n.userVolumes()) docs.add(new FileSpec.Document("talos-user-volume.yaml.j2", volume(v)));
            out.add(FileSpec.ofDocuments("talos/" + n.hostname() + ".yaml", docs, true));
        }
        return out;
    }

    /**
     * The link documents of a node, grouped by kind in a fixed order (aliases before the links that use them,
     * links before the bonds and VLANs over them, DHCP and the VIP last), each group in the spec's order.
     */
    static List<FileSpec.Document> linkDocuments(NodePlan n) {
        List<FileSpec.Document> docs = new ArrayList<>();
        for (NodePlan.Alias a : n.aliases()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", a.name());
            c.put("match", a.selector().cel());
            docs.add(new FileSpec.Document("talos-link-alias.yaml.j2", c));
        }
        for (NodePlan.Link l : n.links()) {
            if (l.bondMode() == null && !l.isVlan()) docs.add(new FileSpec.Document("talos-link.yaml.j2", link(l)));
        }
        for (NodePlan.Link l : n.links()) {
            if (l.bondMode() == null) continue;
            Map<String, Object> c = link(l);
            c.put("mode", l.bondMode());
            c.put("members", l.bondMembers());
            bondOptions(c, l.bondOptions());
            docs.add(new FileSpec.Document("talos-bond.yaml.j2", c));
        }
        for (NodePlan.Link l : n.links()) {
            if (!l.isVlan()) continue;
            Map<String, Object> c = link(l);
            c.put("vlan_id", l.vlanId());
            c.put("parent", l.vlanParent());
            docs.add(new FileSpec.Document("talos-vlan.yaml.j2", c));
        }
        for (NodePlan.Link l : n.links()) {
            if (!l.dhcp()) continue;
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", l.specName());
            c.put("route_metric", l.dhcpMetric() == null ? 0 : l.dhcpMetric());
            docs.add(new FileSpec.Document("talos-dhcpv4.yaml.j2", c));
        }
        for (NodePlan.Link l : n.links()) {
            if (l.vip() == null) continue;
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("address", l.vip());
            c.put("link", l.specName());
            docs.add(new FileSpec.Document("talos-layer2-vip.yaml.j2", c));
        }
        return docs;
    }

    private static Map<String, Object> machine(NodePlan n, NodePlan.Cluster cluster, SecretsBundle s) {
        Map<String, Object> c = MachineContext.machine(n, cluster, s, INSTALLER);
        c.put("labels", MachineContext.entries(n.labels()));
        c.put("taints", MachineContext.entries(n.taints()));
        return c;
    }

    /** What LinkConfig and BondConfig share: the link's name (the spec's, an alias when selected by driver). */
    private static Map<String, Object> link(NodePlan.Link l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", l.specName());
        m.put("mtu", l.mtu() == null ? 0 : l.mtu());
        m.put("addresses", l.addresses());
        m.put("gateway", l.gateway() == null ? "" : l.gateway());
        m.put("gateway6", l.gateway6() == null ? "" : l.gateway6());
        m.put("routes", routes(l));
        return m;
    }

    static List<Map<String, Object>> routes(NodePlan.Link l) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (NodePlan.Route r : l.routes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("network", r.network());
            m.put("gateway", r.gateway());
            m.put("metric", r.metric());
            out.add(m);
        }
        return out;
    }

    /** The bond options both forms write, under the same keys (Talos spells them alike in both). */
    static void bondOptions(Map<String, Object> c, NodePlan.BondOptions o) {
        c.put("lacp_rate", o.lacpRate() == null ? "" : o.lacpRate());
        c.put("xmit_hash_policy", o.xmitHashPolicy() == null ? "" : o.xmitHashPolicy());
        c.put("miimon", o.miimon() == null ? -1 : o.miimon());
        c.put("updelay", o.updelay() == null ? -1 : o.updelay());
        c.put("downdelay", o.downdelay() == null ? -1 : o.downdelay());
        c.put("miimon_set", o.miimon() != null && o.miimon() >= 0);
        c.put("updelay_set", o.updelay() != null && o.updelay() >= 0);
        c.put("downdelay_set", o.downdelay() != null && o.downdelay() >= 0);
    }

    static Map<String, Object> volume(NodePlan.Volume v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", v.name());
        m.put("disk_match", v.diskMatch() == null ? "" : v.diskMatch());
        m.put("min_size", v.minSize() == null ? "" : v.minSize());
        m.put("max_size", v.maxSize() == null ? "" : v.maxSize());
        // "" when the spec says nothing: then Talos's default holds; "false" is written, not dropped
        m.put("grow", v.grow() == null ? "" : v.grow().toString());
        m.put("provisioning", true);
        m.put("encryption", "");
        return m;
    }

    static FileSpec.Document doc(String template, String key, Object value) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put(key, value);
        return new FileSpec.Document(template, c);
    }

    /** A CEL string literal: the selector is an expression, so a driver name must not be able to extend it. */
    static String celString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}

package hlc.emit.talos;

import hlc.resolve.ResolvedSpec;
import hlc.resolve.TalosShape;
import hlc.emit.FileSpec;
import hlc.secrets.SecretsBundle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The classic {@code v1alpha1} machine config of Talos v1.10 and v1.11: network interfaces, hostname and VIP all
 * inside {@code machine.network}, each VLAN sub-interface in its parent's {@code vlans} (the v1alpha1 schema's
 * place for them: {@code vlanId}, addresses, routes, DHCP, MTU, VIP); node labels, taints and kernel modules in {@code machine.nodeLabels},
 * {@code nodeTaints} and {@code kernel.modules} (fields of the v1.10 and v1.11 schemas). One file per node under {@code talos/}: the v1alpha1 document alone, or
 * followed by a {@code VolumeConfig} per system volume and a {@code UserVolumeConfig} per user volume, the
 * documents these releases take beside it (Talos's configuration reference of v1.10 and v1.11; the same
 * templates as the multi-document form's).
 */
final class ClassicV1Alpha1 implements TalosForm {
    static final String INSTALLER = "factory.talos.dev/installer/";

    @Override
    public TalosShape shape() {
        return TalosShape.CLASSIC_V1ALPHA1;
    }

    @Override
    public List<FileSpec> files(ResolvedSpec spec, NodePlan.Cluster cluster, List<NodePlan> nodes, SecretsBundle s) {
        List<FileSpec> out = new ArrayList<>();
        for (NodePlan n : nodes) {
            Map<String, Object> c = MachineContext.machine(n, cluster, s, INSTALLER);
            c.put("nameservers", n.nameservers());
            c.put("labels", MachineContext.entries(n.labels()));
            c.put("taints", MachineContext.entries(n.taints()));
            c.put("links", links(n));
            c.put("time_servers", n.timeServers());
            List<Map<String, Object>> mirrors = new ArrayList<>();
            n.mirrors().forEach((registry, urls) -> mirrors.add(Map.of("registry", registry, "endpoints", urls)));
            c.put("mirrors", mirrors);
            String path = "talos/" + n.hostname() + ".yaml";
            if (n.volumes().isEmpty() && n.userVolumes().isEmpty()) {
                out.add(new FileSpec(path, "talos-v1alpha1.yaml.j2", c, true));
                continue;
            }
            List<FileSpec.Document> docs = new ArrayList<>();
            docs.add(new FileSpec.Document("talos-v1alpha1.yaml.j2", c));
            for (NodePlan.Volume v : n.volumes()) docs.add(new FileSpec.Document("talos-volume.yaml.j2", MultiDocument.volume(v)));
            for (NodePlan.Volume v : n.userVolumes()) docs.add(new FileSpec.Document("talos-user-volume.yaml.j2", MultiDocument.volume(v)));
            out.add(FileSpec.ofDocuments(path, docs, true));
        }
        return out;
    }

    /**
     * The {@code machine.network.interfaces} entries: every link that is no VLAN, each with the VLANs over it; a
     * parent with nothing of its own to configure gets an entry for its VLANs alone, named as the node names it
     * (by kernel name, or by the selector of its alias).
     */
    private static List<Map<String, Object>> links(NodePlan n) {
        List<Map<String, Object>> out = new ArrayList<>();
        Map<String, List<Map<String, Object>>> vlansOf = new LinkedHashMap<>();
        for (NodePlan.Link l : n.links()) {
            if (l.isVlan()) vlansOf.computeIfAbsent(l.vlanParent(), k -> new ArrayList<>()).add(vlan(l));
        }
        for (NodePlan.Link l : n.links()) {
            if (l.isVlan()) continue;
            Map<String, Object> m = link(l);
            m.put("vlans", vlansOf.getOrDefault(l.specName(), List.of()));
            vlansOf.remove(l.specName());
            out.add(m);
        }
        vlansOf.forEach((parent, vlans) -> {
            NodePlan.Alias alias = n.aliases().stream().filter(a -> a.name().equals(parent)).findFirst().orElse(null);
            Map<String, Object> m = link(new NodePlan.Link(alias == null ? parent : null, alias == null ? null : alias.selector(),
                    List.of(), null, null, null, List.of(), List.of(), null, parent, List.of(), false, null, null, null,
                    new NodePlan.BondOptions(null, null, null, null, null), List.of(), null));
            m.put("vlans", vlans);
            out.add(m);
        });
        return out;
    }

    private static Map<String, Object> vlan(NodePlan.Link l) {
        Map<String, Object> m = link(l);
        m.put("id", l.vlanId());
        return m;
    }

    private static Map<String, Object> link(NodePlan.Link l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", l.name() == null ? "" : l.name());
        m.put("selector", l.selector() == null ? List.of() : selector(l.selector()));
        m.put("addresses", l.addresses());
        m.put("gateway", l.gateway() == null ? "" : l.gateway());
        m.put("default_route", l.gateway() == null ? "" : l.gateway().contains(":") ? "::/0" : "0.0.0.0/0");
        m.put("gateway6", l.gateway6() == null ? "" : l.gateway6());
        m.put("mtu", l.mtu() == null ? 0 : l.mtu());
        m.put("bond_mode", l.bondMode() == null ? "" : l.bondMode());
        m.put("bond_interfaces", l.bondInterfaces());
        m.put("bond_selectors", l.bondSelectors().stream().map(ClassicV1Alpha1::selector).toList());
        MultiDocument.bondOptions(m, l.bondOptions());
        m.put("routes", MultiDocument.routes(l));
        m.put("has_routes", !m.get("gateway").equals("") || !m.get("gateway6").equals("") || !l.routes().isEmpty());
        m.put("dhcp_metric", l.dhcpMetric() == null ? 0 : l.dhcpMetric());
        m.put("vip", l.vip() == null ? "" : l.vip());
        m.put("dhcp", l.dhcp());
        return m;
    }

    /** A deviceSelector: Talos ANDs its fields, as the multi-document form's CEL does. */
    private static List<Map<String, Object>> selector(NodePlan.Selector s) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (s.busPath() != null) m.put("busPath", s.busPath());
        if (s.mac() != null) m.put("permanentAddr", s.mac());
        if (s.driver() != null) m.put("driver", s.driver());
        if (s.physical()) m.put("physical", "true");
        // each entry says whether it is the physical flag and what starts its line in a list of selectors
        List<Map<String, Object>> out = new ArrayList<>();
        m.forEach((k, v) -> out.add(Map.of("key", k, "value", v, "physical", k.equals("physical"), "prefix", out.isEmpty() ? "- " : "  ")));
        return out;
    }
}

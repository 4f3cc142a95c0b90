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
 * inside {@code machine.network}; node labels, taints and kernel modules in {@code machine.nodeLabels},
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
            c.put("labels", MultiDocument.entries(n.labels()));
            c.put("taints", MultiDocument.entries(n.taints()));
            c.put("links", n.links().stream().map(ClassicV1Alpha1::link).toList());
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

    private static Map<String, Object> link(NodePlan.Link l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", l.name() == null ? "" : l.name());
        m.put("driver", l.driver() == null ? "" : l.driver());
        m.put("addresses", l.addresses());
        m.put("gateway", l.gateway() == null ? "" : l.gateway());
        m.put("gateway_v6", l.gateway() != null && l.gateway().contains(":"));
        m.put("gateway6", l.gateway6() == null ? "" : l.gateway6());
        m.put("mtu", l.mtu() == null ? 0 : l.mtu());
        m.put("bond_mode", l.bondMode() == null ? "" : l.bondMode());
        m.put("bond_interfaces", l.bondInterfaces());
        m.put("bond_drivers", l.bondDrivers());
        m.put("vip", l.vip() == null ? "" : l.vip());
        m.put("dhcp", l.dhcp());
        return m;
    }
}

package hlc.emit.talos;

import hlc.check.SpecIndex;
import hlc.emit.FileSpec;
import hlc.model.Version;
import hlc.secrets.SecretsBundle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The classic single-document {@code v1alpha1} machine config of Talos v1.10 and v1.11: network interfaces,
 * hostname and VIP all inside {@code machine.network}. One file per node under {@code talos/}.
 */
final class ClassicV1Alpha1 implements TalosForm {
    static final String INSTALLER = "factory.talos.dev/installer/";

    @Override
    public boolean supports(Version v) {
        return v.major() == 1 && (v.minor() == 10 || v.minor() == 11);
    }

    @Override
    public String releases() {
        return "v1.10 and v1.11";
    }

    @Override
    public List<FileSpec> files(SpecIndex spec, NodePlan.Cluster cluster, List<NodePlan> nodes, SecretsBundle s) {
        List<FileSpec> out = new ArrayList<>();
        for (NodePlan n : nodes) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("type", n.controlPlane() ? "controlplane" : "worker");
            c.put("controlplane", n.controlPlane());
            c.put("hostname", n.hostname());
            c.put("install_disk", n.installDisk());
            c.put("install_image", INSTALLER + n.schematic().id() + ":" + cluster.talosVersion());
            c.put("nameservers", n.nameservers());
            c.put("node_subnet", n.nodeSubnet() == null ? "" : n.nodeSubnet());
            c.put("links", n.links().stream().map(ClassicV1Alpha1::link).toList());
            c.put("cluster", clusterContext(cluster));
            c.put("secrets", secrets(s, n.controlPlane()));
            out.add(new FileSpec("talos/" + n.hostname() + ".yaml", "talos-v1alpha1.yaml.j2", c, true));
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
        m.put("mtu", l.mtu() == null ? 0 : l.mtu());
        m.put("bond_mode", l.bondMode() == null ? "" : l.bondMode());
        m.put("bond_interfaces", l.bondInterfaces());
        m.put("bond_drivers", l.bondDrivers());
        m.put("vip", l.vip() == null ? "" : l.vip());
        return m;
    }

    private static Map<String, Object> clusterContext(NodePlan.Cluster c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("endpoint", c.endpoint());
        m.put("kubernetes", c.kubernetesVersion());
        m.put("pod_subnet", c.podSubnet());
        m.put("service_subnet", c.serviceSubnet());
        m.put("cni", c.cni());
        m.put("kube_proxy", c.kubeProxy());
        m.put("schedule_on_controlplanes", c.scheduleOnControlPlanes());
        m.put("api_sans", c.apiSans());
        return m;
    }

    /** Workers get the CA certificates but none of the CA keys, as in configs Talos generates itself. */
    private static Map<String, Object> secrets(SecretsBundle s, boolean controlPlane) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cluster_id", s.clusterId());
        m.put("cluster_secret", s.clusterSecret());
        m.put("bootstrap_token", s.bootstrapToken());
        m.put("machine_token", s.trustdToken());
        m.put("os_crt", s.os().crt());
        m.put("os_key", controlPlane ? s.os().key() : "");
        m.put("k8s_crt", s.k8s().crt());
        m.put("k8s_key", controlPlane ? s.k8s().key() : "");
        m.put("aggregator_crt", s.k8sAggregator().crt());
        m.put("aggregator_key", s.k8sAggregator().key());
        m.put("service_account_key", s.k8sServiceAccountKey());
        m.put("etcd_crt", s.etcd().crt());
        m.put("etcd_key", s.etcd().key());
        m.put("secretbox", s.secretboxEncryptionSecret());
        return m;
    }
}

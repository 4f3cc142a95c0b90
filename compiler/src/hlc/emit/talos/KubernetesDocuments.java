package hlc.emit.talos;

import hlc.emit.FileSpec;
import hlc.resolve.ResolvedSpec;
import hlc.resolve.TalosShape;
import hlc.secrets.SecretsBundle;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The machine config of Talos v1.14, whose schema (../shared/schemas/talos-config.schema.json, {@code $id} v1.14)
 * keeps in the {@code v1alpha1} document only the machine's type, token and CA, {@code features.diskQuotaSupport},
 * the bootstrap token and etcd. Everything else hlc writes moved into documents of its own:
 * <ul>
 * <li>{@code machine.install} → UnattendedInstallConfig (the disk as a CEL selector on its path);</li>
 * <li>{@code machine.kubelet} → KubeletConfig (image, seccomp default, clusterDNS) and KubeNodeConfig (nodeIP,
 *     and {@code machine.nodeLabels}/{@code nodeTaints} as labels/taints);</li>
 * <li>{@code machine.kernel.modules} → a KernelModuleConfig per module;</li>
 * <li>{@code machine.features.kubePrism} → KubePrismConfig; {@code features.hostDNS} → ResolverConfig.hostDNS;</li>
 * <li>{@code cluster.clusterName}/{@code controlPlane} → KubeClusterConfig; {@code cluster.network} →
 *     KubeNetworkConfig (and KubeFlannelCNIConfig when Talos deploys Flannel: no document means no CNI);</li>
 * <li>{@code cluster.proxy} → KubeProxyConfig; {@code cluster.ca} → KubeAPIServerCAConfig (issuing CA on
 *     control planes, accepted CA on workers); {@code cluster.id}/{@code secret}/{@code discovery} →
 *     DiscoveryIdentityConfig and DiscoveryServiceConfig;</li>
 * <li>control planes only: {@code cluster.aggregatorCA} → KubeAggregatorCAConfig, {@code serviceAccount} →
 *     KubeServiceAccountConfig (issuer URL: the API endpoint, Talos's default), {@code secretboxEncryptionSecret}
 *     → KubeEtcdEncryptionConfig (secretbox, then identity, as Talos writes by default), {@code apiServer},
 *     {@code controllerManager}, {@code scheduler}, {@code coreDNS} → their Kube*Config documents;</li>
 * <li>{@code allowSchedulingOnControlPlanes} is gone: a control plane that takes no workloads gets the
 *     {@code node-role.kubernetes.io/control-plane} NoSchedule taint in its KubeNodeConfig.</li>
 * </ul>
 * The network and volume documents are the v1.12/v1.13 form's. Every document is validated against its kind in
 * Talos's v1.14 schema (shipped as schemas/talos-config-v1.14.schema.json), not a schema of hlc's own.
 */
final class KubernetesDocuments implements TalosForm {
    static final String CONTROL_PLANE_TAINT = "node-role.kubernetes.io/control-plane";

    /**
     * The node's VolumeConfig documents: the volumes the spec sizes, and the STATE and EPHEMERAL volumes it
     * encrypts. v1.14's v1alpha1 document has no systemDiskEncryption any more, so a volume's encryption is in its
     * VolumeConfig (one document per volume: the sizes and the encryption of EPHEMERAL together).
     */
    private static List<FileSpec.Document> systemVolumes(NodePlan n, SecretsBundle s) {
        Map<String, NodePlan.Encrypted> encrypted = new LinkedHashMap<>();
        for (NodePlan.Encrypted e : n.encryptions()) encrypted.put(e.volume(), e);
        List<FileSpec.Document> docs = new ArrayList<>();
        for (NodePlan.Volume v : n.volumes()) {
            Map<String, Object> c = MultiDocument.volume(v);
            NodePlan.Encrypted e = encrypted.remove(v.name());
            if (e != null) c.put("encryption", MachineContext.encryption(e, s, false));
            docs.add(new FileSpec.Document("talos-volume.yaml.j2", c));
        }
        for (NodePlan.Encrypted e : encrypted.values()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", e.volume());
            c.put("provisioning", false);
            c.put("encryption", MachineContext.encryption(e, s, false));
            docs.add(new FileSpec.Document("talos-volume.yaml.j2", c));
        }
        return docs;
    }

    @Override
    public TalosShape shape() {
        return TalosShape.KUBERNETES_DOCUMENTS;
    }

    @Override
    public List<FileSpec> files(ResolvedSpec spec, NodePlan.Cluster cluster, List<NodePlan> nodes, SecretsBundle s) {
        List<FileSpec> out = new ArrayList<>();
        for (NodePlan n : nodes) {
            Map<String, Object> c = MachineContext.machine(n, cluster, s, MultiDocument.INSTALLER);
            c.put("pem", pem(s, n.controlPlane()));
            List<FileSpec.Document> docs = new ArrayList<>();
            docs.add(new FileSpec.Document("talos-v1.14-machine.yaml.j2", c));
            docs.add(MultiDocument.doc("talos-hostname.yaml.j2", "hostname", n.hostname()));
            docs.add(MultiDocument.doc("talos-v1.14-resolver.yaml.j2", "nameservers", n.nameservers()));
            docs.addAll(MultiDocument.linkDocuments(n));
            Map<String, Object> install = new LinkedHashMap<>();
            install.put("install_image", c.get("install_image"));
            install.put("disk_match", "disk.dev_path == " + MultiDocument.celString(n.installDisk()));
            docs.add(new FileSpec.Document("talos-v1.14-install.yaml.j2", install));
            docs.addAll(systemVolumes(n, s));
            for (NodePlan.Volume v : n.userVolumes()) docs.add(new FileSpec.Document("talos-user-volume.yaml.j2", MultiDocument.volume(v)));
            for (String m : cluster.kernelModules()) docs.add(MultiDocument.doc("talos-v1.14-kernel-module.yaml.j2", "name", m));
            Map<String, Object> discovery = new LinkedHashMap<>();
            discovery.put("cluster_id", s.clusterId());
            discovery.put("cluster_secret", s.clusterSecret());
            docs.add(new FileSpec.Document("talos-v1.14-discovery.yaml.j2", discovery));
            docs.add(new FileSpec.Document("talos-v1.14-kubelet.yaml.j2", c));
            docs.add(new FileSpec.Document("talos-v1.14-node.yaml.j2", node(n, cluster)));
            docs.add(new FileSpec.Document("talos-v1.14-cluster.yaml.j2", c));
            if (n.controlPlane()) docs.add(new FileSpec.Document("talos-v1.14-control-plane.yaml.j2", c));
            out.add(FileSpec.ofDocuments("talos/" + n.hostname() + ".yaml", docs, true));
        }
        return out;
    }

    /** The KubeNodeConfig's data: node IP subnet, labels, and taints (with the control-plane one when it applies). */
    private static Map<String, Object> node(NodePlan n, NodePlan.Cluster cluster) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("node_subnet", n.nodeSubnet() == null ? "" : n.nodeSubnet());
        m.put("labels", MachineContext.entries(n.labels()));
        Map<String, String> taints = new TreeMap<>(n.taints());
        if (n.controlPlane() && !cluster.scheduleOnControlPlanes()) taints.putIfAbsent(CONTROL_PLANE_TAINT, ":NoSchedule");
        m.put("taints", MachineContext.entries(taints));
        return m;
    }

    /**
     * The certificates and keys as PEM text: the bundle keeps them as base64 of PEM (the v1alpha1 fields' form),
     * the v1.14 documents take "PEM encoded" values. Workers get no CA key, as in the other forms.
     */
    private static Map<String, Object> pem(SecretsBundle s, boolean controlPlane) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("k8s_crt", decode(s.k8s().crt()));
        m.put("k8s_key", controlPlane ? decode(s.k8s().key()) : "");
        m.put("aggregator_crt", decode(s.k8sAggregator().crt()));
        m.put("aggregator_key", controlPlane ? decode(s.k8sAggregator().key()) : "");
        m.put("service_account_key", controlPlane ? decode(s.k8sServiceAccountKey()) : "");
        return m;
    }

    private static String decode(String base64) {
        return new String(Base64.getMimeDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}

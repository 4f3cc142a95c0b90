package hlc.emit.talos;

import hlc.secrets.SecretsBundle;

import java.util.LinkedHashMap;
import java.util.Map;

/** The template data every form's v1alpha1 machine document reads: the node, the cluster's settings, the secrets. */
final class MachineContext {
    private MachineContext() {}

    /** What both forms' machine documents say of a node; each form adds what only its shape carries. */
    static Map<String, Object> machine(NodePlan n, NodePlan.Cluster cluster, SecretsBundle s, String installer) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("type", n.controlPlane() ? "controlplane" : "worker");
        c.put("controlplane", n.controlPlane());
        c.put("hostname", n.hostname());
        c.put("install_disk", n.installDisk() == null ? "" : n.installDisk());
        c.put("install_disk_defaulted", n.installDiskDefaulted());
        c.put("install_disk_selector", entries(n.installDiskSelector()));
        c.put("kernel_modules", n.kernelModules());
        c.put("sysctls", entries(n.sysctls()));
        // SecureBoot nodes install the Image Factory's signed UKI installer of the same schematic
        String image = n.secureBoot() ? installer.substring(0, installer.length() - 1) + "-secureboot/" : installer;
        c.put("install_image", image + n.schematic().id() + ":" + cluster.talosVersion());
        c.put("node_subnet", n.nodeSubnet() == null ? "" : n.nodeSubnet());
        c.put("node_ip_subnets", n.nodeIpSubnets());
        c.put("cluster", cluster(cluster));
        c.put("secrets", secrets(s, n.controlPlane()));
        c.put("disk_encryption", n.encryptions().stream().map(e -> encryption(e, s, true)).toList());
        return c;
    }

    /**
     * An encrypted volume for a template: Talos's name for it ({@code state}, {@code ephemeral} in the v1alpha1
     * document's systemDiskEncryption; STATE, EPHEMERAL as VolumeConfig names), and its key: the TPM, or the static
     * passphrase read from the bundle at this moment, so it is in the rendered (secret, never committed) config
     * only. The driver has refused a real bundle without it; the placeholder bundle gives a stand-in.
     */
    static Map<String, Object> encryption(NodePlan.Encrypted e, SecretsBundle s, boolean lowerCase) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("volume", lowerCase ? e.volume().toLowerCase(java.util.Locale.ROOT) : e.volume());
        m.put("tpm", e.tpm());
        String passphrase = e.tpm() ? null : s.diskKey(e.keyName());
        m.put("passphrase", passphrase == null ? "" : passphrase);
        return m;
    }

    /** A map as a list of key/value pairs: templates iterate it in the map's order. */
    static java.util.List<Map<String, Object>> entries(Map<String, ?> map) {
        java.util.List<Map<String, Object>> out = new java.util.ArrayList<>();
        map.forEach((k, v) -> out.add(Map.of("key", k, "value", v)));
        return out;
    }

    static Map<String, Object> cluster(NodePlan.Cluster c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("endpoint", c.endpoint());
        m.put("kubernetes", c.kubernetesVersion());
        m.put("pod_subnets", c.podSubnets());
        m.put("service_subnets", c.serviceSubnets());
        m.put("cni", c.cni());
        m.put("kube_proxy", c.kubeProxy());
        // Said here rather than computed by the templates: a name path is a template's cheapest expression.
        m.put("kube_proxy_disabled", !c.kubeProxy());
        m.put("kubelet_image", "ghcr.io/siderolabs/kubelet:" + c.kubernetesVersion());
        m.put("apiserver_image", "registry.k8s.io/kube-apiserver:" + c.kubernetesVersion());
        m.put("controller_manager_image", "registry.k8s.io/kube-controller-manager:" + c.kubernetesVersion());
        m.put("scheduler_image", "registry.k8s.io/kube-scheduler:" + c.kubernetesVersion());
        m.put("schedule_on_controlplanes", c.scheduleOnControlPlanes());
        m.put("api_sans", c.apiSans());
        m.put("kubeprism_port", c.kubePrismPort());
        m.put("dns_domain", c.dnsDomain());
        m.put("cluster_dns", c.clusterDns());
        m.put("coredns", c.coreDns());
        return m;
    }

    /** Workers get the CA certificates but none of the CA keys, as in configs Talos generates itself. */
    static Map<String, Object> secrets(SecretsBundle s, boolean controlPlane) {
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

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
        c.put("install_disk", n.installDisk());
        c.put("install_image", installer + n.schematic().id() + ":" + cluster.talosVersion());
        c.put("node_subnets", n.nodeSubnets());
        // etcd advertises on the node network's IPv4 range alone: its peers reach each other over IPv4
        c.put("node_subnet", n.nodeSubnets().isEmpty() ? "" : n.nodeSubnets().get(0));
        c.put("cluster", cluster(cluster));
        c.put("secrets", secrets(s, n.controlPlane()));
        return c;
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
        m.put("schedule_on_controlplanes", c.scheduleOnControlPlanes());
        m.put("api_sans", c.apiSans());
        m.put("kubeprism_port", c.kubePrismPort());
        m.put("dns_domain", c.dnsDomain());
        m.put("cluster_dns", c.clusterDns());
        m.put("kernel_modules", c.kernelModules());
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

package hlc.graph;

/**
 * The id prefixes of the topology graph, one per kind of thing, in one place because one part of the builder
 * names nodes that another adds (a storage class points at an export node the network part made).
 */
final class Kind {
    private Kind() {}

    static final String NETWORK_GROUP = "g_net";
    static final String CEPH_GROUP = "g_ceph";
    /** The one Kubernetes group and the one cloud group are named by these kinds with an empty name. */
    static final String KUBERNETES_GROUP = "g_k8s";
    static final String CLOUD_GROUP = "g_cloud";

    static final String NETWORK = "net";
    static final String GATEWAY = "gw";
    static final String HOST = "host";
    static final String DEVICE = "dev";
    static final String EXPORT = "export";
    static final String CEPH = "ceph";
    static final String POOL = "pool";
    static final String STORAGE_CLASS = "sc";
    static final String HOSTPATH = "hostpath";
    static final String SERVICE = "svc";
    static final String BACKUP_SOURCE = "data";
    /** The site's box: what the lab is, when the spec's `site` describes it. */
    static final String SITE = "site";

    /** Exports are named per device: two NAS boxes may both export `media`. */
    static String exportName(String device, String export) {
        return device + "/" + export;
    }
}

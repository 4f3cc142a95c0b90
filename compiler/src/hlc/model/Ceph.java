package hlc.model;

import java.util.List;

/**
 * A Rook-Ceph cluster: its public and replication networks, its RBD pools, its CephFS filesystems and its object
 * stores. A filesystem or object store is written as a {@link Pool} named after it: the settings of its
 * metadata and data pools (Rook makes both from them). {@code cluster} is the Kubernetes cluster Rook runs it in
 * (its OSDs are that cluster's hosts'); null means the only one (with several, HL062). {@code osdFilter} is a
 * regex for the OSD devices of every node that runs pods (Rook's {@code useAllNodes} with {@code devicePathFilter},
 * or {@code deviceFilter} for a regex over device names such as {@code ^nvme}), instead of hosts' {@code osd}
 * lines; null when the hosts list their own.
 */
public record Ceph(Name name, Name publicNetwork, Name clusterNetwork, List<Pool> pools, List<Pool> filesystems,
                   List<Pool> objectStores, Name cluster, Located<String> osdFilter) implements Named {
    public Ceph {
        pools = List.copyOf(pools);
        filesystems = List.copyOf(filesystems);
        objectStores = List.copyOf(objectStores);
    }

    /** Whether the filter is over /dev/disk/by-* paths (Rook's devicePathFilter) rather than device names (deviceFilter). */
    public static boolean isPathFilter(String regex) {
        return regex.contains("/");
    }

    /** Every replicated pool Rook makes for this cluster, with what it is for: the replica checks count them all. */
    public List<Replicated> replicated() {
        List<Replicated> out = new java.util.ArrayList<>();
        pools.forEach(p -> out.add(new Replicated("pool", p)));
        filesystems.forEach(p -> out.add(new Replicated("filesystem", p)));
        objectStores.forEach(p -> out.add(new Replicated("object store", p)));
        return out;
    }

    /** A pool and the word for what it is ("pool", "filesystem", "object store"), for messages. */
    public record Replicated(String kind, Pool pool) {}

    /** A replicated RBD pool. {@code minSize} is null when Ceph's default (size - size/2) applies. */
    public record Pool(Name name, Located<Integer> replicas, Located<Integer> minSize, Name failureDomain,
                       Name compressionMode, Name compressionAlgorithm) implements Named {

        public int effectiveReplicas() {
            return replicas == null ? 3 : replicas.value();
        }

        public int effectiveMinSize() {
            int size = effectiveReplicas();
            return minSize == null ? size - size / 2 : minSize.value();
        }

        public String effectiveFailureDomain() {
            return failureDomain == null ? "host" : failureDomain.text();
        }
    }
}

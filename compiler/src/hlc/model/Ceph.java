package hlc.model;

import java.util.List;

/**
 * A Rook-Ceph cluster: its public and replication networks, and its pools. {@code cluster} is the Kubernetes
 * cluster Rook runs it in (its OSDs are that cluster's hosts'); null means the only one (with several, HL062).
 */
public record Ceph(Name name, Name publicNetwork, Name clusterNetwork, List<Pool> pools, Name cluster) {
    public Ceph {
        pools = List.copyOf(pools);
    }

    /** A replicated RBD pool. {@code minSize} is null when Ceph's default (size - size/2) applies. */
    public record Pool(Name name, Located<Integer> replicas, Located<Integer> minSize, Name failureDomain,
                       Name compressionMode, Name compressionAlgorithm) {

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

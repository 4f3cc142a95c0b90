package hlc.whatif;

import hlc.model.Spec;
import hlc.resolve.ResolvedSpec;

import java.util.List;

/**
 * The analysis of one cluster of a spec with several: each has its own etcd, Ceph and VIP, so a host failure is
 * judged in the cluster it is a node of, from that cluster's view of the spec ({@code spec}, its hosts only).
 */
public record ClusterWhatIf(String cluster, Spec spec, WhatIf whatIf) {
    /** One per cluster, in declaration order; for a spec with one cluster, that one. */
    public static List<ClusterWhatIf> of(ResolvedSpec whole) {
        return whole.perCluster().stream()
                .map(v -> new ClusterWhatIf(v.spec().cluster() == null ? "" : v.spec().cluster().name().text(), v.spec(), new WhatIf(v)))
                .toList();
    }
}

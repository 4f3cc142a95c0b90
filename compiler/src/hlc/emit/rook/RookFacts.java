package hlc.emit.rook;

import hlc.resolve.ResolvedSpec;
import hlc.model.Ceph;
import hlc.model.Host;
import hlc.model.Network;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the spec says of one Rook CephCluster's layout, read from the model in one place: the CIDRs of its public
 * and replication networks, each host with OSDs and the device selectors of those OSDs, and how many Ceph
 * monitors and managers fit on the cluster's nodes.
 *
 * <p>Rook's chart runs 3 monitors and 2 managers, one per node ({@code allowMultiplePerNode: false}): on a cluster
 * of fewer than 3 nodes that run pods the third monitor never schedules and Ceph never gets healthy. There hlc
 * writes 1 monitor (2 would tolerate no more failures than 1) and as many managers as nodes, at most 2; 0 means
 * the chart's defaults, which fit.
 */
record RookFacts(String namespace, List<String> publicRanges, List<String> clusterRanges, List<OsdNode> nodes,
                 int monitors, int managers, String osdFilter) {

    /** A host with OSDs: its node name and the {@code osd} selectors, as written (paths or by-id globs). */
    record OsdNode(String name, List<String> selectors) {}

    static List<RookFacts> of(ResolvedSpec ix) {
        List<RookFacts> out = new ArrayList<>();
        for (Ceph ceph : ix.spec().cephs()) {
            List<OsdNode> nodes = new ArrayList<>();
            for (Host h : ix.spec().hosts()) {
                if (h.osds().isEmpty()) continue;
                nodes.add(new OsdNode(h.name().text(), h.osds().stream().map(o -> o.selector().value()).toList()));
            }
            nodes.sort(Comparator.comparing(OsdNode::name));
            int workers = ix.podNodes().size();
            out.add(new RookFacts(ceph.name().text(), ranges(ix, ceph.publicNetwork()), ranges(ix, ceph.clusterNetwork()), nodes,
                    workers > 0 && workers < 3 ? 1 : 0, workers > 0 && workers < 2 ? workers : 0,
                    ceph.osdFilter() == null ? null : ceph.osdFilter().value()));
        }
        out.sort(Comparator.comparing(RookFacts::namespace));
        return out;
    }

    private static List<String> ranges(ResolvedSpec ix, hlc.model.Name network) {
        if (network == null) return List.of();
        Network n = ix.networks().get(network.text());
        if (n == null) return List.of();
        List<String> out = new ArrayList<>();
        if (n.cidr() != null) out.add(n.cidr().text());
        if (n.ipv6() != null) out.add(n.ipv6().text());
        return out;
    }
}

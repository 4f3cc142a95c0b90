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
 * and replication networks, and each host with OSDs and the device selectors of those OSDs.
 */
record RookFacts(String namespace, List<String> publicRanges, List<String> clusterRanges, List<OsdNode> nodes) {

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
            out.add(new RookFacts(ceph.name().text(), ranges(ix, ceph.publicNetwork()), ranges(ix, ceph.clusterNetwork()), nodes));
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

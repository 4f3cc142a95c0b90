package hlc.emit.rook;

import hlc.resolve.ResolvedSpec;
import hlc.emit.AppliedFolder;
import hlc.emit.EmitProblems;
import hlc.emit.Emitter;
import hlc.emit.FileSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rook's cluster layout as Helm values for the rook-ceph-cluster chart, under {@code rook/}: a ConfigMap
 * {@code rook-ceph-cluster-values} (key {@code values.yaml}) that the chart's HelmRelease reads through
 * {@code valuesFrom}, with the host network provider and the public and cluster address ranges, and the OSD
 * devices of every host that has them (not all nodes, not all devices), or, with the ceph block's
 * {@code osd-filter}, every node and the devices the filter matches. The pools are not in it: hlc writes them
 * as CephBlockPools, so the chart's own are turned off.
 */
public final class RookEmitter implements Emitter {
    public static final String CONFIGMAP = "rook-ceph-cluster-values";
    static final String FOLDER = "rook";

    @Override
    public List<FileSpec> files(ResolvedSpec ix, EmitProblems problems) {
        List<FileSpec> files = new ArrayList<>();
        for (RookFacts f : RookFacts.of(ix)) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", CONFIGMAP);
            c.put("namespace", f.namespace());
            c.put("public_ranges", f.publicRanges());
            c.put("cluster_ranges", f.clusterRanges());
            List<Map<String, Object>> nodes = new ArrayList<>();
            for (RookFacts.OsdNode n : f.nodes()) {
                Map<String, Object> node = new LinkedHashMap<>();
                node.put("name", n.name());
                boolean globs = n.selectors().stream().anyMatch(DeviceSelectors::isGlob);
                node.put("devices", globs ? List.of() : n.selectors());
                node.put("path_filter", globs ? DeviceSelectors.pathFilter(n.selectors()) : "");
                nodes.add(node);
            }
            c.put("nodes", nodes);
            // osd-filter: every node, its devices by the regex; the per-node list is then Rook's to ignore (HL046)
            String filter = f.osdFilter() == null ? "" : f.osdFilter();
            c.put("device_path_filter", !filter.isEmpty() && hlc.model.Ceph.isPathFilter(filter) ? filter : "");
            c.put("device_filter", !filter.isEmpty() && !hlc.model.Ceph.isPathFilter(filter) ? filter : "");
            c.put("monitors", f.monitors());
            c.put("managers", f.managers());
            String path = FOLDER + "/" + f.namespace() + "-cluster-values.yaml";
            files.add(new FileSpec(path, "rook-cluster-values.yaml.j2", c, false));
        }
        return files;
    }

    @Override
    public List<AppliedFolder> appliedFolders(ResolvedSpec ix) {
        // Read by the chart's HelmRelease: applied as soon as the namespace exists, with no operator before it.
        return ix.spec().cephs().isEmpty() ? List.of() : List.of(new AppliedFolder("hlc-rook", FOLDER, List.of()));
    }
}

package hlc.check;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.model.App;
import hlc.model.Ceph;
import hlc.model.Cluster;
import hlc.model.Host;
import hlc.model.Name;
import hlc.model.Spec;
import hlc.resolve.ResolvedSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which cluster each host, app and Ceph cluster belongs to. HL010: {@code cluster NAME} (or a {@code shared-with}
 * list) names no cluster of the spec. HL062: the spec has several clusters and a host, app or Ceph cluster does
 * not say which one it belongs to: hlc would have to guess which Talos configs get the node and which Flux tree
 * gets the app. With one cluster, leaving it out means that one.
 */
final class ClusterMembershipCheck implements Check {
    @Override
    public List<Code> codes() {
        return List.of(Code.HL010, Code.HL062);
    }

    @Override
    public void run(ResolvedSpec ix, Reporter reporter) {
        Spec s = ix.spec();
        Map<String, Cluster> clusters = new LinkedHashMap<>();
        for (Cluster c : s.clusters()) clusters.putIfAbsent(c.name().text(), c);
        for (Host h : s.hosts()) member("host", h.name(), h.cluster(), clusters, reporter);
        for (App a : s.apps()) member("app", a.name(), a.cluster(), clusters, reporter);
        for (Ceph c : s.cephs()) member("ceph cluster", c.name(), c.cluster(), clusters, reporter);
        // A storage class may be shared, so it only needs its cluster to exist.
        for (var sc : s.storageClasses()) if (sc.cluster() != null) ReferenceCheck.resolve(sc.cluster(), clusters, "cluster", reporter);
        for (Cluster c : s.clusters()) {
            for (Name other : c.podsSharedWith()) ReferenceCheck.resolve(other, clusters, "cluster", reporter);
            for (Name other : c.servicesSharedWith()) ReferenceCheck.resolve(other, clusters, "cluster", reporter);
        }
    }

    private static void member(String kind, Name name, Name cluster, Map<String, Cluster> clusters, Reporter reporter) {
        if (cluster != null) {
            ReferenceCheck.resolve(cluster, clusters, "cluster", reporter);
            return;
        }
        if (clusters.size() < 2) return;
        List<String> names = List.copyOf(clusters.keySet());
        var d = reporter.error(Code.HL062, name.span(), "the spec has " + names.size() + " clusters (" + String.join(", ", names)
                + "); " + kind + " `" + name + "` does not say which one it belongs to");
        for (Cluster c : clusters.values()) d.label(c.name().span(), "cluster `" + c.name() + "`");
        d.hint("add `cluster " + names.get(0) + "` (or another cluster's name) to the " + kind.replace("ceph cluster", "ceph") + " block").emit();
    }
}

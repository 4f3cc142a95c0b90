package hlc.check;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.model.Name;
import hlc.resolve.ResolvedSpec;

import java.util.Map;
import java.util.function.Function;

/**
 * HL065: in a spec with several clusters, a reference from one cluster's block to something only another
 * cluster has (an app it depends on, a storage class, a load balancer; a storage class's Ceph pool or node). Each cluster is its own Kubernetes API:
 * Flux cannot wait for another cluster's Kustomization, and a PVC cannot use another cluster's Ceph. Reported
 * instead of HL010, since the name is declared, just not where it is used.
 */
final class OtherCluster {
    private OtherCluster() {}

    /**
     * True, and HL065 reported, when {@code ref} (of {@code kind}, used by {@code user}) is missing from this
     * cluster's {@code names} but another cluster of the whole spec has it; false when it is simply undeclared.
     */
    static boolean reported(ResolvedSpec ix, Name ref, String kind, String user,
                            Function<ResolvedSpec, Map<String, ?>> names, Reporter reporter) {
        // the local name first: it answers for nearly every reference, and severalClusters() counts the clusters
        if (names.apply(ix).containsKey(ref.text()) || !severalClusters(ix)) return false;
        String holder = null;
        for (ResolvedSpec view : ix.whole().perCluster()) {
            if (view != ix && names.apply(view).containsKey(ref.text())) {
                holder = view.spec().cluster().name().text();
                break;
            }
        }
        if (holder == null) return false;
        String here = ix.spec().cluster().name().text();
        reporter.error(Code.HL065, ref.span(), user + " of cluster `" + here + "` refers to " + kind + " `" + ref
                        + "`, which is cluster `" + holder + "`'s")
                .hint("a cluster's blocks use its own apps, storage, nodes and load balancers: move " + user
                        + " to cluster `" + holder + "` (`cluster " + holder + "`), or give cluster `" + here
                        + "` its own " + kind)
                .emit();
        return true;
    }

    /** True when the whole spec declares {@code ref} in another cluster: a shared block's reference to it is fine. */
    static boolean elsewhere(ResolvedSpec ix, Name ref, Function<ResolvedSpec, Map<String, ?>> names) {
        return severalClusters(ix) && names.apply(ix.whole()).containsKey(ref.text());
    }

    /**
     * {@link ResolvedSpec#severalClusters()} without counting the clusters' names again: the whole spec has one
     * view per cluster name when there are several, else itself alone. Asked once per reference, so per app.
     */
    private static boolean severalClusters(ResolvedSpec ix) {
        return ix.whole().perCluster().size() > 1;
    }
}

package hlc.check;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.diag.Span;
import hlc.model.Host;
import hlc.model.StorageClass;
import hlc.resolve.ResolvedSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * HL045: a Longhorn class cannot keep more replicas than there are nodes that run its volumes' replicas (the
 * nodes that run workloads: Longhorn schedules at most one replica of a volume per node, so a volume with more
 * stays degraded forever); {@code data-locality strict-local} keeps the one replica on the pod's node, so it
 * takes exactly one.
 * HL051: an option only one backend reads, on a class of another backend (Longhorn's {@code data-locality}
 * and {@code recurring} jobs, an export on a democratic-csi iSCSI class, or an NFS class without one), which
 * would otherwise be dropped without a word.
 */
public final class StorageBackendCheck implements Check {
    @Override
    public List<Code> codes() {
        return List.of(Code.HL045, Code.HL051);
    }

    @Override
    public void run(ResolvedSpec ix, Reporter reporter) {
        // Whether any host is a worker, once: asked per control-plane host it was a scan of every host each time.
        boolean hasWorkers = false;
        for (Host h : ix.spec().hosts()) hasWorkers |= !h.isControlPlane();
        List<Host> replicaNodes = new ArrayList<>();
        for (Host h : ix.spec().hosts()) if (runsWorkloads(h, hasWorkers, ix)) replicaNodes.add(h);
        for (StorageClass sc : ix.spec().storageClasses()) {
            if (sc.backend() instanceof StorageClass.Longhorn lh) longhorn(sc, lh, replicaNodes, reporter);
            else {
                if (sc.dataLocality() != null) notRead(sc, "data-locality", sc.dataLocality().span(), reporter);
                for (StorageClass.Recurring r : sc.recurring()) notRead(sc, "recurring", r.span(), reporter);
            }
            if (sc.backend() instanceof StorageClass.DemocraticCsi dc) {
                if (!dc.isNfs() && dc.export() != null) {
                    reporter.error(Code.HL051, dc.export().span(), "storage class `" + sc.name() + "` is democratic-csi iSCSI, "
                                    + "which provisions block devices, not directories of an export")
                            .hint("drop `export " + dc.export() + "`, or write `democratic-csi nfs export " + dc.export()
                                    + " on " + dc.device() + "`").emit();
                } else if (dc.isNfs() && dc.export() == null && dc.kind() != null) {
                    reporter.error(Code.HL051, dc.span(), "storage class `" + sc.name() + "` is democratic-csi NFS but names no export "
                                    + "to provision its volumes under")
                            .hint("write `democratic-csi nfs export NAME on " + dc.device() + "` with an `export NAME \"/path\"` of `"
                                    + dc.device() + "`").emit();
                }
            }
        }
    }

    private static void longhorn(StorageClass sc, StorageClass.Longhorn lh, List<Host> nodes, Reporter reporter) {
        int replicas = lh.effectiveReplicas();
        Span at = lh.replicas() != null ? lh.replicas().span() : lh.span();
        boolean strictLocal = sc.dataLocality() != null && sc.dataLocality().text().equals("strict-local");
        if (strictLocal && replicas != 1) {
            reporter.error(Code.HL045, at, "storage class `" + sc.name() + "` keeps its data `strict-local` but asks for "
                            + replicas + " replicas: Longhorn makes a strict-local volume with exactly one")
                    .label(sc.dataLocality().span(), "strict-local here")
                    .hint("write `longhorn replicas 1`, or `data-locality best-effort` to keep a copy local and others elsewhere").emit();
        } else if (!nodes.isEmpty() && replicas > nodes.size()) {
            reporter.error(Code.HL045, at, "storage class `" + sc.name() + "` wants " + replicas + " Longhorn replicas, but only "
                            + nodes.size() + (nodes.size() == 1 ? " node runs" : " nodes run") + " workloads ("
                            + String.join(", ", nodes.stream().map(h -> h.name().text()).toList())
                            + "): Longhorn puts at most one replica of a volume on a node, so its volumes stay degraded")
                    .hint("lower the replicas to " + nodes.size() + (lh.replicas() == null ? " (Longhorn's default is 3)" : "")
                            + ", or add nodes").emit();
        }
    }

    private static void notRead(StorageClass sc, String option, Span at, Reporter reporter) {
        reporter.error(Code.HL051, at, "`" + option + "` is a Longhorn option, and storage class `" + sc.name()
                        + "` is not a Longhorn class")
                .hint("drop it, or make the class `longhorn`").emit();
    }

    /** Whether the host runs application pods, as its Talos config says (allowSchedulingOnControlPlanes). */
    private static boolean runsWorkloads(Host h, boolean hasWorkers, ResolvedSpec ix) {
        if (!h.isControlPlane()) return true;
        return ix.spec().cluster() == null ? !hasWorkers : ix.spec().cluster().workloadsOnControlPlanes(hasWorkers);
    }
}

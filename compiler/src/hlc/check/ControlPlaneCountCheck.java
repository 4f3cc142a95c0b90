package hlc.check;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.diag.Span;
import hlc.model.Host;
import hlc.resolve.ResolvedSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * HL060: a cluster needs at least one control-plane node. HL061 (warning): an even number of them tolerates no
 * more failures than one fewer (etcd needs a majority), so the extra node buys nothing but a second way to lose
 * quorum.
 */
public final class ControlPlaneCountCheck implements Check {
    @Override
    public List<Code> codes() {
        return List.of(Code.HL060, Code.HL061);
    }

    @Override
    public void run(ResolvedSpec ix, Reporter reporter) {
        var spec = ix.spec();
        if (spec.cluster() == null && spec.hosts().isEmpty()) return;
        List<Host> cps = new ArrayList<>(); // a loop, not a stream: see KubernetesNameCheck
        for (Host h : spec.hosts()) if (h.isControlPlane()) cps.add(h);
        Span at = spec.cluster() != null ? spec.cluster().name().span() : spec.hosts().get(0).name().span();
        // With several clusters, a host that names none (HL062) may be the control plane this one lacks: one
        // error for one mistake, not a second one about its consequence.
        boolean unplaced = ix.severalClusters() && ix.whole().spec().hosts().stream().anyMatch(h -> h.cluster() == null);
        if (cps.isEmpty()) {
            if (!unplaced) {
                reporter.error(Code.HL060, at, "the cluster has no control-plane node")
                        .hint("give at least one host `role controlplane` (three for a highly available etcd)").emit();
            }
        } else if (cps.size() % 2 == 0) {
            var d = reporter.warning(Code.HL061, at, "the cluster has " + cps.size()
                    + " control-plane nodes: etcd tolerates no more failures than with " + (cps.size() - 1));
            for (Host h : cps) d.label(h.role().span(), "control plane `" + h.name() + "`");
            d.hint("use an odd number of control-plane nodes (3 or 5)").emit();
        }
    }
}

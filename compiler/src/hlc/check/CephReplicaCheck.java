package hlc.check;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.diag.Span;
import hlc.model.Ceph;
import hlc.model.Host;
import hlc.resolve.FailureDomain;
import hlc.resolve.PoolPlacement;
import hlc.resolve.ResolvedSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * The same for a filesystem's and an object store's pools, which take their block's pool settings.
 *
 * <p>HL040: a pool cannot place more replicas than it has failure domains (hosts with OSDs for
 * {@code failure-domain host}, OSDs for {@code osd}); its placement groups stay undersized forever.
 * HL041: min size must not exceed replicas, or the pool never accepts a write.
 * HL042 (warning): replicas 2 with min size 1 acknowledges writes held by a single copy: one more failure
 * during recovery loses data.
 */
public final class CephReplicaCheck implements Check {
    @Override
    public List<Code> codes() {
        return List.of(Code.HL040, Code.HL041, Code.HL042);
    }

    @Override
    public void run(ResolvedSpec ix, Reporter reporter) {
        List<Ceph.Replicated> replicated = new ArrayList<>(); // a loop, not a stream: see KubernetesNameCheck
        for (Ceph c : ix.spec().cephs()) replicated.addAll(c.replicated());
        for (Ceph.Replicated r : replicated) {
            Ceph.Pool p = r.pool();
            String kind = r.kind();
            PoolPlacement placement = ix.placement(p);
            List<Host> osdHosts = placement.osdHosts();
            int osdCount = placement.osdCount();
            int replicas = placement.replicas().value();
            Span at = p.replicas() != null ? p.replicas().span() : p.name().span();
            String domain = placement.domainWord();
            int domains = placement.domains(); // -1 for racks and zones: the spec does not describe them
            if (domains >= 0 && replicas > domains) {
                String have = placement.domain() == FailureDomain.HOST
                        ? osdHosts.size() + " host" + (osdHosts.size() == 1 ? "" : "s") + " with OSDs"
                                + (osdHosts.isEmpty() ? "" : " (" + String.join(", ", osdHosts.stream().map(h -> h.name().text()).toList()) + ")")
                        : osdCount + " OSD" + (osdCount == 1 ? "" : "s");
                reporter.error(Code.HL040, at, kind + " `" + p.name() + "` wants " + replicas + (replicas == 1 ? " replica" : " replicas") + " with failure domain `"
                                + domain + "`, but the spec has only " + have)
                        .hint(placement.domain() == FailureDomain.HOST && osdCount >= replicas
                                // a single-node cluster with several disks: copies on different disks of the one host
                                ? "write `failure-domain osd` to place the copies on different OSDs (the spec has " + osdCount
                                        + "; a host failure then loses every copy), lower `replicas` to " + Math.max(1, domains)
                                        + ", or add OSDs on more hosts"
                                : "lower `replicas` to " + Math.max(1, domains) + ", or add OSDs ("
                                + "`osd \"/dev/disk/by-id/…\"`) on more hosts").emit();
            }
            if (p.minSize() != null && p.minSize().value() > replicas) {
                reporter.error(Code.HL041, p.minSize().span(), kind + " `" + p.name() + "` has min size " + p.minSize().value()
                                + ", more than its " + replicas + " replicas: it would never accept a write")
                        .hint("min size is usually replicas - replicas/2 (2 for 3 replicas)").emit();
            }
            if (replicas == 2 && p.effectiveMinSize() == 1) {
                reporter.warning(Code.HL042, at, kind + " `" + p.name() + "` has 2 replicas and min size 1: a write held by "
                                + "one copy is acknowledged, and one more failure loses it")
                        .hint("use 3 replicas with min size 2; `min-size 2` with 2 replicas instead stops I/O to the pool (reads too) while one copy is down").emit();
            }
        }
    }
}

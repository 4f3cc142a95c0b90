package hlc.whatif;

import hlc.model.Ceph;
import hlc.resolve.PoolPlacement;
import hlc.resolve.ResolvedSpec;

import java.util.List;

/**
 * What each Ceph pool can still do. CRUSH puts a placement group's copies in distinct failure domains (hosts
 * with OSDs for {@code failure-domain host}, single OSDs for {@code osd}). Failures are taken as simultaneous and
 * judged before recovery, so the worst placement group is one with as many copies as possible in the failed
 * domains: it keeps {@code min(replicas, domains) - failed domains} copies. When replicas equal the domains,
 * every domain holds a copy of every placement group and the worst case is every case; with more domains than
 * replicas it is the unlucky placement groups (with enough of them, some always are).
 */
public final class CephAvailability {
    private final ResolvedSpec spec;

    public CephAvailability(ResolvedSpec spec) {
        this.spec = spec;
    }

    /**
     * One pool under one scenario. {@code domains} and {@code domainsLeft} count failure domains (-1 when the
     * spec cannot count them); {@code copiesLeft} is what the worst placement group keeps.
     */
    public record Result(String pool, String failureDomain, int domains, int domainsLeft, int replicas, int minSize,
                         int copiesLeft, PoolState state) {

        /** Writable, but with fewer copies than it should have: one more failure away from blocking. */
        public boolean degraded() {
            return state == PoolState.WRITABLE && copiesLeft < replicas;
        }

        /** Every failure domain holds a copy of every placement group (replicas = domains). */
        public boolean everyDomainHoldsCopy() {
            return domains >= 0 && replicas >= domains;
        }

        /**
         * Enough domains are left for Ceph to rebuild every placement group to full size once the down OSDs are
         * marked out; otherwise the pool stays undersized until the failed hosts return.
         */
        public boolean canRebuild() {
            return domains >= 0 && domainsLeft >= replicas;
        }
    }

    public List<Result> analyse(Scenario s) {
        return spec.spec().pools().stream().map(p -> analyse(p, s)).toList();
    }

    private Result analyse(Ceph.Pool p, Scenario s) {
        PoolPlacement placement = spec.placement(p);
        String domain = placement.domainWord();
        int replicas = placement.replicas().value();
        int minSize = placement.minSize();
        // Racks and zones are not in the spec: which hosts share one is unknown, so nothing is counted.
        if (placement.domains() < 0) {
            return new Result(p.name().text(), domain, -1, -1, replicas, minSize, -1, PoolState.UNKNOWN);
        }
        int domains = placement.domains();
        int left = placement.domainsLeft(s::isDown);
        // No domains at all is HL040 (the pool cannot be placed); there is no data to judge.
        if (domains == 0) return new Result(p.name().text(), domain, 0, 0, replicas, minSize, 0, PoolState.UNKNOWN);
        int placed = Math.min(replicas, domains); // more replicas than domains is HL040: only this many fit
        int copiesLeft = Math.max(0, placed - (domains - left));
        PoolState state = copiesLeft == 0 ? PoolState.DATA_LOST
                : copiesLeft >= minSize ? PoolState.WRITABLE
                : PoolState.BLOCKED;
        return new Result(p.name().text(), domain, domains, left, replicas, minSize, copiesLeft, state);
    }
}

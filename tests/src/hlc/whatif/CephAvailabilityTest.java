package hlc.whatif;

import hlc.model.Spec;
import org.junit.jupiter.api.Test;

import static hlc.whatif.Lab.cp;
import static hlc.whatif.Lab.pool;
import static hlc.whatif.Lab.spec;
import static hlc.whatif.Lab.whatIf;
import static hlc.whatif.Lab.worker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hand-worked pool verdicts. With replicas = failure domains every domain holds a copy, so each failed domain
 * takes exactly one copy away; with more domains than replicas the worst placement group loses one copy per
 * failed domain until it has none.
 */
class CephAvailabilityTest {
    /** 3 hosts with one OSD each, 3 replicas, min size 2: the homelab's shape. */
    private static final Spec THREE_BY_THREE = spec(cp("n1", 11, 1), cp("n2", 12, 1), cp("n3", 13, 1),
            pool("blocks", 3, 2, "host"));

    private static CephAvailability.Result verdict(Spec spec, String... failed) {
        return whatIf(spec, failed).pools().get(0);
    }

    @Test
    void noFailureKeepsEveryCopy() {
        CephAvailability.Result r = verdict(THREE_BY_THREE);
        assertEquals(PoolState.WRITABLE, r.state());
        assertEquals(3, r.copiesLeft());
        assertFalse(r.degraded());
    }

    @Test
    void oneFailureOfThreeIsWritableButDegraded() {
        CephAvailability.Result r = verdict(THREE_BY_THREE, "n2");
        assertEquals(new CephAvailability.Result("blocks", "host", 3, 2, 3, 2, 2, PoolState.WRITABLE), r);
        assertTrue(r.degraded());
        assertFalse(r.canRebuild(), "two hosts cannot hold three copies");
    }

    @Test
    void twoFailuresOfThreeAreReadOnly() {
        CephAvailability.Result r = verdict(THREE_BY_THREE, "n1", "n3");
        assertEquals(1, r.copiesLeft());
        assertEquals(PoolState.BLOCKED, r.state());
        assertEquals("read-only/blocked", r.state().label());
    }

    @Test
    void threeFailuresOfThreeLoseTheData() {
        CephAvailability.Result r = verdict(THREE_BY_THREE, "n1", "n2", "n3");
        assertEquals(0, r.copiesLeft());
        assertEquals(PoolState.DATA_LOST, r.state());
        assertTrue(r.everyDomainHoldsCopy());
    }

    @Test
    void hostsWithoutOsdsAreNoFailureDomain() {
        Spec spec = spec(cp("n1", 11, 1), cp("n2", 12, 1), cp("n3", 13, 1), worker("w1", 21, 0),
                pool("blocks", 3, 2, "host"));
        CephAvailability.Result r = verdict(spec, "w1");
        assertEquals(3, r.domains());
        assertEquals(3, r.copiesLeft());
        assertEquals(PoolState.WRITABLE, r.state());
    }

    @Test
    void moreHostsThanReplicasJudgeTheWorstPlacementGroup() {
        // 5 hosts, 3 replicas: some placement group has copies on any 2 failed hosts (1 left, blocked), and on
        // any 3 (none left). One failure leaves 4 hosts, enough to rebuild 3 copies.
        Spec spec = spec(cp("n1", 11, 1), cp("n2", 12, 1), cp("n3", 13, 1), worker("n4", 14, 1), worker("n5", 15, 1),
                pool("blocks", 3, 2, "host"));
        CephAvailability.Result one = verdict(spec, "n4");
        assertEquals(PoolState.WRITABLE, one.state());
        assertTrue(one.canRebuild());
        assertEquals(PoolState.BLOCKED, verdict(spec, "n4", "n5").state());
        CephAvailability.Result three = verdict(spec, "n1", "n4", "n5");
        assertEquals(PoolState.DATA_LOST, three.state());
        assertFalse(three.everyDomainHoldsCopy());
    }

    @Test
    void failureDomainOsdCountsDisksNotHosts() {
        // 4 OSDs: 2 on n1, 1 each on n2 and n3. Per OSD, a placement group may hold 2 of its 3 copies on n1, so
        // losing n1 leaves it 1 copy, below min size 2. Per host the same failure leaves 2 copies: writable.
        String hosts = cp("n1", 11, 2) + cp("n2", 12, 1) + cp("n3", 13, 1);
        CephAvailability.Result perOsd = verdict(spec(hosts, pool("blocks", 3, 2, "osd")), "n1");
        assertEquals(new CephAvailability.Result("blocks", "osd", 4, 2, 3, 2, 1, PoolState.BLOCKED), perOsd);
        CephAvailability.Result perHost = verdict(spec(hosts, pool("blocks", 3, 2, "host")), "n1");
        assertEquals(new CephAvailability.Result("blocks", "host", 3, 2, 3, 2, 2, PoolState.WRITABLE), perHost);
    }

    @Test
    void failureDomainOsdSurvivesTheLossOfASmallHost() {
        String hosts = cp("n1", 11, 2) + cp("n2", 12, 1) + cp("n3", 13, 1);
        CephAvailability.Result r = verdict(spec(hosts, pool("blocks", 3, 2, "osd")), "n3");
        assertEquals(3, r.domainsLeft());
        assertEquals(2, r.copiesLeft());
        assertEquals(PoolState.WRITABLE, r.state());
        assertTrue(r.canRebuild(), "3 OSDs are left for 3 copies");
    }

    @Test
    void defaultMinSizeIsCephs() {
        // replicas 3 without min-size: Ceph's default 3 - 3/2 = 2, so two failures of three block I/O.
        Spec spec = spec(cp("n1", 11, 1), cp("n2", 12, 1), cp("n3", 13, 1),
                "ceph rook-ceph { public-network lan  pool blocks { replicas 3 } }\n");
        CephAvailability.Result r = verdict(spec, "n1", "n2");
        assertEquals(2, r.minSize());
        assertEquals(PoolState.BLOCKED, r.state());
    }

    @Test
    void rackDomainsAreNotGuessed() {
        Spec spec = spec(cp("n1", 11, 1), cp("n2", 12, 1), cp("n3", 13, 1), pool("blocks", 3, 2, "rack"));
        assertEquals(PoolState.UNKNOWN, verdict(spec, "n1").state());
    }
}

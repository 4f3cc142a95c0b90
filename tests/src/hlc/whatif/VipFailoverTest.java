package hlc.whatif;

import hlc.model.Spec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static hlc.whatif.Lab.cp;
import static hlc.whatif.Lab.spec;
import static hlc.whatif.Lab.whatIf;
import static hlc.whatif.Lab.worker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The VIP goes to a surviving control plane on its network, and only while etcd can hold the election. */
class VipFailoverTest {
    // Declared out of name order, so "first by name" is not "first declared".
    private static final Spec FIVE = spec(cp("cp-e", 15, 0), cp("cp-c", 13, 0), cp("cp-a", 11, 0), cp("cp-d", 14, 0),
            cp("cp-b", 12, 0));

    @Test
    void movesToTheFirstSurvivingControlPlaneByName() {
        VipFailover.Result r = whatIf(FIVE, "cp-a", "cp-b").vip();
        assertEquals(VipFailover.Outcome.MOVES, r.outcome());
        assertEquals("cp-c", r.to());
        assertEquals(List.of("cp-c", "cp-d", "cp-e"), r.eligible());
        assertEquals("192.168.5.200", r.address());
    }

    @Test
    void isLostWhenTheOnlyControlPlaneOnItsNetworkFails() {
        Spec spec = spec(cp("cp", 11, 0), worker("w1", 21, 0), worker("w2", 22, 0));
        VipFailover.Result r = whatIf(spec, "cp").vip();
        assertEquals(VipFailover.Outcome.LOST_NO_NODE, r.outcome());
        assertNull(r.to());
        assertEquals(List.of(), r.eligible());
    }

    @Test
    void isLostWithoutEtcdQuorumThoughAControlPlaneSurvives() {
        // Talos elects the VIP holder in etcd: 2 of 5 members cannot elect anyone.
        VipFailover.Result r = whatIf(FIVE, "cp-a", "cp-b", "cp-c").vip();
        assertEquals(VipFailover.Outcome.LOST_NO_QUORUM, r.outcome());
        assertEquals(List.of("cp-d", "cp-e"), r.eligible());
        assertNull(r.to());
    }

    @Test
    void staysWhenOnlyWorkersFail() {
        Spec spec = spec(cp("cp", 11, 0), worker("w1", 21, 0), worker("w2", 22, 0));
        assertEquals(VipFailover.Outcome.STAYS, whatIf(spec, "w1", "w2").vip().outcome());
    }

    @Test
    void noVipDeclaredIsSaidSo() {
        Spec spec = Lab.checked("""
                        network lan { cidr 192.168.5.0/24 }
                        cluster main { talos v1.10.7  kubernetes v1.33.3 }
                        host cp { role controlplane interface eth0 on lan address 192.168.5.11 }
                        """);
        assertEquals(VipFailover.Outcome.NONE, whatIf(spec, "cp").vip().outcome());
    }
}

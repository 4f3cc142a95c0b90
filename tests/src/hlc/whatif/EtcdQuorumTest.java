package hlc.whatif;

import hlc.model.Spec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static hlc.whatif.Lab.cp;
import static hlc.whatif.Lab.spec;
import static hlc.whatif.Lab.whatIf;
import static hlc.whatif.Lab.worker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Quorum is a majority of all control planes, the failed ones included: 2 of 3, 3 of 5. */
class EtcdQuorumTest {
    private static final Spec FIVE = spec(cp("cp-1", 11, 0), cp("cp-2", 12, 0), cp("cp-3", 13, 0), cp("cp-4", 14, 0),
            cp("cp-5", 15, 0));
    private static final Spec THREE = spec(cp("cp-1", 11, 0), cp("cp-2", 12, 0), cp("cp-3", 13, 0), worker("w-1", 21, 0));

    @Test
    void fiveControlPlanesSurviveTwoFailures() {
        EtcdQuorum.Result r = whatIf(FIVE, "cp-2", "cp-4").etcd();
        assertEquals(new EtcdQuorum.Result(5, 3, 3, List.of("cp-2", "cp-4")), r);
        assertTrue(r.atQuorum());
    }

    @Test
    void fiveControlPlanesLoseQuorumAtThree() {
        EtcdQuorum.Result r = whatIf(FIVE, "cp-1", "cp-2", "cp-5").etcd();
        assertEquals(2, r.left());
        assertEquals(3, r.quorum());
        assertFalse(r.atQuorum());
    }

    @Test
    void threeControlPlanesSurviveOneAndLoseQuorumAtTwo() {
        assertTrue(whatIf(THREE, "cp-3").etcd().atQuorum());
        EtcdQuorum.Result two = whatIf(THREE, "cp-1", "cp-3").etcd();
        assertEquals(new EtcdQuorum.Result(3, 1, 2, List.of("cp-1", "cp-3")), two);
        assertFalse(two.atQuorum());
    }

    @Test
    void workersAreNotEtcdMembers() {
        EtcdQuorum.Result r = whatIf(THREE, "w-1", "cp-2").etcd();
        assertEquals(new EtcdQuorum.Result(3, 2, 2, List.of("cp-2")), r);
        assertTrue(r.atQuorum());
    }
}

package hlc.whatif;

import hlc.model.Spec;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static hlc.whatif.Lab.cp;
import static hlc.whatif.Lab.spec;
import static hlc.whatif.Lab.whatIf;
import static hlc.whatif.Lab.worker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Memory is summed from the spec; requests are not in it, and scheduling follows etcd and the nodes left. */
class CapacityTest {
    private static final Spec LAB = spec(cp("n1", 11, 0, "memory 64GB"), cp("n2", 12, 0, "memory 32GB"),
            cp("n3", 13, 0, "memory 16GB"));

    @Test
    void survivingMemoryAgainstTheTotal() {
        Capacity.Result c = whatIf(LAB, "n1").capacity();
        assertEquals(new BigDecimal("48000000000"), c.memoryLeft());
        assertEquals("48GB", c.memoryLeftText());
        assertEquals("112GB", c.memoryTotalText());
        assertEquals(List.of("n2", "n3"), c.hostsLeft());
        assertFalse(c.requestsInSpec(), "the spec language has no requests: nothing may be invented");
        assertEquals(Capacity.Scheduling.RESCHEDULES, c.scheduling());
    }

    @Test
    void hostsWithoutMemoryAreNamedNotGuessed() {
        Spec spec = spec(cp("n1", 11, 0, "memory 16GiB"), cp("n2", 12, 0), cp("n3", 13, 0, "memory 0.5GiB"));
        Capacity.Result c = whatIf(spec, "n3").capacity();
        assertEquals(List.of("n2"), c.undeclared());
        assertEquals("16GiB", c.memoryLeftText());
        assertEquals("16.5GiB", c.memoryTotalText());
    }

    @Test
    void nothingSchedulesWithoutQuorum() {
        assertEquals(Capacity.Scheduling.FROZEN, whatIf(LAB, "n1", "n2").capacity().scheduling());
    }

    @Test
    void nothingSchedulesWithNoNodeLeft() {
        Capacity.Result c = whatIf(LAB, "n1", "n2", "n3").capacity();
        assertEquals(Capacity.Scheduling.NOWHERE, c.scheduling());
        assertEquals("0GB", c.memoryLeftText());
    }

    @Test
    void losingEveryWorkerLeavesNowhereToSchedule() {
        // Control planes take no pods while the cluster has workers, so they are no refuge.
        Spec spec = spec(cp("n1", 11, 0), cp("n2", 12, 0), cp("n3", 13, 0), worker("w1", 21, 0), worker("w2", 22, 0));
        assertEquals(Capacity.Scheduling.NOWHERE, whatIf(spec, "w1", "w2").capacity().scheduling());
        assertEquals(Capacity.Scheduling.RESCHEDULES, whatIf(spec, "w1").capacity().scheduling());
        // ...and losing one of them moves no pods: nothing ran there.
        assertEquals(Capacity.Scheduling.UNAFFECTED, whatIf(spec, "n1").capacity().scheduling());
    }
}

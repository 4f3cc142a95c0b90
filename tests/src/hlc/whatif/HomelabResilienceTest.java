package hlc.whatif;

import hlc.testing.Hlc;
import hlc.Compiler;
import hlc.model.Spec;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * spec/homelab.hl against the architecture page's "Cluster Resilience" section, and the README against hlc: the
 * page is right about Ceph and the VIP with one node down and Ceph with two, wrong about the Kubernetes API with
 * two; the README says so and shows the table hlc really prints.
 */
class HomelabResilienceTest {
    private static final Spec HOMELAB = homelab();
    private static final List<Report> ALL = new WhatIf(HOMELAB).analyse(Scenario.singlesAndDoubles(HOMELAB));

    private static Spec homelab() {
        try {
            Compiler.Result r = Compiler.check(Path.of(Hlc.homelab()));
            assertFalse(r.reporter().hasErrors());
            return r.spec();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<Report> failing(int hosts) {
        List<Report> reports = ALL.stream().filter(r -> r.scenario().failed().size() == hosts).toList();
        assertEquals(3, reports.size());
        return reports;
    }

    @Test
    void oneNodeDownKeepsCephServingAndTheVipMoving() {
        for (Report r : failing(1)) {
            CephAvailability.Result pool = r.pools().get(0);
            assertEquals(PoolState.WRITABLE, pool.state(), r.scenario().label());
            assertTrue(pool.degraded());
            assertEquals(VipFailover.Outcome.MOVES, r.vip().outcome(), r.scenario().label());
            assertFalse(r.scenario().isDown(r.vip().to()));
            assertTrue(r.etcd().atQuorum());
            assertEquals(0, r.appsWithoutStorage());
        }
    }

    @Test
    void twoNodesDownMakeCephReadOnly() {
        for (Report r : failing(2)) {
            assertEquals(PoolState.BLOCKED, r.pools().get(0).state(), r.scenario().label());
            // the five media apps and kube-prometheus-stack are on ceph-ssd
            assertEquals(6, r.appsWithoutStorage(), r.scenario().label());
        }
    }

    @Test
    void twoNodesDownLoseEtcdQuorumWhateverThePageSays() {
        for (Report r : failing(2)) {
            assertFalse(r.etcd().atQuorum(), r.scenario().label());
            assertEquals(VipFailover.Outcome.LOST_NO_QUORUM, r.vip().outcome());
            assertEquals(Capacity.Scheduling.FROZEN, r.capacity().scheduling());
        }
    }

    @Test
    void theReadmeCorrectsThePage() throws IOException {
        String readme = Files.readString(Hlc.project().resolve("README.md"));
        String section = readme.substring(readme.indexOf("## What if a host fails?"), readme.indexOf("## Exit codes"));
        assertTrue(section.contains("Kubernetes API remains") && section.contains("no quorum"), section);
        Path page = Hlc.project().resolve("../shared/reference/architecture.md");
        assumeTrue(Files.exists(page), "the architecture page is beside the repository only in a full checkout");
        // When the page is fixed, the README's correction should go too.
        assertTrue(Files.readString(page).contains("Kubernetes API remains accessible via remaining node"));
    }

    @Test
    void theReadmeShowsTheTableHlcPrints() throws IOException {
        String readme = Files.readString(Hlc.project().resolve("README.md"));
        Hlc r = Hlc.run("whatif", "--all", Hlc.homelab());
        assertEquals(0, r.exit(), r.err());
        String shown = "```\n$ ./hlc whatif --all spec/homelab.hl\n" + r.out() + "```\n";
        assertTrue(readme.contains(shown), "README.md's table is stale; paste this under `## What if a host fails?`:\n" + shown);
    }
}

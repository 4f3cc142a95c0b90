package hlc.today;

import hlc.emit.EmitFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link RealClusterPage} reads the table as the page defines it; the counts are the ones its prose states. */
class RealClusterPageTest {
    static RealClusterPage page;

    @BeforeAll
    static void read() throws Exception {
        page = RealClusterPage.read(EmitFixtures.projectDir());
    }

    /** The parser reads what the page says of itself: 133 Kustomizations, and a key for every abbreviation. */
    @Test
    void theTableHasAsManyKustomizationsAsThePageSays() {
        assertEquals(page.numberBefore("app Kustomizations"), page.kustomizations().size());
        assertEquals(133, page.kustomizations().size());
        assertEquals(17, page.namespaces().size(), page.namespaces().toString());
        assertEquals(Set.of("SS", "KP", "ID", "PG", "PGV", "DF", "RC", "MN"), page.dependencyKeys().keySet());
        assertEquals(Set.of("kopiur/backup", "cnpg", "auth", "zeroscaler"), Set.copyOf(page.componentMarks().values()));
        // a dependency key expands with its namespace, a bare name takes the row's
        RealClusterPage.Kustomization hermes = page.kustomizations().get("ai/hermes");
        assertEquals(new TreeSet<>(Set.of("secret-stores@external-secrets", "kopiur@kopiur-system",
                "rook-ceph-cluster@rook-ceph", "pocket-id@security")), hermes.dependsOn());
        assertEquals(Set.of("kopiur/backup"), hermes.components());
        assertEquals(Set.of("actual@default"), page.kustomizations().get("default/actual-tools").dependsOn());
        assertEquals(Set.of("plex@media", "secret-stores@external-secrets"),
                page.kustomizations().get("observability/plex-exporter").dependsOn());
    }


    @Test
    void aRowWithMarksAndExplicitNamespacesReadsAsWritten() {
        RealClusterPage.Kustomization bazarr = page.kustomizations().get("media/bazarr");
        assertEquals(Set.of("auth", "kopiur/backup", "zeroscaler"), bazarr.components());
        assertEquals(Set.of("kopiur@kopiur-system", "secret-stores@external-secrets"), bazarr.dependsOn());
        RealClusterPage.Kustomization runners = page.kustomizations().get("actions-runner-system/actions-runner-controller-runners");
        assertEquals(Set.of("actions-runner-controller@actions-runner-system", "openebs@openebs-system"), runners.dependsOn());
        assertEquals(Set.of(), page.kustomizations().get("kube-system/cilium").dependsOn());
        assertEquals(Set.of(), page.kustomizations().get("kube-system/cilium").components());
    }
}

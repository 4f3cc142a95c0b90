package hlc.repo;

import hlc.testing.Hlc;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** HL076 and HL077 from a compile into a real git repository, and where the output is when git ignores it. */
class RepositoryChecksTest {
    static final String SPEC = """
            site home { domain example.com }
            network lan { cidr 192.168.5.0/24 }
            cluster main {
              talos v1.10.7  kubernetes v1.33.3  vip 192.168.5.210 on lan
              flux { path "PATH"  layout namespaced  namespace media { components [alerts] } }
            }
            host k8s-1 {
              role controlplane
              interface eth0 on lan address 192.168.5.11
            }
            app plex { namespace media  components [kopiur/backup] }
            """;

    @TempDir
    Path tmp;
    TempRepo repo;

    @BeforeEach
    void repository() throws Exception {
        assumeTrue(TempRepo.gitWorks(), "git is not installed");
        repo = TempRepo.init(tmp);
        repo.write("kubernetes/components/alert/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n");
        repo.write("kubernetes/components/kopiur/backup/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n");
    }

    private Hlc compile(String fluxPath, String out) throws Exception {
        Path spec = repo.write("spec/lab.hl", SPEC.replace("PATH", fluxPath));
        return Hlc.run("compile", spec.toString(), "--out", repo.dir().resolve(out).toString());
    }

    @Test
    void aFluxPathThatIsNotTheOutputsSyncFolderIsReportedAtItsPlace() throws Exception {
        repo.write("kubernetes/components/alerts/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n");
        Hlc run = compile("./clusters/lab", "out");
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.err().contains("lab.hl:5:15: error[HL076]: Flux would sync `./clusters/lab`, but the output folder is `./out`"
                + " in this repository: the root of hlc's Flux tree is `./out/flux/cluster`"), run.err());
        assertTrue(run.err().contains("write `path \"./out/flux/cluster\"`"), run.err());
        assertFalse(Files.exists(repo.dir().resolve("out")), "a failed compile writes nothing");
    }

    @Test
    void theSameSpecCompilesIntoTheFolderItsPathNames() throws Exception {
        repo.write("kubernetes/components/alerts/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n");
        Hlc run = compile("./clusters/lab/flux/cluster", "clusters/lab");
        assertEquals(0, run.exit(), run.err());
        assertTrue(Files.readString(repo.dir().resolve("clusters/lab/flux/cluster/cluster-apps.yaml")).contains("path: \"./clusters/lab/flux/apps\""));
    }

    @Test
    void aComponentTheRepositoryLacksIsReportedWithTheClosestOne() throws Exception {
        Hlc run = compile("./out/flux/cluster", "out");
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.err().contains("error[HL077]: component `alerts` is not in the repository: ./kubernetes/components/alerts has no kustomization.yaml"), run.err());
        assertTrue(run.err().contains("did you mean `alert`?"), run.err());
        assertFalse(run.err().contains("kopiur/backup` is not"), "the app's component is there: " + run.err());
    }

    @Test
    void anOutputFolderGitIgnoresIsInNoRepository() throws Exception {
        repo.write(".gitignore", "build/\n");
        // Not committed, so nothing is checked against the repository: the spec's flux path places it.
        Hlc run = compile("./build/out/flux/cluster", "build/out");
        assertEquals(0, run.exit(), run.err());
        run = compile("./elsewhere/flux/cluster", "build/out");
        assertEquals(0, run.exit(), "the spec says where the output goes; nothing says otherwise: " + run.err());
        assertTrue(Files.readString(repo.dir().resolve("build/out/flux/cluster/cluster-apps.yaml")).contains("path: \"./elsewhere/flux/apps\""));
    }
}

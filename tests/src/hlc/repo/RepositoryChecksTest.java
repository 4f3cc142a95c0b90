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

/**
 * HL076, HL077 and HL078 from a compile into a real git repository, where the output is when git ignores it, and
 * which repository the app folders and components are looked for in (the spec's {@code flux repository}).
 */
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
        repo.write("kubernetes/apps/media/plex/app/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n");
    }

    private Hlc compileSpec(String spec) throws Exception {
        Path file = repo.write("spec/lab.hl", spec);
        return Hlc.run("compile", file.toString(), "--out", repo.dir().resolve("out").toString());
    }

    private static String withApps(String apps, String flux) {
        return SPEC.replace("PATH", "./out/flux/cluster").replace("layout namespaced  namespace media { components [alerts] }", flux)
                .replace("app plex { namespace media  components [kopiur/backup] }", apps);
    }

    @Test
    void anAppPathTheRepositoryLacksIsReportedAtItsPathWithTheClosestFolder() throws Exception {
        Hlc run = compileSpec(withApps("app plex {\n  namespace media\n  path \"./kubernetes/apps/media/plx/app\"\n}\n", ""));
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.err().contains("lab.hl:13:8: error[HL078]: app `plex`'s folder `./kubernetes/apps/media/plx/app` is not in the repository"), run.err());
        assertTrue(run.err().contains("did you mean `./kubernetes/apps/media/plex/app`?"), run.err());
        assertFalse(Files.exists(repo.dir().resolve("out")), "a failed compile writes nothing");
    }

    @Test
    void anAppWithoutPathIsLookedForAtTheDefaultFolder() throws Exception {
        Hlc run = compileSpec(withApps("app plex { namespace media }\napp sonarr { namespace media }\n", ""));
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.err().contains("lab.hl:12:5: error[HL078]: app `sonarr`'s folder `./kubernetes/apps/media/sonarr/app` is not in"
                + " the repository (the default for its namespace and name"), run.err());
        assertFalse(run.err().contains("app `plex`"), "plex's default folder is there: " + run.err());
    }

    @Test
    void aFluxRepositoryThatIsNoRemoteOfTheWorkTreeIsAnotherRepository() throws Exception {
        repo.git("remote", "add", "origin", "https://git.example.org/someone/hlc-itself.git");
        String apps = "app sonarr {\n  namespace media\n  components [nowhere]\n}\n";
        Hlc run = compileSpec(withApps(apps, "repository \"https://github.com/me/lab\""));
        assertEquals(0, run.exit(), "the apps live in github.com/me/lab, which hlc cannot see: " + run.err());
        // the same spec in the repository it names (an scp-like remote of the same URL): both are reported
        repo.git("remote", "add", "github", "git@github.com:me/lab.git");
        run = compileSpec(withApps(apps, "repository \"https://github.com/me/lab\""));
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.err().contains("error[HL078]: app `sonarr`'s folder"), run.err());
        assertTrue(run.err().contains("error[HL077]: component `nowhere` is not in the repository"), run.err());
    }

    @Test
    void remoteUrlsAreComparedWhateverTheirForm() {
        Repository r = new Repository(tmp, tmp, java.util.List.of("ssh://git@GitHub.com:22/me/lab.git/"));
        assertTrue(r.isOrMayBe("https://github.com/me/lab"));
        assertTrue(r.isOrMayBe("git@github.com:me/lab"));
        assertFalse(r.isOrMayBe("https://github.com/me/lab2"));
        assertFalse(r.isOrMayBe("https://gitlab.com/me/lab"));
        assertTrue(r.isOrMayBe(null), "a spec that names no repository means the one the output is in");
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
        // `hlc check` finds it already, without the repository: a Flux path must end in the sync folder
        assertTrue(run.err().contains("lab.hl:5:15: error[HL076]: Flux would sync `./clusters/lab`, a folder hlc never writes"), run.err());
        assertTrue(run.err().contains("followed by /flux/cluster (`\"./out/flux/cluster\"` for out/ at the repository's root)"), run.err());
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

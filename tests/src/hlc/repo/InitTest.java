package hlc.repo;

import hlc.fmt.Formatter;
import hlc.testing.Hlc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code hlc init}: a first run that works, in a fresh git repository, hooks included, as the README tells it. */
class InitTest {
    @TempDir
    Path tmp;

    @Test
    void aFreshRepositoryGetsASpecThatChecksCompilesAndCommitsThroughTheHook() throws Exception {
        assumeTrue(TempRepo.gitWorks(), "git is not installed");
        TempRepo repo = TempRepo.init(tmp);
        repo.write(".gitignore", "node_modules/");
        Hlc init = Hlc.run("init", repo.dir().toString(), "--hook");
        assertEquals(0, init.exit(), init.err());
        Path spec = repo.dir().resolve("spec/homelab.hl");
        String text = Files.readString(spec);
        assertEquals(text, Formatter.formatText("homelab.hl", text).text(), "the starter spec is in the fmt layout");
        assertEquals(0, Hlc.run("check", spec.toString(), "--strict").exit(), "and checks clean");
        String ignore = Files.readString(repo.dir().resolve(".gitignore"));
        assertTrue(ignore.startsWith("node_modules/\n"), "the user's lines are kept: " + ignore);
        assertTrue(ignore.contains("\n.*.hlc.lock\n") && ignore.contains("\n*.secrets.yaml\n"), ignore);

        Hlc again = Hlc.run("init", repo.dir().toString());
        assertEquals(0, again.exit());
        assertTrue(again.err().contains("exists; left it alone"), again.err());
        assertEquals(ignore, Files.readString(repo.dir().resolve(".gitignore")), "nothing added twice");

        Hlc compile = Hlc.run("compile", spec.toString(), "--out", repo.dir().resolve("out").toString());
        assertEquals(0, compile.exit(), compile.err());
        repo.git("add", "-A");
        TempRepo.Run commit = repo.git("commit", "-m", "a lab");
        assertEquals(0, commit.exit(), "the hook passes the first commit: " + commit.output());
        assertFalse(repo.tracked().stream().anyMatch(p -> p.contains(".hlc.lock")), "the lock is not committed: " + repo.tracked());
    }

    /**
     * The README's `hlc init mylab --hook` in a repository with an origin: the lab is a folder of the repository,
     * so the sync path and the app's folder start with it, the spec names the origin (so HL078 looks at the app's
     * folder, which init wrote), and the first commit goes through the hook.
     */
    @Test
    void aLabInAFolderOfARepositoryWithAnOriginCompilesWithItsOwnPaths() throws Exception {
        assumeTrue(TempRepo.gitWorks(), "git is not installed");
        TempRepo repo = TempRepo.init(tmp);
        repo.git("remote", "add", "origin", "git@github.com:me/lab.git");
        Hlc init = Hlc.run("init", repo.dir().resolve("mylab").toString(), "--hook");
        assertEquals(0, init.exit(), init.err());
        assertTrue(init.err().contains("point Flux at ./mylab/out/flux/cluster"), init.err());
        Path spec = repo.dir().resolve("mylab/spec/homelab.hl");
        String text = Files.readString(spec);
        assertEquals(text, Formatter.formatText("homelab.hl", text).text(), "the starter spec is in the fmt layout");
        assertTrue(text.contains("repository \"ssh://git@github.com/me/lab.git\"") && text.contains("path \"./mylab/out/flux/cluster\""), text);

        Hlc compile = Hlc.run("compile", spec.toString(), "--out", repo.dir().resolve("mylab/out").toString());
        assertEquals(0, compile.exit(), "no HL076, and the app's folder is there: " + compile.err());
        assertTrue(Files.readString(repo.dir().resolve("mylab/out/flux/cluster/cluster-apps.yaml")).contains("path: \"./mylab/out/flux/apps\""));
        repo.git("add", "-A");
        TempRepo.Run commit = repo.git("commit", "-m", "a lab");
        assertEquals(0, commit.exit(), "the hook passes the first commit: " + commit.output());
        assertTrue(repo.tracked().contains("mylab/kubernetes/apps/default/podinfo/app/deployment.yaml"), repo.tracked().toString());

        // the check is real: without the app's folder the same compile fails at the app's path
        repo.git("rm", "-rq", "mylab/kubernetes");
        Hlc again = Hlc.run("compile", spec.toString(), "--out", repo.dir().resolve("mylab/out").toString());
        assertEquals(1, again.exit(), again.err());
        assertTrue(again.err().contains("error[HL078]: app `podinfo`'s folder `./mylab/kubernetes/apps/default/podinfo/app`"), again.err());
    }
}

package hlc.repo;

import hlc.testing.Hlc;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code hlc gate --staged}, the hook's one command, in a real git repository: it judges the index, tells
 * "compile again" from "you compiled but did not stage out/", prints each finding once, refuses staged Talos
 * secrets by content wherever they are, and keeps the machine configs out of {@code git add -A} in the first place.
 */
class GateTest {
    static final String GOOD = """
            site home {
              domain example.com
            }

            network lan {
              cidr 192.168.5.0/24
            }

            cluster main {
              talos v1.10.7
              kubernetes v1.33.3
              vip 192.168.5.210 on lan
            }

            host k8s-1 {
              role controlplane
              interface eth0 on lan address 192.168.5.11
            }
            """;
    static final String MOVED = GOOD.replace("192.168.5.11", "192.168.5.12");
    static final String BROKEN = GOOD.replace("192.168.5.11", "192.168.6.11"); // HL023

    @TempDir
    Path tmp;
    TempRepo repo;

    @BeforeEach
    void repository() throws Exception {
        assumeTrue(TempRepo.gitWorks(), "git is not installed");
        repo = TempRepo.init(Files.createDirectories(tmp.resolve("repo")));
        repo.write("spec/homelab.hl", GOOD);
        assertEquals(0, compile().exit());
        repo.commitAll("start");
    }

    private Hlc compile(String... more) {
        String[] args = {"compile", repo.dir().resolve("spec/homelab.hl").toString(), "--out", repo.dir().resolve("out").toString()};
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return Hlc.run(all);
    }

    private Hlc gate() {
        return Hlc.run("gate", "--staged", "--repo", repo.dir().toString());
    }

    @Test
    void aCleanCommitPasses() throws Exception {
        repo.write("spec/homelab.hl", GOOD + "\n// a comment changes nothing it compiles to\n");
        repo.git("add", "-A");
        Hlc g = gate();
        assertEquals(0, g.exit(), g.err());
    }

    @Test
    void theIndexIsJudgedNotTheWorkTree() throws Exception {
        repo.write("spec/homelab.hl", BROKEN); // broken in the work tree only
        repo.write("README.md", "notes\n");
        repo.git("add", "README.md");
        assertEquals(0, gate().exit(), "the commit records neither the broken spec nor out/");

        repo.git("add", "spec/homelab.hl");
        repo.write("spec/homelab.hl", GOOD); // fixed in the work tree, but the commit would record the broken one
        Hlc g = gate();
        assertEquals(1, g.exit(), g.err());
        assertTrue(g.err().contains("spec/homelab.hl:17:33: error[HL023]"), "named as in the repository: " + g.err());
    }

    @Test
    void eachFindingIsPrintedOnce() throws Exception {
        repo.write("spec/homelab.hl", BROKEN);
        repo.git("add", "-A");
        Hlc g = gate();
        assertEquals(1, g.exit());
        assertEquals(1, count(g.err(), "error[HL023]"), g.err());
    }

    @Test
    void aSpecChangeWithoutACompileSaysCompileAgain() throws Exception {
        repo.write("spec/homelab.hl", MOVED);
        repo.git("add", "spec/homelab.hl");
        Hlc g = gate();
        assertEquals(1, g.exit(), g.err());
        assertTrue(g.err().contains("compile again"), g.err());
        assertFalse(g.err().contains("did not stage"), g.err());
    }

    @Test
    void aCompileNotStagedSaysStageIt() throws Exception {
        repo.write("spec/homelab.hl", MOVED);
        assertEquals(0, compile().exit());
        repo.git("add", "spec/homelab.hl"); // out/ compiled in the work tree, but not staged
        Hlc g = gate();
        assertEquals(1, g.exit(), g.err());
        assertTrue(g.err().contains("you compiled but did not stage out/"), g.err());
        assertTrue(g.err().contains("git add out"), g.err());

        repo.git("add", "out");
        assertEquals(0, gate().exit(), "staged, the commit is current");
    }

    @Test
    void anUnformattedSpecIsRefused() throws Exception {
        repo.write("spec/homelab.hl", GOOD.replace("cluster main {\n  talos", "cluster main {\n      talos"));
        repo.git("add", "spec/homelab.hl");
        Hlc g = gate();
        assertEquals(1, g.exit(), g.err());
        assertTrue(g.err().contains("spec/homelab.hl is not in the fmt layout"), g.err());
    }

    @Test
    void talosConfigsStayOutOfGitAddAndAreRefusedWhenForced() throws Exception {
        Path bundle = tmp.resolve("cluster.secrets.yaml");
        assertEquals(0, Hlc.run("secrets", "init", bundle.toString()).exit());
        assertEquals(0, compile("--secrets", bundle.toString()).exit());
        assertTrue(Files.isRegularFile(repo.dir().resolve("out/talos/k8s-1.yaml")));
        repo.git("add", "-A");
        String staged = repo.git("diff", "--cached", "--name-only").output();
        assertFalse(staged.contains("talos/"), "out/.gitignore keeps the configs out of `git add -A`: " + staged);

        repo.git("add", "-f", "out/talos/k8s-1.yaml");
        Files.copy(bundle, repo.dir().resolve("notes.yaml"));
        repo.git("add", "notes.yaml");
        Hlc g = gate();
        assertEquals(1, g.exit(), g.err());
        assertTrue(g.err().contains("out/talos/k8s-1.yaml holds a Talos machine config"), g.err());
        assertTrue(g.err().contains("`git rm --cached out/talos/k8s-1.yaml`"), g.err());
        assertTrue(g.err().contains("notes.yaml holds a Talos secrets bundle"), "by content, wherever it is: " + g.err());
    }

    /**
     * Without --staged (CI) the gate judges every tracked file of the work tree, by content: a tracked copy of a
     * secrets bundle and a force-added machine config are refused with how to remove them from git, a file that
     * only names a key's first characters is not, and neither is an untracked copy, which no commit records.
     */
    @Test
    void theWorkTreeGateRefusesTrackedSecretsWhereverTheyAre() throws Exception {
        Path bundle = tmp.resolve("cluster.secrets.yaml");
        assertEquals(0, Hlc.run("secrets", "init", bundle.toString()).exit());
        assertEquals(0, compile("--secrets", bundle.toString()).exit());
        Hlc before = Hlc.run("gate", "--repo", repo.dir().toString());
        assertFalse(before.err().contains("must never be committed"), "nothing tracked holds a secret yet: " + before.err());

        Files.createDirectories(repo.dir().resolve("docs/old"));
        Files.copy(bundle, repo.dir().resolve("docs/old/notes.yaml"));
        Files.copy(bundle, repo.dir().resolve("untracked.yaml"));
        repo.write("docs/keys.md", "Talos keys are base64 of PEM, so they start with LS0t.\n");
        repo.git("add", "docs");
        repo.git("add", "-f", "out/talos/k8s-1.yaml");
        repo.git("commit", "-q", "-m", "a mistake");
        Hlc g = Hlc.run("gate", "--repo", repo.dir().toString());
        assertEquals(1, g.exit(), g.err());
        assertTrue(g.err().contains("docs/old/notes.yaml holds a Talos secrets bundle"), g.err());
        assertTrue(g.err().contains("out/talos/k8s-1.yaml holds a Talos machine config"), g.err());
        assertTrue(g.err().contains("remove it from git with `git rm --cached out/talos/k8s-1.yaml`"), g.err());
        assertEquals(2, count(g.err(), "must never be committed"), g.err());
        assertFalse(g.err().contains("untracked.yaml") || g.err().contains("keys.md"), g.err());
    }

    @Test
    void theHookRunsTheGateOnTheIndex() throws Exception {
        assertEquals(0, Hlc.run("hook", "install", "--repo", repo.dir().toString()).exit());
        repo.write("spec/homelab.hl", MOVED);
        assertEquals(0, compile().exit());
        repo.git("add", "spec/homelab.hl");
        TempRepo.Run commit = repo.git("commit", "-m", "move the node, forget out/");
        assertTrue(commit.exit() != 0, commit.output());
        assertTrue(commit.output().contains("you compiled but did not stage out/"), commit.output());
        repo.git("add", "out");
        TempRepo.Run again = repo.git("commit", "-m", "move the node");
        assertEquals(0, again.exit(), again.output());
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) n++;
        return n;
    }
}

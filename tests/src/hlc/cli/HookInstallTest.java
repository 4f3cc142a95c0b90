package hlc.cli;

import hlc.hook.HookScript;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code hlc hook install} in a real git repository: commits are refused or let through by what the hook's hlc
 * says. The test builds nothing: installed from the test JVM, the hook runs {@code java -cp} with this JVM's
 * class path (target/classes and the dependencies), the same code under test, never a stale jar.
 */
class HookInstallTest {
    // In the fmt layout: the hook checks that too.
    static final String GOOD = """
            network lan {
              cidr 192.168.5.0/24
            }

            cluster main {
              talos v1.10.7
              kubernetes v1.33.3
            }

            host k8s-1 {
              role controlplane
              interface eth0 on lan address 192.168.5.11
            }
            """;
    static final String BROKEN = GOOD.replace("192.168.5.11", "192.168.6.11"); // HL023

    @TempDir
    Path repo;

    record Run(int exit, String output) {}

    @BeforeEach
    void repository() throws Exception {
        assumeTrue(gitWorks(), "git is not installed: the hook tests need it");
        git("init", "-q", "-b", "main");
        git("config", "user.name", "hlc test");
        git("config", "user.email", "hlc-test@example.invalid");
        git("config", "commit.gpgsign", "false");
        // `hook install` runs in this JVM, under the user's git configuration: a global core.hooksPath would
        // send the test's hook into every repository of the user. The local setting keeps it here.
        git("config", "core.hooksPath", ".git/hooks");
        write("README.md", "a homelab\n");
        write("spec/homelab.hl", GOOD);
        assertEquals(0, Main.run("compile", repo.resolve("spec/homelab.hl").toString(), "--out", repo.resolve("out").toString()));
        git("add", "-A");
        assertEquals(0, git("commit", "-q", "--no-verify", "-m", "start").exit());
    }

    @Test
    void brokenSpecIsRefusedWithTheFinding() throws Exception {
        install();
        write("spec/homelab.hl", BROKEN);
        git("add", "spec/homelab.hl");
        Run commit = git("commit", "-m", "break it");
        assertNotEquals(0, commit.exit(), commit.output());
        assertTrue(commit.output().contains(HookScript.RUNNING + "spec/homelab.hl"), commit.output());
        assertTrue(commit.output().contains("error[HL023]"), commit.output());
        assertEquals(1, commits(), "the commit must not have happened");
    }

    @Test
    void goodSpecCommits() throws Exception {
        install();
        write("spec/homelab.hl", GOOD + "\n// a comment changes the spec, not what it compiles to\n");
        git("add", "spec/homelab.hl");
        Run commit = git("commit", "-m", "comment");
        assertEquals(0, commit.exit(), commit.output());
        assertTrue(commit.output().contains(HookScript.RUNNING), "the hook should have checked: " + commit.output());
        assertEquals(2, commits());
    }

    @Test
    void staleOutputIsRefused() throws Exception {
        install();
        write("out/flux/cluster/cluster-settings.yaml", "edited by hand\n");
        git("add", "out");
        Run commit = git("commit", "-m", "hand edit");
        assertNotEquals(0, commit.exit(), commit.output());
        assertTrue(commit.output().contains("out of date"), commit.output());
    }

    @Test
    void commitWithoutSpecOrOutputSkipsTheCheck() throws Exception {
        install();
        write("spec/homelab.hl", BROKEN); // broken in the work tree, but not part of this commit
        write("README.md", "a homelab, documented\n");
        git("add", "README.md");
        Run commit = git("commit", "-m", "docs");
        assertEquals(0, commit.exit(), commit.output());
        assertFalse(commit.output().contains(HookScript.RUNNING), "the hook should have stayed silent: " + commit.output());
        assertEquals(2, commits());
    }

    @Test
    void foreignHookIsKeptUnlessForced() throws Exception {
        Path hook = repo.resolve(".git/hooks/pre-commit");
        String foreign = "#!/bin/sh\necho someone else's hook\n";
        Files.createDirectories(hook.getParent());
        Files.writeString(hook, foreign);

        assertEquals(2, Main.run("hook", "install", "--repo", repo.toString()));
        assertEquals(foreign, Files.readString(hook));
        assertEquals(0, Main.run("hook", "uninstall", "--repo", repo.toString()));
        assertEquals(foreign, Files.readString(hook), "uninstall removes only hlc's hook");

        assertEquals(0, Main.run("hook", "install", "--force", "--repo", repo.toString()));
        assertTrue(HookScript.isOurs(Files.readString(hook)));
    }

    @Test
    void reinstallUpdatesAndUninstallRemoves() throws Exception {
        install();
        assertEquals(0, Main.run("hook", "install", "--spec", "spec/homelab.hl", "--repo", repo.resolve("spec").toString()),
                "a second install replaces hlc's own hook");
        Path hook = repo.resolve(".git/hooks/pre-commit");
        assertTrue(Files.readString(hook).contains("spec='spec/spec/homelab.hl'"), "--spec is relative to --repo");
        assertEquals(0, Main.run("hook", "uninstall", "--repo", repo.toString()));
        assertFalse(Files.exists(hook));
    }

    @Test
    void outsideARepositoryIsAUsageError(@TempDir Path notARepo) {
        assertEquals(2, Main.run("hook", "install", "--repo", notARepo.toString()));
    }

    private void install() throws IOException {
        assertEquals(0, Main.run("hook", "install", "--repo", repo.toString()));
        assertTrue(Files.isExecutable(repo.resolve(".git/hooks/pre-commit")));
    }

    private int commits() throws Exception {
        return Integer.parseInt(git("rev-list", "--count", "HEAD").output().strip());
    }

    private void write(String path, String text) throws IOException {
        Path p = repo.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    /** git in the test repository, blind to the user's and the system's configuration (hooksPath, signing). */
    private Run git(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true);
        pb.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        pb.environment().remove("HLC_LAUNCHER");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out);
    }

    private static boolean gitWorks() {
        try {
            return new ProcessBuilder("git", "--version").start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

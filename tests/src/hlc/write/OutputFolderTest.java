package hlc.write;

import hlc.emit.RenderedFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static hlc.write.TreeFixtures.hashTree;
import static hlc.write.TreeFixtures.hlc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The output folder is replaced as a whole and only ever with a complete, validated result: what hlc generated
 * is replaced, what it never generated is kept, secrets of an earlier run are removed when a run makes none, and a failed
 * compile changes nothing. {@code compile --check} says exactly which files are stale, missing or extra.
 */
class OutputFolderTest {
    @TempDir
    Path dir;

    static RenderedFile file(String path, String content) {
        return new RenderedFile(path, content, false);
    }

    static RenderedFile secret(String path, String content) {
        return new RenderedFile(path, content, true);
    }

    static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    @Nested
    class Replace {
        Path out;

        @BeforeEach
        void setUp() {
            out = dir.resolve("out");
        }

        @Test
        void writesEveryFileAndAManifestOfTheCommittedOnes() throws IOException {
            new OutputFolder(out).replace(List.of(file("a.yaml", "a: 1\n"), file("sub/dir/b.yaml", "b: 2\n"),
                    secret("talos/n1.yaml", "secret: 1\n")), true);
            assertEquals("a: 1\n", read(out.resolve("a.yaml")));
            assertEquals("b: 2\n", read(out.resolve("sub/dir/b.yaml")));
            assertEquals("secret: 1\n", read(out.resolve("talos/n1.yaml")));
            List<String> manifest = Files.readAllLines(out.resolve(Manifest.NAME));
            assertTrue(manifest.contains("a.yaml") && manifest.contains("sub/dir/b.yaml"), manifest.toString());
            assertFalse(manifest.contains("talos/n1.yaml"), "secret files are not listed: " + manifest);
            assertEquals(List.of(), TreeFixtures.leftovers(out), "temporary folders left beside out/");
        }

        @Test
        void keepsFilesHlcNeverGeneratedAndRemovesOnesItNoLongerGenerates() throws IOException {
            new OutputFolder(out).replace(List.of(file("a.yaml", "a: 1\n"), file("old/gone.yaml", "g: 1\n")), false);
            Files.writeString(out.resolve("README.md"), "# mine\n");
            Files.createDirectories(out.resolve("notes"));
            Files.writeString(out.resolve("notes/todo.txt"), "keep me\n");

            new OutputFolder(out).replace(List.of(file("a.yaml", "a: 2\n"), file("new.yaml", "n: 1\n")), false);
            assertEquals("a: 2\n", read(out.resolve("a.yaml")), "replaced");
            assertEquals("n: 1\n", read(out.resolve("new.yaml")), "added");
            assertFalse(Files.exists(out.resolve("old/gone.yaml")), "a file generated before but not now is removed");
            assertEquals("# mine\n", read(out.resolve("README.md")), "a file hlc never generated is kept");
            assertEquals("keep me\n", read(out.resolve("notes/todo.txt")));
            assertEquals(List.of(), TreeFixtures.leftovers(out));
        }

        @Test
        void removesOldSecretsWhenThisRunMadeNoneAndReplacesThemWhenItDid() throws IOException {
            new OutputFolder(out).replace(List.of(file("a.yaml", "a: 1\n"), secret("talosconfig", "client\n"),
                    secret("talos/n1.yaml", "one\n"), secret("talos/n2.yaml", "two\n")), true);

            List<String> dropped = new OutputFolder(out).replace(List.of(file("a.yaml", "a: 1\n")), false);
            assertEquals(List.of("talos/n1.yaml", "talos/n2.yaml", "talosconfig"), dropped, "reported, for the message");
            assertFalse(Files.exists(out.resolve("talos/n1.yaml")), "configs of an earlier spec never survive a compile");
            assertFalse(Files.exists(out.resolve("talosconfig")));

            new OutputFolder(out).replace(List.of(file("a.yaml", "a: 1\n"),
                    secret("talos/n1.yaml", "one\n"), secret("talos/n2.yaml", "two\n")), true);
            new OutputFolder(out).replace(List.of(file("a.yaml", "a: 1\n"), secret("talos/n1.yaml", "ONE\n")), true);
            assertEquals("ONE\n", read(out.resolve("talos/n1.yaml")), "replaced by this run's configs");
            assertFalse(Files.exists(out.resolve("talos/n2.yaml")), "a node gone from the spec loses its config");
        }

        @Test
        void secretFilesAreOwnerOnly() throws IOException {
            assumeTrue(TreeFixtures.posix(dir), "no POSIX permissions on this file system");
            new OutputFolder(out).replace(List.of(file("a.yaml", "a: 1\n"), secret("talos/n1.yaml", "s\n")), true);
            assertEquals("rw-------", TreeFixtures.mode(out.resolve("talos/n1.yaml")));
            assertEquals("rwx------", TreeFixtures.mode(out.resolve("talos")));
            assertNotEquals("rw-------", TreeFixtures.mode(out.resolve("a.yaml")), "committed files are ordinary");
        }

        /** A file someone put where hlc now writes one (their own .gitignore) gives way to hlc's. */
        @Test
        void aHandMadeFileWhereHlcNowWritesIsReplaced() throws IOException {
            Files.createDirectories(out);
            Files.writeString(out.resolve(".gitignore"), "mine\n");
            new OutputFolder(out).replace(List.of(file(".gitignore", "hlc's\n")), false);
            assertEquals("hlc's\n", read(out.resolve(".gitignore")));
        }

        @Test
        void recoversAFolderADeadRunLeftAside() throws IOException {
            new OutputFolder(out).replace(List.of(file("a.yaml", "a: 1\n")), false);
            Path aside = dir.resolve(".out.hlc-999999-old");
            Files.move(out, aside);
            Files.createDirectories(dir.resolve(".out.hlc-999999-new"));
            new OutputFolder(out).recover();
            assertEquals("a: 1\n", read(out.resolve("a.yaml")));
            assertEquals(List.of(), TreeFixtures.leftovers(out));
        }
    }

    /** The CLI on a copy of the real spec, in a temporary project: spec/homelab.hl and out/. */
    @Nested
    class Cli {
        Path spec;
        Path out;

        @BeforeEach
        void setUp() throws IOException {
            Files.createDirectories(dir.resolve("spec"));
            spec = dir.resolve("spec/homelab.hl");
            Files.copy(hlc.emit.EmitFixtures.realSpec(), spec);
            out = dir.resolve("out");
        }

        TreeFixtures.Cli compile(String... more) {
            String[] args = new String[3 + more.length];
            args[0] = "compile";
            args[1] = spec.toString();
            System.arraycopy(more, 0, args, 2, more.length);
            args[args.length - 1] = "-o=" + out;
            return hlc(args);
        }

        TreeFixtures.Cli check() {
            return hlc("compile", spec.toString(), "-o", out.toString(), "--check");
        }

        void edit(String from, String to) throws IOException {
            String text = read(spec);
            assertTrue(text.contains(from), from);
            Files.writeString(spec, text.replace(from, to));
        }

        @Test
        void aFailedCompileLeavesTheOutputFolderByteIdentical() throws IOException {
            TreeFixtures.Cli first = compile();
            assertEquals(0, first.exit(), first.toString());
            Files.writeString(out.resolve("README.md"), "# out\n");
            Map<String, String> before = hashTree(out);
            assertTrue(before.size() > 50, "only " + before.size() + " entries");

            // an error the checks find
            edit("app plex {\n  namespace media\n", "app plex {\n  namespace media\n  depends [no-such-app]\n");
            TreeFixtures.Cli bad = compile();
            assertEquals(1, bad.exit(), bad.toString());
            assertTrue(bad.err().contains("HL010"), bad.toString());
            assertEquals(before, hashTree(out), "a compile with check errors changed out/");

            // an error only an emitter finds
            Files.copy(hlc.emit.EmitFixtures.realSpec(), spec, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            edit("talos v1.10.7", "talos v1.15.1");
            TreeFixtures.Cli emitFail = compile();
            assertEquals(1, emitFail.exit(), emitFail.toString());
            assertTrue(emitFail.err().contains("HL096"), emitFail.toString());
            assertEquals(before, hashTree(out), "a compile with emit errors changed out/");
            assertEquals(List.of(), TreeFixtures.leftovers(out));
        }

        @Test
        void twoCompilesGiveTheSameBytesAndCheckIsCleanRightAfter() throws IOException {
            assertEquals(0, compile().exit());
            Map<String, String> first = hashTree(out);
            TreeFixtures.Cli check = check();
            assertEquals(0, check.exit(), check.toString());
            assertTrue(check.err().contains("up to date"), check.toString());
            assertEquals(0, compile().exit());
            assertEquals(first, hashTree(out), "a second compile changed bytes");
        }

        @Test
        void checkReportsAStaleFileWithAUnifiedDiff() throws IOException {
            assertEquals(0, compile().exit());
            Map<String, String> before = hashTree(out);
            edit("address 192.168.5.10 on lan", "address 192.168.5.19 on lan"); // one character

            TreeFixtures.Cli check = check();
            assertEquals(1, check.exit(), check.toString());
            assertEquals(before, hashTree(out), "--check wrote something");
            String err = check.err();
            assertTrue(err.contains(out + "/flux/cluster/cluster-settings.yaml: stale"), err);
            List<String> lines = err.lines().map(String::strip).toList();
            assertTrue(lines.contains("-  \"NAS_IP\": \"192.168.5.10\""), "no removed line in the diff:\n" + err);
            assertTrue(lines.contains("+  \"NAS_IP\": \"192.168.5.19\""), "no added line in the diff:\n" + err);
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("@@")), "no hunk header:\n" + err);
            assertTrue(err.contains("dns/unifi-static-dns.json: stale"), err);
            assertFalse(err.contains(": missing") || err.contains(": extra"), err);

            assertEquals(0, compile().exit());
            assertEquals(0, check().exit(), "a compile makes it current again");
        }

        @Test
        void checkReportsMissingAndExtraFiles() throws IOException {
            assertEquals(0, compile().exit());
            Files.delete(out.resolve("storage/classes/nfs-media.yaml"));
            TreeFixtures.Cli gone = check();
            assertEquals(1, gone.exit(), gone.toString());
            assertTrue(gone.err().contains(out + "/storage/classes/nfs-media.yaml: missing"), gone.toString());
            assertEquals(0, compile().exit());

            edit("app openebs {\n  namespace openebs-system\n}", "app openebs {\n  namespace openebs-systen\n}");
            TreeFixtures.Cli moved = check();
            assertEquals(1, moved.exit(), moved.toString());
            String err = moved.err();
            assertTrue(err.contains(out + "/flux/apps/openebs-system/openebs.yaml: extra"), err);
            assertTrue(err.contains(out + "/flux/apps/openebs-system/namespace.yaml: extra"), err);
            assertTrue(err.contains(out + "/flux/apps/openebs-systen/openebs.yaml: missing"), err);
            assertTrue(err.contains(out + "/flux/apps/kustomization.yaml: stale"), err);
            assertTrue(err.lines().map(String::strip).anyMatch(l -> l.equals("+  - \"./openebs-systen\"")), err);

            assertEquals(0, compile().exit());
            assertFalse(Files.exists(out.resolve("flux/apps/openebs-system")), "the old folder is gone");
            assertTrue(Files.exists(out.resolve("flux/apps/openebs-systen/openebs.yaml")));
        }
    }
}

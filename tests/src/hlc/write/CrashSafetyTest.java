package hlc.write;

import hlc.emit.RenderedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run killed at any point leaves the output folder entirely old or entirely new, and two runs at once do not
 * corrupt it. Each test kills a real JVM: in-process exceptions would run finally blocks a crash never runs.
 */
class CrashSafetyTest {
    @TempDir
    Path dir;

    /** The old tree: what a previous run wrote. */
    private static final Map<String, String> OLD = Map.of(
            "flux/apps/media/plex.yaml", "old plex\n",
            "flux/apps/media/sonarr.yaml", "old sonarr (gone in the new tree)\n",
            "dns/records.json", "{\"old\": true}\n");

    /** The new tree: changed, added and removed files. */
    private static final Map<String, String> NEW = Map.of(
            "flux/apps/media/plex.yaml", "new plex\n",
            "flux/apps/media/radarr.yaml", "new radarr\n",
            "dns/records.json", "{\"old\": false}\n",
            "storage/classes/ceph-ssd.yaml", "new class\n");

    @ParameterizedTest(name = "halted right after `{0}`")
    @ValueSource(strings = {"locked", "recovered", "carried-over", "built", "swapped", "cleaned"})
    void haltAfterEachStepLeavesOldOrNew(String step) throws Exception {
        Path out = dir.resolve("out");
        new OutputFolder(out).replace(files(OLD), true);
        Path source = tree(dir.resolve("source"), NEW);

        int code = run(CrashingWriter.class, out.toString(), source.toString(), step).waitFor();
        Map<String, String> after = read(out);
        assertTrue(after.equals(withManifest(OLD)) || after.equals(withManifest(NEW)),
                "after a halt at " + step + " (exit " + code + "), out/ is neither the old nor the new tree: " + after.keySet());

        // The next run cleans up whatever the dead one left beside the folder, and writes the new tree.
        new OutputFolder(out).replace(files(NEW), true);
        assertEquals(withManifest(NEW), read(out));

        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(), s.map(p -> p.getFileName().toString()).filter(n -> n.contains(".hlc-")).toList(),
                    "temporary folders left beside out/");
        }
    }

    /**
     * Without an atomic exchange (not Linux), the old folder is renamed aside before the new one moves in. A halt
     * between the two leaves no out/ at all, but the old tree intact beside it, and the next run restores it
     * before doing anything else.
     */
    @Test
    void fallbackHaltBetweenTheTwoRenamesIsRecovered() throws Exception {
        Path out = dir.resolve("out");
        new OutputFolder(out).replace(files(OLD), true);
        Path source = tree(dir.resolve("source"), NEW);
        run(CrashingWriter.class, "-Dhlc.write.noExchange=true", out.toString(), source.toString(), "aside").waitFor();
        assertTrue(!Files.exists(out), "the fallback's halt point was not reached");

        new OutputFolder(out).recover();
        assertEquals(withManifest(OLD), read(out), "recovery did not bring the old tree back");
    }

    @Test
    void killNineAtRandomMomentsLeavesOldOrNew() throws Exception {
        Path out = dir.resolve("out");
        Path source = tree(dir.resolve("source"), bigTree());
        Random random = new Random(42);
        int old = 0, complete = 0;
        for (int i = 0; i < 12; i++) {
            new OutputFolder(out).replace(files(OLD), true);
            Process p = run(CrashingWriter.class, out.toString(), source.toString(), "none");
            Thread.sleep(random.nextInt(900));
            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL
            Map<String, String> after = read(out);
            assertTrue(after.equals(withManifest(OLD)) || after.equals(withManifest(bigTree())),
                    "kill -9 #" + i + " left a mixed out/ of " + after.size() + " files");
            if (after.equals(withManifest(OLD))) old++; else complete++;
        }
        System.out.println("kill -9: " + old + " runs left the old tree, " + complete + " the new one, none a mix");
    }

    @Test
    void twoRunsAtOnceAreSerialised() throws Exception {
        Path out = dir.resolve("out");
        Path a = tree(dir.resolve("a"), bigTree());
        Path b = tree(dir.resolve("b"), NEW);
        for (int i = 0; i < 3; i++) {
            Process first = run(CrashingWriter.class, out.toString(), a.toString(), "none");
            Process second = run(CrashingWriter.class, out.toString(), b.toString(), "none");
            assertEquals(0, first.waitFor(), "first writer failed");
            assertEquals(0, second.waitFor(), "second writer failed");
            Map<String, String> after = read(out);
            assertTrue(after.equals(withManifest(bigTree())) || after.equals(withManifest(NEW)),
                    "two writers at once left a mixed out/");
        }
    }

    private static Map<String, String> bigTree() {
        Map<String, String> m = new TreeMap<>(NEW);
        for (int i = 0; i < 400; i++) m.put("flux/apps/ns" + (i % 20) + "/app" + i + ".yaml", ("content " + i + "\n").repeat(50));
        return m;
    }

    /** Runs {@code main} in a new JVM; leading {@code -D} arguments go to the JVM. */
    private static Process run(Class<?> main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty() && rest.get(0).startsWith("-D")) cmd.add(rest.remove(0));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(rest);
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static List<RenderedFile> files(Map<String, String> tree) {
        List<RenderedFile> out = new ArrayList<>();
        new TreeMap<>(tree).forEach((k, v) -> out.add(new RenderedFile(k, v, false)));
        return out;
    }

    private static Path tree(Path root, Map<String, String> files) throws IOException {
        for (var e : files.entrySet()) {
            Path p = root.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue());
        }
        return root;
    }

    private static Map<String, String> withManifest(Map<String, String> tree) {
        Map<String, String> m = new TreeMap<>(tree);
        m.put(Manifest.NAME, Manifest.render(files(tree)));
        return m;
    }

    private static Map<String, String> read(Path root) throws IOException {
        Map<String, String> m = new TreeMap<>();
        if (!Files.isDirectory(root)) return m;
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                m.put(root.relativize(p).toString(), Files.readString(p));
            }
        }
        return m;
    }
}

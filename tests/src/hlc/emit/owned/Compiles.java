package hlc.emit.owned;

import hlc.emit.EmitFixtures;
import hlc.emit.RenderedFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** Compiles of the bundled specs, and of copies of them with one fact changed, for the owned-facts tests. */
final class Compiles {
    private Compiles() {}

    static Path homelab() {
        return EmitFixtures.realSpec();
    }

    static Path today() {
        return EmitFixtures.projectDir().resolve("spec/examples/home-ops-today.hl");
    }

    static EmitFixtures.Run clean(Path spec) {
        EmitFixtures.Run run = EmitFixtures.emitFile(spec, hlc.secrets.SecretsBundle.placeholder(), new hlc.emit.Renderer("spec.hl"));
        assertFalse(run.failed(), spec + " does not compile:" + run.findings());
        return run;
    }

    /**
     * Compiles a copy of the spec's folder in which {@code file} (relative to the spec's folder) has {@code from}
     * replaced by {@code to}, exactly once.
     */
    static EmitFixtures.Run changed(Path spec, String file, String from, String to) {
        try {
            Path dir = Files.createTempDirectory("hlc-owned");
            Path src = spec.getParent();
            try (Stream<Path> all = Files.walk(src)) {
                for (Path p : all.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".hl")).toList()) {
                    Path target = dir.resolve(src.relativize(p).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target);
                }
            }
            Path edited = dir.resolve(file);
            String text = Files.readString(edited);
            int at = text.indexOf(from);
            if (at < 0 || text.indexOf(from, at + 1) >= 0) {
                throw new AssertionError("`" + from + "` is not in " + file + " exactly once");
            }
            Files.writeString(edited, text.replace(from, to));
            return clean(dir.resolve(spec.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The paths whose content differs between two compiles, or which only one of them wrote. */
    static List<String> changedPaths(EmitFixtures.Run before, EmitFixtures.Run after) {
        Map<String, String> a = contents(before), b = contents(after);
        TreeSet<String> paths = new TreeSet<>(a.keySet());
        paths.addAll(b.keySet());
        List<String> out = new ArrayList<>();
        for (String p : paths) if (!java.util.Objects.equals(a.get(p), b.get(p))) out.add(p);
        return out;
    }

    private static Map<String, String> contents(EmitFixtures.Run run) {
        Map<String, String> m = new TreeMap<>();
        for (RenderedFile f : run.files()) m.put(f.path(), f.content());
        return m;
    }
}

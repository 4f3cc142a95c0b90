package hlc.write;

import hlc.emit.RenderedFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A process for the crash tests: writes the files under SOURCE into OUT with {@link OutputFolder}, and halts the
 * JVM (no finally blocks, no shutdown hooks: as close to a power cut as a test can get) right after STEP.
 * Usage: {@code CrashingWriter OUT SOURCE STEP}; STEP {@code none} writes to the end.
 */
public final class CrashingWriter {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Path source = Path.of(args[1]);
        String crashAfter = args[2];
        List<RenderedFile> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(source)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                String rel = source.relativize(p).toString();
                files.add(new RenderedFile(rel, Files.readString(p), rel.startsWith("talos/")));
            }
        }
        OutputFolder.Steps steps = step -> {
            if (step.equals(crashAfter)) Runtime.getRuntime().halt(3);
        };
        new OutputFolder(out, m -> {}, steps).replace(files, true);
    }
}

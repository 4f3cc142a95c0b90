package hlc;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The pipeline's packages depend only on earlier phases: parse → model → resolve → check → emit → write, with
 * no back-edge (a check that imported an emitter would again check something other than what is written), and
 * the CLI reaches the pipeline only through the driver ({@link Compiler}) and the rendered files it returns.
 */
class PackageLayeringTest {
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?hlc\\.([a-z]+)\\.([A-Za-z]+)", Pattern.MULTILINE);

    /** For each package, the hlc packages it must not import. */
    private static final Map<String, Set<String>> FORBIDDEN = Map.of(
            "model", Set.of("parse", "resolve", "check", "emit", "write", "cli"),
            "parse", Set.of("resolve", "check", "emit", "write", "cli"),
            "resolve", Set.of("parse", "check", "emit", "write", "cli"),
            "check", Set.of("parse", "emit", "write", "cli"),
            "emit", Set.of("parse", "check", "write", "cli"),
            "write", Set.of("parse", "resolve", "check", "cli"),
            "whatif", Set.of("parse", "check", "emit", "write", "cli"),
            "graph", Set.of("parse", "check", "emit", "write", "cli"),
            "cli", Set.of("parse", "resolve", "check"));

    /** What the CLI may take from emit: the rendered files it writes, and the renderer its start-up training warms. */
    private static final Set<String> CLI_FROM_EMIT = Set.of("RenderedFile", "Renderer");

    @Test
    void noPhaseImportsALaterOne() throws IOException {
        Path src = Path.of(System.getProperty("hlc.project.dir", ".")).resolve("compiler/src/hlc");
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(src)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path rel = src.relativize(f);
                if (rel.getNameCount() < 2) continue; // hlc.Compiler, the driver, may import every phase
                String pkg = rel.getName(0).toString();
                Matcher m = IMPORT.matcher(Files.readString(f));
                while (m.find()) {
                    String target = m.group(1);
                    boolean bad = FORBIDDEN.getOrDefault(pkg, Set.of()).contains(target)
                            || pkg.equals("cli") && target.equals("emit") && !CLI_FROM_EMIT.contains(m.group(2));
                    if (bad) violations.add(rel + " imports hlc." + target + "." + m.group(2));
                }
            }
        }
        assertEquals(List.of(), violations);
    }
}

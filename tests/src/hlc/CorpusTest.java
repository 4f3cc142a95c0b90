package hlc;

import hlc.diag.Diagnostic;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Runs every spec under tests/corpus/check. Each file says in comments what hlc must report, in the style of
 * Go's type-checker tests, so a reviewer reads the expectation next to the line it is about:
 * <pre>
 *   interface bond0 on lan address 192.168.6.11
 * //                               ^ HL023
 * # ERROR HL060 at 3:6
 * </pre>
 * A caret line points at the column of the line above it (the last line that is not an annotation); the
 * explicit form names line and column. The findings must be exactly the expected ones: a missing finding and an
 * unexpected one both fail. A file without annotations must check clean. An annotation may end with a quoted
 * fragment ({@code ^ HL001 "did you mean `6h`?"}) that the finding's message, hint or notes must contain.
 * Every code a check can report has a case here.
 */
class CorpusTest {
    private static final Pattern CARET = Pattern.compile("^\\s*(//|#)(\\s*)\\^\\s+(HL\\d{3})(?:\\s+\"(.*)\")?\\s*$");
    private static final Pattern EXPLICIT = Pattern.compile("(//|#)\\s*ERROR\\s+(HL\\d{3})\\s+at\\s+(\\d+):(\\d+)(?:\\s+\"([^\"]*)\")?");
    /**
     * Codes no spec text alone can trigger: internal errors (HL098, HL099), and the findings about the output
     * folder's place in its git repository (HL076, HL077, HL078), which the repository tests cover in a real git tree.
     */
    private static final java.util.Set<String> WITHOUT_CASE = java.util.Set.of("HL076", "HL077", "HL078", "HL098", "HL099");

    static Path corpus() {
        return Path.of(System.getProperty("hlc.project.dir", ".")).resolve("tests/corpus/check");
    }

    @TestFactory
    Stream<DynamicTest> corpusFiles() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(corpus())) {
            files = s.filter(p -> p.toString().endsWith(".hl")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "the corpus is empty");
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> run(f)));
    }

    private static void run(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        TreeSet<String> expected = new TreeSet<>();
        java.util.Map<String, String> fragments = new java.util.TreeMap<>();
        int target = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher caret = CARET.matcher(line);
            if (caret.matches()) {
                int column = line.indexOf('^') + 1;
                expected.add(key(caret.group(3), target, column));
                if (caret.group(4) != null) fragments.put(key(caret.group(3), target, column), caret.group(4));
                continue;
            }
            Matcher explicit = EXPLICIT.matcher(line);
            while (explicit.find()) {
                String k = key(explicit.group(2), Integer.parseInt(explicit.group(3)), Integer.parseInt(explicit.group(4)));
                expected.add(k);
                if (explicit.group(5) != null) fragments.put(k, explicit.group(5));
            }
            target = i + 1;
        }
        Compiler.Result result = Compiler.check(file);
        TreeSet<String> actual = new TreeSet<>();
        java.util.Map<String, String> texts = new java.util.HashMap<>();
        StringBuilder shown = new StringBuilder();
        for (Diagnostic d : result.reporter().sorted()) {
            if (!d.span().path().equals(file.toString())) continue; // findings in imported files belong to them
            String k = key(d.code(), d.span().line(), d.span().column());
            actual.add(k);
            texts.merge(k, d.fullMessage(), (a, b) -> a + "\n" + b);
            shown.append("\n  ").append(d.span()).append(' ').append(d.code()).append(' ').append(d.message());
        }
        assertEquals(expected, actual, file.getFileName() + " reported:" + shown);
        fragments.forEach((k, fragment) -> org.junit.jupiter.api.Assertions.assertTrue(texts.get(k).contains(fragment),
                file.getFileName() + ": " + k + " does not say \"" + fragment + "\": " + texts.get(k)));
    }

    @org.junit.jupiter.api.Test
    void everyCodeHasACase() throws IOException {
        TreeSet<String> covered = new TreeSet<>();
        try (Stream<Path> s = Files.walk(corpus())) {
            for (Path f : s.filter(p -> p.toString().endsWith(".hl")).toList()) {
                Matcher m = Pattern.compile("(?:\\^|ERROR)\\s+(HL\\d{3})").matcher(Files.readString(f));
                while (m.find()) covered.add(m.group(1));
            }
        }
        TreeSet<String> missing = new TreeSet<>();
        for (hlc.diag.Code c : hlc.diag.Code.values()) {
            if (!covered.contains(c.name()) && !WITHOUT_CASE.contains(c.name())) missing.add(c.name());
        }
        assertEquals(new TreeSet<>(), missing, "codes without a corpus case in " + corpus());
    }

    private static String key(String code, int line, int column) {
        return String.format("%s at %d:%d", code, line, column);
    }
}

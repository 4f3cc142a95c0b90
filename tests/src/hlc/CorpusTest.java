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
 * unexpected one both fail. A file without annotations must check clean.
 */
class CorpusTest {
    private static final Pattern CARET = Pattern.compile("^\\s*(//|#)(\\s*)\\^\\s+(HL\\d{3})\\s*$");
    private static final Pattern EXPLICIT = Pattern.compile("(//|#)\\s*ERROR\\s+(HL\\d{3})\\s+at\\s+(\\d+):(\\d+)");

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
        int target = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher caret = CARET.matcher(line);
            if (caret.matches()) {
                int column = line.indexOf('^') + 1;
                expected.add(key(caret.group(3), target, column));
                continue;
            }
            Matcher explicit = EXPLICIT.matcher(line);
            while (explicit.find()) {
                expected.add(key(explicit.group(2), Integer.parseInt(explicit.group(3)), Integer.parseInt(explicit.group(4))));
            }
            target = i + 1;
        }
        Compiler.Result result = Compiler.check(file);
        TreeSet<String> actual = new TreeSet<>();
        StringBuilder shown = new StringBuilder();
        for (Diagnostic d : result.reporter().sorted()) {
            if (!d.span().path().equals(file.toString())) continue; // findings in imported files belong to them
            actual.add(key(d.code(), d.span().line(), d.span().column()));
            shown.append("\n  ").append(d.span()).append(' ').append(d.code()).append(' ').append(d.message());
        }
        assertEquals(expected, actual, file.getFileName() + " reported:" + shown);
    }

    private static String key(String code, int line, int column) {
        return String.format("%s at %d:%d", code, line, column);
    }
}

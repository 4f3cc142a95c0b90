package hlc.diag;

import hlc.Compiler;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SARIF's rules announce each code's level before any check runs ({@link Code#defaultSeverity()}); the checks
 * choose the severity when they report. Across the whole check corpus the two must agree, or code scanning
 * would list a rule as a warning whose findings fail the build.
 */
class CodeSeverityTest {
    @Test
    void everyFindingOfTheCorpusHasItsCodesDefaultSeverity() throws IOException {
        Path corpus = Path.of(System.getProperty("hlc.project.dir", ".")).resolve("tests/corpus/check");
        List<Path> files;
        try (Stream<Path> s = Files.list(corpus)) {
            files = s.filter(p -> p.toString().endsWith(".hl")).sorted().toList();
        }
        List<String> disagreements = new ArrayList<>();
        long warnings = 0;
        for (Path f : files) {
            for (Diagnostic d : Compiler.check(f).reporter().sorted()) {
                if (d.severity() == Severity.WARNING) warnings++;
                if (d.severity() != Code.valueOf(d.code()).defaultSeverity()) disagreements.add(d.span() + " " + d.code() + " " + d.severity());
            }
        }
        assertTrue(warnings > 0, "the corpus reports no warning: this test would prove nothing");
        assertEquals(List.of(), disagreements);
    }
}

package hlc.explain;

import hlc.testing.Hlc;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hlc.Compiler;
import hlc.diag.Code;
import hlc.diag.Diagnostic;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps the catalogue honest: every failing example reports its own code, with the severity its explanation
 * states, and nothing else; every fixed example reports nothing at all. An example marked {@code hl compile}
 * must pass {@code hlc check} and fail only {@code hlc compile}, so that mark cannot lie either. When a check
 * changes what it reports, the explanation that shows it fails here.
 */
class CatalogueExamplesTest {
    /** What one finding says, whichever way the example was run. */
    record Finding(String code, String severity, String message) {
        @Override
        public String toString() {
            return code + " " + severity + ": " + message;
        }
    }

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> examples() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Explanation e : Catalogue.all()) {
            if (!e.hasExamples()) continue;
            tests.add(DynamicTest.dynamicTest(e.code() + " failing example reports " + e.code() + " only", () -> failing(e)));
            tests.add(DynamicTest.dynamicTest(e.code() + " fixed example reports nothing", () -> fixed(e)));
        }
        return tests.stream();
    }

    private void failing(Explanation e) throws IOException {
        List<Finding> found = findings(e.code(), "failing", e.failing());
        Set<String> codes = new TreeSet<>(found.stream().map(Finding::code).toList());
        assertEquals(Set.of(e.code().name()), codes, "the failing example of " + e.code() + " reported " + found);
        for (Finding f : found) {
            assertEquals(e.severity().label(), f.severity(), "the explanation of " + e.code() + " states another severity: " + f);
        }
    }

    private void fixed(Explanation e) throws IOException {
        List<Finding> found = findings(e.code(), "fixed", e.fixed());
        assertEquals(List.of(), found, "the fixed example of " + e.code() + " is not clean");
    }

    private List<Finding> findings(Code code, String kind, Example example) throws IOException {
        List<Finding> checked = checked(example.spec());
        if (!example.compileOnly()) return checked;
        assertEquals(List.of(), checked, "the " + kind + " example of " + code + " is marked `hl compile`, but `hlc check` reports it already");
        return compiled(code + "-" + kind, example.spec());
    }

    private static List<Finding> checked(String spec) {
        return Compiler.checkText("example.hl", spec).reporter().sorted().stream()
                .map((Diagnostic d) -> new Finding(d.code(), d.severity().label(), d.message())).toList();
    }

    /** Through the real command, as the explanation tells the user to run it, into a throwaway output folder. */
    private List<Finding> compiled(String name, String spec) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Path file = Files.writeString(dir.resolve("example.hl"), spec);
        Hlc run = Hlc.run("compile", file.toString(), "--out", dir.resolve("out").toString(), "--format", "json");
        assertTrue(run.exit() == 0 || run.exit() == 1, "hlc compile exited " + run.exit() + ": " + run.err());
        List<Finding> found = new ArrayList<>();
        for (JsonNode d : new ObjectMapper().readTree(run.out()).path("diagnostics")) {
            found.add(new Finding(d.path("code").asText(), d.path("severity").asText(), d.path("message").asText()));
        }
        assertEquals(found.stream().anyMatch(f -> f.severity().equals("error")) ? 1 : 0, run.exit(),
                "the exit code of hlc compile does not match its findings " + found);
        return found;
    }
}

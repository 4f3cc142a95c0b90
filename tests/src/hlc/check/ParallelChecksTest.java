package hlc.check;

import hlc.Compiler;
import hlc.bench.SpecGenerator;
import hlc.diag.Diagnostic;
import hlc.diag.Reporter;
import hlc.model.Spec;
import hlc.resolve.ResolvedSpec;
import hlc.resolve.Resolver;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On a large spec the checks run on several threads ({@link Checker#runAll}); a user must not be able to tell:
 * the same findings (code, place, words, hint, labels, suggestions) in the same order as when they run one after
 * another, on a spec that gives many findings from many checks.
 */
class ParallelChecksTest {
    /** A generated spec with findings sown through it: addresses given twice, and hosts and apps written twice. */
    private static Spec faulty() {
        String text = SpecGenerator.generate(300);
        int from = text.indexOf("\nhost ") + 1;
        int to = from;
        for (int i = 0; i < 6; i++) to = text.indexOf("\nhost ", to + 1) + 1;
        int app = text.indexOf("\napp ") + 1;
        String sown = text.replace(".12 ", ".11 ") + text.substring(from, to) + text.substring(app, text.indexOf("\napp ", app + 1) + 1);
        Compiler.Result r = Compiler.checkText("faulty.hl", sown);
        assertTrue(r.spec() != null);
        return r.spec();
    }

    private static List<Diagnostic> run(Spec spec, int threads) {
        ResolvedSpec resolved = Resolver.resolve(spec); // fresh: its derived facts are worked out during the run
        Reporter reporter = new Reporter();
        Checker.runAll(resolved, reporter, threads);
        return reporter.reported();
    }

    @Test
    void parallelChecksReportWhatSequentialOnesDoInTheSameOrder() {
        Spec spec = faulty();
        List<Diagnostic> sequential = run(spec, 1);
        Set<String> codes = sequential.stream().map(Diagnostic::code).collect(Collectors.toSet());
        assertTrue(sequential.size() > 20 && codes.size() >= 3, "many findings from several checks: " + codes);
        for (int threads : new int[]{2, 3, 8}) {
            for (int round = 0; round < 3; round++) {
                assertEquals(sequential, run(spec, threads), threads + " threads, round " + round);
            }
        }
    }

    @Test
    void aLargeSpecIsCheckedOnEveryCoreAndAHomelabOnTheCallingThread() throws IOException {
        Path project = Path.of(System.getProperty("hlc.project.dir", "."));
        String homelab = Files.readString(project.resolve("spec/homelab.hl"), StandardCharsets.UTF_8);
        assertEquals(1, Checker.threadsFor(Compiler.checkText("homelab.hl", homelab).resolved()));
        ResolvedSpec large = Compiler.checkText("large.hl", SpecGenerator.generate(300)).resolved();
        assertEquals(Runtime.getRuntime().availableProcessors(), Checker.threadsFor(large));
    }
}

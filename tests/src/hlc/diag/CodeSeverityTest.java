package hlc.diag;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A finding's severity is its code's: SARIF's rules announce each code's level before any check runs, and a
 * finding that disagreed would be listed as a warning while it fails the build. The reporter derives the
 * severity from the code, and a call that names the other severity is refused (the tests run with assertions).
 */
class CodeSeverityTest {
    private static final SourceFile FILE = new SourceFile(Path.of("a.hl"), "a.hl", "cluster c {}\n");
    private static final Span AT = new Span(FILE, 1, 1, 7);

    @Test
    void aFindingTakesItsCodesSeverity() {
        Reporter r = new Reporter();
        r.report(Code.HL061, AT, "even").emit();
        r.report(Code.HL023, AT, "outside").emit();
        List<Severity> got = r.sorted().stream().map(Diagnostic::severity).toList();
        assertEquals(List.of(Severity.ERROR, Severity.WARNING), got); // HL023 sorts before HL061
        assertEquals(1, r.errorCount());
        assertEquals(1, r.warningCount());
    }

    @Test
    void aWarningsCodeCannotBeReportedAsAnError() {
        assertThrows(AssertionError.class, () -> new Reporter().error(Code.HL042, AT, "risky"));
        assertThrows(AssertionError.class, () -> new Reporter().warning(Code.HL023, AT, "outside"));
    }

    @Test
    void theNamedCallsAgreeWithTheCode() {
        Reporter r = new Reporter();
        r.error(Code.HL023, AT, "outside").emit();
        r.warning(Code.HL042, AT, "risky").emit();
        assertEquals(List.of(Severity.ERROR, Severity.WARNING), r.sorted().stream().map(Diagnostic::severity).toList());
    }
}

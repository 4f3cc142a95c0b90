package hlc.diag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects diagnostics from every phase. Phases never throw on bad input: they report and carry on, so one run
 * shows every finding.
 */
public final class Reporter {
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    public DiagnosticBuilder error(Code code, Span span, String message) {
        return new DiagnosticBuilder(this, code.name(), Severity.ERROR, span, message);
    }

    public DiagnosticBuilder warning(Code code, Span span, String message) {
        return new DiagnosticBuilder(this, code.name(), Severity.WARNING, span, message);
    }

    void add(Diagnostic d) {
        diagnostics.add(d);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    public long errorCount() {
        return diagnostics.stream().filter(Diagnostic::isError).count();
    }

    public long warningCount() {
        return diagnostics.size() - errorCount();
    }

    /** All findings in source order (file, line, column, then code), so output is stable. */
    public List<Diagnostic> sorted() {
        List<Diagnostic> copy = new ArrayList<>(diagnostics);
        copy.sort(Comparator.comparing((Diagnostic d) -> d.span().path())
                .thenComparingInt(d -> d.span().line())
                .thenComparingInt(d -> d.span().column())
                .thenComparing(Diagnostic::code)
                .thenComparing(Diagnostic::message));
        return copy;
    }
}

package hlc.diag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects diagnostics from every phase. Phases never throw on bad input: they report and carry on, so one run
 * shows every finding. A finding's severity is its code's ({@link Code#severity()}): no call can report a code
 * at another one.
 */
public final class Reporter {
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final List<Suppressed> suppressed = new ArrayList<>();

    /** A finding of {@code code}, at the code's severity. */
    public DiagnosticBuilder report(Code code, Span span, String message) {
        return new DiagnosticBuilder(this, code.name(), code.severity(), span, message);
    }

    /**
     * {@link #report} for a code that is an error; the name says at the call site what the finding does to a
     * compile. Calling it with a warning's code is a programming mistake, caught by assertions in the tests; in
     * a release build the code's own severity still wins.
     */
    public DiagnosticBuilder error(Code code, Span span, String message) {
        assert code.severity() == Severity.ERROR : code + " is a warning, reported with error()";
        return report(code, span, message);
    }

    /** {@link #report} for a code that is a warning; see {@link #error}. */
    public DiagnosticBuilder warning(Code code, Span span, String message) {
        assert code.severity() == Severity.WARNING : code + " is an error, reported with warning()";
        return report(code, span, message);
    }

    void add(Diagnostic d) {
        diagnostics.add(d);
    }

    /** Adds findings made before (the language server keeps those of the blocks an edit did not touch). */
    public void addAll(java.util.Collection<Diagnostic> found) {
        diagnostics.addAll(found);
    }

    /** The findings so far, in the order they were reported (for {@link #addAll} elsewhere). */
    public List<Diagnostic> reported() {
        return List.copyOf(diagnostics);
    }

    /**
     * Takes {@code other}'s findings, each unless an equal one is here already: the checks of a spec with several
     * clusters run once per cluster, and a finding about what the clusters share (a network, a device) is the
     * same finding in each run.
     */
    public void addNew(Reporter other) {
        java.util.Set<Diagnostic> here = new java.util.HashSet<>(diagnostics);
        for (Diagnostic d : other.diagnostics) {
            if (here.add(d)) diagnostics.add(d);
        }
    }

    /**
     * Sets aside every warning an acknowledgement accepts (it stays visible through {@link #suppressed()}, no
     * longer counted or listed by {@link #sorted()}), then reports each acknowledgement that accepted nothing
     * (HL120): a stale one would otherwise hide the next warning at its line without anyone deciding to.
     */
    public void acknowledge(List<Acknowledgement> acknowledgements) {
        for (Acknowledgement a : acknowledgements) {
            boolean used = false;
            for (var it = diagnostics.iterator(); it.hasNext(); ) {
                Diagnostic d = it.next();
                if (!a.accepts(d)) continue;
                suppressed.add(new Suppressed(d, a));
                it.remove();
                used = true;
            }
            if (!used && suppressed.stream().noneMatch(s -> s.by().equals(a))) {
                warning(Code.HL120, a.at(), "`hlc:allow " + a.code() + "` accepts no " + a.code() + " warning in what follows it").hint("the warning it was written for is gone, or reported elsewhere: delete the comment, "
                        + "or move it before the block or attribute the warning points at").emit();
            }
        }
    }

    /** The acknowledged warnings, in source order: JSON and SARIF list them as suppressed. */
    public List<Suppressed> suppressed() {
        List<Suppressed> copy = new ArrayList<>(suppressed);
        copy.sort((a, b) -> {
            int c = SOURCE_ORDER.compare(a.diagnostic(), b.diagnostic());
            return c != 0 ? c : a.diagnostic().code().compareTo(b.diagnostic().code());
        });
        return copy;
    }

    // Loops, not streams: asked several times by every run, and a stream's first use costs a cold start more.
    public boolean hasErrors() {
        for (Diagnostic d : diagnostics) if (d.isError()) return true;
        return false;
    }

    public long errorCount() {
        long n = 0;
        for (Diagnostic d : diagnostics) if (d.isError()) n++;
        return n;
    }

    public long warningCount() {
        return diagnostics.size() - errorCount();
    }

    /** All findings in source order (file, line, column, then code), so output is stable. */
    public List<Diagnostic> sorted() {
        List<Diagnostic> copy = new ArrayList<>(diagnostics);
        copy.sort((a, b) -> {
            int c = SOURCE_ORDER.compare(a, b);
            if (c == 0) c = a.code().compareTo(b.code());
            return c != 0 ? c : a.message().compareTo(b.message());
        });
        return copy;
    }

    /**
     * By file, line and column. Written out rather than Comparator.comparing(...).thenComparing(...): the JDK's
     * combinator lambdas are spun at run time on every start (no start-up archive holds them), milliseconds each.
     */
    private static final Comparator<Diagnostic> SOURCE_ORDER = (a, b) -> {
        int c = a.span().path().compareTo(b.span().path());
        if (c == 0) c = Integer.compare(a.span().line(), b.span().line());
        return c != 0 ? c : Integer.compare(a.span().column(), b.span().column());
    };
}

package hlc.adopt;

import hlc.diag.Diagnostic;
import hlc.diag.Severity;
import hlc.diag.Span;
import hlc.diag.TextRenderer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the import found wrong with the repository it read, each at its place in a source file, rendered like
 * every other hlc finding ({@code file:line:col: error[IMP01]: message}, the line, a caret, a hint).
 */
public final class Findings {
    private final List<Diagnostic> all = new ArrayList<>();

    public void add(ImportCode code, Span at, String message, String hint) {
        all.add(new Diagnostic(code.name(), code.severity(), at, message, List.of(), hint, List.of(), false));
    }

    /** A finding whose place quotes a secret: renderers mask the quoted text. */
    public void addSensitive(ImportCode code, Span at, String message, String hint) {
        all.add(new Diagnostic(code.name(), code.severity(), at, message, List.of(), hint, List.of(), true));
    }

    /** Another reader's findings (the template's, before the rendered tree is read), kept with these. */
    public void addAll(Findings other) {
        all.addAll(other.all);
    }

    public boolean hasErrors() {
        return all.stream().anyMatch(Diagnostic::isError);
    }

    public long count(ImportCode code) {
        return all.stream().filter(d -> d.code().equals(code.name())).count();
    }

    /** In file and line order, so the report reads the same whatever order the tree was walked in. */
    public List<Diagnostic> sorted() {
        List<Diagnostic> s = new ArrayList<>(all);
        s.sort(Comparator.comparing((Diagnostic d) -> d.span().path()).thenComparingInt(d -> d.span().line())
                .thenComparingInt(d -> d.span().column()).thenComparing(Diagnostic::code).thenComparing(Diagnostic::message));
        return s;
    }

    public String render() {
        List<Diagnostic> s = sorted();
        long errors = s.stream().filter(d -> d.severity() == Severity.ERROR).count();
        return new TextRenderer(false).render(s, errors, s.size() - errors);
    }
}

package hlc.diag;

import java.util.ArrayList;
import java.util.List;

/** Fluent construction of a diagnostic: {@code reporter.error(code, span, msg).label(...).hint(...).emit()}. */
public final class DiagnosticBuilder {
    private final Reporter reporter;
    private final String code;
    private final Severity severity;
    private final Span span;
    private final String message;
    private final List<Label> labels = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<Suggestion> suggestions = new ArrayList<>();
    private String hint;
    private String primaryLabel;
    private boolean sensitive;

    DiagnosticBuilder(Reporter reporter, String code, Severity severity, Span span, String message) {
        this.reporter = reporter;
        this.code = code;
        this.severity = severity;
        this.span = span;
        this.message = message;
    }

    public DiagnosticBuilder label(Span at, String what) {
        if (at != null) labels.add(new Label(at, what));
        return this;
    }

    /** What the primary place is, shown beside its caret ("not in 192.168.5.0/24"). */
    public DiagnosticBuilder primaryLabel(String what) {
        this.primaryLabel = what;
        return this;
    }

    /** An exact fix: {@code replacement} in place of the text at {@code at}; {@code why} in the finding's words. */
    public DiagnosticBuilder suggest(Span at, String replacement, String why) {
        if (at != null && replacement != null) suggestions.add(new Suggestion(at, replacement, why));
        return this;
    }

    /**
     * "did you mean `x`?" as an exact fix of the name {@code wrong} written at {@code at}, when a known name is
     * close enough to be the one meant ({@link Suggest#closest}). Returns whether there was one, so the caller
     * can hint otherwise.
     */
    public boolean suggestClosest(Span at, String wrong, java.util.Collection<String> known) {
        String closest = Suggest.closest(wrong, known);
        if (closest == null || at == null) return false;
        suggest(at, closest, "did you mean `" + closest + "`?");
        return true;
    }

    public DiagnosticBuilder hint(String text) {
        this.hint = text;
        return this;
    }

    public DiagnosticBuilder note(String text) {
        notes.add(text);
        return this;
    }

    /** The text under the span may be a secret: show where it is, never what it is. */
    public DiagnosticBuilder sensitive() {
        this.sensitive = true;
        return this;
    }

    public void emit() {
        reporter.add(new Diagnostic(code, severity, span, message, labels, hint, notes, sensitive,
                primaryLabel, suggestions));
    }
}

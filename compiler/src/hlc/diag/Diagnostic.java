package hlc.diag;

import java.util.List;

/**
 * One finding: a stable code (HL0xx), a severity, the primary place, a message in plain words, and optionally
 * what the primary place is ({@code primaryLabel}, shown under its caret), secondary places, a hint in prose,
 * exact suggestions ("did you mean `k8s-2`?" with the text to write) and notes. A {@code sensitive} finding
 * points at text that may be a secret: renderers show its place but mask the text there, since findings end up
 * in CI logs.
 */
public record Diagnostic(String code, Severity severity, Span span, String message,
                         List<Label> labels, String hint, List<String> notes, boolean sensitive,
                         String primaryLabel, List<Suggestion> suggestions) {

    public Diagnostic {
        labels = List.copyOf(labels);
        notes = List.copyOf(notes);
        suggestions = List.copyOf(suggestions);
    }

    /** A finding without a primary label or suggestions (the import's findings). */
    public Diagnostic(String code, Severity severity, Span span, String message,
                      List<Label> labels, String hint, List<String> notes, boolean sensitive) {
        this(code, severity, span, message, labels, hint, notes, sensitive, null, List.of());
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /**
     * The message with its hint and notes, for reports that have one text field per finding (SARIF, GitHub
     * annotations): "unknown host `k8s-3` (hint: did you mean `k8s-2`?)". The text renderer lays them out itself.
     */
    public String fullMessage() {
        StringBuilder s = new StringBuilder(message);
        if (hint != null) s.append(" (hint: ").append(hint).append(')');
        for (Suggestion g : suggestions) s.append(" (help: ").append(g.message()).append(')');
        for (String n : notes) s.append("\nnote: ").append(n);
        return s.toString();
    }
}

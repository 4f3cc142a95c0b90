package hlc.diag;

import java.util.List;

/**
 * One finding: a stable code (HL0xx), a severity, the primary place, a message in plain words, and optionally
 * secondary places, a hint ("did you mean `k8s-2`?") and notes. A {@code sensitive} finding points at text that
 * may be a secret: renderers show its place but mask the text there, since findings end up in CI logs.
 */
public record Diagnostic(String code, Severity severity, Span span, String message,
                         List<Label> labels, String hint, List<String> notes, boolean sensitive) {

    public Diagnostic {
        labels = List.copyOf(labels);
        notes = List.copyOf(notes);
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
        for (String n : notes) s.append("\nnote: ").append(n);
        return s.toString();
    }
}

package hlc.diag;

/**
 * A fix hlc can spell out exactly: write {@code replacement} in place of the text at {@code span}. The text
 * renderer shows it as {@code help:} with the line as it would read, SARIF as a {@code fix}, editors as a quick
 * fix. {@code message} says why, in the finding's words ("did you mean `k8s-2`?").
 */
public record Suggestion(Span span, String replacement, String message) {}

package hlc.explain;

import hlc.diag.Code;
import hlc.diag.Severity;

/**
 * The long explanation of one diagnostic code: its title and severity, the whole text as written, and the
 * failing and fixed examples when the code can be shown with a spec (both, or neither).
 */
public record Explanation(Code code, String title, Severity severity, String text, Example failing, Example fixed) {

    public boolean hasExamples() {
        return failing != null;
    }

    /** The text for a terminal: the heading without its Markdown mark, the examples indented instead of fenced. */
    public String plainText() {
        return ExplanationFormat.plainText(text);
    }
}

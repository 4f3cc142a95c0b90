package hlc.lsp;

import hlc.fmt.Formatter;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;

import java.util.List;

/**
 * Format document: the text {@code hlc fmt} would write, as one edit of the whole document (the formatter
 * keeps every token, so the editor keeps the cursor near its place). A file with syntax errors is left as it
 * is, as {@code hlc fmt} leaves it; its errors are already shown as diagnostics.
 */
final class Formatting {
    private Formatting() {}

    static List<TextEdit> format(String displayPath, String text) {
        Formatter.Result r = Formatter.formatText(displayPath, text);
        if (!r.formatted() || r.text().equals(text)) return List.of();
        Position end = Positions.position(text, text.length());
        return List.of(new TextEdit(new Range(new Position(0, 0), end), r.text()));
    }
}

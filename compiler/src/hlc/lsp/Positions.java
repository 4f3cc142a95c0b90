package hlc.lsp;

import hlc.diag.Span;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * Between hlc's places and the protocol's: a {@link Span} is 1-based with columns in UTF-16 units, an LSP
 * position is 0-based in UTF-16 units (the protocol's default encoding), so only the origin differs.
 */
final class Positions {
    private Positions() {}

    static Range range(Span s) {
        return new Range(new Position(s.line() - 1, s.column() - 1), new Position(s.line() - 1, s.column() - 1 + s.length()));
    }

    /** Whether a 0-based editor position falls on a span (its end included, where a cursor after a word sits). */
    static boolean contains(Span s, Position p) {
        return p.getLine() == s.line() - 1 && p.getCharacter() >= s.column() - 1 && p.getCharacter() <= s.column() - 1 + s.length();
    }

    /** The offset in text of a 0-based line and UTF-16 character, clamped to the text (editors may run ahead). */
    static int offset(String text, Position p) {
        int line = 0;
        int i = 0;
        while (line < p.getLine() && i < text.length()) {
            char c = text.charAt(i++);
            if (c == '\n' || (c == '\r' && (i >= text.length() || text.charAt(i) != '\n'))) line++;
        }
        int lineEnd = i;
        while (lineEnd < text.length() && text.charAt(lineEnd) != '\n' && text.charAt(lineEnd) != '\r') lineEnd++;
        return Math.min(i + Math.max(0, p.getCharacter()), lineEnd);
    }

    /** The 0-based position of an offset in text. */
    static Position position(String text, int offset) {
        int line = 0;
        int lineStart = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
                lineStart = i + 1;
            }
        }
        return new Position(line, Math.min(offset, text.length()) - lineStart);
    }
}

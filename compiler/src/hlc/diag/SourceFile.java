package hlc.diag;

import java.nio.file.Path;

/** The text of one spec file, with its lines indexed so diagnostics can quote them. */
public final class SourceFile {
    private final Path path;
    private final String displayPath;
    private final String text;
    private final int[] lineStarts;
    /** Whether any character lies outside the Basic Multilingual Plane (two UTF-16 units, one code point). */
    private final boolean astral;

    public SourceFile(Path path, String displayPath, String text) {
        this.path = path;
        this.displayPath = displayPath;
        this.text = text;
        // No boxing: a generated spec can have hundreds of thousands of lines. Without a CR (the usual case, and
        // always after SourceReader) a line ends at each LF, found by String.indexOf's vectorised search.
        int[] starts = new int[64];
        int lines = 1;
        if (text.indexOf('\r') < 0) {
            for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
                if (lines == starts.length) starts = java.util.Arrays.copyOf(starts, lines * 2);
                starts[lines++] = nl + 1;
            }
        } else {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                    if (lines == starts.length) starts = java.util.Arrays.copyOf(starts, lines * 2);
                    starts[lines++] = i + 1;
                }
            }
        }
        // Code points and UTF-16 units differ only where a surrogate pair stands for one character (immediate
        // for text with no character above U+00FF, which Java stores a byte per character).
        boolean supplementary = text.codePointCount(0, text.length()) != text.length();
        this.lineStarts = java.util.Arrays.copyOf(starts, lines);
        this.astral = supplementary;
    }

    /** Whether the text has characters outside the BMP, where code points and UTF-16 units differ. */
    public boolean hasAstral() {
        return astral;
    }

    /**
     * The column, in UTF-16 units as {@link Span} counts them, of a 1-based column counted in code points as the
     * lexer counts them. They differ only after an emoji or another character outside the BMP on the same line.
     */
    public int utf16Column(int line, int codePointColumn) {
        if (!astral) return codePointColumn;
        String l = line(line);
        int cps = l.codePointCount(0, l.length());
        if (codePointColumn - 1 > cps) return l.length() + (codePointColumn - 1 - cps) + 1;
        return l.offsetByCodePoints(0, codePointColumn - 1) + 1;
    }

    public Path path() {
        return path;
    }

    public String displayPath() {
        return displayPath;
    }

    public String text() {
        return text;
    }

    public int lineCount() {
        return lineStarts.length;
    }

    /** The text of a 1-based line, without its line ending; empty when out of range. */
    public String line(int line) {
        if (line < 1 || line > lineStarts.length) return "";
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] : text.length();
        while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) end--;
        return text.substring(start, end);
    }

    /** A span at the very end of the file (where "expected `}`" points). */
    public Span endSpan() {
        int last = lineStarts.length;
        return new Span(this, last, line(last).length() + 1, 1);
    }

    @Override
    public String toString() {
        return displayPath;
    }
}

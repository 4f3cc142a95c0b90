package hlc.diag;

/**
 * A range of source text: 1-based line and column of its first character, and its length in characters on that
 * line (a span never runs over a line end when rendered; multi-line constructs are shown by their first line).
 */
public record Span(SourceFile file, int line, int column, int length) {

    public Span {
        if (line < 1) line = 1;
        if (column < 1) column = 1;
        if (length < 1) length = 1;
    }

    public String path() {
        return file.displayPath();
    }

    @Override
    public String toString() {
        return path() + ":" + line + ":" + column;
    }
}

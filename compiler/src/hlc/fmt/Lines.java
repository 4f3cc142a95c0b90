package hlc.fmt;

/**
 * The formatted text as it is built, line by line. It alone decides the bytes of a line end and of indentation,
 * so every layout rule elsewhere speaks in lines, levels and blank lines: LF line ends, two spaces per level,
 * one newline at the end of a file that has anything in it.
 */
final class Lines {
    static final String INDENT = "  ";

    private final StringBuilder text = new StringBuilder();

    boolean isEmpty() {
        return text.isEmpty();
    }

    /** Ends the current line (if any) and starts another at {@code level}, after one blank line if asked. */
    void start(int level, boolean blankBefore) {
        if (!text.isEmpty()) {
            text.append('\n');
            if (blankBefore) text.append('\n');
        }
        text.append(INDENT.repeat(level));
    }

    /** Continues the current line. */
    void append(String s) {
        text.append(s);
    }

    /** The text with its final newline; empty for a file with neither tokens nor comments. */
    String finish() {
        return text.isEmpty() ? "" : text + "\n";
    }
}

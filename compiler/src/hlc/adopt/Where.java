package hlc.adopt;

import java.util.List;

/** The source line a value was read from, for the comments that keep what the language cannot say. */
final class Where {
    private Where() {}

    /** {@code file:line} of the first line of {@code docs} containing {@code text}, else {@code otherwise}. */
    static String first(List<YamlDoc> docs, String text, String otherwise) {
        for (YamlDoc d : docs) {
            for (int line = d.firstLine(); line <= d.lastLine() && line <= d.file().lineCount(); line++) {
                if (d.file().line(line).contains(text)) return d.file().displayPath() + ":" + line;
            }
        }
        return otherwise;
    }
}

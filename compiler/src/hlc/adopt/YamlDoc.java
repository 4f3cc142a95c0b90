package hlc.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import hlc.diag.SourceFile;
import hlc.diag.Span;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One YAML document of a source file, with the lines it spans, so a fact can be traced back to its line: a
 * comment in the imported spec names the file and line a setting came from.
 */
public record YamlDoc(JsonNode node, SourceFile file, int firstLine, int lastLine) {

    /** The repository-relative file name and line of the first {@code key:} in this document, else its start. */
    public String where(String key) {
        return file.displayPath() + ":" + lineOf(key);
    }

    public int lineOf(String key) {
        Pattern p = Pattern.compile("^\\s*(- )?\\s*" + Pattern.quote(key) + "\\s*:");
        for (int line = firstLine; line <= lastLine && line <= file.lineCount(); line++) {
            if (p.matcher(file.line(line)).find()) return line;
        }
        return firstLine;
    }

    /** The span of the first occurrence of {@code text} in this document, else its first line. */
    public Span spanOf(String text) {
        for (int line = firstLine; line <= lastLine && line <= file.lineCount(); line++) {
            int col = file.line(line).indexOf(text);
            if (col >= 0) return new Span(file, line, col + 1, Math.max(1, text.length()));
        }
        return new Span(file, firstLine, 1, 1);
    }

    public Span spanOfKey(String key) {
        int line = lineOf(key);
        Matcher m = Pattern.compile(Pattern.quote(key)).matcher(file.line(line));
        int col = m.find() ? m.start() + 1 : 1;
        return new Span(file, line, col, key.length());
    }
}

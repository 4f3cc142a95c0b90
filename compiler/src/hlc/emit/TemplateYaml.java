package hlc.emit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the plain block YAML that hlc's templates write straight into Jackson's nodes, or says it cannot (null),
 * and then the renderer parses the text with Jackson's YAML parser as before. Re-parsing every rendered file to
 * validate it was about a quarter of emission (SnakeYAML reads a character at a time through several layers);
 * the templates' output is a small, regular part of YAML, and this reads that part in one pass over the text.
 *
 * <p>It gives exactly the documents Jackson's parser gives ({@code TemplateYamlTest} holds it to that on every
 * file the bundled specs and generated ones emit) because it accepts only what it is sure of and gives up on the
 * whole text at anything else: block mappings and sequences indented with spaces; keys that are plain words or
 * double-quoted; values that are double-quoted on one line with only the escapes {@link Templates#quote} writes,
 * non-negative integers of up to nine digits, {@code true}, {@code false}, {@code {}}, {@code []}, or plain words
 * of letters, digits and {@code . _ / -} that no YAML reader takes for anything but a string; comment lines;
 * {@code ---} between documents. Any other character or construct (block scalars, flow collections, anchors,
 * tags, a comment after a value, an empty value, a duplicate key, a character YAML does not allow raw) gives
 * null, so Jackson reads it and reports what is wrong exactly as before.
 */
final class TemplateYaml {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String text;
    /** Content lines only (comment and blank lines dropped): where each starts, its indent, where it ends. */
    private int[] start = new int[64], indent = new int[64], end = new int[64];
    private int lines;
    /** The line being read, and the column its content starts at (past a sequence item's "- "). */
    private int line, column;

    private TemplateYaml(String text) {
        this.text = text;
    }

    /** The documents of {@code text} (empty ones left out, as the renderer leaves them out), or null (see above). */
    static List<JsonNode> read(String text) {
        try {
            return new TemplateYaml(text).documents();
        } catch (Unsupported e) {
            return null;
        }
    }

    /** Thrown at the first thing this reader does not handle; the caller falls back to Jackson. */
    private static final class Unsupported extends Exception {
        static final Unsupported INSTANCE = new Unsupported();

        private Unsupported() {
            super(null, null, false, false);
        }
    }

    private static Unsupported unsupported() {
        return Unsupported.INSTANCE;
    }

    private List<JsonNode> documents() throws Unsupported {
        List<JsonNode> docs = new ArrayList<>(2);
        int n = text.length();
        int at = 0;
        while (at < n) {
            lines = 0;
            at = collectDocumentLines(at);
            if (lines == 0) continue; // only comments: Jackson's empty document, which the renderer leaves out
            line = 0;
            column = indent[0];
            if (indent[0] != 0) throw unsupported();
            docs.add(block(0));
            if (line != lines) throw unsupported(); // a line indented less than the document's first
        }
        return docs;
    }

    /** Reads lines from {@code at} up to the next {@code ---} line (consumed) or the end; returns where it stopped. */
    private int collectDocumentLines(int at) throws Unsupported {
        int n = text.length();
        while (at < n) {
            int eol = text.indexOf('\n', at);
            if (eol < 0) eol = n;
            int i = at;
            while (i < eol && text.charAt(i) == ' ') i++;
            for (int k = i; k < eol; k++) if (!allowed(text.charAt(k))) throw unsupported();
            if (i == eol || text.charAt(i) == '#') {
                at = eol + 1; // a blank or comment line
                continue;
            }
            if (i == at && eol - at >= 3 && text.startsWith("---", at)) {
                if (eol - at != 3) throw unsupported(); // content on the marker's line
                return eol + 1;
            }
            if (i == at && (text.startsWith("...", at) || text.charAt(at) == '%')) throw unsupported();
            if (lines == start.length) grow();
            start[lines] = at;
            indent[lines] = i - at;
            end[lines] = eol;
            lines++;
            at = eol + 1;
        }
        return at;
    }

    private void grow() {
        start = java.util.Arrays.copyOf(start, lines * 2);
        indent = java.util.Arrays.copyOf(indent, lines * 2);
        end = java.util.Arrays.copyOf(end, lines * 2);
    }

    /**
     * Characters that read as themselves anywhere in YAML: printable ASCII, and the printable non-ASCII range
     * short of the ones a reader may treat as a line break or a byte-order mark, and of surrogates (left to
     * Jackson). A tab, a control character and the rest mean: let Jackson read it.
     */
    private static boolean allowed(char c) {
        if (c >= 0x20 && c < 0x7F) return true;
        if (c < 0xA0) return false;
        return c != '\u2028' && c != '\u2029' && c != '\uFEFF' && c < 0xFFFE && !Character.isSurrogate(c);
    }

    /** The node whose first line is the current one, with its content at {@code col}. */
    private JsonNode block(int col) throws Unsupported {
        return startsItem() ? sequence(col) : mapping(col);
    }

    private boolean startsItem() {
        int p = start[line] + column;
        return text.charAt(p) == '-' && p + 1 < end[line] && text.charAt(p + 1) == ' ';
    }

    /** Items at {@code col}: each "- " then a scalar, or a mapping (or sequence) that starts on the item's line. */
    private ArrayNode sequence(int col) throws Unsupported {
        ArrayNode seq = NODES.arrayNode();
        while (line < lines && column == col && startsItem()) {
            int p = start[line] + column + 2;
            while (p < end[line] && text.charAt(p) == ' ') p++;
            int contentColumn = p - start[line];
            if (p == end[line]) throw unsupported(); // "- " and the item below: not written by the templates
            column = contentColumn;
            if (startsItem() || keyEnd(p) >= 0) {
                seq.add(block(contentColumn));
            } else {
                seq.add(scalar(p, end[line]));
                next();
            }
            if (line < lines && column > col) throw unsupported();
        }
        return seq;
    }

    /** Entries at {@code col}: "key: value", or "key:" with the value's block on the lines below. */
    private ObjectNode mapping(int col) throws Unsupported {
        ObjectNode map = NODES.objectNode();
        while (line < lines && column == col && !startsItem()) {
            int p = start[line] + column;
            int colon = keyEnd(p);
            if (colon < 0) throw unsupported();
            String key = key(p, colon);
            JsonNode value;
            int v = colon + 1;
            if (v == end[line]) {
                next();
                // The value's block: deeper than the key, or a sequence at the key's own column.
                if (line >= lines || column < col || (column == col && !startsItem())) throw unsupported(); // an empty value
                value = block(column);
            } else {
                if (text.charAt(v) != ' ') throw unsupported();
                v++;
                if (v == end[line] || text.charAt(v) == ' ') throw unsupported();
                value = scalar(v, end[line]);
                next();
            }
            if (map.putIfAbsent(key, value) != null) throw unsupported(); // a duplicate: Jackson reports it
            if (line < lines && column > col) throw unsupported();
        }
        return map;
    }

    private void next() {
        line++;
        if (line < lines) column = indent[line];
    }

    /**
     * Where the colon after the key that starts at {@code p} is (followed by a space or the line's end), or -1
     * when the content at {@code p} is not a key this reader knows.
     */
    private int keyEnd(int p) throws Unsupported {
        int e = end[line];
        if (text.charAt(p) == '"') {
            int close = closingQuote(p, e);
            if (close < 0) throw unsupported();
            int c = close + 1;
            return c < e && text.charAt(c) == ':' && (c + 1 == e || text.charAt(c + 1) == ' ') ? c : -1;
        }
        int i = p;
        while (i < e && plainKeyChar(text.charAt(i))) i++;
        if (i == p || i == e || text.charAt(i) != ':') return -1;
        if (i + 1 < e && text.charAt(i + 1) != ' ') return -1;
        return i;
    }

    private String key(int p, int colon) throws Unsupported {
        if (text.charAt(p) == '"') return unquote(p, colon - 1);
        if (!Character.isLetter(text.charAt(p)) || text.charAt(p) > 0x7F || reserved(p, colon)) throw unsupported();
        return text.substring(p, colon);
    }

    private static boolean plainKeyChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.' || c == '/';
    }

    /** A value on one line, from {@code p} to {@code e}. */
    private JsonNode scalar(int p, int e) throws Unsupported {
        char first = text.charAt(p);
        if (first == '"') {
            if (closingQuote(p, e) != e - 1) throw unsupported(); // anything after the closing quote
            return TextNode.valueOf(unquote(p, e - 1));
        }
        if (e - p == 2 && text.startsWith("{}", p)) return NODES.objectNode();
        if (e - p == 2 && text.startsWith("[]", p)) return NODES.arrayNode();
        if (first >= '0' && first <= '9') {
            if (e - p > 9 || (first == '0' && e - p > 1)) throw unsupported();
            int value = 0;
            for (int i = p; i < e; i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') throw unsupported();
                value = value * 10 + (c - '0');
            }
            return IntNode.valueOf(value);
        }
        if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z'))) throw unsupported();
        for (int i = p; i < e; i++) if (!plainKeyChar(text.charAt(i))) throw unsupported();
        if (e - p == 4 && text.startsWith("true", p)) return BooleanNode.TRUE;
        if (e - p == 5 && text.startsWith("false", p)) return BooleanNode.FALSE;
        if (reserved(p, e)) throw unsupported();
        return TextNode.valueOf(text.substring(p, e));
    }

    /**
     * Words some YAML reader takes for a boolean, a null or a number in any spelling (YAML 1.1 and 1.2), and
     * the lower-case {@code true} and {@code false} as keys: all left to Jackson.
     */
    private boolean reserved(int p, int e) {
        int len = e - p;
        if (len > 5) return false;
        String w = text.substring(p, e).toLowerCase(java.util.Locale.ROOT);
        return switch (w) {
            case "y", "n", "yes", "no", "on", "off", "true", "false", "null", "nan", "inf" -> true;
            default -> false;
        };
    }

    /** The index of the quote that closes the one at {@code p}, before {@code e}; -1 when it does not close. */
    private int closingQuote(int p, int e) {
        for (int i = p + 1; i < e; i++) {
            char c = text.charAt(i);
            if (c == '\\') i++;
            else if (c == '"') return i;
        }
        return -1;
    }

    /** The text of the double-quoted scalar from {@code open} to {@code close}, with {@link Templates#quote}'s escapes. */
    private String unquote(int open, int close) throws Unsupported {
        int bs = open + 1;
        while (bs < close && text.charAt(bs) != '\\') bs++;
        if (bs == close) return text.substring(open + 1, close);
        StringBuilder b = new StringBuilder(close - open);
        for (int i = open + 1; i < close; i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char x = text.charAt(++i);
            switch (x) {
                case '"', '\\' -> b.append(x);
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case 'u' -> {
                    if (i + 4 >= close) throw unsupported();
                    int code = 0;
                    for (int k = i + 1; k <= i + 4; k++) {
                        int d = Character.digit(text.charAt(k), 16);
                        if (d < 0) throw unsupported();
                        code = code * 16 + d;
                    }
                    if (Character.isSurrogate((char) code)) throw unsupported();
                    b.append((char) code);
                    i += 4;
                }
                default -> throw unsupported();
            }
        }
        return b.toString();
    }
}

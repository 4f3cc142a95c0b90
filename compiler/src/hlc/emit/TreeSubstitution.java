package hlc.emit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flux's postBuild substitution done on a component's parsed documents instead of its text, so that a component
 * included by thousands of apps is parsed once rather than once per app (at 10,000 hosts the volsync component's
 * re-parses were a quarter of all validation). Used only where it gives exactly the documents that parsing the
 * substituted text would ({@link Renderer#substitute} then a parse): every reference sits inside a quoted scalar
 * value on one line (or in a comment), and the values put in need no escaping there, so the text substitution
 * changes the characters of those scalars and nothing else. Anything else takes the text path.
 */
final class TreeSubstitution {
    /** Characters that mean the same inside a quoted YAML scalar as in the value they stand for. */
    private static final Pattern SAFE_VALUE = Pattern.compile("[A-Za-z0-9._/-]*");

    private TreeSubstitution() {}

    /**
     * The documents of {@code text} with its references as written, or null when substituting into the tree would
     * not be exact (a reference outside a quoted scalar value, in a key or a comment) or the text does not parse
     * (then every variable set reports that, through the text path, as before).
     */
    static List<JsonNode> parseIfExact(Renderer renderer, String path, String text) {
        if (path.endsWith(".json")) return null;
        long inText = referencesInQuotedScalars(text);
        if (inText < 0) return null;
        List<JsonNode> docs;
        try {
            docs = renderer.parse(path, text);
        } catch (Exception e) {
            return null;
        }
        // Every reference counted above is one in a string value of the tree: none in a key, and none in anything
        // the scan took for a quoted scalar or a comment but the parser did not.
        long inValues = 0;
        for (JsonNode d : docs) {
            if (referenceInKey(d)) return null;
            inValues += referencesInValues(d);
        }
        return inValues == inText ? docs : null;
    }

    /** True when no value of the set holds a character that a quoted scalar reads differently. */
    static boolean safe(Map<String, String> vars) {
        for (String v : vars.values()) if (v == null || !SAFE_VALUE.matcher(v).matches()) return false;
        return true;
    }

    /** Copies of the documents with {@link Renderer#substitute} applied to every string value. */
    static List<JsonNode> apply(List<JsonNode> docs, Map<String, String> vars) {
        List<JsonNode> out = new ArrayList<>(docs.size());
        for (JsonNode d : docs) out.add(substituted(d, vars));
        return out;
    }

    private static JsonNode substituted(JsonNode node, Map<String, String> vars) {
        if (node.isTextual()) {
            String t = node.textValue();
            return t.indexOf("${") < 0 ? node : TextNode.valueOf(Renderer.substitute(t, vars));
        }
        if (node.isObject()) {
            ObjectNode copy = ((ObjectNode) node).objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                copy.set(e.getKey(), substituted(e.getValue(), vars));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = ((ArrayNode) node).arrayNode(node.size());
            for (JsonNode e : node) copy.add(substituted(e, vars));
            return copy;
        }
        return node; // numbers, booleans, null: nothing to substitute, and never changed
    }

    private static long referencesInValues(JsonNode node) {
        if (node.isTextual()) return count(node.textValue());
        long n = 0;
        if (node.isContainerNode()) for (JsonNode e : node) n += referencesInValues(e);
        return n;
    }

    private static boolean referenceInKey(JsonNode node) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().contains("${") || referenceInKey(e.getValue())) return true;
            }
        } else if (node.isArray()) {
            for (JsonNode e : node) if (referenceInKey(e)) return true;
        }
        return false;
    }

    private static long count(String s) {
        Matcher m = Renderer.VARIABLE.matcher(s);
        long n = 0;
        while (m.find()) n++;
        return n;
    }

    /**
     * The references of the text outside comment lines, or -1 when one of them is not inside a double-quoted
     * scalar that opens on its line where a block value or list item begins ({@code key: "…"}, {@code - "…"}, or
     * alone on its line), as the {@code q} filter writes every value: one line, line breaks escaped. A single
     * quote or a {@code #} before a reference on its line, or a quote that opens anywhere else, sends the file
     * down the text path. A line that starts with {@code #} is a comment (hlc's templates explain the
     * component there), which neither path changes; were it a line of a block scalar instead, the value would
     * hold a reference this count does not, and the caller's comparison sends the file down the text path too.
     */
    static long referencesInQuotedScalars(String text) {
        Matcher m = Renderer.VARIABLE.matcher(text);
        long n = 0;
        while (m.find()) {
            int lineStart = text.lastIndexOf('\n', m.start()) + 1;
            if (text.substring(lineStart, m.start()).strip().startsWith("#")) continue;
            if (!insideQuotes(text, lineStart, m.start())) return -1;
            n++;
        }
        return n;
    }

    /** Whether position {@code at} of its line lies inside such a double-quoted scalar, scanning from the line's start. */
    private static boolean insideQuotes(String text, int from, int at) {
        boolean quoted = false;
        for (int i = from; i < at; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '\\') i++; // an escape: the next character is part of it
                else if (c == '"') quoted = false;
            } else if (c == '"') {
                if (!opensValue(text, from, i)) return false;
                quoted = true;
            } else if (c == '\'' || c == '#') {
                return false;
            }
        }
        return quoted;
    }

    /** A quote at {@code i} opens a scalar: only spaces before it on the line, or right after ": " or "- ". */
    private static boolean opensValue(String text, int lineStart, int i) {
        if (text.substring(lineStart, i).isBlank()) return true;
        return i - lineStart >= 2 && text.charAt(i - 1) == ' ' && (text.charAt(i - 2) == ':' || text.charAt(i - 2) == '-');
    }
}

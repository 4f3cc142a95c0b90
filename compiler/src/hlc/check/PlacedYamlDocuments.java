package hlc.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.diag.Span;
import hlc.model.PlacedYaml;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * YAML the spec carries (a Talos patch, an app's {@code flux-spec}) read as JSON documents that remember the YAML
 * node of every key and value, by JSON pointer, so that a schema's finding points at the key or value in the .hl
 * file or the file beside it. One reading for every check of such YAML.
 */
final class PlacedYamlDocuments {
    /** The text, its documents, and per document the YAML node of each value ({@code pointer}) and key ({@code pointer#key}). */
    record Parsed(PlacedYaml text, List<JsonNode> documents, List<Map<String, Node>> nodes) {}

    /**
     * How findings about one kind of YAML speak: what has no such key ({@code "Talos has no setting"}), how the
     * top level is named ({@code "at the top of its config"}), and the hint that says which schema checked it.
     */
    record Words(String noKey, String atTop, String hint) {}

    private PlacedYamlDocuments() {}

    /** The documents, or null when the text is not YAML (reported with {@code code}, at the place YAML stopped). */
    static Parsed read(PlacedYaml p, Code code, String what, Reporter reporter) {
        List<JsonNode> docs = new ArrayList<>();
        List<Map<String, Node>> nodes = new ArrayList<>();
        try {
            for (Node root : new Yaml(new LoaderOptions()).composeAll(new StringReader(p.yaml()))) {
                if (root == null) continue;
                Map<String, Node> at = new HashMap<>();
                docs.add(json(root, "", at));
                nodes.add(at);
            }
        } catch (RuntimeException notYaml) {
            var mark = notYaml instanceof org.yaml.snakeyaml.error.MarkedYAMLException m ? m.getProblemMark() : null;
            Span where = mark == null ? p.at() : p.place(mark.getLine() + 1, mark.getColumn() + 1, 1);
            String problem = notYaml instanceof org.yaml.snakeyaml.error.MarkedYAMLException m ? m.getProblem() : notYaml.getMessage();
            reporter.error(code, where, what + " is not YAML: " + problem).emit();
            return null;
        }
        return new Parsed(p, docs, nodes);
    }

    /**
     * Every way a document fails its schema, each at the key or value it is about; "required" is no failure (the
     * YAML is a part of a whole). True when it is valid.
     */
    static boolean validate(PlacedYaml p, Map<String, Node> at, JsonNode doc, JsonSchema schema, Code code, Words words,
                            Reporter reporter) {
        boolean valid = true;
        for (ValidationMessage m : schema.validate(doc)) {
            if (m.getType().equals("required")) continue;
            String pointer = pointer(m);
            boolean unknownKey = m.getType().equals("additionalProperties") && m.getProperty() != null;
            String key = unknownKey ? pointer + "/" + escape(m.getProperty()) : pointer;
            Span where = unknownKey ? keyPlace(p, at, key) : place(p, at, pointer);
            String message = unknownKey ? words.noKey() + " `" + m.getProperty() + "` " + (pointer.isEmpty() ? words.atTop() : "in `" + dotted(pointer) + "`")
                    : "`" + dotted(pointer) + "`: " + m.getMessage().replaceFirst("^\\$[^:]*: ", "");
            reporter.error(code, where, message).hint(words.hint()).emit();
            valid = false;
        }
        return valid;
    }

    private static JsonNode json(Node n, String pointer, Map<String, Node> at) {
        at.put(pointer, n);
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (n instanceof MappingNode m) {
            ObjectNode o = f.objectNode();
            for (NodeTuple t : m.getValue()) {
                String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : String.valueOf(t.getKeyNode());
                String child = pointer + "/" + escape(key);
                at.put(child + "#key", t.getKeyNode());
                o.set(key, json(t.getValueNode(), child, at));
            }
            return o;
        }
        if (n instanceof SequenceNode s) {
            ArrayNode a = f.arrayNode();
            for (int i = 0; i < s.getValue().size(); i++) a.add(json(s.getValue().get(i), pointer + "/" + i, at));
            return a;
        }
        ScalarNode s = (ScalarNode) n;
        Tag tag = s.getTag();
        String v = s.getValue();
        try {
            if (tag.equals(Tag.INT)) return f.numberNode(Long.decode(v.replace("_", "")));
            if (tag.equals(Tag.FLOAT)) return f.numberNode(Double.parseDouble(v));
        } catch (NumberFormatException odd) {
            return f.textNode(v);
        }
        if (tag.equals(Tag.BOOL)) return f.booleanNode(v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes") || v.equalsIgnoreCase("on"));
        if (tag.equals(Tag.NULL)) return f.nullNode();
        return f.textNode(v);
    }

    private static String pointer(ValidationMessage m) {
        var path = m.getInstanceLocation();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) b.append('/').append(escape(String.valueOf(path.getElement(i))));
        return b.toString();
    }

    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    static String dotted(String pointer) {
        return pointer.isEmpty() ? "(the document)" : pointer.substring(1).replace("/", ".").replace("~1", "/").replace("~0", "~");
    }

    /** The place of the key at a pointer, else of its value. */
    static Span keyPlace(PlacedYaml p, Map<String, Node> at, String pointer) {
        Node key = at.get(pointer + "#key");
        return key != null ? span(p, key) : place(p, at, pointer);
    }

    /** The place of the value at a pointer, or of its nearest enclosing value that the YAML has. */
    static Span place(PlacedYaml p, Map<String, Node> at, String pointer) {
        for (String ptr = pointer; ; ptr = ptr.substring(0, ptr.lastIndexOf('/'))) {
            Node n = at.get(ptr);
            if (n != null) return span(p, n);
            if (ptr.isEmpty()) return p.at();
        }
    }

    private static Span span(PlacedYaml p, Node n) {
        var start = n.getStartMark();
        var end = n.getEndMark();
        int length = start.getLine() == end.getLine() ? Math.max(1, end.getColumn() - start.getColumn()) : 1;
        return p.place(start.getLine() + 1, start.getColumn() + 1, length);
    }
}

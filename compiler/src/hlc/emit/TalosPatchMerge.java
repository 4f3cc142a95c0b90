package hlc.emit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Talos's strategic merge of config patches, as its "Configuration Patches" guide states the rules: maps are
 * merged key by key, the patch's scalars win, and lists are appended to, except {@code cluster.network.podSubnets}
 * and {@code serviceSubnets} (replaced), {@code machine.network.interfaces} (an item merged into the one with the
 * same {@code interface} or {@code deviceSelector}), an interface's {@code vlans} (merged by {@code vlanId}) and
 * {@code cluster.apiServer.auditPolicy} (replaced). {@code $patch: delete} as a key's value removes the key. A patch
 * document with a {@code kind} is merged into the machine config's document of that kind and name, or added when
 * there is none ({@code $patch: delete} in it removes that document); one without is the {@code v1alpha1} document.
 */
public final class TalosPatchMerge {
    private static final ObjectMapper YAML = new YAMLMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));
    private static final Set<String> REPLACED = Set.of("cluster.network.podSubnets", "cluster.network.serviceSubnets",
            "cluster.apiServer.auditPolicy");

    private TalosPatchMerge() {}

    /** The documents of YAML text, nulls (empty documents) left out. */
    public static List<JsonNode> documents(String text) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(text)) {
            while (it.hasNext()) {
                JsonNode n = it.next();
                if (n != null && !n.isNull() && !n.isMissingNode()) docs.add(n);
            }
        }
        return docs;
    }

    /** The rendered config with every patch applied in order, as YAML with the rendered file's header comments. */
    public static String apply(String rendered, List<String> patches) throws IOException {
        List<JsonNode> docs = documents(rendered);
        for (String p : patches) docs = merge(docs, documents(p));
        StringBuilder out = new StringBuilder();
        for (String line : rendered.split("\n")) {
            if (!line.startsWith("#")) break;
            out.append(line).append('\n');
        }
        for (int i = 0; i < docs.size(); i++) {
            if (i > 0) out.append("---\n");
            out.append(YAML.writeValueAsString(docs.get(i)));
        }
        return out.toString();
    }

    /** The documents of a machine config with one patch's documents merged in. */
    public static List<JsonNode> merge(List<JsonNode> config, List<JsonNode> patch) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode d : config) out.add(d.deepCopy());
        for (JsonNode p : patch) {
            if (!p.isObject()) continue;
            int target = -1;
            for (int i = 0; i < out.size(); i++) {
                if (sameDocument(out.get(i), p)) target = i;
            }
            if ("delete".equals(p.path("$patch").asText(null))) {
                if (target >= 0) out.remove(target);
                continue;
            }
            if (target < 0) {
                out.add(p.deepCopy());
            } else {
                mergeObject((ObjectNode) out.get(target), (ObjectNode) p, "");
            }
        }
        return out;
    }

    /** The machine document matches a patch without kind; others match by kind and name. */
    private static boolean sameDocument(JsonNode doc, JsonNode patch) {
        if (!patch.has("kind")) return !doc.has("kind") && doc.isObject();
        return patch.path("kind").equals(doc.path("kind")) && patch.path("name").equals(doc.path("name"));
    }

    private static void mergeObject(ObjectNode base, ObjectNode patch, String path) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String key = f.getKey();
            JsonNode value = f.getValue();
            String at = path.isEmpty() ? key : path + "." + key;
            if (key.equals("$patch")) continue;
            if (value.isObject() && "delete".equals(value.path("$patch").asText(null))) {
                base.remove(key);
                continue;
            }
            JsonNode existing = base.get(key);
            if (REPLACED.contains(at) || existing == null || existing.isNull()) {
                base.set(key, strip(value.deepCopy()));
            } else if (existing.isObject() && value.isObject()) {
                mergeObject((ObjectNode) existing, (ObjectNode) value, at);
            } else if (existing.isArray() && value.isArray()) {
                mergeList((ArrayNode) existing, (ArrayNode) value, at);
            } else {
                base.set(key, strip(value.deepCopy()));
            }
        }
    }

    private static void mergeList(ArrayNode base, ArrayNode patch, String path) {
        String by = path.equals("machine.network.interfaces") ? "interface"
                : path.equals("machine.network.interfaces[].vlans") ? "vlanId" : null;
        for (JsonNode item : patch) {
            ObjectNode match = null;
            if (by != null && item.isObject()) {
                for (JsonNode b : base) {
                    if (!b.isObject()) continue;
                    boolean same = item.has(by) && item.get(by).equals(b.get(by))
                            || by.equals("interface") && item.has("deviceSelector") && item.get("deviceSelector").equals(b.get("deviceSelector"));
                    if (same) match = (ObjectNode) b;
                }
            }
            // Items of merged lists are merged as one path, so an interface's vlans are found by their name.
            if (match != null) mergeObject(match, (ObjectNode) item, by.equals("interface") ? path + "[]" : path);
            else base.add(strip(item.deepCopy()));
        }
    }

    /** A value added whole carries no merge directives. */
    private static JsonNode strip(JsonNode n) {
        if (n.isObject()) {
            ((ObjectNode) n).remove("$patch");
            n.fields().forEachRemaining(e -> strip(e.getValue()));
        } else if (n.isArray()) {
            n.forEach(TalosPatchMerge::strip);
        }
        return n;
    }
}

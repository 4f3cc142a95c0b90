package hlc.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shipped JSON schemas (copies of ../shared/schemas, see schemas/UPSTREAM.md), each read once, and one
 * definition of a Talos config schema cut out as a schema of its own. The emitter validates what it writes and the
 * patch check what a user writes against these same cuts, so both read Talos's rules one way.
 */
public final class TalosSchemas {
    private TalosSchemas() {}

    private static final Map<String, JsonNode> ROOTS = new ConcurrentHashMap<>();
    /** One reader for every schema: a mapper costs its configuration on each construction, cold (a compile reads a dozen). */
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Where the v1.14 schema's {@code kind} enum disagrees with Talos's v1.14 configuration reference, the
     * reference's kind (the one Talos reads, and the real v1.14 clusters write), with its $defs entry. The schema
     * (main after v1.14.0-beta.1, unreleased) spells the UnattendedInstallConfig document's kind
     * {@code UnattendedInstall}; reference/configuration/runtime/unattendedinstallconfig of v1.14 and every example
     * there write {@code UnattendedInstallConfig}. The definition is cut with that kind added to its enum.
     */
    public static final Map<String, String> KIND_AS_THE_REFERENCE_SPELLS_IT = Map.of(
            "UnattendedInstallConfig", "runtime.UnattendedInstallConfigV1Alpha1");

    /** A shipped schema, {@code name} without its {@code .schema.json}; read once, never to be modified. */
    public static JsonNode read(String name) {
        return ROOTS.computeIfAbsent(name, n -> {
            try (InputStream in = TalosSchemas.class.getResourceAsStream("/schemas/" + n + ".schema.json")) {
                if (in == null) throw new IllegalStateException("no shipped schema " + n);
                return JSON.readTree(in);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the shipped schema " + n, e);
            }
        });
    }

    /** The $defs entry of a Talos schema whose {@code kind} enum names {@code kind}, or null for none. */
    public static String definitionOfKind(String schema, String kind) {
        String spelled = KIND_AS_THE_REFERENCE_SPELLS_IT.get(kind);
        if (spelled != null && read(schema).path("$defs").has(spelled)) return spelled;
        for (var it = read(schema).path("$defs").fields(); it.hasNext(); ) {
            var e = it.next();
            for (JsonNode k : e.getValue().at("/properties/kind/enum")) {
                if (k.asText().equals(kind)) return e.getKey();
            }
        }
        return null;
    }

    /**
     * A fresh copy of a Talos schema that holds a document to one definition: the root with its top-level
     * {@code oneOf} replaced by a reference to {@code definition}, since "no alternative matched" would hide the
     * real violation, and the reference's spelling of the kind accepted beside the schema's.
     */
    public static ObjectNode cut(String schema, String definition) {
        ObjectNode root = read(schema).deepCopy();
        root.remove("oneOf");
        root.put("$ref", "#/$defs/" + definition);
        KIND_AS_THE_REFERENCE_SPELLS_IT.forEach((kind, of) -> {
            if (of.equals(definition) && root.path("$defs").path(of).at("/properties/kind/enum") instanceof ArrayNode kinds) {
                kinds.add(kind);
            }
        });
        return root;
    }
}

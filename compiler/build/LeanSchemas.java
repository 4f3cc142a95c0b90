import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A build step (run by Maven once the resources are copied, see pom.xml): rewrites the shipped JSON schemas in
 * the build's class folder without the keywords that only annotate, written compactly. The copies under
 * compiler/resources/schemas stay exactly as upstream publishes them; what the jar (and every test) validates
 * with is the same schema minus its prose.
 *
 * <p>Why: four fifths of the shipped schemas' 2.5 MB is prose (Kubernetes CRDs describe every field, Talos's
 * schema three times over: description, markdownDescription and an HTML copy), and every compile reads and
 * compiles the schemas of what it writes, cold, in a fresh JVM: Jackson parsed all of it and the validator made
 * an object for each annotation. Lean, they are 0.6 MB, and `hlc compile --check` of the bundled spec took about
 * 100 ms less (JDK 25, median of 9 interleaved runs).
 *
 * <p>Removed, at schema positions only (a property called {@code description} stays): the meta-data
 * annotations of JSON Schema (title, description, examples, $comment) and the editors' ones of Talos's schema
 * (markdownDescription, x-intellij-html-description). None of them asserts anything, in any draft; {@code
 * default}, {@code format} and the {@code x-kubernetes-*} extensions stay, since they carry meaning a validator
 * or a later check may read.
 *
 * <p>Usage: {@code java -cp jackson.jars compiler/build/LeanSchemas.java target/classes/schemas}
 */
public final class LeanSchemas {
    private static final Set<String> ANNOTATIONS = Set.of("title", "description", "examples", "$comment",
            "markdownDescription", "x-intellij-html-description");
    /** Keywords whose value maps names to schemas. */
    private static final Set<String> SCHEMA_MAPS = Set.of("properties", "patternProperties", "$defs", "definitions",
            "dependentSchemas", "dependencies");
    /** Keywords whose value is a schema or a list of schemas. */
    private static final Set<String> SCHEMAS = Set.of("additionalProperties", "items", "additionalItems", "contains",
            "not", "if", "then", "else", "propertyNames", "unevaluatedProperties", "unevaluatedItems", "allOf", "anyOf",
            "oneOf", "prefixItems");

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        ObjectMapper json = new ObjectMapper();
        long before = 0, after = 0;
        int files = 0;
        try (DirectoryStream<Path> schemas = Files.newDirectoryStream(folder, "*.schema.json")) {
            for (Path file : schemas) {
                byte[] original = Files.readAllBytes(file);
                JsonNode root = json.readTree(original);
                lean(root);
                byte[] lean = json.writeValueAsBytes(root);
                Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
                Files.write(tmp, lean);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                before += original.length;
                after += lean.length;
                files++;
            }
        }
        System.out.printf("lean schemas: %d files, %,d bytes -> %,d bytes%n", files, before, after);
    }

    /** Removes the annotations of a schema and of every schema inside it. */
    private static void lean(JsonNode schema) {
        if (!(schema instanceof ObjectNode object)) return; // `true`, `false`, or not a schema
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String keyword = e.getKey();
            JsonNode value = e.getValue();
            if (ANNOTATIONS.contains(keyword) && (value.isTextual() || keyword.equals("examples"))) {
                it.remove();
            } else if (SCHEMA_MAPS.contains(keyword) && value.isObject()) {
                value.forEach(LeanSchemas::lean); // draft-07 dependencies may also hold a list of names: left as is
            } else if (SCHEMAS.contains(keyword)) {
                if (value instanceof ArrayNode list) list.forEach(LeanSchemas::lean);
                else lean(value);
            }
        }
    }
}

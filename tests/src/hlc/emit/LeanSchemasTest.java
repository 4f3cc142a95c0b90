package hlc.emit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The schemas in the jar are compiler/resources/schemas without their prose (compiler/build/LeanSchemas.java, a
 * build step): they must judge every document exactly as the copies of upstream do. Probed with every document
 * of the committed output held to every schema, as written and with a field of the wrong type and an unknown
 * field added, so that most keywords of every schema report something.
 */
class LeanSchemasTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theShippedSchemasJudgeEveryDocumentAsUpstreamsCopiesDo() throws Exception {
        List<JsonNode> probes = probes();
        assertTrue(probes.size() > 100, "probes: " + probes.size());
        int schemas = 0, messages = 0;
        long upstreamBytes = 0, leanBytes = 0;
        try (Stream<Path> files = Files.list(EmitFixtures.projectDir().resolve("compiler/resources/schemas"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".schema.json")).sorted().toList()) {
                JsonNode upstream = JSON.readTree(file.toFile());
                byte[] shipped;
                try (InputStream in = LeanSchemasTest.class.getResourceAsStream("/schemas/" + file.getFileName())) {
                    shipped = in.readAllBytes();
                }
                JsonNode lean = JSON.readTree(shipped);
                upstreamBytes += Files.size(file);
                leanBytes += shipped.length;
                if (upstream.toString().contains("\"description\":\"")) {
                    assertFalse(lean.toString().contains("\"description\":\""), file + ": still has its prose in the jar");
                }
                JsonSchema a = compiled(upstream), b = compiled(lean);
                for (JsonNode probe : probes) {
                    List<String> expected = messages(a, probe), actual = messages(b, probe);
                    assertEquals(expected, actual, file.getFileName() + " judges this document otherwise when lean: " + probe);
                    messages += expected.size();
                }
                schemas++;
            }
        }
        assertTrue(schemas >= 40 && messages > 10_000, schemas + " schemas, " + messages + " messages");
        assertTrue(leanBytes * 3 < upstreamBytes, "the jar's schemas: " + leanBytes + " bytes, upstream's " + upstreamBytes);
    }

    private static JsonSchema compiled(JsonNode schema) {
        boolean draft07 = schema.path("$schema").asText("").contains("draft-07");
        return JsonSchemaFactory.getInstance(draft07 ? SpecVersion.VersionFlag.V7 : SpecVersion.VersionFlag.V202012).getSchema(schema);
    }

    private static List<String> messages(JsonSchema schema, JsonNode doc) {
        return schema.validate(doc).stream().map(m -> m.getInstanceLocation() + ": " + m.getMessage()).sorted().toList();
    }

    /** Every document of out/, as written, with its first string field made a number, and with an unknown field. */
    private static List<JsonNode> probes() throws Exception {
        List<JsonNode> docs = new ArrayList<>();
        Renderer renderer = new Renderer("probe");
        try (Stream<Path> files = Files.walk(EmitFixtures.projectDir().resolve("out"))) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> f.toString().matches(".*\\.(yaml|json)")).sorted().toList()) {
                docs.addAll(renderer.parse(f.toString(), Files.readString(f)));
            }
        }
        List<JsonNode> probes = new ArrayList<>();
        for (JsonNode d : docs) {
            probes.add(d);
            if (d instanceof ObjectNode o) {
                ObjectNode wrongType = o.deepCopy();
                retypeFirstString(wrongType);
                probes.add(wrongType);
                probes.add(o.deepCopy().put("hlcUnknownField", true));
            }
        }
        return probes;
    }

    private static boolean retypeFirstString(JsonNode node) {
        if (!(node instanceof ObjectNode o)) return false;
        for (var it = o.fields(); it.hasNext(); ) {
            var e = it.next();
            if (e.getValue().isTextual() && !e.getKey().equals("apiVersion") && !e.getKey().equals("kind")) {
                o.put(e.getKey(), 42);
                return true;
            }
            if (retypeFirstString(e.getValue())) return true;
        }
        return false;
    }
}

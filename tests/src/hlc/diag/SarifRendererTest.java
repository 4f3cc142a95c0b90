package hlc.diag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import hlc.Compiler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SARIF output is valid against the shipped SARIF 2.1.0 subset schema and says exactly what the findings say. */
class SarifRendererTest {
    /** An address outside its network (with a label), a risky pool (a warning) and an even control plane (a warning). */
    static final String BROKEN = """
            site home { domain example.com }
            network lan { cidr 192.168.5.0/24 }
            network iot { cidr 192.168.6.0/24 }
            cluster main { talos v1.10.7 kubernetes v1.33.3 }
            host k8s-1 {
              role controlplane
              interface bond0 on lan address 192.168.6.12
            }
            host k8s-2 {
              role controlplane
              interface bond0 on lan address 192.168.5.12
            }
            """;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws Exception {
        try (InputStream in = SarifRendererTest.class.getResourceAsStream("/sarif/sarif-2.1.0-subset.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(JSON.readTree(in));
        }
    }

    static List<Diagnostic> findings(String name, String spec) {
        return Compiler.checkText(name, spec).reporter().sorted();
    }

    static JsonNode render(List<Diagnostic> diagnostics) throws Exception {
        return JSON.readTree(new SarifRenderer("0.1.0", new ReportPath(Path.of(""))).render(diagnostics));
    }

    @Test
    void brokenSpecValidatesWithOneResultPerFindingAtItsPlace() throws Exception {
        List<Diagnostic> diagnostics = findings("spec/broken.hl", BROKEN);
        assertTrue(diagnostics.size() >= 2, "the spec should have an error and a warning: " + diagnostics);
        assertTrue(diagnostics.stream().anyMatch(d -> !d.labels().isEmpty()), "some finding should have a label");
        JsonNode log = render(diagnostics);

        assertEquals(Set.of(), schema.validate(log));
        JsonNode runs = log.get("runs");
        assertEquals(1, runs.size());
        JsonNode results = runs.get(0).get("results");
        assertEquals(diagnostics.size(), results.size());
        for (int i = 0; i < diagnostics.size(); i++) {
            Diagnostic d = diagnostics.get(i);
            JsonNode r = results.get(i);
            assertEquals(d.code(), r.get("ruleId").asText());
            assertEquals(d.severity().label(), r.get("level").asText());
            assertEquals(d.fullMessage(), r.at("/message/text").asText());
            assertPlace(d.span(), r.at("/locations/0/physicalLocation"));
            JsonNode related = r.path("relatedLocations");
            assertEquals(d.labels().size(), related.size());
            for (int j = 0; j < d.labels().size(); j++) {
                assertEquals(d.labels().get(j).message(), related.get(j).at("/message/text").asText());
                assertPlace(d.labels().get(j).span(), related.get(j).get("physicalLocation"));
            }
        }
    }

    private static void assertPlace(Span span, JsonNode physical) {
        assertEquals("spec/broken.hl", physical.at("/artifactLocation/uri").asText());
        JsonNode region = physical.get("region");
        assertEquals(span.line(), region.get("startLine").asInt());
        assertEquals(span.column(), region.get("startColumn").asInt());
        assertEquals(span.column() + span.length(), region.get("endColumn").asInt(), "end column is exclusive");
    }

    @Test
    void hintIsPartOfTheMessage() throws Exception {
        JsonNode results = render(findings("spec/broken.hl", BROKEN)).at("/runs/0/results");
        JsonNode hl023 = null;
        for (JsonNode r : results) if (r.get("ruleId").asText().equals("HL023")) hl023 = r;
        assertTrue(hl023 != null, "HL023 expected");
        assertTrue(hl023.at("/message/text").asText().contains("(hint: "), hl023.toString());
    }

    @Test
    void rulesAreEveryCodeWithItsDefaultLevelAndResultsPointAtTheirRule() throws Exception {
        JsonNode log = render(findings("spec/broken.hl", BROKEN));
        JsonNode rules = log.at("/runs/0/tool/driver/rules");
        List<String> ids = Arrays.stream(Code.values()).map(Enum::name).toList();
        assertEquals(ids.size(), rules.size());
        for (int i = 0; i < ids.size(); i++) {
            Code c = Code.values()[i];
            JsonNode rule = rules.get(i);
            assertEquals(c.name(), rule.get("id").asText());
            assertEquals(c.title(), rule.at("/shortDescription/text").asText());
            assertFalse(rule.get("name").asText().isBlank());
            assertTrue(rule.at("/help/text").asText().startsWith(c.name() + ": " + c.title()));
            String expected = Set.of(Code.HL042, Code.HL061, Code.HL085, Code.HL120, Code.HL124, Code.HL131, Code.HL132).contains(c) ? "warning" : "error";
            assertEquals(expected, rule.at("/defaultConfiguration/level").asText(), c.name());
        }
        for (JsonNode r : log.at("/runs/0/results")) {
            assertEquals(r.get("ruleId").asText(), rules.get(r.get("ruleIndex").asInt()).get("id").asText());
        }
        assertEquals("hlc", log.at("/runs/0/tool/driver/name").asText());
        assertEquals("0.1.0", log.at("/runs/0/tool/driver/version").asText());
    }

    @Test
    void cleanSpecStillHasAnEmptyResultList() throws Exception {
        // An absent list means "no scan" to GitHub; an empty one closes the alerts of fixed findings.
        JsonNode log = render(List.of());
        assertEquals(Set.of(), schema.validate(log));
        assertTrue(log.at("/runs/0/results").isArray());
        assertEquals(0, log.at("/runs/0/results").size());
    }

    /** The schema is no rubber stamp: each of these slips in the renderer would fail the first test. */
    @Test
    void schemaRejectsWhatSarifForbids() throws Exception {
        JsonNode good = render(findings("spec/broken.hl", BROKEN));
        assertRejected(good, log -> rename(region(log), "startLine", "startline"));
        assertRejected(good, log -> region(log).put("startColumn", 0));
        assertRejected(good, log -> ((ObjectNode) log.at("/runs/0/results/0")).put("level", "fatal"));
        assertRejected(good, log -> rename((ObjectNode) log.at("/runs/0/tool/driver/rules/0"), "shortDescription", "shortdescription"));
        assertRejected(good, log -> ((ObjectNode) log.at("/runs/0/tool/driver/rules/0/defaultConfiguration")).put("level", "fatal"));
        assertRejected(good, log -> ((ObjectNode) log).put("version", "2.0.0"));
        assertRejected(good, log -> ((ObjectNode) log.at("/runs/0/tool/driver")).remove("name"));
    }

    private static ObjectNode region(JsonNode log) {
        return (ObjectNode) log.at("/runs/0/results/0/locations/0/physicalLocation/region");
    }

    private static void rename(ObjectNode o, String from, String to) {
        o.set(to, o.remove(from));
    }

    private static void assertRejected(JsonNode good, Consumer<JsonNode> slip) {
        JsonNode bad = good.deepCopy();
        slip.accept(bad);
        Set<ValidationMessage> errors = schema.validate(bad);
        assertFalse(errors.isEmpty(), "the schema accepted " + bad.at("/runs/0/results/0"));
    }

    /**
     * Columns are declared in the unit they are counted in: after an emoji (two UTF-16 units, one code point)
     * the finding's column is the UTF-16 one, as in an editor, and the run says {@code utf16CodeUnits}.
     */
    @Test
    void columnsAreUtf16UnitsAndTheRunSaysSo() throws Exception {
        String line = "network lan { description \"\uD83C\uDFE0\" cidr 192.168.5.1/24 }"; // HL021 after the emoji
        List<Diagnostic> ds = findings("emoji.hl", line + "\n");
        assertFalse(ds.isEmpty(), "the emoji line gives no finding");
        JsonNode log = render(ds);
        assertEquals("utf16CodeUnits", log.at("/runs/0/columnKind").asText());
        int cidrAt = line.indexOf("192.168") + 1; // String.indexOf counts UTF-16 units
        JsonNode region = log.at("/runs/0/results/0/locations/0/physicalLocation/region");
        assertEquals(cidrAt, region.get("startColumn").asInt());
    }

    /** A suggestion is a SARIF fix: the span's text deleted and the suggested text inserted, valid by the schema. */
    @Test
    void aSuggestionIsAFixReplacingItsRegion() throws Exception {
        List<Diagnostic> ds = findings("fix.hl", "network lan { cidr 192.168.5.1/24 }\n");
        JsonNode log = render(ds);
        assertEquals(Set.of(), schema.validate(log));
        JsonNode result = null;
        for (JsonNode r : log.at("/runs/0/results")) if (r.get("ruleId").asText().equals("HL021")) result = r;
        assertTrue(result != null, log.toString());
        JsonNode fix = result.at("/fixes/0");
        assertEquals("the network is written `192.168.5.0/24`", fix.at("/description/text").asText());
        assertEquals("fix.hl", fix.at("/artifactChanges/0/artifactLocation/uri").asText());
        JsonNode replacement = fix.at("/artifactChanges/0/replacements/0");
        assertEquals(1, replacement.at("/deletedRegion/startLine").asInt());
        assertEquals(20, replacement.at("/deletedRegion/startColumn").asInt());
        assertEquals(34, replacement.at("/deletedRegion/endColumn").asInt()); // "192.168.5.1/24" is 14 long
        assertEquals("192.168.5.0/24", replacement.at("/insertedContent/text").asText());
    }

    @Test
    void schemaRejectsAFixWithoutChanges() throws Exception {
        JsonNode good = render(findings("fix.hl", "network lan { cidr 192.168.5.1/24 }\n"));
        assertRejected(good, log -> {
            for (JsonNode r : log.at("/runs/0/results")) {
                if (r.has("fixes")) ((ObjectNode) r.at("/fixes/0")).remove("artifactChanges");
            }
        });
    }
}

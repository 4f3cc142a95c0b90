package hlc.emit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import hlc.bench.SpecGenerator;
import hlc.secrets.SecretsBundle;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The renderer reads its own templates' YAML without Jackson's parser where it can ({@link TemplateYaml}); what it
 * validates must be exactly what Jackson would have read, and anything it is not sure of must go to Jackson.
 */
class TemplateYamlTest {
    private static final ObjectMapper JACKSON = new YAMLMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** The documents as Jackson reads them, empty ones left out (as the renderer leaves them out). */
    private static List<JsonNode> jackson(String text) throws Exception {
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = JACKSON.readerFor(JsonNode.class).readValues(text)) {
            while (it.hasNext()) {
                JsonNode n = it.next();
                if (n != null && !n.isMissingNode() && !n.isNull()) docs.add(n);
            }
        }
        return docs;
    }

    /** A literal block scalar (the Helm values a ConfigMap carries), which this reader leaves to Jackson. */
    private static boolean holdsBlockScalar(String text) {
        return text.lines().anyMatch(l -> l.endsWith(": |") || l.endsWith(": |-"));
    }

    /**
     * Every YAML file a spec emits: read as Jackson reads it; the paths of those this reader left to Jackson,
     * other than those holding a block scalar (which it leaves by design), go to {@code leftToJackson}.
     */
    private static int[] sameAsJackson(EmitFixtures.Run run, List<String> leftToJackson) throws Exception {
        assertFalse(run.failed(), run.findings());
        int yaml = 0, read = 0;
        for (RenderedFile f : run.files()) {
            if (!f.path().endsWith(".yaml")) continue;
            yaml++;
            List<JsonNode> fast = TemplateYaml.read(f.content());
            if (fast == null) {
                if (!holdsBlockScalar(f.content())) leftToJackson.add(f.path());
                continue;
            }
            read++;
            // equals compares node types too: an IntNode is not a TextNode "1", nor a LongNode 1
            assertEquals(jackson(f.content()), fast, f.path());
        }
        return new int[]{yaml, read};
    }

    @Test
    void everyFileTheBundledSpecsEmitReadsAsJacksonReadsIt() throws Exception {
        Path dir = EmitFixtures.projectDir();
        for (Path spec : List.of(dir.resolve("spec/homelab.hl"), dir.resolve("spec/examples/home-ops-today.hl"),
                dir.resolve("spec/examples/pi-control-plane.hl"), dir.resolve("spec/examples/two-clusters.hl"))) {
            List<String> left = new ArrayList<>();
            int[] counts = sameAsJackson(EmitFixtures.emitFile(spec, SecretsBundle.placeholder(), new Renderer("spec.hl")), left);
            assertTrue(counts[0] > 0, spec + " emits YAML");
            // The templates write only what the reader knows, but for Helm values in a block scalar: another file
            // left to Jackson is a template (or a value) that made the validation slower, which this names. The
            // Talos configs that carry the spec's patches (every node of pi-control-plane) are written by the
            // patch merge, with Jackson's writer and its unquoted scalars: those are Jackson's to read, while
            // their rendering before the merge, validated too, is read here.
            List<String> patched = spec.endsWith("pi-control-plane.hl")
                    ? List.of("talos/nuc-1.yaml", "talos/nuc-2.yaml", "talos/pi-1.yaml", "talos/pi-2.yaml", "talos/pi-3.yaml")
                    : List.of();
            assertEquals(patched, left, spec + ": files read by Jackson's parser instead");
        }
    }

    @Test
    void aGeneratedSpecOfManyHostsReadsAsJacksonReadsIt() throws Exception {
        List<String> left = new ArrayList<>();
        int[] counts = sameAsJackson(EmitFixtures.emitText(SpecGenerator.generate(40), SecretsBundle.placeholder(),
                new Renderer("generated.hl")), left);
        assertTrue(counts[1] > 100, "the generated spec's files are read here: " + counts[1] + " of " + counts[0]);
        assertEquals(List.of(), left, "files read by Jackson's parser instead");
    }

    @Test
    void quotedValuesReadBackAsTheStringsQuoted() throws Exception {
        Random random = new Random(16);
        String tricky = "\"\\\n\t\r #:-{}[]&*!|>'%@`,?~ \u0000\u0007\u001b\u007f\u0085\u00a0\u00e9\u2028\u2029\ufeff\ufffe\uffff\ud83d\ude00\ud800${x}";
        for (int n = 0; n < 2000; n++) {
            StringBuilder s = new StringBuilder();
            for (int k = random.nextInt(12); k > 0; k--) {
                s.append(random.nextInt(3) == 0 ? (char) ('a' + random.nextInt(26)) : tricky.charAt(random.nextInt(tricky.length())));
            }
            String text = "a:\n  " + Templates.quote(s + "=") + ": " + Templates.quote(s.toString()) + "\n  l:\n    - "
                    + Templates.quote(s.toString()) + "\n";
            List<JsonNode> fast = TemplateYaml.read(text);
            List<JsonNode> expected = jackson(text);
            if (fast != null) assertEquals(expected, fast, text);
            assertEquals(s.toString(), expected.get(0).path("a").path("l").path(0).asText());
            boolean plain = s.chars().allMatch(c -> c >= 0x20 && c < 0x7f || c == '\n' || c == '\t' || c == '\r');
            if (plain) assertNotNull(fast, "quote() of printable ASCII with \\n \\t \\r is read here: " + text);
        }
    }

    @Test
    void plainValuesHaveJacksonsTypes() throws Exception {
        String text = """
                # a comment
                version: v1alpha1
                debug: false
                enabled: true
                port: 7445
                zero: 0
                apiVersion: kustomize.toolkit.fluxcd.io/v1
                empty: {}
                none: []
                "quoted key": "v"
                list:
                - a
                - name: b
                  x: 1
                  nested:
                    - - 1
                      - "2"
                ---
                ---
                # only a comment
                ---
                second:
                  deep:
                    deeper: kind-Name_1.2/3
                """;
        List<JsonNode> fast = TemplateYaml.read(text);
        assertNotNull(fast);
        assertEquals(jackson(text), fast);
        assertEquals(2, fast.size());
    }

    @Test
    void whatItIsNotSureOfIsLeftToJackson() {
        for (String text : List.of(
                "a: |\n  block\n", "a: >-\n  folded\n", "a: &x 1\nb: *x\n", "a: !!str 1\n", "a: {b: 1}\n", "a: [1, 2]\n",
                "a: 1 # comment\n", "a: \"x\" # comment\n", "a:\nb: 1\n", "a: 1\na: 2\n", "a:\t1\n", "\ta: 1\n",
                "a: yes\n", "a: No\n", "a: on\n", "a: y\n", "a: ~\n", "a: null\n", "a: NULL\n", "a: True\n",
                "a: 0644\n", "a: 1.5\n", "a: -1\n", "a: 1e3\n", "a: 0x1f\n", "a: 1234567890\n", "a: .inf\n",
                "true: 1\n", "null: 1\n", "a: b c\n", "a: b:c\n", "a: 'x'\n", "a: \"x\\/y\"\n", "a: \"\\ud800\"\n",
                "a: \"open\n", "a: \"multi\n  line\"\n", "- \n  a: 1\n", "  a: 1\n", "a: 1\n b: 2\n", "--- a: 1\n",
                "a: 1\n...\n", "%YAML 1.2\n---\na: 1\n", "a: \u0085\n", "a: \"\u2028\"\n", "a: 1\r\n", "scalar\n",
                "a:\n  - 1\n  b: 2\n", "- a\nb: 1\n", "a: 1\n- b\n")) {
            assertNull(TemplateYaml.read(text), () -> "left to Jackson: " + text);
        }
    }
}

package hlc.emit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A component is validated once per app that includes it; substituting into its parsed documents must give
 * exactly what parsing the substituted text gives, and must be refused wherever it might not.
 */
class TreeSubstitutionTest {
    private static final Renderer RENDERER = new Renderer("spec.hl");

    private static final String COMPONENT = """
            # Backs up PVC ${APP} (a comment: neither path changes the documents for it)
            apiVersion: volsync.backube/v1alpha1
            kind: ReplicationSource
            metadata:
              name: "${APP}"
              namespace: "${NAMESPACE}"
              annotations:
                kubernetes.io/description: "backs up \\"${APP}\\" of ${NAMESPACE}: nightly"
            spec:
              sourcePVC: "${APP}-data"
              trigger:
                schedule: "0 3 * * *"
              restic:
                copyMethod: "Snapshot"
                repository: "${APP}-volsync"
                pruneIntervalDays: 7
                moverSecurityContext:
                  - "${UNSET}"
            ---
            apiVersion: v1
            kind: ConfigMap
            data:
              path: "s3:bucket/${NAMESPACE}/${APP}"
            """;

    private static List<JsonNode> viaText(String text, Map<String, String> vars) throws Exception {
        return RENDERER.parse("c/volsync.yaml", Renderer.substitute(text, vars));
    }

    @Test
    void theDocumentsAreThoseOfTheSubstitutedText() throws Exception {
        List<JsonNode> parsed = TreeSubstitution.parseIfExact(RENDERER, "c/volsync.yaml", COMPONENT);
        assertNotNull(parsed, "every reference is inside a quoted value");
        for (Map<String, String> vars : List.of(Map.of("APP", "web-0", "NAMESPACE", "team-0"),
                Map.of("APP", "123", "NAMESPACE", "true"), // would be a number and a boolean if they were not quoted
                Map.of("APP", "a.b/c_d"), Map.<String, String>of())) {
            assertTrue(TreeSubstitution.safe(vars));
            assertEquals(viaText(COMPONENT, vars), TreeSubstitution.apply(parsed, vars), "as applied with " + vars);
        }
        assertEquals("${APP}", parsed.get(0).at("/metadata/name").asText(), "the parsed documents are left as written");
    }

    @Test
    void theRealSpecsVolsyncComponentTakesTheTreePathAndGivesTheSameDocuments() throws Exception {
        EmitFixtures.Run run = EmitFixtures.emitFile(EmitFixtures.realSpec(), hlc.secrets.SecretsBundle.placeholder(), RENDERER);
        String path = run.paths().stream().filter(p -> p.startsWith("backup/volsync/") && p.endsWith("/volsync.yaml"))
                .findFirst().orElseThrow();
        String text = run.file(path).content();
        List<JsonNode> parsed = TreeSubstitution.parseIfExact(RENDERER, path, text);
        assertNotNull(parsed, path + " is parsed once for all the apps that include it");
        Map<String, String> vars = Map.of("VOLSYNC_APP", "web-0", "VOLSYNC_NAMESPACE", "team-0");
        assertEquals(viaText(text, vars), TreeSubstitution.apply(parsed, vars));
    }

    @Test
    void aReferenceOutsideAQuotedValueTakesTheTextPath() {
        for (String text : List.of(
                "metadata:\n  name: ${APP}\n", // plain: "123" would become a number
                "metadata:\n  name: x\n  labels:\n    \"${APP}\": \"x\"\n", // a key
                "metadata:\n  name: \"x\" # ${APP}\n", // a comment after a value
                "data:\n  script: |\n    # ${APP}\n", // a block scalar's line that looks like a comment
                "metadata:\n  name: 'x-${APP}'\n", // single quotes: not what hlc writes
                "metadata:\n  names: [a, \"${APP}\"]\n", // a flow sequence
                "metadata:\n  name: \"x\n    ${APP}\"\n", // a scalar over two lines
                "metadata:\n  name: \"${APP}\n")) { // does not parse
            assertNull(TreeSubstitution.parseIfExact(RENDERER, "c/volsync.yaml", text), text);
        }
        assertNull(TreeSubstitution.parseIfExact(RENDERER, "c/records.json", "{\"a\": \"${APP}\"}"), "JSON is not substituted here");
    }

    @Test
    void aValueAQuotedScalarWouldReadDifferentlyTakesTheTextPath() {
        for (String v : List.of("a\"b", "a\\b", "a b", "x: y", "ü", "a\nb")) {
            assertFalse(TreeSubstitution.safe(Map.of("APP", v)), v);
        }
    }

    @Test
    void eachAppliedSetIsStillHeldToTheSchema() {
        FileSpec component = FileSpec.ofComponent("c/namespace.yaml",
                List.of(new FileSpec.Document("namespace.yaml.j2", Map.of("name", "${NS}", "description", ""))),
                List.of(Map.of("NS", "good"), Map.of("NS", "Bad_Name"), Map.of("NS", "bad name")));
        Renderer.Outcome o = RENDERER.render(component);
        assertNull(o.file());
        assertEquals(2, o.problems().size(), o.problems().toString());
        assertTrue(o.problems().get(0).contains("(as applied with {NS=Bad_Name}): does not match schema namespace at $.metadata.name"),
                o.problems().get(0));
        assertTrue(o.problems().get(1).contains("(as applied with {NS=bad name}): does not match schema namespace at $.metadata.name"),
                o.problems().get(1));
    }
}

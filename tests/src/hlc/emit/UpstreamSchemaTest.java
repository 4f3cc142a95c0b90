package hlc.emit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import hlc.secrets.SecretsBundleGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Conformance with the upstream projects, not only hlc's own schemas: every document hlc emits for the real spec
 * (with a real, generated secrets bundle) is validated against the schemas Talos, Flux and external-dns publish
 * (../shared/schemas, see SOURCES.md there). Skipped, with a note, when that folder is not beside the project.
 */
class UpstreamSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path schemas;
    private static JsonSchema talos;
    private static JsonSchema fluxKustomization;
    private static JsonSchema dnsEndpoint;
    private static EmitFixtures.Run run;

    @BeforeAll
    static void loadSchemasAndCompile() throws Exception {
        schemas = Path.of(System.getProperty("hlc.project.dir", ".")).resolve("../shared/schemas").normalize();
        boolean present = Files.isRegularFile(schemas.resolve("talos-config.v1.10.schema.json"))
                && Files.isRegularFile(schemas.resolve("flux-kustomization.v1.strict.schema.json"))
                && Files.isRegularFile(schemas.resolve("dnsendpoint.v1alpha1.strict.schema.json"));
        if (!present) {
            System.out.println("UpstreamSchemaTest: SKIPPED, the upstream schemas are not at " + schemas
                    + " (expected ../shared/schemas beside the project)");
        }
        assumeTrue(present, "upstream schemas not found at " + schemas);
        talos = talosMachineConfigSchema();
        fluxKustomization = draft07("flux-kustomization.v1.strict.schema.json");
        dnsEndpoint = draft07("dnsendpoint.v1alpha1.strict.schema.json");
        run = EmitFixtures.emitFile(EmitFixtures.realSpec(), new SecretsBundleGenerator().generate(),
                new Renderer("spec/homelab.hl"));
        assertFalse(run.failed(), "spec/homelab.hl does not compile:" + run.findings());
    }

    /**
     * The Talos v1.10 schema with its root replaced by a reference to the v1alpha1 machine config: the top-level
     * oneOf over every document kind only says "no alternative matched", which hides the real violation.
     */
    private static JsonSchema talosMachineConfigSchema() throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(schemas.resolve("talos-config.v1.10.schema.json").toFile());
        assertTrue(root.path("$defs").has("v1alpha1.Config"), "the Talos schema has no $defs/v1alpha1.Config");
        root.remove("oneOf");
        root.put("$ref", "#/$defs/v1alpha1.Config");
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root);
    }

    private static JsonSchema draft07(String file) throws IOException {
        JsonNode root = JSON.readTree(schemas.resolve(file).toFile());
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(root);
    }

    private static List<String> violations(JsonSchema schema, JsonNode doc) {
        Set<ValidationMessage> errors = schema.validate(doc);
        return errors.stream().map(m -> m.getInstanceLocation() + ": " + m.getMessage()).sorted().toList();
    }

    @Test
    void everyEmittedDocumentOfTheRealSpecMatchesTheUpstreamSchemas() {
        int talosConfigs = 0, kustomizations = 0, endpoints = 0;
        List<String> problems = new ArrayList<>();
        for (RenderedFile f : run.files()) {
            for (JsonNode doc : EmitFixtures.docs(f)) {
                String kind = doc.path("apiVersion").asText("") + " " + doc.path("kind").asText("");
                JsonSchema schema;
                if (!doc.has("apiVersion") && "v1alpha1".equals(doc.path("version").asText())) {
                    schema = talos;
                    talosConfigs++;
                } else if (kind.equals("kustomize.toolkit.fluxcd.io/v1 Kustomization")) {
                    schema = fluxKustomization;
                    kustomizations++;
                } else if (kind.equals("externaldns.k8s.io/v1alpha1 DNSEndpoint")) {
                    schema = dnsEndpoint;
                    endpoints++;
                } else {
                    continue; // no upstream schema here for Namespaces, ConfigMaps, StorageClasses, …
                }
                for (String v : violations(schema, doc)) problems.add(f.path() + " " + v);
            }
        }
        assertEquals(List.of(), problems, "emitted documents that upstream rejects");
        assertEquals(3, talosConfigs, "Talos machine configs seen");
        assertTrue(kustomizations >= 20, "only " + kustomizations + " Flux Kustomizations seen");
        assertTrue(endpoints >= 1, "no DNSEndpoint seen");
    }

    /**
     * The app words beyond the common Kustomization fields (health checks, retry interval, decryption, an app's
     * own variables sources, raw flux-spec fields), in both Flux layouts: what the corpus's clean case writes is
     * what Flux's CRD accepts, and the fields are there.
     */
    @Test
    void theKustomizationFieldsOfAnAppMatchToo() throws Exception {
        String spec = Files.readString(Path.of(System.getProperty("hlc.project.dir", "."))
                .resolve("tests/corpus/check/ok-app-flux-kustomization-fields.hl"));
        for (String layout : List.of("flat", "namespaced")) {
            String text = spec.replace("    decryption sops\n", "    decryption sops\n    layout " + layout + "\n");
            EmitFixtures.Run r = EmitFixtures.emitText(text, new SecretsBundleGenerator().generate(), new Renderer("test.hl"));
            assertFalse(r.failed(), r.findings());
            List<String> problems = new ArrayList<>();
            JsonNode postgres = null;
            for (RenderedFile f : r.files()) {
                for (JsonNode doc : EmitFixtures.docs(f)) {
                    if (!doc.path("kind").asText().equals("Kustomization") || !doc.has("spec")) continue;
                    if (!doc.path("apiVersion").asText().equals("kustomize.toolkit.fluxcd.io/v1")) continue;
                    for (String v : violations(fluxKustomization, doc)) problems.add(layout + " " + f.path() + " " + v);
                    if (doc.at("/metadata/name").asText().equals("postgres")) postgres = doc;
                }
            }
            assertEquals(List.of(), problems, "emitted Kustomizations that upstream rejects");
            assertTrue(postgres != null, layout + ": no postgres Kustomization");
            JsonNode sp = postgres.path("spec");
            assertEquals(3, sp.path("healthChecks").size(), layout + " " + sp);
            assertEquals("2m", sp.path("retryInterval").asText());
            assertEquals("sops-age", sp.at("/decryption/secretRef/name").asText());
            assertEquals("WaitForTermination", sp.path("deletionPolicy").asText());
            assertTrue(sp.path("force").asBoolean());
            assertEquals("postgresql.cnpg.io/v1", sp.at("/healthCheckExprs/0/apiVersion").asText());
            JsonNode last = sp.at("/postBuild/substituteFrom").get(sp.at("/postBuild/substituteFrom").size() - 1);
            assertEquals("ConfigMap pg-settings", last.path("kind").asText() + " " + last.path("name").asText());
        }
    }

    /**
     * The flux block's own roots (the corpus's clean case: flux-repositories waiting into flux-system, another
     * without prune) and cluster-apps's dependsOn on one of them, in both layouts: what Flux's strict CRD schema
     * accepts, with the fields the spec says.
     */
    @Test
    void theRootsOfTheFluxBlockMatchToo() throws Exception {
        String spec = Files.readString(Path.of(System.getProperty("hlc.project.dir", "."))
                .resolve("tests/corpus/check/ok-flux-root-beside-cluster-apps.hl"));
        for (String layout : List.of("flat", "namespaced")) {
            String text = spec.replace("    layout namespaced\n", "    layout " + layout + "\n").replace("app extras", "app media-extras");
            EmitFixtures.Run r = EmitFixtures.emitText(text, new SecretsBundleGenerator().generate(), new Renderer("test.hl"));
            assertFalse(r.failed(), r.findings());
            List<String> problems = new ArrayList<>();
            java.util.Map<String, JsonNode> roots = new java.util.TreeMap<>();
            for (RenderedFile f : r.files()) {
                if (!f.path().startsWith("flux/cluster/")) continue;
                for (JsonNode doc : EmitFixtures.docs(f)) {
                    if (!doc.path("apiVersion").asText().equals("kustomize.toolkit.fluxcd.io/v1")) continue;
                    for (String v : violations(fluxKustomization, doc)) problems.add(layout + " " + f.path() + " " + v);
                    roots.put(doc.at("/metadata/name").asText(), doc.path("spec"));
                }
            }
            assertEquals(List.of(), problems, "emitted roots that upstream rejects");
            assertEquals(java.util.Set.of("cluster-apps", "extras", "flux-repositories"), roots.keySet(), layout);
            JsonNode repos = roots.get("flux-repositories");
            assertEquals("./kubernetes/flux/repositories", repos.path("path").asText());
            assertEquals("flux-system", repos.path("targetNamespace").asText());
            assertTrue(repos.path("wait").asBoolean() && repos.path("prune").asBoolean());
            assertEquals("30m", repos.path("interval").asText());
            assertFalse(roots.get("extras").path("prune").asBoolean(true));
            assertFalse(roots.get("extras").has("targetNamespace"));
            assertEquals("flux-repositories flux-system", roots.get("cluster-apps").at("/dependsOn/0/name").asText() + " "
                    + roots.get("cluster-apps").at("/dependsOn/0/namespace").asText());
            assertEquals(1, roots.get("cluster-apps").path("dependsOn").size());
        }
    }

    /** A worker, a bond by driver and a link by device selector: shapes the real spec does not have. */
    @Test
    void theConfigsOfASpecWithAWorkerMatchToo() throws Exception {
        EmitFixtures.Run small = EmitFixtures.emitText(FieldPlacementTest.SPEC.replace("WORKER\n", FieldPlacementTest.WORKER),
                new SecretsBundleGenerator().generate(), new Renderer("test.hl"));
        assertFalse(small.failed(), small.findings());
        List<String> problems = new ArrayList<>();
        int configs = 0;
        for (RenderedFile f : small.files()) {
            if (!f.path().startsWith("talos/")) continue;
            configs++;
            for (String v : violations(talos, small.doc(f.path()))) problems.add(f.path() + " " + v);
        }
        assertEquals(4, configs);
        assertEquals(List.of(), problems);
    }

    /** The same validation rejects a misspelled key, so the test above can fail. */
    @Test
    void aTalosConfigWithAMisspelledKeyIsRejected() {
        ObjectNode doc = (ObjectNode) run.doc("talos/k8s-1.yaml");
        assertEquals(List.of(), violations(talos, doc), "the unmodified config must pass");

        ObjectNode typo = doc.deepCopy();
        ((ObjectNode) typo.path("machine")).putObject("netwrk").put("hostname", "k8s-1");
        List<String> v = violations(talos, typo);
        assertFalse(v.isEmpty(), "machine.netwrk was accepted");
        assertTrue(v.stream().anyMatch(s -> s.contains("netwrk")), "the violation should name netwrk: " + v);

        ObjectNode wrongType = doc.deepCopy();
        ((ObjectNode) wrongType.path("machine").path("install")).put("wipe", "no");
        assertFalse(violations(talos, wrongType).isEmpty(), "machine.install.wipe: \"no\" was accepted");

        JsonNode kustomization = run.doc("flux/apps/media/plex.yaml").deepCopy();
        ((ObjectNode) kustomization.path("spec")).put("intervall", "1h");
        assertFalse(violations(fluxKustomization, kustomization).isEmpty(), "spec.intervall was accepted");

        JsonNode endpoint = EmitFixtures.docs(run.file("dns/dnsendpoints.yaml")).get(0).deepCopy();
        ((ObjectNode) endpoint.path("spec").path("endpoints").get(0)).put("recordTtl", 300);
        assertFalse(violations(dnsEndpoint, endpoint).isEmpty(), "endpoints[0].recordTtl was accepted");
    }

    /** The namespaced Flux layout: its Kustomizations carry components and dependsOn namespaces the flat one lacks. */
    @Test
    void theKustomizationsOfTheNamespacedLayoutMatchTheUpstreamSchema() {
        EmitFixtures.Run namespaced = EmitFixtures.emitClean(
                NamespacedFluxLayoutTest.SPEC.replace("LAYOUT", NamespacedFluxLayoutTest.NAMESPACED));
        List<String> problems = new ArrayList<>();
        int kustomizations = 0;
        for (RenderedFile f : namespaced.files()) {
            for (JsonNode doc : EmitFixtures.docs(f)) {
                if (!doc.path("apiVersion").asText().equals("kustomize.toolkit.fluxcd.io/v1")) continue;
                kustomizations++;
                for (String v : violations(fluxKustomization, doc)) problems.add(f.path() + " " + v);
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(7, kustomizations, "six apps and the root");
    }
}

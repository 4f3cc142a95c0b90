package hlc.emit.talos;

import hlc.testing.Hlc;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import hlc.emit.EmitFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example spec of the cluster as it runs today ({@code spec/examples/home-ops-today.hl}, Talos v1.13), compiled
 * the way a user would: {@code hlc secrets init} makes a bundle in a temporary folder, {@code hlc compile} writes
 * one multi-document machine config per node, and every document of each is one Talos accepts.
 */
class ExampleSpecTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theExampleCompilesToFourValidMultiDocumentConfigs(@TempDir Path tmp) throws Exception {
        Path spec = EmitFixtures.projectDir().resolve("spec/examples/home-ops-today.hl");
        assertTrue(Files.isRegularFile(spec), "the example spec is missing: " + spec);
        Path bundle = tmp.resolve("secrets.yaml");
        Path out = tmp.resolve("out");
        Hlc init = hlc("secrets", "init", bundle.toString());
        assertEquals(0, init.exit(), init.toString());
        Hlc compile = hlc("compile", spec.toString(), "--out", out.toString(), "--secrets", bundle.toString());
        assertEquals(0, compile.exit(), compile.toString());

        List<Path> configs;
        try (Stream<Path> files = Files.list(out.resolve("talos"))) {
            configs = files.sorted().toList();
        }
        assertEquals(List.of("ai3090.yaml", "k8s-1.yaml", "k8s-2.yaml", "k8s-3.yaml"),
                configs.stream().map(p -> p.getFileName().toString()).toList());
        Path schemas = EmitFixtures.projectDir().resolve("../shared/schemas/talos-config.schema.json").normalize();
        ObjectNode newest = Files.isRegularFile(schemas) ? (ObjectNode) JSON.readTree(schemas.toFile()) : null;
        List<String> problems = new ArrayList<>();
        for (Path config : configs) {
            List<JsonNode> docs = new ArrayList<>();
            new YAMLMapper().readerFor(JsonNode.class).readValues(Files.readString(config, StandardCharsets.UTF_8))
                    .forEachRemaining(d -> docs.add((JsonNode) d));
            assertEquals("v1alpha1", docs.get(0).path("version").asText(), config + " starts with the machine document");
            List<String> kinds = docs.stream().skip(1).map(d -> d.path("kind").asText()).toList();
            for (String kind : List.of("HostnameConfig", "LinkAliasConfig", "BondConfig", "VLANConfig", "DHCPv4Config",
                    "VolumeConfig", "UserVolumeConfig")) {
                assertTrue(kinds.contains(kind), config.getFileName() + " has no " + kind + ": " + kinds);
            }
            if (newest == null) continue; // hlc validated every document against its own schemas before writing
            for (JsonNode doc : docs.subList(1, docs.size())) {
                ObjectNode rooted = newest.deepCopy();
                rooted.remove("oneOf");
                rooted.put("$ref", "#/$defs/" + packageOf(doc.path("kind").asText()) + "." + doc.path("kind").asText() + "V1Alpha1");
                JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(rooted);
                schema.validate(doc).forEach(m -> problems.add(config.getFileName() + " " + doc.path("kind").asText() + " " + m.getMessage()));
            }
        }
        assertEquals(List.of(), problems);

        // the control planes' images carry i915, the worker's the NVIDIA extensions: two schematics
        String cp = installer(configs.get(1)), worker = installer(configs.get(0));
        assertEquals(cp, installer(configs.get(2)));
        assertTrue(!cp.equals(worker), cp);
        try (Stream<Path> files = Files.list(out.resolve("talos-schematics"))) {
            String all = String.join("\n", files.sorted().map(f -> read(f)).toList());
            assertTrue(all.contains("siderolabs/i915") && all.contains("siderolabs/nonfree-kmod-nvidia-production"), all);
        }
    }

    /** With the same bundle, two compiles of the example give the same bytes in every Talos file. */
    @Test
    void theExampleGivesTheSameBytesTwice() throws Exception {
        Path spec = EmitFixtures.projectDir().resolve("spec/examples/home-ops-today.hl");
        var bundle = new hlc.secrets.SecretsBundleGenerator().generate();
        EmitFixtures.Run first = EmitFixtures.emitFile(spec, bundle, new hlc.emit.Renderer("home-ops-today.hl"));
        EmitFixtures.Run second = EmitFixtures.emitFile(spec, bundle, new hlc.emit.Renderer("home-ops-today.hl"));
        assertTrue(!first.failed(), first.findings());
        List<String> talos = first.paths().stream().filter(p -> p.startsWith("talos")).toList();
        assertEquals(6, talos.size(), talos.toString()); // four configs, two schematics
        assertEquals(talos, second.paths().stream().filter(p -> p.startsWith("talos")).toList());
        for (String p : talos) assertEquals(first.file(p).content(), second.file(p).content(), p);
    }

    private static String installer(Path config) throws Exception {
        try (MappingIterator<JsonNode> docs = new YAMLMapper().readerFor(JsonNode.class).readValues(Files.readString(config))) {
            return docs.next().at("/machine/install/image").asText();
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The Go package the schema files a kind under. */
    private static String packageOf(String kind) {
        return kind.endsWith("VolumeConfig") ? "block" : "network";
    }

    private static Hlc hlc(String... args) {
        return Hlc.run(args);
    }
}

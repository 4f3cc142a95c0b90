package hlc.emit.talos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import hlc.testing.Hlc;
import hlc.emit.EmitFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The third example spec ({@code spec/examples/pi-control-plane.hl}): a Raspberry Pi control plane with Intel
 * workers, encrypted system volumes, Longhorn, dual stack and Talos patches, compiled the way a user would (a
 * bundle from {@code hlc secrets init} with the two disk keys the spec names added), and every document it writes
 * held to the upstream schema of its kind: each Talos document to Talos's own schema (the v1alpha1 document to
 * v1.10's, whose fields v1.12 still takes; the others to their kind in v1.14's), each custom resource to its
 * strict CRD schema. Its Flux output reconciles with the real kustomize in {@code ReconcileTest}.
 */
class PiControlPlaneExampleTest {
    static final Path SPEC = EmitFixtures.projectDir().resolve("spec/examples/pi-control-plane.hl");
    static final Path SCHEMAS = EmitFixtures.projectDir().resolve("../shared/schemas").normalize();
    static final ObjectMapper JSON = new ObjectMapper();
    static final Map<String, String> CRDS = Map.of(
            "kustomize.toolkit.fluxcd.io/v1 Kustomization", "flux-kustomization.v1",
            "source.toolkit.fluxcd.io/v1 GitRepository", "flux-gitrepository.v1",
            "cilium.io/v2 CiliumLoadBalancerIPPool", "cilium-loadbalancerippool.v2",
            "cilium.io/v2alpha1 CiliumL2AnnouncementPolicy", "cilium-l2announcementpolicy.v2alpha1",
            "longhorn.io/v1beta2 RecurringJob", "longhorn-recurringjob.v1beta2",
            "externaldns.k8s.io/v1alpha1 DNSEndpoint", "dnsendpoint.v1alpha1");

    @TempDir
    static Path tmp;
    static Path out;

    @BeforeAll
    static void compile() throws Exception {
        Path bundle = tmp.resolve("secrets.yaml");
        Hlc init = Hlc.run("secrets", "init", bundle.toString());
        assertEquals(0, init.exit(), init.toString());
        Files.writeString(bundle, "diskkeys:\n  talos-state: \"pi state passphrase\"\n  pi-ephemeral: \"pi ephemeral passphrase\"\n",
                StandardOpenOption.APPEND);
        out = tmp.resolve("out");
        Hlc compile = Hlc.run("compile", SPEC.toString(), "--out", out.toString(), "--secrets", bundle.toString());
        assertEquals(0, compile.exit(), compile.toString());
    }

    static List<JsonNode> docs(Path file) throws Exception {
        List<JsonNode> docs = new ArrayList<>();
        new YAMLMapper().readerFor(JsonNode.class).readValues(Files.readString(file, StandardCharsets.UTF_8))
                .forEachRemaining(d -> { if (d != null) docs.add((JsonNode) d); });
        return docs;
    }

    static List<JsonNode> node(String host) throws Exception {
        return docs(out.resolve("talos/" + host + ".yaml"));
    }

    /** Talos's schema with its root narrowed to one definition (the oneOf would only say "none matched"). */
    static JsonSchema talos(String file, String def) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(SCHEMAS.resolve(file).toFile());
        root.remove("oneOf");
        root.put("$ref", "#/$defs/" + def);
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root);
    }

    static String kindDefinition(JsonNode v114, String kind) {
        for (var it = v114.path("$defs").fields(); it.hasNext(); ) {
            var e = it.next();
            if (e.getValue().at("/properties/kind/enum/0").asText("").equals(kind)) return e.getKey();
        }
        return null;
    }

    @Test
    void everyTalosDocumentIsOneItsReleaseTakes() throws Exception {
        assumeTrue(Files.isRegularFile(SCHEMAS.resolve("talos-config.schema.json")), "no upstream schemas at " + SCHEMAS);
        JsonNode v114 = JSON.readTree(SCHEMAS.resolve("talos-config.schema.json").toFile());
        JsonSchema machine = talos("talos-config.v1.10.schema.json", "v1alpha1.Config");
        List<String> problems = new ArrayList<>();
        List<String> hosts = List.of("nuc-1", "nuc-2", "pi-1", "pi-2", "pi-3");
        try (Stream<Path> files = Files.list(out.resolve("talos"))) {
            assertEquals(hosts.stream().map(h -> h + ".yaml").toList(), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        for (String host : hosts) {
            List<JsonNode> docs = node(host);
            machine.validate(docs.get(0)).forEach(m -> problems.add(host + " v1alpha1 " + m.getMessage()));
            for (JsonNode d : docs.subList(1, docs.size())) {
                String def = kindDefinition(v114, d.path("kind").asText());
                if (def == null) {
                    problems.add(host + " " + d.path("kind").asText() + ": no such kind in Talos's schema");
                    continue;
                }
                talos("talos-config.schema.json", def).validate(d).forEach(m -> problems.add(host + " " + def + " " + m.getMessage()));
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theNodesAreWhatTheSpecSays() throws Exception {
        JsonNode pi = node("pi-1").get(0), nuc = node("nuc-1").get(0);
        // encryption: the Pis' static keys from the bundle, the workers' sealed to the TPM (their role's word)
        assertEquals("pi state passphrase", pi.at("/machine/systemDiskEncryption/state/keys/0/static/passphrase").asText());
        assertEquals("pi ephemeral passphrase", pi.at("/machine/systemDiskEncryption/ephemeral/keys/0/static/passphrase").asText());
        assertTrue(nuc.at("/machine/systemDiskEncryption/state/keys/0/tpm").isObject());
        assertTrue(nuc.at("/machine/systemDiskEncryption/ephemeral/keys/0/tpm").isObject());
        // the boards' installer is the overlay's schematic; the workers' the SecureBoot one
        assertTrue(nuc.at("/machine/install/image").asText().contains("-secureboot/"), nuc.at("/machine/install/image").asText());
        assertFalse(pi.at("/machine/install/image").asText().contains("secureboot"));
        try (Stream<Path> files = Files.list(out.resolve("talos-schematics"))) {
            String all = String.join("\n", files.sorted().map(PiControlPlaneExampleTest::read).toList());
            assertTrue(all.contains("siderolabs/sbc-raspberrypi") && all.contains("rpi_generic"), all);
        }
        // dual stack: both families of pods and services, and the node IPs in both prefixes
        assertEquals(List.of("10.44.0.0/16", "fd00:10:44::/56"), texts(pi.at("/cluster/network/podSubnets")));
        assertEquals(List.of("10.45.0.0/16", "fd00:10:45::/112"), texts(pi.at("/cluster/network/serviceSubnets")));
        assertTrue(texts(pi.at("/machine/kubelet/nodeIP/validSubnets")).contains("fd00:20::/64"), pi.at("/machine/kubelet").toString());
        // the patches: the worker one on the workers only, the cluster one everywhere, pi-3's on pi-3 alone
        assertEquals("/var/lib/longhorn", nuc.at("/machine/kubelet/extraMounts/0/destination").asText());
        assertTrue(pi.at("/machine/kubelet/extraMounts").isMissingNode());
        assertEquals("1048576", pi.at("/machine/sysctls/fs.inotify.max_user_watches").asText());
        assertEquals("5", node("pi-3").get(0).at("/machine/sysctls/vm.dirty_ratio").asText());
        assertTrue(pi.at("/machine/sysctls/vm.dirty_ratio").isMissingNode());
    }

    @Test
    void everyCustomResourceMatchesItsStrictCrdSchema() throws Exception {
        assumeTrue(Files.isRegularFile(SCHEMAS.resolve("flux-kustomization.v1.strict.schema.json")), "no upstream schemas at " + SCHEMAS);
        List<String> problems = new ArrayList<>();
        Map<String, Integer> seen = new java.util.TreeMap<>();
        List<Path> files;
        try (Stream<Path> all = Files.walk(out)) {
            files = all.filter(p -> p.toString().endsWith(".yaml") && !p.startsWith(out.resolve("talos"))).sorted().toList();
        }
        for (Path f : files) {
            for (JsonNode d : docs(f)) {
                String kind = d.path("apiVersion").asText() + " " + d.path("kind").asText();
                String schema = CRDS.get(kind);
                if (schema == null) continue; // core kinds: held to hlc's own schemas before writing
                seen.merge(kind, 1, Integer::sum);
                JsonNode root = JSON.readTree(SCHEMAS.resolve(schema + ".strict.schema.json").toFile());
                JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(root).validate(d)
                        .forEach(m -> problems.add(out.relativize(f) + " " + kind + " " + m.getMessage()));
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(CRDS.keySet(), seen.keySet(), "every kind the example should write: " + seen);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

package hlc.emit.talos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import hlc.Compiler;
import hlc.emit.EmitFixtures;
import hlc.emit.EmitProblems;
import hlc.emit.FileSpec;
import hlc.emit.Renderer;
import hlc.secrets.SecretsBundle;
import hlc.secrets.SecretsBundleGenerator;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Talos v1.9 takes the classic v1alpha1 config. What hlc writes there must be what v1.9's own schema
 * (siderolabs/talos website/content/v1.9/schemas/config.schema.json, shipped as schemas/talos-config-v1.9) has:
 * its deviceSelector has no {@code permanentAddr} (v1.10 added it; a `mac` is HL096 on v1.9, see the corpus), and
 * its only document beside the machine's among those hlc writes is {@code VolumeConfig}. Every document is held
 * to its definition there, a Thunderbolt ring port (`thunderbolt`, MTU 65520, a link-scope route) included.
 */
class TalosV19Test {
    /** The top-level kinds of v1.9's schema (its oneOf), as read from it; the v1alpha1 document has no kind. */
    static final Set<String> V19_KINDS = Set.of("VolumeConfig", "ExtensionServiceConfig", "NetworkDefaultActionConfig",
            "KubeSpanEndpoints", "NetworkRuleConfig", "EventSinkConfig", "KmsgLogConfig", "WatchdogTimerConfig",
            "TrustedRootsConfig", "SideroLinkConfig");

    static final String SPEC = """
            network lan { cidr 192.168.10.0/24  gateway 192.168.10.1 }
            network ring { cidr 169.254.255.10/32 }
            cluster main {
              talos v1.9.4
              kubernetes v1.32.2
              vip 192.168.10.5 on lan
              pods 10.244.0.0/16
              services 10.245.0.0/16
            }
            host m0 {
              role controlplane
              interface net0 driver i40e
              interface bond0 on lan address 192.168.10.10 bond 802.3ad [net0] mtu 9000 lacp-rate fast
              interface bond0.20 vlan 20 of bond0 mtu 1500
              interface tb0 on ring address 169.254.255.10 thunderbolt "0-1.0" mtu 65520 route 169.254.255.11/32 metric 2048
              interface tb1 on ring address 169.254.255.10 thunderbolt "1-1.0" mtu 65520 route 169.254.255.12/32 metric 2048
              install-disk {
                serial "S666NN0W402512"
              }
              volume EPHEMERAL { disk "disk.transport == 'nvme'" max-size 100GB }
            }
            """;

    @Test
    void aV19ConfigHasOnlyWhatV19Takes() throws Exception {
        Path v19 = EmitFixtures.projectDir().resolve("compiler/resources/schemas/talos-config-v1.9.schema.json");
        assumeTrue(Files.isRegularFile(v19), "shipped schema not at " + v19);
        EmitFixtures.Run run = EmitFixtures.emitText(SPEC, new SecretsBundleGenerator().generate(), new Renderer("test.hl"));
        assertFalse(run.failed(), run.findings());
        List<JsonNode> docs = MultiDocumentTest.docs(run, "m0");
        JsonNode machine = docs.get(0);
        assertFalse(machine.has("kind"));
        for (JsonNode d : docs.subList(1, docs.size())) assertTrue(V19_KINDS.contains(d.path("kind").asText()), d.toPrettyString());
        assertEquals(1, MultiDocumentTest.ofKind(docs, "VolumeConfig").size());
        assertFalse(machine.toString().contains("permanentAddr"));

        JsonNode ifaces = machine.at("/machine/network/interfaces");
        JsonNode tb0 = null;
        for (JsonNode i : ifaces) if ("0-1.0".equals(i.at("/deviceSelector/busPath").asText())) tb0 = i;
        assertTrue(tb0 != null, ifaces.toPrettyString());
        assertEquals(65520, tb0.path("mtu").asInt());
        assertEquals(List.of("169.254.255.10/32"), MultiDocumentTest.texts(tb0.path("addresses")));
        JsonNode route = tb0.at("/routes/0");
        assertEquals("169.254.255.11/32", route.path("network").asText());
        assertFalse(route.has("gateway"), "a link-scope route: Talos's empty gateway");
        assertEquals(2048, route.path("metric").asInt());

        assertEquals(Set.of(), definition(v19, "v1alpha1.Config").validate(machine));
        for (JsonNode volume : MultiDocumentTest.ofKind(docs, "VolumeConfig")) {
            assertEquals(Set.of(), definition(v19, "block.VolumeConfigV1Alpha1").validate(volume));
        }
        // and the same document with what v1.10 added is refused by v1.9's schema: the test can fail
        ObjectNode withMac = machine.deepCopy();
        ((ObjectNode) withMac.at("/machine/network/interfaces/0")).putObject("deviceSelector").put("permanentAddr", "00:1a:2b:3c:4d:5e");
        assertFalse(definition(v19, "v1alpha1.Config").validate(withMac).isEmpty());
    }

    /**
     * At compile, a v1.9 config is held to v1.9's own schema, patched or not (hlc's own classic schemas follow
     * v1.10's fields): the file the emitter hands the renderer says its release, and the same file with a
     * deviceSelector's {@code permanentAddr} in it (which HL096 refuses at check, at the `mac`) is refused by the
     * compile too, naming v1.9's schema. A v1.10 config, unpatched, is held to hlc's own schema alone.
     */
    @Test
    @SuppressWarnings("unchecked")
    void atCompileAV19ConfigIsHeldToV19sOwnSchemaPatchedOrNot() {
        FileSpec m0 = nodeFile(SPEC, "m0");
        assertEquals(9, m0.talosRelease().minor());
        assertTrue(m0.patches().isEmpty());
        assertEquals(List.of(), new Renderer("test.hl").render(m0).problems());

        Map<String, Object> context = new HashMap<>(m0.context());
        List<Map<String, Object>> links = new ArrayList<>();
        for (Object o : (List<?>) context.get("links")) {
            Map<String, Object> link = new HashMap<>((Map<String, Object>) o);
            List<Map<String, Object>> selector = new ArrayList<>((List<Map<String, Object>>) link.get("selector"));
            if (!selector.isEmpty()) selector.add(Map.of("key", "permanentAddr", "value", "00:1a:2b:3c:4d:5e", "physical", false, "prefix", "  "));
            link.put("selector", selector);
            links.add(link);
        }
        context.put("links", links);
        FileSpec withMac = new FileSpec(m0.path(), m0.template(), context, m0.secret()).withPatches(List.of(), m0.talosRelease());
        List<String> problems = new Renderer("test.hl").render(withMac).problems();
        assertFalse(problems.isEmpty());
        assertTrue(problems.stream().allMatch(p -> p.contains("talos-config-v1.9#v1alpha1.Config") && p.contains("permanentAddr")), problems.toString());

        FileSpec v110 = nodeFile(SPEC.replace("talos v1.9.4", "talos v1.10.7"), "m0");
        assertEquals(null, v110.talosRelease(), "unpatched v1.10: hlc's own schema, which follows v1.10's fields");
    }

    @SuppressWarnings("unchecked")
    private static FileSpec nodeFile(String spec, String host) {
        Compiler.Result checked = Compiler.checkText("test.hl", spec);
        assertFalse(checked.reporter().hasErrors(), EmitFixtures.describe(checked.reporter()));
        EmitProblems problems = new EmitProblems(checked.reporter(), checked.spec());
        return new TalosEmitter(SecretsBundle.placeholder()).files(checked.resolved(), problems).stream()
                .filter(f -> f.path().equals("talos/" + host + ".yaml")).findFirst().orElseThrow();
    }

    /** One definition of a Talos schema as a schema of its own (its top-level oneOf would only say "none matched"). */
    private static JsonSchema definition(Path file, String def) throws java.io.IOException {
        ObjectNode schema = (ObjectNode) new ObjectMapper().readTree(file.toFile());
        schema.remove("oneOf");
        schema.put("$ref", "#/$defs/" + def);
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
    }
}

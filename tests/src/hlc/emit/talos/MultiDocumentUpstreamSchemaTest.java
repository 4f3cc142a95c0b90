package hlc.emit.talos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import hlc.emit.EmitFixtures;
import hlc.emit.RenderedFile;
import hlc.emit.Renderer;
import hlc.secrets.SecretsBundleGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Conformance of the multi-document configs with what Talos publishes (../shared/schemas, see SOURCES.md there):
 * every network and volume document validates against its kind in the newest Talos schema there
 * ({@code talos-config.schema.json}, the development schema of main after v1.14.0-beta.1), with a real
 * generated secrets bundle.
 *
 * <p>The machine document cannot be held to that schema: it is the v1.12/v1.13 machine document, and the v1.14
 * development schema has moved the kubelet, install and cluster settings out of it into documents v1.13 does
 * not know. It is validated against the v1.10 schema's {@code v1alpha1.Config} instead (every field a real Talos
 * field of the right type), and checked to carry none of the keys the v1.13 schema dropped.
 */
class MultiDocumentUpstreamSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path schemas;
    private static ObjectNode newest;
    private static JsonSchema machineV110;
    private static final Map<String, JsonSchema> BY_KIND = new HashMap<>();

    @BeforeAll
    static void loadSchemas() throws IOException {
        schemas = Path.of(System.getProperty("hlc.project.dir", ".")).resolve("../shared/schemas").normalize();
        boolean present = Files.isRegularFile(schemas.resolve("talos-config.schema.json"))
                && Files.isRegularFile(schemas.resolve("talos-config.v1.10.schema.json"));
        if (!present) {
            System.out.println("MultiDocumentUpstreamSchemaTest: SKIPPED, the upstream schemas are not at " + schemas);
        }
        assumeTrue(present, "upstream schemas not found at " + schemas);
        newest = (ObjectNode) JSON.readTree(schemas.resolve("talos-config.schema.json").toFile());
        machineV110 = rooted((ObjectNode) JSON.readTree(schemas.resolve("talos-config.v1.10.schema.json").toFile()),
                "#/$defs/v1alpha1.Config");
    }

    /**
     * The upstream schema with its root replaced by a reference to one alternative: the top-level oneOf over
     * every kind only says that none matched, which hides the real violation.
     */
    private static JsonSchema rooted(ObjectNode root, String ref) {
        ObjectNode copy = root.deepCopy();
        copy.remove("oneOf");
        copy.put("$ref", ref);
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(copy);
    }

    /** The newest schema's alternative for a kind: the oneOf entry {@code #/$defs/<package>.<Kind>V1Alpha1}. */
    private static JsonSchema forKind(String kind) {
        return BY_KIND.computeIfAbsent(kind, k -> {
            List<String> refs = new ArrayList<>();
            newest.path("oneOf").forEach(alt -> {
                String ref = alt.path("$ref").asText();
                if (ref.substring(ref.lastIndexOf('.') + 1).equals(k + "V1Alpha1")) refs.add(ref);
            });
            assertEquals(1, refs.size(), "the newest Talos schema's alternatives for kind " + k + ": " + refs);
            return rooted(newest, refs.get(0));
        });
    }

    private static List<String> violations(JsonSchema schema, JsonNode doc) {
        Set<ValidationMessage> errors = schema.validate(doc);
        return errors.stream().map(m -> m.getInstanceLocation() + ": " + m.getMessage()).sorted().toList();
    }

    /** Every document of every Talos config of a run, checked; returns the kinds seen. */
    private static Set<String> checkAll(EmitFixtures.Run run, int nodes) {
        List<String> problems = new ArrayList<>();
        Set<String> kinds = new TreeSet<>();
        int configs = 0;
        for (RenderedFile f : run.files()) {
            if (!f.path().startsWith("talos/")) continue;
            configs++;
            List<JsonNode> docs = EmitFixtures.docs(f);
            assertTrue(docs.size() > 2, f.path() + " is not a multi-document config");
            for (JsonNode doc : docs) {
                if (!doc.has("kind")) {
                    kinds.add("v1alpha1");
                    for (String v : violations(machineV110, doc)) problems.add(f.path() + " machine document " + v);
                    for (String gone : List.of("/machine/network", "/machine/features/rbac",
                            "/machine/features/stableHostname", "/machine/features/apidCheckExtKeyUsage")) {
                        if (!doc.at(gone).isMissingNode()) problems.add(f.path() + " has " + gone + ", which v1.13 dropped");
                    }
                    continue;
                }
                String kind = doc.path("kind").asText();
                kinds.add(kind);
                for (String v : violations(forKind(kind), doc)) problems.add(f.path() + " " + kind + " " + v);
            }
        }
        assertEquals(List.of(), problems, "emitted documents that upstream rejects");
        assertEquals(nodes, configs, "Talos machine configs seen");
        return kinds;
    }

    @Test
    void everyDocumentOfTheRealSpecPinnedToV113MatchesItsKindUpstream() throws Exception {
        String text = Files.readString(EmitFixtures.realSpec(), StandardCharsets.UTF_8).replace("talos v1.10.7", "talos v1.13.8");
        EmitFixtures.Run run = EmitFixtures.emitText(text, new SecretsBundleGenerator().generate(), new Renderer("homelab.hl"));
        assertFalse(run.failed(), run.findings());
        Set<String> kinds = checkAll(run, 3);
        assertEquals(Set.of("v1alpha1", "HostnameConfig", "ResolverConfig", "LinkAliasConfig", "LinkConfig",
                "BondConfig", "Layer2VIPConfig"), kinds);
    }

    @Test
    void everyDocumentOfASpecWithAWorkerAndKernelNamedLinksMatchesToo() throws Exception {
        EmitFixtures.Run run = EmitFixtures.emitText(MultiDocumentTest.lab("v1.12.2", true),
                new SecretsBundleGenerator().generate(), new Renderer("test.hl"));
        assertFalse(run.failed(), run.findings());
        checkAll(run, 4);
    }

    @Test
    void everyDocumentOfTheExampleSpecMatchesItsKindUpstream() throws Exception {
        Path example = EmitFixtures.projectDir().resolve("spec/examples/home-ops-today.hl");
        EmitFixtures.Run run = EmitFixtures.emitFile(example, new SecretsBundleGenerator().generate(), new Renderer("today.hl"));
        assertFalse(run.failed(), run.findings());
        assertEquals(Set.of("v1alpha1", "HostnameConfig", "LinkAliasConfig", "LinkConfig", "BondConfig", "VLANConfig",
                "DHCPv4Config", "VolumeConfig", "UserVolumeConfig"), checkAll(run, 4));
    }

    @Test
    void everyDocumentOfTheClusterAsItRunsTodayMatchesItsKindToo() throws Exception {
        EmitFixtures.Run run = EmitFixtures.emitText(MultiDocumentTodayTest.TODAY, new SecretsBundleGenerator().generate(),
                new Renderer("today.hl"));
        assertFalse(run.failed(), run.findings());
        Set<String> kinds = checkAll(run, 4);
        assertTrue(kinds.containsAll(Set.of("VLANConfig", "DHCPv4Config", "VolumeConfig", "UserVolumeConfig")), kinds.toString());
    }

    /**
     * The templates of the documents a spec fills in only with VLANs, DHCP and volumes, rendered with values like
     * the real cluster's: hlc's own schemas and the upstream ones accept them.
     */
    @Test
    void theVlanDhcpAndVolumeTemplatesGiveDocumentsBothSchemasAccept() {
        Map<String, Object> vlan = new HashMap<>(Map.of("name", "bond0.107", "parent", "bond0", "vlan_id", 107, "mtu", 1500,
                "addresses", List.of(), "gateway", "", "gateway6", "", "routes", List.of()));
        Map<String, Object> ephemeral = new HashMap<>(Map.of("name", "EPHEMERAL", "disk_match", "disk.transport == \"nvme\"",
                "min_size", "", "max_size", "400GiB", "grow", "", "provisioning", true, "encryption", ""));
        Map<String, Object> user = new HashMap<>(Map.of("name", "local-hostpath", "disk_match", "disk.transport == \"nvme\"",
                "min_size", "50GiB", "max_size", "", "grow", "true"));
        var spec = hlc.emit.FileSpec.ofDocuments("talos/x.yaml", List.of(
                new hlc.emit.FileSpec.Document("talos-hostname.yaml.j2", Map.of("hostname", "x")),
                new hlc.emit.FileSpec.Document("talos-vlan.yaml.j2", vlan),
                new hlc.emit.FileSpec.Document("talos-dhcpv4.yaml.j2", Map.of("name", "bond0", "route_metric", 0)),
                new hlc.emit.FileSpec.Document("talos-volume.yaml.j2", ephemeral),
                new hlc.emit.FileSpec.Document("talos-user-volume.yaml.j2", user)), true);
        Renderer.Outcome o = new Renderer("test.hl").render(spec);
        assertEquals(List.of(), o.problems());
        List<String> problems = new ArrayList<>();
        List<JsonNode> docs = EmitFixtures.docs(o.file());
        for (JsonNode doc : docs) {
            for (String v : violations(forKind(doc.path("kind").asText()), doc)) problems.add(doc.path("kind").asText() + " " + v);
        }
        assertEquals(List.of(), problems);
        assertEquals(107, docs.get(1).path("vlanID").asInt());
        assertEquals("mac", docs.get(2).path("clientIdentifier").asText());
        assertEquals("400GiB", docs.get(3).at("/provisioning/maxSize").asText());
        assertTrue(docs.get(3).at("/provisioning/minSize").isMissingNode());
        assertEquals("50GiB", docs.get(4).at("/provisioning/minSize").asText());
        assertTrue(docs.get(4).at("/provisioning/grow").asBoolean());
    }

    /**
     * A dual-stack node: its LinkConfig has the IPv4 and the IPv6 address and a default route per family (no
     * destination: Talos makes it the default route of the gateway's family), the kubelet picks its node IPs from
     * the network's IPv4 range and its IPv6 prefix (one InternalIP per family), and upstream accepts every document.
     */
    @Test
    void aDualStackNodeHasBothAddressesAndBothDefaultRoutesUpstreamAccepts() throws Exception {
        String spec = Files.readString(EmitFixtures.projectDir().resolve("tests/corpus/check/ok-dual-stack-subnets.hl"));
        EmitFixtures.Run run = EmitFixtures.emitText(spec, new SecretsBundleGenerator().generate(), new Renderer("ds.hl"));
        assertFalse(run.failed(), run.findings());
        checkAll(run, 1);
        List<JsonNode> docs = EmitFixtures.docs(run.file("talos/k8s-1.yaml"));
        JsonNode link = MultiDocumentTest.single(docs, "LinkConfig", "eth0");
        assertEquals(List.of("192.168.5.11/24", "fd00:5::11/64"), link.path("addresses").findValuesAsText("address"));
        assertEquals(List.of("192.168.5.1", "fd00:5::1"), link.path("routes").findValuesAsText("gateway"));
        JsonNode machine = docs.get(0);
        assertEquals(List.of("10.244.0.0/16", "fd00:10:244::/56"), MultiDocumentTest.texts(machine.at("/cluster/network/podSubnets")));
        assertEquals(List.of("10.96.0.0/12", "fd00:10:96::/112"), MultiDocumentTest.texts(machine.at("/cluster/network/serviceSubnets")));
        assertEquals(List.of("192.168.5.0/24", "fd00:5::/64"), MultiDocumentTest.texts(machine.at("/machine/kubelet/nodeIP/validSubnets")));
    }

    /**
     * The Talos node settings of issue 18 (install disk selector, links by MAC, bus path and physical, bond
     * options, static routes, DHCP route metric, NTP, sysctls, registry mirrors, per-host kernel arguments and
     * modules, grow false): every document upstream accepts, and each says what the spec says.
     */
    @Test
    void theNodeSettingsOfTheCorpusAreWrittenAndUpstreamAcceptsThem() throws Exception {
        String spec = Files.readString(EmitFixtures.projectDir().resolve("tests/corpus/check/ok-talos-node-settings.hl"));
        EmitFixtures.Run run = EmitFixtures.emitText(spec, new SecretsBundleGenerator().generate(), new Renderer("n.hl"));
        assertFalse(run.failed(), run.findings());
        Set<String> kinds = checkAll(run, 3);
        assertTrue(kinds.containsAll(Set.of("TimeSyncConfig", "RegistryMirrorConfig", "DHCPv4Config", "BondConfig")), kinds.toString());
        List<JsonNode> docs = EmitFixtures.docs(run.file("talos/k8s-1.yaml"));
        JsonNode machine = docs.get(0);
        assertEquals(">= 200GB", machine.at("/machine/install/diskSelector/size").asText());
        assertEquals("nvme", machine.at("/machine/install/diskSelector/type").asText());
        assertTrue(machine.at("/machine/install/disk").isMissingNode(), "a selector and a disk path");
        // the host's sysctl replaces the cluster's of the same key; the cluster's other one stays
        assertEquals("16000000", machine.at("/machine/sysctls/net.core.rmem_max").asText());
        assertEquals("1024", machine.at("/machine/sysctls/vm.nr_hugepages").asText());
        assertEquals(List.of("nbd", "zfs"), machine.at("/machine/kernel/modules").findValuesAsText("name"));
        assertEquals("mac(link.permanent_addr) == \"00:1a:2b:3c:4d:5e\"",
                MultiDocumentTest.single(docs, "LinkAliasConfig", "net0").at("/selector/match").asText());
        assertEquals("glob(\"0000:02:00.*\", link.bus_path) && link.type == 1 && link.kind == \"\"",
                MultiDocumentTest.single(docs, "LinkAliasConfig", "net1").at("/selector/match").asText());
        JsonNode bond = MultiDocumentTest.single(docs, "BondConfig", "bond0");
        assertEquals("fast", bond.path("lacpRate").asText());
        assertEquals("layer3+4", bond.path("xmitHashPolicy").asText());
        assertEquals(List.of(100, 200, 200), List.of(bond.path("miimon").asInt(), bond.path("updelay").asInt(), bond.path("downdelay").asInt()));
        JsonNode route = bond.path("routes").get(1);
        assertEquals(List.of("10.20.0.0/16", "192.168.5.2", "100"),
                List.of(route.path("destination").asText(), route.path("gateway").asText(), route.path("metric").asText()));
        assertEquals(2048, MultiDocumentTest.single(docs, "DHCPv4Config", "eth2").path("routeMetric").asInt());
        JsonNode time = docs.stream().filter(d -> d.path("kind").asText().equals("TimeSyncConfig")).findFirst().orElseThrow();
        assertEquals(List.of("192.168.5.1", "time.cloudflare.com"), MultiDocumentTest.texts(time.at("/ntp/servers")));
        JsonNode dockerHub = MultiDocumentTest.single(docs, "RegistryMirrorConfig", "docker.io");
        assertEquals(List.of("https://mirror.gcr.io", "https://registry-1.docker.io"), dockerHub.path("endpoints").findValuesAsText("url"));
        JsonNode ephemeral = MultiDocumentTest.single(docs, "VolumeConfig", "EPHEMERAL");
        assertTrue(ephemeral.at("/provisioning/grow").isBoolean() && !ephemeral.at("/provisioning/grow").asBoolean(),
                "grow false must be written, or Talos's default replaces it");
        // kernel arguments: the cluster's in every node's schematic, the host's in its own only
        String k1 = docs.get(0).at("/machine/install/image").asText();
        String k2 = EmitFixtures.docs(run.file("talos/k8s-2.yaml")).get(0).at("/machine/install/image").asText();
        assertNotEquals(k1, k2, "k8s-1's kernel-arg is in its image only");
        JsonNode schematic1 = run.doc("talos-schematics/" + k1.substring(k1.lastIndexOf('/') + 1, k1.indexOf(':', k1.lastIndexOf('/'))) + ".yaml");
        assertEquals(List.of("-init_on_alloc", "-selinux", "intel_iommu=on"), MultiDocumentTest.texts(schematic1.at("/customization/extraKernelArgs")));
        JsonNode schematic2 = run.doc("talos-schematics/" + k2.substring(k2.lastIndexOf('/') + 1, k2.indexOf(':', k2.lastIndexOf('/'))) + ".yaml");
        assertEquals(List.of("-init_on_alloc", "-selinux"), MultiDocumentTest.texts(schematic2.at("/customization/extraKernelArgs")));
    }

    /** The classic form of the same settings: every machine config valid against Talos's v1.10 schema. */
    @Test
    void theNodeSettingsInTheClassicFormMatchTheV110Schema() throws Exception {
        String spec = Files.readString(EmitFixtures.projectDir().resolve("tests/corpus/check/ok-talos-node-settings-classic.hl"));
        EmitFixtures.Run run = EmitFixtures.emitText(spec, new SecretsBundleGenerator().generate(), new Renderer("c.hl"));
        assertFalse(run.failed(), run.findings());
        List<String> problems = new ArrayList<>();
        for (String host : List.of("k8s-1", "k8s-2", "k8s-3")) {
            for (String v : violations(machineV110, run.doc("talos/" + host + ".yaml"))) problems.add(host + " " + v);
        }
        assertEquals(List.of(), problems);
        JsonNode m = run.doc("talos/k8s-1.yaml").path("machine");
        JsonNode bond = m.at("/network/interfaces/0/bond");
        assertEquals("00:1a:2b:3c:4d:5e", bond.at("/deviceSelectors/0/permanentAddr").asText());
        assertEquals("0000:02:00.*", bond.at("/deviceSelectors/1/busPath").asText());
        assertTrue(bond.at("/deviceSelectors/1/physical").asBoolean());
        assertEquals("fast", bond.path("lacpRate").asText());
        assertEquals(100, m.at("/network/interfaces/0/routes/1/metric").asInt());
        assertEquals(2048, m.at("/network/interfaces/1/dhcpOptions/routeMetric").asInt());
        assertEquals(List.of("192.168.5.1", "time.cloudflare.com"), MultiDocumentTest.texts(m.at("/time/servers")));
        assertEquals(List.of("https://mirror.gcr.io", "https://registry-1.docker.io"),
                MultiDocumentTest.texts(m.at("/registries/mirrors/docker.io/endpoints")));
        assertEquals("S5GXNX0T123456", run.doc("talos/k8s-2.yaml").at("/machine/install/diskSelector/serial").asText());
        assertEquals("1TB", run.doc("talos/k8s-3.yaml").at("/machine/install/diskSelector/size").asText());
    }

    /** The same validation rejects a misspelled or mistyped field, so the tests above can fail. */
    @Test
    void aMisspelledFieldInADocumentIsRejectedUpstream() {
        EmitFixtures.Run run = EmitFixtures.emitClean(MultiDocumentTest.lab("v1.13.8", true));
        List<JsonNode> docs = EmitFixtures.docs(run.file("talos/cp-1.yaml"));
        JsonNode bond = MultiDocumentTest.single(docs, "BondConfig", "bond0");
        assertEquals(List.of(), violations(forKind("BondConfig"), bond));

        ObjectNode typo = bond.deepCopy();
        typo.put("bondmode", "active-backup");
        assertTrue(violations(forKind("BondConfig"), typo).stream().anyMatch(v -> v.contains("bondmode")));

        ObjectNode badMode = bond.deepCopy();
        badMode.put("bondMode", "active-passive");
        assertFalse(violations(forKind("BondConfig"), badMode).isEmpty(), "bondMode active-passive was accepted");

        ObjectNode vlan = JSON.createObjectNode().put("apiVersion", "v1alpha1").put("kind", "VLANConfig").put("name", "bond0.107");
        assertFalse(violations(forKind("VLANConfig"), vlan).isEmpty(), "a VLANConfig without parent and vlanID was accepted");

        ObjectNode machine = docs.get(0).deepCopy();
        ((ObjectNode) machine.path("machine").path("install")).put("wipe", "no");
        assertFalse(violations(machineV110, machine).isEmpty(), "machine.install.wipe: \"no\" was accepted");
    }
}

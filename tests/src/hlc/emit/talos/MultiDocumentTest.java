package hlc.emit.talos;

import com.fasterxml.jackson.databind.JsonNode;
import hlc.emit.EmitFixtures;
import hlc.emit.FileSpec;
import hlc.emit.RenderedFile;
import hlc.emit.Renderer;
import hlc.secrets.SecretsBundleGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The multi-document machine configs of Talos v1.12 and v1.13: which documents a node gets, what each says, and
 * that they say the same about the network as the classic single-document config of the same spec. Files are
 * read back with plain Jackson, so the assertions are about what a node would be given.
 */
public class MultiDocumentTest {
    public static final String I915 = "dc8730aa8cc7bfa5ef7e2b3284248f2631135b2faf4ae11aa997a0c1987b0eee";

    /**
     * Three control planes (one with a bond over a link selected by driver, a storage link by driver and an
     * Intel GPU; two with plain kernel-named links) and an NVIDIA worker. VIP and TALOS are replaced per test.
     */
    static final String LAB = """
            site lab {
              domain example.org
            }
            network lan {
              cidr 10.0.0.0/24
              gateway gw
              dns [gw]
            }
            network storage {
              cidr 10.1.0.0/24
            }
            cluster main {
              talos TALOS
              kubernetes v1.33.3
              VIP
              cni cilium
              kube-proxy false
            }
            host cp-1 {
              role controlplane
              install-disk "/dev/nvme0n1"
              gpu i915
              interface net0 driver e1000e
              interface bond0 on lan address 10.0.0.11 bond active-backup [net0] mtu 1500
              interface ceph0 on storage address 10.1.0.11 driver r8169 mtu 9000
            }
            host cp-2 {
              role controlplane
              interface eth0 on lan address 10.0.0.12
              interface eth1 on storage address 10.1.0.12
            }
            host cp-3 {
              role controlplane
              interface eth0 on lan address 10.0.0.13
            }
            host w-1 {
              role worker
              gpu nvidia
              interface eth0 on lan address 10.0.0.21
            }
            device gw {
              kind gateway
              address 10.0.0.1 on lan
            }
            """;

    static String lab(String talos, boolean vip) {
        return LAB.replace("TALOS", talos).replace("  VIP\n", vip ? "  vip 10.0.0.5 on lan\n" : "");
    }

    static EmitFixtures.Run multi;
    static EmitFixtures.Run classic;
    static EmitFixtures.Run noVip;

    @BeforeAll
    static void emit() {
        multi = EmitFixtures.emitClean(lab("v1.13.8", true));
        classic = EmitFixtures.emitClean(lab("v1.11.5", true));
        noVip = EmitFixtures.emitClean(lab("v1.12.2", false));
    }

    /** The documents of a node's config, in file order. */
    static List<JsonNode> docs(EmitFixtures.Run run, String host) {
        return EmitFixtures.docs(run.file("talos/" + host + ".yaml"));
    }

    public static List<JsonNode> ofKind(List<JsonNode> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
    }

    static JsonNode single(List<JsonNode> docs, String kind, String name) {
        List<JsonNode> found = ofKind(docs, kind).stream().filter(d -> name.equals(d.path("name").asText())).toList();
        assertEquals(1, found.size(), kind + " " + name + " among " + kinds(docs));
        return found.get(0);
    }

    static List<String> kinds(List<JsonNode> docs) {
        return docs.stream().map(d -> d.has("kind") ? d.path("kind").asText() : "v1alpha1").toList();
    }

    static Map<String, String> fields(JsonNode object) {
        Map<String, String> out = new TreeMap<>();
        object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    public static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void aNodeGetsTheMachineDocumentFirstThenItsNetworkDocuments() {
        List<JsonNode> cp1 = docs(multi, "cp-1");
        assertEquals(List.of("v1alpha1", "HostnameConfig", "ResolverConfig", "LinkAliasConfig", "LinkAliasConfig",
                "LinkConfig", "BondConfig", "Layer2VIPConfig"), kinds(cp1));
        JsonNode machine = cp1.get(0);
        assertEquals("v1alpha1", machine.path("version").asText());
        assertTrue(machine.path("machine").path("network").isMissingNode(), "machine.network moved out in v1.12");
        assertEquals("cp-1", ofKind(cp1, "HostnameConfig").get(0).path("hostname").asText());
        assertEquals(List.of("10.0.0.1"), ofKind(cp1, "ResolverConfig").get(0).path("nameservers").findValuesAsText("address"));
        assertTrue(multi.file("talos/cp-1.yaml").secret(), "machine configs hold secrets");
    }

    @Test
    void linksSelectedByDriverGetAnAliasNamedAsInTheSpec() {
        List<JsonNode> cp1 = docs(multi, "cp-1");
        assertEquals("link.driver == \"e1000e\"", single(cp1, "LinkAliasConfig", "net0").at("/selector/match").asText());
        assertEquals("link.driver == \"r8169\"", single(cp1, "LinkAliasConfig", "ceph0").at("/selector/match").asText());
        JsonNode ceph0 = single(cp1, "LinkConfig", "ceph0");
        assertEquals(9000, ceph0.path("mtu").asInt());
        assertEquals(List.of("10.1.0.11/24"), ceph0.path("addresses").findValuesAsText("address"));
        assertTrue(ceph0.path("routes").isMissingNode(), "only the primary network's link has the default route");

        List<JsonNode> cp2 = docs(multi, "cp-2");
        assertEquals(List.of(), ofKind(cp2, "LinkAliasConfig"), "kernel-named links need no alias");
        assertEquals(List.of("10.0.0.12/24"), single(cp2, "LinkConfig", "eth0").path("addresses").findValuesAsText("address"));
        assertEquals("10.0.0.1", single(cp2, "LinkConfig", "eth0").at("/routes/0/gateway").asText());
        assertTrue(single(cp2, "LinkConfig", "eth0").at("/routes/0/destination").isMissingNode(),
                "a route without destination is the default route");
    }

    @Test
    void aBondNamesItsMembersByTheirAliasesAndCarriesTheAddressAndDefaultRoute() {
        JsonNode bond = single(docs(multi, "cp-1"), "BondConfig", "bond0");
        assertEquals("active-backup", bond.path("bondMode").asText());
        assertEquals(List.of("net0"), texts(bond.path("links")));
        assertEquals(1500, bond.path("mtu").asInt());
        assertEquals(List.of("10.0.0.11/24"), bond.path("addresses").findValuesAsText("address"));
        assertEquals("10.0.0.1", bond.at("/routes/0/gateway").asText());
        assertTrue(ofKind(docs(multi, "cp-1"), "LinkConfig").stream().noneMatch(d -> d.path("name").asText().equals("net0")),
                "a bond member is configured through its bond, not as a link of its own");
    }

    @Test
    void theVipIsALayer2VipDocumentOnTheControlPlanesLinkOnItsNetworkAndOnlyWhenTheSpecHasOne() {
        assertEquals("bond0", single(docs(multi, "cp-1"), "Layer2VIPConfig", "10.0.0.5").path("link").asText());
        assertEquals("eth0", single(docs(multi, "cp-2"), "Layer2VIPConfig", "10.0.0.5").path("link").asText());
        assertEquals(List.of(), ofKind(docs(multi, "w-1"), "Layer2VIPConfig"), "workers do not hold the VIP");
        for (String host : List.of("cp-1", "cp-2", "cp-3", "w-1")) {
            assertEquals(List.of(), ofKind(docs(noVip, host), "Layer2VIPConfig"), host + " has a VIP document without a VIP");
        }
        assertEquals("https://10.0.0.5:6443", docs(multi, "w-1").get(0).at("/cluster/controlPlane/endpoint").asText());
    }

    /**
     * A control plane with two links on the VIP's network holds the VIP on the first of them only: Talos refuses a
     * config with two documents of one kind and name ("duplicate document: Layer2VIPConfig/10.0.0.5"), and the
     * classic form says the same. Found by the valid-spec generator (two interfaces on one network).
     */
    @Test
    void aControlPlaneWithTwoLinksOnTheVipsNetworkHoldsTheVipOnTheFirst() {
        String twoLinks = lab("v1.13.8", true).replace("interface eth0 on lan address 10.0.0.13",
                "interface eth0 on lan address 10.0.0.13\n  interface eth1 on lan address 10.0.0.14");
        List<JsonNode> docs = EmitFixtures.docs(EmitFixtures.emitClean(twoLinks).file("talos/cp-3.yaml"));
        assertEquals("eth0", single(docs, "Layer2VIPConfig", "10.0.0.5").path("link").asText());
        JsonNode classicCp3 = EmitFixtures.docs(EmitFixtures.emitClean(twoLinks.replace("v1.13.8", "v1.11.5"))
                .file("talos/cp-3.yaml")).get(0);
        List<String> vips = new ArrayList<>();
        for (JsonNode i : classicCp3.at("/machine/network/interfaces")) vips.add(i.path("interface").asText() + "=" + i.at("/vip/ip").asText());
        assertEquals(List.of("eth0=10.0.0.5", "eth1="), vips);
    }

    @Test
    void eachNodesInstallerCarriesTheSchematicOfItsOwnExtensions() {
        String cp1 = docs(multi, "cp-1").get(0).at("/machine/install/image").asText();
        String w1 = docs(multi, "w-1").get(0).at("/machine/install/image").asText();
        String cp2 = docs(multi, "cp-2").get(0).at("/machine/install/image").asText();
        assertEquals("factory.talos.dev/metal-installer/" + I915 + ":v1.13.8", cp1);
        Schematic nvidia = new Schematic(List.of("siderolabs/nonfree-kmod-nvidia-production",
                "siderolabs/nvidia-container-toolkit-production"));
        assertEquals("factory.talos.dev/metal-installer/" + nvidia.id() + ":v1.13.8", w1);
        assertNotEquals(I915, nvidia.id());
        assertEquals(new Schematic(List.of()).id(), cp2.substring(cp2.lastIndexOf('/') + 1, cp2.indexOf(':', cp2.lastIndexOf('/'))));

        JsonNode i915File = multi.doc("talos-schematics/" + I915 + ".yaml");
        assertEquals(List.of("siderolabs/i915"), texts(i915File.at("/customization/systemExtensions/officialExtensions")));
        JsonNode nvidiaFile = multi.doc("talos-schematics/" + nvidia.id() + ".yaml");
        assertEquals(List.of("siderolabs/nonfree-kmod-nvidia-production", "siderolabs/nvidia-container-toolkit-production"),
                texts(nvidiaFile.at("/customization/systemExtensions/officialExtensions")));
    }

    @Test
    void theMachineDocumentKeepsTheKubernetesSettingsAndDropsWhatV113Removed() {
        JsonNode cp = docs(multi, "cp-1").get(0);
        assertEquals("none", cp.at("/cluster/network/cni/name").asText(), "Cilium comes from Flux");
        assertTrue(cp.at("/cluster/proxy/disabled").asBoolean(), "kube-proxy false");
        assertEquals(7445, cp.at("/machine/features/kubePrism/port").asInt());
        assertEquals("/dev/nvme0n1", cp.at("/machine/install/disk").asText());
        for (String gone : List.of("rbac", "stableHostname", "apidCheckExtKeyUsage")) {
            assertTrue(cp.at("/machine/features/" + gone).isMissingNode(), "machine.features." + gone);
        }
        JsonNode worker = docs(multi, "w-1").get(0);
        assertEquals("worker", worker.at("/machine/type").asText());
        assertEquals("", worker.at("/machine/ca/key").asText(), "workers get no CA key");
        assertTrue(worker.path("cluster").path("etcd").isMissingNode());
    }

    /**
     * The property that matters when moving a cluster from v1.11 to v1.13: for the same spec, the classic and the
     * multi-document configs say the same about every node's network (hostname, resolvers, every link's addresses,
     * MTU, routes, bond and VIP), with links named by kernel name or selected by the same driver, MAC or bus path.
     */
    @Test
    void theClassicAndTheMultiDocumentConfigsOfASpecAgreeOnTheNetwork() {
        for (String host : List.of("cp-1", "cp-2", "cp-3", "w-1")) {
            Map<String, String> fromClassic = NetworkFacts.ofClassic(classic.doc("talos/" + host + ".yaml"));
            Map<String, String> fromMulti = NetworkFacts.ofMultiDocument(docs(multi, host));
            assertTrue(fromClassic.size() >= 3, host + ": " + fromClassic);
            assertEquals(fromClassic, fromMulti, host);
        }
    }

    @Test
    void theRealSpecPinnedToV113AgreesWithItsClassicConfigsToo() throws IOException {
        String text = Files.readString(EmitFixtures.realSpec(), StandardCharsets.UTF_8);
        assertTrue(text.contains("talos v1.10.7"));
        EmitFixtures.Run real = EmitFixtures.emitClean(text);
        EmitFixtures.Run real13 = EmitFixtures.emitClean(text.replace("talos v1.10.7", "talos v1.13.8"));
        List<String> configs = real13.paths().stream().filter(p -> p.startsWith("talos/")).toList();
        assertEquals(List.of("talos/k8s-1.yaml", "talos/k8s-2.yaml", "talos/k8s-3.yaml"), configs);
        for (String path : configs) {
            Map<String, String> facts = NetworkFacts.ofMultiDocument(EmitFixtures.docs(real13.file(path)));
            assertEquals(NetworkFacts.ofClassic(real.doc(path)), facts, path);
            assertEquals("addresses=[192.168.5." + (210 + path.charAt(10) - '0') + "/24] mtu=1500 routes=[0.0.0.0/0 via 192.168.5.1] "
                    + "bond=active-backup[select:{driver=e1000e}] vip=192.168.5.210", facts.get("link bond0"), path);
        }
        List<String> outsideTalos = real.paths().stream().filter(p -> !p.startsWith("talos/")).toList();
        assertEquals(outsideTalos, real13.paths().stream().filter(p -> !p.startsWith("talos/")).toList());
        for (String p : outsideTalos) {
            assertEquals(real.file(p).content(), real13.file(p).content(), p + " depends on the Talos release");
        }
    }

    @Test
    void theSameSpecGivesTheSameBytesWhateverTheOrderOfItsHosts() {
        String text = lab("v1.13.8", true);
        EmitFixtures.Run again = EmitFixtures.emitClean(text);
        int cp3 = text.indexOf("host cp-3 {");
        int device = text.indexOf("device gw {");
        String reordered = text.substring(0, text.indexOf("host cp-1 {")) + text.substring(cp3, device)
                + text.substring(text.indexOf("host cp-1 {"), cp3) + text.substring(device);
        assertNotEquals(text, reordered);
        EmitFixtures.Run shuffled = EmitFixtures.emitClean(reordered);
        assertEquals(multi.paths(), again.paths());
        assertEquals(multi.paths(), shuffled.paths());
        for (RenderedFile f : multi.files()) {
            assertEquals(f.content(), again.file(f.path()).content(), f.path());
            assertEquals(f.content(), shuffled.file(f.path()).content(), f.path());
        }
    }

    /** A document that fails its schema is named by its place in the file and its kind, with the JSON path. */
    @Test
    void aDocumentThatFailsItsSchemaIsReportedWithItsKindAndPath() {
        Renderer renderer = new Renderer("test.hl");
        FileSpec bad = FileSpec.ofDocuments("talos/x.yaml", List.of(
                new FileSpec.Document("talos-hostname.yaml.j2", Map.of("hostname", "x")),
                new FileSpec.Document("talos-link-alias.yaml.j2", Map.of("name", "net0", "match", "link.driver == \"e1000e\"")),
                new FileSpec.Document("talos-layer2-vip.yaml.j2", Map.of("address", "not-an-ip", "link", "bond0"))), true);
        Renderer.Outcome o = renderer.render(bad);
        assertEquals(null, o.file());
        assertEquals(1, o.problems().size(), o.problems().toString());
        String p = o.problems().get(0);
        assertTrue(p.contains("(document 3, kind Layer2VIPConfig)"), p);
        assertTrue(p.contains("talos-layer2vipconfig"), p);
        assertTrue(p.contains("$.name"), p);

        FileSpec good = FileSpec.ofDocuments("talos/x.yaml", bad.documents().subList(0, 2), true);
        Renderer.Outcome ok = renderer.render(good);
        assertEquals(List.of(), ok.problems());
        assertTrue(ok.file().content().contains("\n---\napiVersion: v1alpha1\nkind: LinkAliasConfig\n"), ok.file().content());
    }

    @Test
    void aGeneratedBundleGivesConfigsThatCarryItsSecrets() throws Exception {
        var bundle = new SecretsBundleGenerator().generate();
        EmitFixtures.Run run = EmitFixtures.emitText(lab("v1.13.8", true), bundle, new Renderer("test.hl"));
        assertFalse(run.failed(), run.findings());
        JsonNode cp = EmitFixtures.docs(run.file("talos/cp-1.yaml")).get(0);
        assertEquals(bundle.trustdToken(), cp.at("/machine/token").asText());
        assertEquals(bundle.clusterId(), cp.at("/cluster/id").asText());
    }
}

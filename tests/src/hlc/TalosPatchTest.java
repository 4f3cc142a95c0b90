package hlc;

import com.fasterxml.jackson.databind.JsonNode;
import hlc.diag.Diagnostic;
import hlc.emit.RenderedFile;
import hlc.emit.Renderer;
import hlc.emit.TalosPatchMerge;
import hlc.secrets.SecretsBundle;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Patches are merged as Talos merges them and checked where they are written. The properties: a patch that
 * restates values hlc writes changes nothing; a patch with an unknown key is reported at that key.
 */
class TalosPatchTest {
    private static final String SPEC = """
            network lan { cidr 192.168.5.0/24 }
            cluster main {
              talos %s
              kubernetes v1.33.3
              vip 192.168.5.210 on lan
            %s
            }
            host k8s-1 { role controlplane interface eth0 on lan address 192.168.5.11 }
            host k8s-2 { role worker interface eth0 on lan address 192.168.5.12 }
            """;

    private static Compiler.Compilation compile(String talos, String patches) {
        return Compiler.compileText("p.hl", SPEC.formatted(talos, patches), SecretsBundle.placeholder(), new Renderer("p.hl"));
    }

    /** The spec with a patch of the first host's own (a cluster-wide one restating its hostname would contradict k8s-2's). */
    private static Compiler.Compilation compileHost(String talos, String patch) {
        String spec = SPEC.formatted(talos, "").replace("host k8s-1 { role controlplane interface eth0 on lan address 192.168.5.11 }",
                "host k8s-1 {\n  role controlplane\n  interface eth0 on lan address 192.168.5.11\n" + patch + "\n}");
        return Compiler.compileText("p.hl", spec, SecretsBundle.placeholder(), new Renderer("p.hl"));
    }

    private static String file(Compiler.Compilation c, String path) {
        assertEquals(List.of(), c.reporter().sorted().stream().map(Diagnostic::toString).toList());
        return c.files().stream().filter(f -> f.path().equals(path)).map(RenderedFile::content).findFirst().orElseThrow();
    }

    @Test
    void aPatchAddsSettingsAndTheResultIsValidated() throws Exception {
        Compiler.Compilation c = compile("v1.10.7", """
                  patch worker \"""
                    machine:
                      sysctls:
                        vm.nr_hugepages: "1024"
                    \"""
                """);
        JsonNode worker = TalosPatchMerge.documents(file(c, "talos/k8s-2.yaml")).get(0);
        assertEquals("1024", worker.at("/machine/sysctls/vm.nr_hugepages").asText());
        JsonNode cp = TalosPatchMerge.documents(file(c, "talos/k8s-1.yaml")).get(0);
        assertTrue(cp.at("/machine/sysctls").isMissingNode(), "a worker patch leaves the control plane alone");
        assertEquals("k8s-2", worker.at("/machine/network/hostname").asText(), "the spec's facts stay");
    }

    @Test
    void listsAreAppendedAndInterfacesMergedByName() throws Exception {
        List<JsonNode> base = TalosPatchMerge.documents("""
                machine:
                  certSANs: [a]
                  network:
                    interfaces:
                      - interface: eth0
                        addresses: [10.0.0.1/24]
                cluster:
                  network:
                    podSubnets: [10.244.0.0/16]
                """);
        List<JsonNode> merged = TalosPatchMerge.merge(base, TalosPatchMerge.documents("""
                machine:
                  certSANs: [b]
                  network:
                    interfaces:
                      - interface: eth0
                        mtu: 9000
                cluster:
                  network:
                    podSubnets: [10.42.0.0/16]
                  proxy: {$patch: delete}
                """));
        JsonNode m = merged.get(0);
        assertEquals("[\"a\",\"b\"]", m.at("/machine/certSANs").toString());
        assertEquals(1, m.at("/machine/network/interfaces").size());
        assertEquals(9000, m.at("/machine/network/interfaces/0/mtu").asInt());
        assertEquals("10.0.0.1/24", m.at("/machine/network/interfaces/0/addresses/0").asText());
        assertEquals("[\"10.42.0.0/16\"]", m.at("/cluster/network/podSubnets").toString(), "pod subnets are replaced");
    }

    @Test
    void aDocumentOfAKindIsMergedByKindAndName() throws Exception {
        List<JsonNode> base = TalosPatchMerge.documents("version: v1alpha1\n---\napiVersion: v1alpha1\nkind: VolumeConfig\nname: EPHEMERAL\nprovisioning:\n  maxSize: 10GiB\n");
        List<JsonNode> merged = TalosPatchMerge.merge(base, TalosPatchMerge.documents(
                "apiVersion: v1alpha1\nkind: VolumeConfig\nname: EPHEMERAL\nprovisioning:\n  grow: false\n---\napiVersion: v1alpha1\nkind: WatchdogTimerConfig\ndevice: /dev/watchdog0\n"));
        assertEquals(3, merged.size());
        assertEquals("10GiB", merged.get(1).at("/provisioning/maxSize").asText());
        assertTrue(merged.get(1).at("/provisioning/grow").isBoolean());
    }

    @Test
    void aPatchFileFindingNamesTheFileAndLine() throws Exception {
        Path spec = Path.of(System.getProperty("hlc.project.dir", ".")).resolve("tests/corpus/check/talos-patches.hl");
        String text = java.nio.file.Files.readString(spec).replace("patches/sysctls.yaml", "patches/typo.yaml");
        Path copy = spec.resolveSibling("talos-patches-typo.tmp.hl");
        java.nio.file.Files.writeString(copy, text);
        try {
            List<Diagnostic> found = Compiler.check(copy).reporter().sorted();
            assertEquals(1, found.size(), found.toString());
            Diagnostic d = found.get(0);
            assertEquals("HL122", d.code());
            assertTrue(d.span().path().endsWith("patches/typo.yaml"), d.span().path());
            assertEquals(2, d.span().line());
            assertEquals(3, d.span().column());
        } finally {
            java.nio.file.Files.delete(copy);
        }
    }

    // ---------------------------------------------------------------- properties

    /** A scalar hlc writes into every node's machine document, by its path. */
    @Provide
    Arbitrary<List<String>> restatedPaths() {
        return Arbitraries.of("machine/network/hostname", "machine/install/disk", "machine/type", "cluster/clusterName",
                "cluster/controlPlane/endpoint", "cluster/network/dnsDomain", "machine/install/image",
                "cluster/network/cni/name").list().ofMinSize(1).ofMaxSize(5).uniqueElements();
    }

    @Property(tries = 40)
    void restatingWhatHlcWritesChangesNothing(@ForAll("restatedPaths") List<String> paths) throws Exception {
        for (String talos : List.of("v1.10.7", "v1.12.0")) {
            String plain = file(compile(talos, ""), "talos/k8s-1.yaml");
            JsonNode machine = TalosPatchMerge.documents(plain).get(0);
            StringBuilder yaml = new StringBuilder();
            for (String p : paths) {
                JsonNode v = machine.at("/" + p);
                if (v.isMissingNode()) continue;
                String[] parts = p.split("/");
                for (int i = 0; i < parts.length; i++) {
                    yaml.append("  ".repeat(i)).append(parts[i]).append(':');
                    yaml.append(i == parts.length - 1 ? " " + v.toString() + "\n" : "\n");
                }
            }
            if (yaml.isEmpty()) continue;
            String block = "  patch \"\"\"\n" + yaml.toString().indent(4) + "    \"\"\"";
            String patched = file(compileHost(talos, block), "talos/k8s-1.yaml");
            assertEquals(TalosPatchMerge.documents(plain), TalosPatchMerge.documents(patched), "patch:\n" + yaml);
        }
    }

    @Provide
    Arbitrary<String> unknownKeys() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(3).ofMaxLength(10).map(s -> "zz" + s);
    }

    @Provide
    Arbitrary<String> parents() {
        return Arbitraries.of("", "machine", "machine/kubelet", "machine/install", "cluster", "cluster/network", "cluster/apiServer");
    }

    @Property(tries = 40)
    void anUnknownKeyIsReportedAtItsLineInThePatch(@ForAll("unknownKeys") String key, @ForAll("parents") String parent) {
        List<String> lines = new ArrayList<>();
        String[] parts = parent.isEmpty() ? new String[0] : parent.split("/");
        for (int i = 0; i < parts.length; i++) lines.add("  ".repeat(i) + parts[i] + ":");
        lines.add("  ".repeat(parts.length) + key + ": 1");
        String block = "  patch \"\"\"\n" + String.join("\n", lines).indent(4) + "    \"\"\"";
        String spec = SPEC.formatted("v1.10.7", block);
        List<Diagnostic> found = Compiler.checkText("p.hl", spec).reporter().sorted();
        assertEquals(1, found.size(), found.toString());
        Diagnostic d = found.get(0);
        assertEquals("HL122", d.code());
        int patchLine = spec.lines().toList().indexOf("  patch \"\"\"") + 1;
        assertEquals(patchLine + lines.size(), d.span().line(), "the key's line");
        assertEquals(5 + 2 * parts.length, d.span().column(), "the key's column");
        assertTrue(d.message().contains(key), d.message());
    }
}

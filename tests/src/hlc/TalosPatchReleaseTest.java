package hlc;

import com.fasterxml.jackson.databind.JsonNode;
import hlc.diag.Diagnostic;
import hlc.emit.RenderedFile;
import hlc.emit.Renderer;
import hlc.emit.TalosPatchMerge;
import hlc.secrets.SecretsBundle;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A patched Talos config is held, at `hlc check` and at `hlc compile` alike, to Talos's own schema of the release
 * the cluster pins: v1.9 to v1.9's, v1.10 and v1.11 to v1.10's. Each case is a setting one of the two shipped
 * schemas has and the other has not (read from them: v1.9 still has `machine.disks` and `machine.install.extensions`,
 * which v1.10 dropped; v1.10 added `machine.network.searchDomains`, `machine.features.imageCache`, the
 * deviceSelector's `permanentAddr` and the EthernetConfig document), and on v1.12 a setting Talos's LinkConfig has and
 * hlc's own schema of the LinkConfig it writes has not (`multicast`: the patched document is Talos's, held to Talos's
 * schema, as the check holds the patch). Where the check accepts the patch, the compile
 * writes the patched config with the setting in it; where it refuses it (HL122, at the patch), so does the compile:
 * `hlc check` reports everything `hlc compile` would refuse.
 */
class TalosPatchReleaseTest {
    private static final String SPEC = """
            network lan { cidr 192.168.5.0/24 }
            cluster main {
              talos %s
              kubernetes v1.32.2
              vip 192.168.5.210 on lan
              patch ""\"
            %s
                ""\"
            }
            host k8s-1 { role controlplane interface eth0 on lan address 192.168.5.11 }
            host k8s-2 { role worker interface eth0 on lan address 192.168.5.12 }
            """;

    static final String DISKS = "machine:\n  disks:\n    - device: /dev/sdb\n      partitions:\n        - mountpoint: /var/mnt/extra";
    static final String EXTENSIONS = "machine:\n  install:\n    extensions:\n      - image: ghcr.io/siderolabs/gvisor:20231214.0-v1.6.0";
    static final String SEARCH_DOMAINS = "machine:\n  network:\n    searchDomains: [lab.example.com]";
    static final String IMAGE_CACHE = "machine:\n  features:\n    imageCache:\n      localEnabled: true";
    static final String PERMANENT_ADDR = "machine:\n  network:\n    interfaces:\n      - deviceSelector:\n          permanentAddr: 00:1a:2b:3c:4d:5e\n        dhcp: true";
    static final String ETHERNET = "apiVersion: v1alpha1\nkind: EthernetConfig\nname: eth0\nrings:\n  rx: 256";
    /** Into the LinkConfig hlc writes for eth0 (v1.12): Talos's LinkConfig has `multicast`, hlc's own schema of it not. */
    static final String LINK_MULTICAST = "apiVersion: v1alpha1\nkind: LinkConfig\nname: eth0\nmulticast: true";

    @ParameterizedTest(name = "{0} on {1}: accepted {2}")
    @CsvSource({
            "DISKS, v1.9.4, true, /machine/disks/0/device",
            "DISKS, v1.10.7, false, ",
            "DISKS, v1.11.3, false, ",
            "EXTENSIONS, v1.9.4, true, /machine/install/extensions/0/image",
            "EXTENSIONS, v1.11.3, false, ",
            "SEARCH_DOMAINS, v1.9.4, false, ",
            "SEARCH_DOMAINS, v1.10.7, true, /machine/network/searchDomains/0",
            "SEARCH_DOMAINS, v1.11.3, true, /machine/network/searchDomains/0",
            "IMAGE_CACHE, v1.9.4, false, ",
            "IMAGE_CACHE, v1.10.7, true, /machine/features/imageCache/localEnabled",
            "PERMANENT_ADDR, v1.9.4, false, ",
            "PERMANENT_ADDR, v1.11.3, true, /machine/network/interfaces/1/deviceSelector/permanentAddr",
            "ETHERNET, v1.9.4, false, ",
            "ETHERNET, v1.10.7, true, EthernetConfig:/rings/rx",
            "LINK_MULTICAST, v1.12.0, true, LinkConfig:/multicast",
    })
    void aPatchIsHeldToItsReleaseSchemaAtCheckAndAtCompile(String patch, String talos, boolean accepted, String written) throws Exception {
        String yaml = switch (patch) {
            case "DISKS" -> DISKS;
            case "EXTENSIONS" -> EXTENSIONS;
            case "SEARCH_DOMAINS" -> SEARCH_DOMAINS;
            case "IMAGE_CACHE" -> IMAGE_CACHE;
            case "PERMANENT_ADDR" -> PERMANENT_ADDR;
            case "ETHERNET" -> ETHERNET;
            case "LINK_MULTICAST" -> LINK_MULTICAST;
            default -> throw new IllegalArgumentException(patch);
        };
        String spec = SPEC.formatted(talos, yaml.indent(4).stripTrailing());
        List<Diagnostic> checked = Compiler.checkText("p.hl", spec).reporter().sorted();
        Compiler.Compilation compiled = Compiler.compileText("p.hl", spec, SecretsBundle.placeholder(), new Renderer("p.hl"));
        List<String> compileFindings = compiled.reporter().sorted().stream().map(d -> d.code() + " " + d.message()).toList();
        if (accepted) {
            assertEquals(List.of(), checked.stream().map(Diagnostic::toString).toList(), "the check accepts it on " + talos);
            assertEquals(List.of(), compileFindings, "so the compile writes it");
            assertFalse(compiled.failed());
            for (String host : List.of("k8s-1", "k8s-2")) {
                String text = compiled.files().stream().filter(f -> f.path().equals("talos/" + host + ".yaml"))
                        .map(RenderedFile::content).findFirst().orElseThrow();
                List<JsonNode> docs = TalosPatchMerge.documents(text);
                // "/machine/…" in the v1alpha1 document, or "KIND:/pointer" in the document of that kind
                String kind = written.contains(":") ? written.substring(0, written.indexOf(':')) : null;
                String pointer = written.substring(written.indexOf(':') + 1);
                assertTrue(docs.stream().filter(d -> kind == null ? !d.has("kind") : d.path("kind").asText().equals(kind))
                        .anyMatch(d -> !d.at(pointer).isMissingNode()), written + " in " + host + "'s config:\n" + text);
            }
        } else {
            assertEquals(List.of("HL122"), checked.stream().map(Diagnostic::code).distinct().toList(),
                    "Talos " + talos + " has no such setting: the check says so at the patch");
            assertTrue(checked.get(0).span().line() > 5, "inside the patch: " + checked.get(0));
            assertTrue(compiled.failed(), "and the compile writes nothing");
            assertTrue(compileFindings.stream().allMatch(f -> f.startsWith("HL122")), compileFindings.toString());
        }
    }

    /**
     * The bundled specs, every node patched, at each release of their form: the patched configs, every document
     * of them (the ones hlc writes included: bonds, VLANs, links, volumes), are valid against Talos's own schema of
     * the release. A sysctl in the v1alpha1 document and a WatchdogTimerConfig, a kind hlc does not write.
     */
    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({
            "homelab.hl, v1.10.7",
            "homelab.hl, v1.11.3",
            "examples/two-clusters.hl, v1.12.0",
            "examples/home-ops-today.hl, v1.13.8",
    })
    void theBundledSpecsPatchedCompileAtEachReleaseOfTheirForm(String spec, String talos, @TempDir Path tmp) throws Exception {
        Path from = Path.of(System.getProperty("hlc.project.dir", ".")).resolve("spec");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path to = tmp.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(to);
                else Files.copy(f, to);
            }
        }
        Path root = tmp.resolve(spec);
        String text = Files.readString(root);
        String pinned = text.lines().filter(l -> l.matches("\\s*talos v1\\.\\d+\\.\\d+.*")).findFirst().orElseThrow();
        String patch = "  talos " + talos + "\n  patch \"\"\"\n    machine:\n      sysctls:\n        vm.max_map_count: \"262144\"\n"
                + "    ---\n    apiVersion: v1alpha1\n    kind: WatchdogTimerConfig\n    device: /dev/watchdog0\n    \"\"\"";
        Files.writeString(root, text.replace(pinned, patch));
        Compiler.Compilation c = Compiler.compile(root, SecretsBundle.placeholder(), new Renderer(spec));
        assertEquals(List.of(), c.reporter().sorted().stream().filter(d -> d.severity() == hlc.diag.Severity.ERROR)
                .map(d -> d.code() + " " + d.message()).toList());
        List<RenderedFile> nodes = c.files().stream().filter(f -> f.path().matches("([^/]+/)?talos/[^/]+\\.yaml")).toList();
        assertFalse(nodes.isEmpty(), c.files().stream().map(RenderedFile::path).toList().toString());
        for (RenderedFile f : nodes) {
            List<JsonNode> docs = TalosPatchMerge.documents(f.content());
            assertEquals("262144", docs.get(0).at("/machine/sysctls/vm.max_map_count").asText(), f.path());
            assertTrue(docs.stream().anyMatch(d -> d.path("kind").asText().equals("WatchdogTimerConfig")), f.path());
        }
    }
}

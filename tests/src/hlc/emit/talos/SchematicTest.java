package hlc.emit.talos;

import com.fasterxml.jackson.databind.JsonNode;
import hlc.diag.Diagnostic;
import hlc.emit.EmitFixtures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Image Factory schematics with kernel arguments: the canonical YAML the Factory hashes (Go yaml.v3 of its
 * Customization struct, whose field order puts extraKernelArgs before systemExtensions), the files hlc writes,
 * and the arguments hlc refuses because it could not be sure of their canonical spelling.
 */
class SchematicTest {
    @Test
    void kernelArgumentsComeFirstInTheirOrderAndChangeTheId() {
        Schematic both = new Schematic(List.of("siderolabs/mei", "siderolabs/i915"), List.of("mitigations=off", "iommu=pt"));
        assertEquals("""
                customization:
                    extraKernelArgs:
                        - mitigations=off
                        - iommu=pt
                    systemExtensions:
                        officialExtensions:
                            - siderolabs/i915
                            - siderolabs/mei
                """, both.canonicalYaml());
        assertEquals("customization:\n    extraKernelArgs:\n        - nosmt\n", new Schematic(List.of(), List.of("nosmt")).canonicalYaml());
        Schematic extensionsOnly = new Schematic(List.of("siderolabs/i915", "siderolabs/mei"));
        assertNotEquals(extensionsOnly.id(), both.id());
        assertNotEquals(both.id(), new Schematic(both.extensions(), List.of("iommu=pt", "mitigations=off")).id(),
                "the kernel command line is ordered");
        assertEquals(MultiDocumentTest.I915, new Schematic(List.of("siderolabs/i915"), List.of()).id());
    }

    /**
     * The overlay goes before the customization, as the Image Factory's Schematic struct has it: the ID of the
     * Raspberry Pi generic overlay alone is the one the Image Factory's own tests and Talos's Raspberry Pi guide
     * give (ee21ef4a…).
     */
    @Test
    void anOverlaySchematicHasTheImageFactorysId() {
        Schematic rpi = new Schematic(List.of(), List.of(), "siderolabs/sbc-raspberrypi", "rpi_generic");
        assertEquals("ee21ef4a5ef808a9b7484cc0dda0f25075021691c8c09a276591eedb638ea1f9", rpi.id());
        assertNotEquals(rpi.id(), new Schematic(List.of(), List.of()).id());
    }

    @Test
    void onlyArgumentsYamlWritesPlainAreAccepted() {
        // a leading dash removes a default argument in the Image Factory (-init_on_alloc); yaml.v3 writes it plain,
        // since a dash starts a list item only before a space
        for (String ok : List.of("intel_iommu=on", "talos.auditd.disabled=1", "console=ttyS0,115200n8", "nosmt",
                "-init_on_alloc", "-selinux", "-x")) {
            assertTrue(Schematic.isPlainKernelArg(ok), ok);
        }
        for (String bad : List.of("on", "yes", "a b", "x: y", "#x", "'q'", "1", "-1", "- x", "a\"b")) {
            assertFalse(Schematic.isPlainKernelArg(bad), bad);
        }
    }

    @Test
    void theClusterKernelArgumentsGoIntoEveryNodesSchematicFile() {
        EmitFixtures.Run run = EmitFixtures.emitClean(MultiDocumentTodayTest.TODAY.replace("  kernel-module nbd\n",
                "  kernel-module nbd\n  kernel-arg \"intel_iommu=on\"\n  kernel-arg \"iommu=pt\"\n"));
        List<String> schematics = run.paths().stream().filter(p -> p.startsWith("talos-schematics/")).toList();
        assertEquals(2, schematics.size());
        for (String path : schematics) {
            JsonNode doc = run.doc(path);
            assertEquals(List.of("intel_iommu=on", "iommu=pt"), MultiDocumentTest.texts(doc.at("/customization/extraKernelArgs")));
            String id = path.substring("talos-schematics/".length(), path.length() - ".yaml".length());
            Schematic s = new Schematic(MultiDocumentTest.texts(doc.at("/customization/systemExtensions/officialExtensions")),
                    MultiDocumentTest.texts(doc.at("/customization/extraKernelArgs")));
            assertEquals(s.id(), id, "the file's name is the ID of what it says");
        }
    }

    @Test
    void aKernelArgumentHlcCannotSpellCanonicallyIsAnErrorAtIt() {
        String text = MultiDocumentTodayTest.TODAY.replace("  kernel-module nbd\n", "  kernel-module nbd\n  kernel-arg \"quiet: yes\"\n");
        EmitFixtures.Run run = EmitFixtures.emitText(text);
        assertTrue(run.failed());
        List<Diagnostic> hl096 = run.reporter().sorted().stream().filter(d -> d.code().equals("HL096")).toList();
        assertEquals(1, hl096.size(), run.findings());
        assertEquals("kernel-arg \"quiet: yes\"", text.split("\n")[hl096.get(0).span().line() - 1].strip());
    }
}

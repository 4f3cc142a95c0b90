package hlc.emit.talos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import hlc.emit.EmitFixtures;
import hlc.emit.Renderer;
import hlc.model.Version;
import hlc.resolve.TalosShape;
import hlc.secrets.SecretsBundleGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Talos v1.10 and v1.11 take a VolumeConfig and a UserVolumeConfig document beside the classic v1alpha1 one
 * (Talos's configuration reference of each release): hlc writes the spec's volumes there instead of refusing
 * them, and labels, taints and kernel modules in the v1alpha1 document's own fields; each document validates
 * against its kind in Talos's v1.10 schema.
 */
class ClassicVolumeDocumentsTest {
    static final String SPEC = """
            network lan { cidr 192.168.5.0/24  gateway 192.168.5.1 }
            cluster main {
              talos TALOS
              kubernetes v1.33.3
              vip 192.168.5.210 on lan
              pods 10.42.0.0/16
              services 10.43.0.0/16
              kernel-module nbd
            }
            host k8s-1 {
              role controlplane
              install-disk "/dev/nvme0n1"
              label "topology.kubernetes.io/zone=a"
              taint "dedicated=infra:NoSchedule"
              interface eth0 on lan address 192.168.5.11
              volume EPHEMERAL {
                disk "disk.transport == 'nvme'"
                max-size 400GiB
                grow false
              }
              user-volume local-hostpath {
                disk "disk.transport == 'nvme'"
                min-size 50GiB
              }
            }
            host k8s-2 {
              role controlplane
              interface eth0 on lan address 192.168.5.12
            }
            """;

    @ParameterizedTest
    @ValueSource(strings = {"v1.10.7", "v1.11.5"})
    void theVolumesAreDocumentsBesideTheV1alpha1One(String talos) throws Exception {
        Path v110 = EmitFixtures.projectDir().resolve("../shared/schemas/talos-config.v1.10.schema.json").normalize();
        assumeTrue(Files.isRegularFile(v110), "upstream schema not at " + v110);
        ObjectNode root = (ObjectNode) new ObjectMapper().readTree(v110.toFile());
        EmitFixtures.Run run = EmitFixtures.emitText(SPEC.replace("TALOS", talos), new SecretsBundleGenerator().generate(),
                new Renderer("test.hl"));
        assertFalse(run.failed(), run.findings());
        List<JsonNode> docs = MultiDocumentTest.docs(run, "k8s-1");
        assertEquals(List.of("v1alpha1", "VolumeConfig", "UserVolumeConfig"), MultiDocumentTest.kinds(docs));
        assertEquals("k8s-1", docs.get(0).at("/machine/network/hostname").asText(), "the classic document, network included");
        assertEquals("a", docs.get(0).at("/machine/nodeLabels/topology.kubernetes.io~1zone").asText());
        assertEquals("infra:NoSchedule", docs.get(0).at("/machine/nodeTaints/dedicated").asText());
        assertEquals("nbd", docs.get(0).at("/machine/kernel/modules/0/name").asText());
        assertEquals("400GiB", docs.get(1).at("/provisioning/maxSize").asText());
        assertFalse(docs.get(1).at("/provisioning/grow").asBoolean(true), "grow false is written, not Talos's default");
        assertEquals("local-hostpath", docs.get(2).path("name").asText());
        assertEquals("disk.transport == 'nvme'", docs.get(2).at("/provisioning/diskSelector/match").asText());
        String[] defs = {"v1alpha1.Config", "block.VolumeConfigV1Alpha1", "block.UserVolumeConfigV1Alpha1"};
        for (int i = 0; i < docs.size(); i++) {
            ObjectNode copy = root.deepCopy();
            copy.remove("oneOf");
            copy.put("$ref", "#/$defs/" + defs[i]);
            JsonSchema s = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(copy);
            assertEquals(Set.of(), s.validate(docs.get(i)), defs[i]);
        }
        // a node without volumes keeps the single-document file
        assertEquals(1, MultiDocumentTest.docs(run, "k8s-2").size());
    }

    private static Version v(int major, int minor) {
        return new Version("v" + major + "." + minor + ".0", major, minor, 0, null);
    }

    @Test
    void documentKindsArrivedReleaseByRelease() {
        assertTrue(TalosShape.acceptsBeside("VolumeConfig", v(1, 10)));
        assertTrue(TalosShape.acceptsBeside("UserVolumeConfig", v(1, 10)));
        assertFalse(TalosShape.acceptsBeside("UserVolumeConfig", v(1, 9)));
        assertTrue(TalosShape.acceptsBeside("VolumeConfig", v(1, 9)));
        assertFalse(TalosShape.acceptsBeside("LinkConfig", v(1, 11)), "hlc writes no link document there");
    }
}

package hlc.emit.talos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import hlc.emit.EmitFixtures;
import hlc.emit.Renderer;
import hlc.secrets.SecretsBundleGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The classic v1alpha1 config of Talos v1.10 and v1.11 has VLAN sub-interfaces inside their parent's
 * {@code machine.network.interfaces[]} entry, as {@code vlans} (vlanId, addresses, routes, mtu, vip): hlc writes
 * them there, over a bond and over a link it configures nothing else on, and the document validates against
 * Talos's v1.10 schema.
 */
class ClassicVlansTest {
    static final String SPEC = """
            network lan { cidr 192.168.5.0/24  gateway 192.168.5.1 }
            network iot { cidr 192.168.107.0/24  vlan 107 }
            network storage { cidr 10.0.30.0/24  vlan 30  mtu 9000 }
            cluster main {
              talos TALOS
              kubernetes v1.33.3
              vip 192.168.5.210 on lan
              pods 10.42.0.0/16
              services 10.43.0.0/16
            }
            host k8s-1 {
              role controlplane
              interface net0 driver igc
              interface bond0 on lan address 192.168.5.11 bond active-backup [net0]
              interface bond0.107 on iot address 192.168.107.11 vlan 107 of bond0
              interface eth1
              interface eth1.30 on storage address 10.0.30.11 vlan 30 of eth1
            }
            """;

    @ParameterizedTest
    @ValueSource(strings = {"v1.10.7", "v1.11.5"})
    void vlansAreWrittenUnderTheirParent(String talos) throws Exception {
        Path v110 = EmitFixtures.projectDir().resolve("../shared/schemas/talos-config.v1.10.schema.json").normalize();
        assumeTrue(Files.isRegularFile(v110), "upstream schema not at " + v110);
        EmitFixtures.Run run = EmitFixtures.emitText(SPEC.replace("TALOS", talos), new SecretsBundleGenerator().generate(),
                new Renderer("test.hl"));
        assertFalse(run.failed(), run.findings());
        JsonNode config = MultiDocumentTest.docs(run, "k8s-1").get(0);
        JsonNode ifaces = config.at("/machine/network/interfaces");
        assertEquals(2, ifaces.size(), ifaces.toPrettyString());
        JsonNode bond = ifaces.get(0);
        assertEquals("bond0", bond.path("interface").asText());
        assertEquals(List.of("192.168.5.11/24"), MultiDocumentTest.texts(bond.path("addresses")));
        assertEquals(1, bond.path("vlans").size());
        JsonNode iot = bond.at("/vlans/0");
        assertEquals(107, iot.path("vlanId").asInt());
        assertEquals(List.of("192.168.107.11/24"), MultiDocumentTest.texts(iot.path("addresses")));
        assertFalse(iot.has("routes"), "the default route stays on the primary link");
        // eth1 has nothing of its own: an entry for its VLAN alone, with the network's MTU on the VLAN
        JsonNode eth1 = ifaces.get(1);
        assertEquals("eth1", eth1.path("interface").asText());
        assertFalse(eth1.has("addresses"));
        assertEquals(30, eth1.at("/vlans/0/vlanId").asInt());
        assertEquals(9000, eth1.at("/vlans/0/mtu").asInt());
        assertEquals(List.of("10.0.30.11/24"), MultiDocumentTest.texts(eth1.at("/vlans/0/addresses")));

        ObjectNode schema = (ObjectNode) new ObjectMapper().readTree(v110.toFile());
        schema.remove("oneOf");
        schema.put("$ref", "#/$defs/v1alpha1.Config");
        JsonSchema s = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
        assertEquals(Set.of(), s.validate(config));
    }
}

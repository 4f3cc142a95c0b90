package hlc.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import hlc.emit.EmitFixtures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A gateway and DNS server named by device ({@code gateway udm}) are the device's address on the network in
 * question. The nodes here live on `servers`, the device's second network: before the resolved model, their
 * default route and nameserver were the device's first address, on `lan`, which no node of `servers` reaches.
 */
class AddressOnNetworkTest {
    static final String SPEC = """
            network lan { cidr 192.168.5.0/24  gateway udm  dns [udm] }
            network servers { cidr 10.20.0.0/24  gateway udm  dns [udm] }
            device udm {
              kind gateway
              address 192.168.5.1 on lan
              address 10.20.0.1 on servers
            }
            cluster main {
              talos TALOS
              kubernetes v1.33.3
              vip 10.20.0.10 on servers
            }
            host cp-1 {
              role controlplane
              interface eth0 on servers address 10.20.0.11
            }
            """;

    @Test
    void classicConfigRoutesThroughTheGatewaysAddressOnTheNodesNetwork() {
        JsonNode config = EmitFixtures.emitClean(SPEC.replace("TALOS", "v1.10.7")).doc("talos/cp-1.yaml");
        JsonNode eth0 = config.at("/machine/network/interfaces/0");
        assertEquals("eth0", eth0.path("interface").asText());
        assertEquals("10.20.0.1", eth0.at("/routes/0/gateway").asText());
        assertEquals(List.of("10.20.0.1"), List.of(config.at("/machine/network/nameservers/0").asText()));
    }

    @Test
    void multiDocumentConfigRoutesThroughTheGatewaysAddressOnTheNodesNetwork() {
        List<JsonNode> docs = EmitFixtures.docs(EmitFixtures.emitClean(SPEC.replace("TALOS", "v1.12.0")).file("talos/cp-1.yaml"));
        JsonNode link = docs.stream().filter(d -> d.path("kind").asText().equals("LinkConfig")).findFirst().orElseThrow();
        assertEquals("10.20.0.1", link.at("/routes/0/gateway").asText());
        JsonNode resolver = docs.stream().filter(d -> d.path("kind").asText().equals("ResolverConfig")).findFirst().orElseThrow();
        assertEquals(List.of("10.20.0.1"), resolver.path("nameservers").findValuesAsText("address"));
    }

    @Test
    void resolvedModelAnswersPerNetwork() {
        var r = hlc.Compiler.checkText("t.hl", SPEC.replace("TALOS", "v1.10.7"));
        ResolvedSpec rs = r.resolved();
        var udm = rs.devices().get("udm");
        assertEquals("192.168.5.1", rs.addressOn(udm, "lan").text());
        assertEquals("10.20.0.1", rs.addressOn(udm, "servers").text());
        assertEquals(null, rs.addressOn(udm, "elsewhere"));
    }
}

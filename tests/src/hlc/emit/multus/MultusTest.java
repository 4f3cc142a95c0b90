package hlc.emit.multus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hlc.emit.EmitFixtures;
import hlc.emit.Renderer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The attachments of the cluster as it runs today, compared with its repository's own NetworkAttachmentDefinitions. */
class MultusTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static EmitFixtures.Run today;

    @BeforeAll
    static void compile() {
        today = EmitFixtures.emitFile(EmitFixtures.projectDir().resolve("spec/examples/home-ops-today.hl"),
                hlc.secrets.SecretsBundle.placeholder(), new Renderer("spec.hl"));
    }

    private static JsonNode config(String path) throws Exception {
        return JSON.readTree(today.doc(path).at("/spec/config").asText());
    }

    @Test
    void aVpnAttachmentRoutesThePublicRangesLikeTheRepositoryDoes() throws Exception {
        Path real = EmitFixtures.projectDir().resolve(
                "../shared/reference/repos/tscibilia-home-ops/kubernetes/apps/network/multus/networks/vpn.yaml").normalize();
        assumeTrue(Files.isRegularFile(real), "reference repository not at " + real);
        List<String> expected = new ArrayList<>();
        Matcher m = Pattern.compile("\"dst\": \"([0-9./]+)\"").matcher(Files.readString(real));
        while (m.find()) expected.add(m.group(1));
        assertEquals(31, expected.size());
        assertEquals(expected, PublicRanges.ipv4());

        JsonNode c = config("network/multus/media/qbittorrent-vpn.yaml");
        assertEquals("macvlan", c.path("type").asText());
        assertEquals("bond0.99", c.path("master").asText(), "the hosts' VLAN 99 link, as in the repository");
        assertEquals("static", c.at("/ipam/type").asText());
        assertEquals("192.168.99.99/24", c.at("/ipam/addresses/0/address").asText());
        assertEquals("192.168.99.1", c.at("/ipam/addresses/0/gateway").asText());
        assertEquals(31, c.at("/ipam/routes").size());
        assertEquals("192.168.99.1", c.at("/ipam/routes/0/gw").asText());
    }

    @Test
    void anIotAttachmentHasTheAppsAddressAndTheNetworksGatewayWithoutRoutes() throws Exception {
        JsonNode c = config("network/multus/home-automation/home-assistant-iot.yaml");
        assertEquals("bond0.107", c.path("master").asText());
        assertEquals("192.168.107.50/24", c.at("/ipam/addresses/0/address").asText());
        assertEquals("192.168.107.1", c.at("/ipam/addresses/0/gateway").asText());
        assertEquals(true, c.at("/ipam/routes").isMissingNode(), "the pod's default route stays the cluster's");
        assertEquals("home-automation", today.doc("network/multus/home-automation/home-assistant-iot.yaml").at("/metadata/namespace").asText());
    }

    @Test
    void theAppsKustomizationNamesItsAttachment() {
        JsonNode ks = today.appKustomizations().get("home-automation/home-assistant");
        assertEquals("home-assistant-iot", ks.at("/spec/postBuild/substitute/MULTUS_IOT").asText());
    }
}

package hlc.emit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rook's values are validated as the CephCluster the chart renders from them, so a wrong value fails the compile. */
class HelmValuesTest {
    private static final EmitFixtures.Run RUN = EmitFixtures.emitFile(EmitFixtures.realSpec(),
            hlc.secrets.SecretsBundle.placeholder(), new Renderer("spec/homelab.hl"));

    private static ObjectNode values() {
        return (ObjectNode) RUN.doc("rook/rook-ceph-cluster-values.yaml");
    }

    @Test
    void theValuesOfTheRealSpecAreAValidCephCluster() {
        List<HelmValues.Embedded> e = HelmValues.embedded(values());
        assertEquals(1, e.size());
        JsonNode cluster = e.get(0).document();
        assertEquals("rook-ceph", cluster.at("/metadata/namespace").asText());
        assertEquals("host", cluster.at("/spec/network/provider").asText());
        assertEquals(List.of(), new SchemaCatalog().validate(e.get(0).schema(), cluster));
    }

    @Test
    void aWrongProviderOrAMisspelledFieldIsRejected() {
        ObjectNode doc = values().deepCopy();
        String text = doc.path("data").path(HelmValues.KEY).asText();
        SchemaCatalog schemas = new SchemaCatalog();
        for (String broken : List.of(text.replace("provider: \"host\"", "provider: \"hosts\""),
                text.replace("useAllNodes", "useAllNode"), text.replace("- \"192.168.5.0/24\"", "- \"192.168.5.0\""))) {
            ((ObjectNode) doc.path("data")).put(HelmValues.KEY, broken);
            List<HelmValues.Embedded> e = HelmValues.embedded(doc);
            assertFalse(schemas.validate(e.get(0).schema(), e.get(0).document()).isEmpty(), broken);
        }
    }

    @Test
    void otherConfigMapsCarryNoResource() {
        assertTrue(HelmValues.embedded(RUN.doc("flux/cluster/cluster-settings.yaml")).isEmpty());
    }
}

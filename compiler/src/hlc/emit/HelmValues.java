package hlc.emit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * Helm values that hlc writes for a chart to read through a HelmRelease's {@code valuesFrom} (a ConfigMap with a
 * {@code values.yaml} key), when part of them is the spec of a resource the chart renders as is. The chart's
 * values have no schema of their own, so that part is validated as the resource the chart will make of it:
 * {@code cephClusterSpec} of the rook-ceph-cluster chart becomes the {@code spec} of its CephCluster.
 */
public final class HelmValues {
    public static final String KEY = "values.yaml";
    private static final ObjectMapper YAML = new YAMLMapper();

    private HelmValues() {}

    /** A resource to validate: the schema's name in {@link SchemaCatalog} and the document. */
    public record Embedded(String schema, String what, JsonNode document) {}

    /**
     * The schemas of the resources embedded in the values a template writes, by the key that holds each (the
     * renderer's warm-up compiles them ahead, see ExpectedSchemas).
     */
    static List<String> schemasOf(String templateText) {
        return templateText.contains("cephClusterSpec") ? List.of("rook-cephcluster") : List.of();
    }

    /** The resources rendered from a values ConfigMap, or none for any other document. */
    public static List<Embedded> embedded(JsonNode doc) {
        List<Embedded> out = new ArrayList<>();
        if (!"v1".equals(doc.path("apiVersion").asText()) || !"ConfigMap".equals(doc.path("kind").asText())) return out;
        JsonNode text = doc.path("data").path(KEY);
        if (!text.isTextual()) return out;
        JsonNode values;
        try {
            values = YAML.readTree(text.asText());
        } catch (Exception e) {
            return out; // not values hlc knows; the ConfigMap's own schema has already passed
        }
        if (values != null && values.has("cephClusterSpec")) {
            ObjectNode cluster = YAML.createObjectNode();
            cluster.put("apiVersion", "ceph.rook.io/v1");
            cluster.put("kind", "CephCluster");
            ObjectNode meta = cluster.putObject("metadata");
            meta.put("name", doc.path("metadata").path("namespace").asText());
            meta.put("namespace", doc.path("metadata").path("namespace").asText());
            cluster.set("spec", values.get("cephClusterSpec"));
            out.add(new Embedded("rook-cephcluster", "cephClusterSpec as a CephCluster", cluster));
        }
        return out;
    }
}

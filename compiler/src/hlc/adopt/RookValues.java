package hlc.adopt;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * What the rook-ceph-cluster HelmRelease's values say about pools: each of {@code cephBlockPools},
 * {@code cephFileSystems} and {@code cephObjectStores} with its replicas, failure domain and compression, and
 * the StorageClass each one creates. Not yet spec words: a {@code ceph} block's pools are checked against the
 * hosts' OSDs (HL040), which the repository gives as a device filter over all nodes, not per host, so the import
 * states each pool and class in a comment of its own for the user to write the {@code ceph} and
 * {@code storage-class} blocks from.
 */
final class RookValues {
    final List<String> unsaid = new ArrayList<>();

    RookValues(FluxTree tree) {
        for (YamlDoc d : tree.manifests()) {
            JsonNode n = d.node();
            if (!n.path("kind").asText().equals("HelmRelease")) continue;
            JsonNode v = n.at("/spec/values");
            if (!v.has("cephClusterSpec") && !v.has("cephBlockPools")) continue;
            pools(d, v.path("cephBlockPools"), "block pool", "cephBlockPools");
            pools(d, v.path("cephFileSystems"), "filesystem", "cephFileSystems");
            pools(d, v.path("cephObjectStores"), "object store", "cephObjectStores");
        }
    }

    private void pools(YamlDoc d, JsonNode list, String what, String key) {
        for (JsonNode p : list) {
            String name = p.path("name").asText("?");
            JsonNode spec = p.path("spec");
            JsonNode settings = spec.has("replicated") || spec.has("failureDomain") ? spec
                    : spec.at("/dataPools/0").isObject() ? spec.at("/dataPools/0") : spec.path("dataPool");
            List<String> facts = new ArrayList<>();
            if (settings.at("/replicated/size").isNumber()) facts.add("replicas " + settings.at("/replicated/size").asInt());
            if (settings.path("failureDomain").isTextual()) facts.add("failure-domain " + settings.path("failureDomain").asText());
            JsonNode sc = p.path("storageClass");
            String cm = sc.at("/parameters/compression_mode").asText(null), ca = sc.at("/parameters/compression_algorithm").asText(null);
            if (cm != null && ca != null) facts.add("compression " + cm + " " + ca);
            String klass = "";
            if (sc.path("enabled").asBoolean(false) && sc.path("name").isTextual()) {
                List<String> c = new ArrayList<>();
                if (sc.path("isDefault").asBoolean(false)) c.add("default");
                if (sc.path("allowVolumeExpansion").asBoolean(false)) c.add("expandable");
                if (sc.path("reclaimPolicy").isTextual()) c.add("reclaim " + sc.path("reclaimPolicy").asText().toLowerCase());
                if (sc.path("volumeBindingMode").isTextual()) {
                    c.add("binding " + sc.path("volumeBindingMode").asText().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase());
                }
                sc.path("mountOptions").forEach(m -> c.add("mount-option \"" + m.asText() + "\""));
                klass = "; its storage class " + sc.path("name").asText() + (c.isEmpty() ? "" : " (" + String.join(", ", c) + ")");
            }
            unsaid.add("Rook " + what + " " + name + (facts.isEmpty() ? "" : " (" + String.join(", ", facts) + ")") + klass
                    + " (" + d.where(key) + "): write it in a `ceph` block once the hosts have their `osd` lines");
        }
    }

    void write(SpecText t) {
        if (unsaid.isEmpty()) return;
        t.blank();
        for (String u : unsaid) t.notImported(0, u);
    }
}

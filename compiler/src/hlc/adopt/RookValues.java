package hlc.adopt;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the rook-ceph-cluster HelmRelease's values say, as the spec's {@code ceph} block and the storage classes
 * its pools make: {@code cephClusterSpec.storage} (every node with a device filter, {@code useAllNodes} with
 * {@code devicePathFilter} or {@code deviceFilter}, becomes {@code osd-filter}), each of {@code cephBlockPools},
 * {@code cephFileSystems} and {@code cephObjectStores} with its replicas, failure domain and compression, and the
 * StorageClass each one creates. What the block cannot say (per-node device lists, every device of every node,
 * a pool's other settings, a class's other parameters) is a comment naming the file and line.
 */
final class RookValues {
    private final List<Release> releases = new ArrayList<>();

    /** One rook-ceph-cluster release: its document and values, and the namespace Rook runs in. */
    private record Release(YamlDoc doc, JsonNode values, String namespace) {}

    RookValues(FluxTree tree) {
        for (YamlDoc d : tree.manifests()) {
            JsonNode n = d.node();
            if (!n.path("kind").asText().equals("HelmRelease")) continue;
            JsonNode v = n.at("/spec/values");
            if (!v.has("cephClusterSpec") && !v.has("cephBlockPools")) continue;
            String ns = n.at("/metadata/namespace").asText("rook-ceph");
            if (!SpecText.isName(ns)) ns = "rook-ceph";
            releases.add(new Release(d, v, ns));
        }
    }

    /** The ceph blocks, then their storage classes, at the top level of the root file. */
    void write(SpecText t, java.util.Map<String, String> networks) {
        for (Release r : releases) {
            t.blank();
            t.line(0, "ceph " + r.namespace() + " {");
            network(t, r, networks);
            storage(t, r);
            for (JsonNode p : r.values().path("cephBlockPools")) pool(t, r, p, "pool", "cephBlockPools");
            for (JsonNode p : r.values().path("cephFileSystems")) pool(t, r, p, "filesystem", "cephFileSystems");
            for (JsonNode p : r.values().path("cephObjectStores")) pool(t, r, p, "object-store", "cephObjectStores");
            t.line(0, "}");
            for (JsonNode p : r.values().path("cephBlockPools")) storageClass(t, r, p, "ceph", "cephBlockPools");
            for (JsonNode p : r.values().path("cephFileSystems")) storageClass(t, r, p, "cephfs", "cephFileSystems");
            for (JsonNode p : r.values().path("cephObjectStores")) storageClass(t, r, p, "bucket", "cephObjectStores");
        }
    }

    /**
     * Rook's host network with one public and one cluster range, each a network of the spec (by its CIDR), is
     * {@code public-network}/{@code cluster-network}, which hlc writes that way; any other network setting a comment.
     */
    private static void network(SpecText t, Release r, java.util.Map<String, String> networks) {
        JsonNode net = r.values().at("/cephClusterSpec/network");
        if (net.isMissingNode()) return;
        String pub = one(net.at("/addressRanges/public")), cluster = one(net.at("/addressRanges/cluster"));
        String pubNet = nameOf(networks, pub), clusterNet = nameOf(networks, cluster);
        boolean host = net.path("provider").asText("").equals("host");
        if (host && pubNet != null && (cluster == null || clusterNet != null)) {
            t.line(1, "public-network " + pubNet);
            if (clusterNet != null) t.line(1, "cluster-network " + clusterNet);
        } else if (net.has("provider") || net.has("addressRanges")) {
            t.notImported(1, "Rook network (" + r.doc().where("network") + "): hlc writes the host network with the public"
                    + " and cluster networks' CIDRs");
        }
        net.fieldNames().forEachRemaining(k -> {
            if (!k.equals("provider") && !k.equals("addressRanges")) t.notImported(1, "Rook network." + k + " (" + r.doc().where(k) + ")");
        });
    }

    private static String one(JsonNode list) {
        return list.isArray() && list.size() == 1 ? list.get(0).asText() : null;
    }

    private static String nameOf(java.util.Map<String, String> networks, String cidr) {
        if (cidr == null) return null;
        return networks.entrySet().stream().filter(e -> e.getValue().equals(cidr)).map(java.util.Map.Entry::getKey).sorted().findFirst().orElse(null);
    }

    /** Where the OSDs are: every node by one filter is {@code osd-filter}; anything else the hosts' own lines. */
    private static void storage(SpecText t, Release r) {
        JsonNode s = r.values().at("/cephClusterSpec/storage");
        String filter = filter(s);
        if (filter != null) {
            t.line(1, "osd-filter " + SpecText.quote(filter));
        } else if (!s.isMissingNode()) {
            t.notImported(1, "Rook storage (" + r.doc().where("storage") + "): OSDs other than every node by one device filter;"
                    + " give each host its `osd` lines");
        }
        if (filter == null) return;
        s.fieldNames().forEachRemaining(k -> {
            if (!List.of("useAllNodes", "useAllDevices", "devicePathFilter", "deviceFilter").contains(k)) {
                t.notImported(1, "Rook storage." + k + " (" + r.doc().where(k) + ")");
            }
        });
    }

    /** The filter of {@code useAllNodes: true, useAllDevices: false} with one device filter; null otherwise. */
    static String filter(JsonNode storage) {
        if (!storage.path("useAllNodes").asBoolean(false) || storage.path("useAllDevices").asBoolean(false)) return null;
        if (storage.has("nodes") && !storage.path("nodes").isEmpty()) return null;
        boolean path = storage.path("devicePathFilter").isTextual(), name = storage.path("deviceFilter").isTextual();
        if (path == name) return null;
        String f = path ? storage.path("devicePathFilter").asText() : storage.path("deviceFilter").asText();
        // the spec tells the two apart by a slash: a path filter has one, a device name never does
        return f.isBlank() || hlc.model.Ceph.isPathFilter(f) != path ? null : f;
    }

    /** The settings a pool, filesystem or object store is made with: its data pool's (Rook makes both from one). */
    static JsonNode settings(JsonNode p) {
        JsonNode spec = p.path("spec");
        if (spec.has("replicated") || spec.has("failureDomain")) return spec;
        if (spec.at("/dataPools/0").isObject()) return spec.at("/dataPools/0");
        return spec.path("dataPool");
    }

    /** compression mode and algorithm: the pool's parameters, else its class's (where the chart's examples put them). */
    static String[] compression(JsonNode p) {
        JsonNode params = settings(p).path("parameters");
        JsonNode sc = p.at("/storageClass/parameters");
        String mode = params.path("compression_mode").asText(sc.path("compression_mode").asText(null));
        String algo = params.path("compression_algorithm").asText(sc.path("compression_algorithm").asText(null));
        return mode != null && algo != null ? new String[]{mode, algo} : null;
    }

    private static void pool(SpecText t, Release r, JsonNode p, String word, String key) {
        String name = p.path("name").asText("");
        if (!SpecText.isName(name)) {
            t.notImported(1, "Rook " + key + " entry " + name + " (" + r.doc().where(key) + "): a name the language cannot spell");
            return;
        }
        JsonNode s = settings(p);
        t.line(1, word + " " + name + " {");
        if (s.at("/replicated/size").isInt()) t.line(2, "replicas " + s.at("/replicated/size").asInt());
        if (s.path("failureDomain").isTextual() && SpecText.isName(s.path("failureDomain").asText())) {
            t.line(2, "failure-domain " + s.path("failureDomain").asText());
        }
        String[] c = compression(p);
        if (c != null && SpecText.isName(c[0]) && SpecText.isName(c[1])) t.line(2, "compression " + c[0] + " " + c[1]);
        t.line(1, "}");
    }

    private static void storageClass(SpecText t, Release r, JsonNode p, String backend, String key) {
        JsonNode sc = p.path("storageClass");
        String pool = p.path("name").asText("");
        if (!sc.path("enabled").asBoolean(false) || !SpecText.isName(pool)) return;
        String name = sc.path("name").asText("");
        if (!SpecText.isName(name)) {
            t.notImported(0, "storage class " + name + " of Rook " + key + " " + pool + " (" + r.doc().where(key) + ")");
            return;
        }
        t.blank();
        t.line(0, "storage-class " + name + " {");
        t.line(1, backend + " " + pool);
        if (sc.path("isDefault").asBoolean(false)) t.line(1, "default");
        if (sc.path("allowVolumeExpansion").asBoolean(false)) t.line(1, "expandable");
        String reclaim = sc.path("reclaimPolicy").asText("Delete").toLowerCase(Locale.ROOT);
        if (SpecText.isName(reclaim)) t.line(1, "reclaim " + reclaim);
        String binding = sc.path("volumeBindingMode").asText("Immediate");
        t.line(1, "binding " + (binding.equals("WaitForFirstConsumer") ? "wait-for-first-consumer" : "immediate"));
        for (JsonNode m : sc.path("mountOptions")) t.line(1, "mount-option " + SpecText.quote(m.asText()));
        String fs = sc.at("/parameters/csi.storage.k8s.io~1fstype").asText(null);
        if (fs != null && SpecText.isName(fs) && backend.equals("ceph")) t.line(1, "filesystem " + fs);
        t.line(0, "}");
    }
}

package hlc.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import hlc.Compiler;
import hlc.emit.StorageEmitter;
import hlc.emit.rook.RookEmitter;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Rook's side of the round trip: what the rook-ceph-cluster HelmRelease's values say of the cluster's network,
 * its OSDs, its pools, filesystems and object stores and the storage classes they make, against the same facts
 * of what {@code hlc compile} writes (the cluster values ConfigMap, the CephBlockPools, CephFilesystems,
 * CephObjectStores and StorageClasses). One fact a line: {@code ceph rook-ceph storage useAllNodes true},
 * {@code ceph rook-ceph pool ceph-blockpool replicas 3}, {@code storageclass ceph-block rbd ceph-blockpool}.
 */
public final class CephRoundTrip {
    private CephRoundTrip() {}

    private static final com.fasterxml.jackson.databind.ObjectMapper YAML =
            new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());

    /** The facts of every rook-ceph-cluster release of the tree. */
    public static TreeSet<String> repositoryFacts(FluxTree tree) {
        TreeSet<String> f = new TreeSet<>();
        for (YamlDoc d : tree.manifests()) {
            JsonNode n = d.node();
            JsonNode v = n.at("/spec/values");
            if (!n.path("kind").asText().equals("HelmRelease") || (!v.has("cephClusterSpec") && !v.has("cephBlockPools"))) continue;
            String ns = n.at("/metadata/namespace").asText("rook-ceph");
            cluster(f, ns, v.path("cephClusterSpec"));
            for (JsonNode p : v.path("cephBlockPools")) pool(f, ns, "pool", p.path("name").asText(), RookValues.settings(p), RookValues.compression(p));
            for (JsonNode p : v.path("cephFileSystems")) pool(f, ns, "filesystem", p.path("name").asText(), RookValues.settings(p), RookValues.compression(p));
            for (JsonNode p : v.path("cephObjectStores")) pool(f, ns, "object-store", p.path("name").asText(), RookValues.settings(p), RookValues.compression(p));
            for (JsonNode p : v.path("cephBlockPools")) chartClass(f, p, "rbd");
            for (JsonNode p : v.path("cephFileSystems")) chartClass(f, p, "cephfs");
        }
        return f;
    }

    /** The same facts of what the spec compiles to (nothing when it does not check far enough to have a model). */
    public static TreeSet<String> compiledFacts(Compiler.Result checked, Path rootSpec) {
        TreeSet<String> f = new TreeSet<>();
        if (checked.resolved() == null) return f;
        for (EmittedDocuments.Document doc : EmittedDocuments.of(checked.resolved(), rootSpec, List.of(new RookEmitter(), new StorageEmitter()))) {
            JsonNode d = doc.node();
            String kind = d.path("kind").asText(), name = d.at("/metadata/name").asText(), ns = d.at("/metadata/namespace").asText();
            switch (kind) {
                case "ConfigMap" -> {
                    if (!name.equals(RookEmitter.CONFIGMAP)) continue;
                    try {
                        cluster(f, ns, YAML.readTree(d.at("/data/values.yaml").asText()).path("cephClusterSpec"));
                    } catch (java.io.IOException e) {
                        f.add("ceph " + ns + " values unreadable");
                    }
                }
                case "CephBlockPool" -> pool(f, ns, "pool", name, d.path("spec"), compression(d.at("/spec/parameters")));
                case "CephFilesystem" -> pool(f, ns, "filesystem", name, d.at("/spec/dataPools/0"), compression(d.at("/spec/dataPools/0/parameters")));
                case "CephObjectStore" -> pool(f, ns, "object-store", name, d.path("spec").path("dataPool"), compression(d.at("/spec/dataPool/parameters")));
                case "StorageClass" -> compiledClass(f, d);
                default -> { }
            }
        }
        return f;
    }

    private static String[] compression(JsonNode params) {
        String m = params.path("compression_mode").asText(null), a = params.path("compression_algorithm").asText(null);
        return m != null && a != null ? new String[]{m, a} : null;
    }

    /** Where the OSDs are and which network Ceph uses. */
    private static void cluster(TreeSet<String> f, String ns, JsonNode spec) {
        String k = "ceph " + ns + " ";
        JsonNode net = spec.path("network");
        f.add(k + "network provider " + net.path("provider").asText("(pod network)"));
        for (JsonNode r : net.at("/addressRanges/public")) f.add(k + "network public " + r.asText());
        for (JsonNode r : net.at("/addressRanges/cluster")) f.add(k + "network cluster " + r.asText());
        JsonNode s = spec.path("storage");
        f.add(k + "storage useAllNodes " + s.path("useAllNodes").asBoolean(false));
        f.add(k + "storage useAllDevices " + s.path("useAllDevices").asBoolean(false));
        if (s.path("devicePathFilter").isTextual()) f.add(k + "storage devicePathFilter " + s.path("devicePathFilter").asText());
        if (s.path("deviceFilter").isTextual()) f.add(k + "storage deviceFilter " + s.path("deviceFilter").asText());
        for (JsonNode node : s.path("nodes")) {
            String nk = k + "storage node " + node.path("name").asText();
            if (node.path("devicePathFilter").isTextual()) f.add(nk + " devicePathFilter " + node.path("devicePathFilter").asText());
            for (JsonNode dev : node.path("devices")) f.add(nk + " device " + dev.path("name").asText());
        }
    }

    /** A pool's copies: replicas (Rook's default 3), failure domain (default host) and compression. */
    private static void pool(TreeSet<String> f, String ns, String what, String name, JsonNode s, String[] compression) {
        String k = "ceph " + ns + " " + what + " " + name + " ";
        f.add(k + "replicas " + s.at("/replicated/size").asInt(3));
        f.add(k + "failureDomain " + s.path("failureDomain").asText("host"));
        if (compression != null) f.add(k + "compression " + compression[0] + "/" + compression[1]);
    }

    private static void chartClass(TreeSet<String> f, JsonNode p, String backend) {
        JsonNode sc = p.path("storageClass");
        if (!sc.path("enabled").asBoolean(false)) return;
        String target = p.path("name").asText();
        classFacts(f, sc.path("name").asText(), backend + " " + target, sc.path("isDefault").asBoolean(false),
                sc.path("allowVolumeExpansion").asBoolean(false), sc.path("reclaimPolicy").asText("Delete"),
                sc.path("volumeBindingMode").asText("Immediate"), sc.path("mountOptions"));
    }

    private static void compiledClass(TreeSet<String> f, JsonNode d) {
        String prov = d.path("provisioner").asText();
        String backend;
        if (prov.endsWith(".rbd.csi.ceph.com")) backend = "rbd " + d.at("/parameters/pool").asText();
        else if (prov.endsWith(".cephfs.csi.ceph.com")) backend = "cephfs " + d.at("/parameters/fsName").asText();
        else return;
        boolean isDefault = d.at("/metadata/annotations").path("storageclass.kubernetes.io/is-default-class").asText("false").equals("true");
        classFacts(f, d.at("/metadata/name").asText(), backend, isDefault, d.path("allowVolumeExpansion").asBoolean(false),
                d.path("reclaimPolicy").asText("Delete"), d.path("volumeBindingMode").asText("Immediate"), d.path("mountOptions"));
    }

    static void classFacts(TreeSet<String> f, String name, String backend, boolean isDefault, boolean expandable,
                                   String reclaim, String binding, JsonNode mountOptions) {
        String k = "storageclass " + name + " ";
        f.add(k + backend);
        f.add(k + "default " + isDefault);
        f.add(k + "expandable " + expandable);
        f.add(k + "reclaim " + reclaim.toLowerCase(Locale.ROOT));
        f.add(k + "binding " + binding);
        for (JsonNode m : mountOptions) f.add(k + "mountOption " + m.asText());
    }
}

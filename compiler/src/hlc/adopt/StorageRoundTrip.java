package hlc.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import hlc.Compiler;
import hlc.emit.StorageEmitter;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The storage classes outside Rook's values on both sides of the round trip: what the repository's StorageClass
 * manifests and chart values say ({@link StorageClassImport}) against the StorageClasses {@code hlc compile}
 * writes for the same provisioners. One fact a line, as {@link CephRoundTrip} gives Rook's classes:
 * {@code storageclass nfs-share provisioner nfs.csi.k8s.io}, {@code storageclass nfs-share parameter share
 * /mnt/nas/data/shares/k8s}, {@code storageclass nfs-share reclaim delete}. Both sides apply a class of one name,
 * so they must say the same: a StorageClass's provisioner, parameters, reclaim policy and binding mode cannot be
 * changed once it exists.
 */
public final class StorageRoundTrip {
    private StorageRoundTrip() {}

    /** The parameters hlc's words decide, by provisioner (the others are the backend's own, or comments). */
    private static final Map<String, List<String>> COMPARED = Map.of(
            "nfs.csi.k8s.io", List.of("server", "share"),
            "driver.longhorn.io", List.of("numberOfReplicas", "dataLocality", "fsType"),
            "zfs.csi.openebs.io", List.of("poolname", "fstype"),
            "openebs.io/local", List.of("BasePath"),
            "kubernetes.io/no-provisioner", List.of());

    /** The facts of every class of the tree the import understands, wherever its volumes or server are. */
    public static TreeSet<String> repositoryFacts(FluxTree tree) {
        TreeSet<String> f = new TreeSet<>();
        for (StorageClassImport.ClassFacts c : new StorageClassImport(tree, h -> true, a -> "any").facts()) facts(f, c);
        return f;
    }

    /** The same facts of the StorageClasses the spec compiles to, for the provisioners above. */
    public static TreeSet<String> compiledFacts(Compiler.Result checked, Path rootSpec) {
        TreeSet<String> f = new TreeSet<>();
        if (checked.resolved() == null) return f;
        for (EmittedDocuments.Document doc : EmittedDocuments.of(checked.resolved(), rootSpec, List.of(new StorageEmitter()))) {
            JsonNode d = doc.node();
            String prov = d.path("provisioner").asText();
            if (!d.path("kind").asText().equals("StorageClass") || !COMPARED.containsKey(prov)) continue;
            Map<String, String> params = new TreeMap<>();
            d.path("parameters").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
            if (prov.equals("openebs.io/local")) {
                String base = StorageClassImport.openebsBasePath(d.at("/metadata/annotations").path("cas.openebs.io/config").asText(""));
                if (base != null) params.put("BasePath", base);
            }
            List<String> mounts = new java.util.ArrayList<>();
            d.path("mountOptions").forEach(m -> mounts.add(m.asText()));
            facts(f, new StorageClassImport.ClassFacts(d.at("/metadata/name").asText(), prov, params,
                    d.at("/metadata/annotations").path(StorageClassImport.DEFAULT_ANNOTATION).asText("false").equals("true"),
                    d.path("allowVolumeExpansion").asBoolean(false), d.path("reclaimPolicy").asText("Delete"),
                    d.path("volumeBindingMode").asText("Immediate"), mounts));
        }
        return f;
    }

    private static void facts(TreeSet<String> f, StorageClassImport.ClassFacts c) {
        CephRoundTrip.classFacts(f, c.name(), "provisioner " + c.provisioner(), c.isDefault(), c.expandable(), c.reclaim(), c.binding(),
                new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(c.mountOptions()));
        for (String k : COMPARED.getOrDefault(c.provisioner(), List.of())) {
            String v = c.parameters().get(k);
            if (v != null) f.add("storageclass " + c.name() + " parameter " + k + " " + v);
        }
    }
}

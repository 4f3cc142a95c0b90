package hlc.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The storage classes of the Flux tree outside Rook's values ({@link RookValues} reads those): StorageClass
 * manifests, and the classes charts create from their values (OpenEBS's {@code localpv-provisioner.hostpathClass},
 * csi-driver-nfs's {@code storageClass}, Longhorn's {@code persistence}). Each provisioner the language has a word
 * for becomes a {@code storage-class}: OpenEBS hostpath ({@code hostpath "/path"}), csi-driver-nfs ({@code nfs
 * EXPORT on DEVICE}, the server declared as a NAS device with that export), no provisioner with hand-made
 * PersistentVolumes on one node ({@code static on HOST}), Longhorn and OpenEBS ZFS LocalPV. A class of any other
 * provisioner, or one the words cannot say exactly, stays a comment naming the file and line and why.
 *
 * <p>What each class says is also a set of facts ({@link #facts()}) for the round trip, compared with the
 * StorageClasses {@code hlc compile} writes ({@link StorageRoundTrip}).
 */
final class StorageClassImport {
    /** A class the language can say: its spec lines, and the facts the cluster has of it. */
    record Imported(String name, List<String> lines, ClassFacts facts) {}

    /** What a StorageClass says that hlc's words decide: the round trip compares these. */
    record ClassFacts(String name, String provisioner, Map<String, String> parameters, boolean isDefault,
                      boolean expandable, String reclaim, String binding, List<String> mountOptions) {}

    static final String DEFAULT_ANNOTATION = "storageclass.kubernetes.io/is-default-class";

    final List<Imported> classes = new ArrayList<>();
    /** Classes (and their parts) the language cannot say, with the reason: comments beside the classes. */
    final List<String> unsaid = new ArrayList<>();
    /** NFS servers by device name: the lines of their {@code device} blocks. */
    private final Map<String, List<String>> devices = new TreeMap<>();
    private final java.util.function.Predicate<String> isHost;
    private final java.util.function.Function<IPAddress, String> networkOf;
    private final List<YamlDoc> volumes = new ArrayList<>();

    /**
     * @param isHost    whether a node name is a host of the imported spec (a static class's volumes must be on one)
     * @param networkOf the network of the imported spec holding an address, or null (an NFS server given by
     *                  address must be on one)
     */
    StorageClassImport(FluxTree tree, java.util.function.Predicate<String> isHost, java.util.function.Function<IPAddress, String> networkOf) {
        this.isHost = isHost;
        this.networkOf = networkOf;
        for (YamlDoc d : tree.manifests()) {
            if (d.node().path("kind").asText().equals("PersistentVolume")) volumes.add(d);
        }
        for (YamlDoc d : tree.manifests()) {
            JsonNode n = d.node();
            String kind = n.path("kind").asText();
            if (kind.equals("StorageClass") && n.path("apiVersion").asText().startsWith("storage.k8s.io/")) manifest(d);
            else if (kind.equals("HelmRelease")) release(d, n.at("/spec/values"));
        }
    }

    /** The facts of every class imported, for the round trip. */
    List<ClassFacts> facts() {
        return classes.stream().map(Imported::facts).toList();
    }

    /** The NAS devices the NFS classes name, then the classes, then what stays a comment, at the top level. */
    void write(SpecText t) {
        devices.forEach((name, lines) -> {
            t.blank();
            t.line(0, "device " + name + " {");
            for (String l : lines) t.line(1, l);
            t.line(0, "}");
        });
        for (Imported c : classes) {
            t.blank();
            t.line(0, "storage-class " + c.name() + " {");
            for (String l : c.lines()) {
                if (l.startsWith("// ")) t.notImported(1, l.substring(3));
                else t.line(1, l);
            }
            t.line(0, "}");
        }
        if (!unsaid.isEmpty()) t.blank();
        for (String u : unsaid) t.notImported(0, u);
    }

    // ------------------------------------------------------------------ StorageClass manifests

    private void manifest(YamlDoc d) {
        JsonNode n = d.node();
        String name = n.at("/metadata/name").asText();
        String prov = n.path("provisioner").asText();
        JsonNode params = n.path("parameters");
        String where = d.where("provisioner");
        boolean isDefault = n.at("/metadata/annotations").path(DEFAULT_ANNOTATION).asText("false").equals("true");
        Settings s = new Settings(isDefault, n.path("allowVolumeExpansion").asBoolean(false), n.path("reclaimPolicy").asText("Delete"),
                n.path("volumeBindingMode").asText("Immediate"), strings(n.path("mountOptions")));
        if (!SpecText.isName(name)) {
            unsaid.add("storage class " + name + " (" + where + "): the language cannot spell its name");
            return;
        }
        switch (prov) {
            case "openebs.io/local" -> {
                String base = openebsBasePath(n.at("/metadata/annotations").path("cas.openebs.io/config").asText(""));
                if (base == null) {
                    unsaid.add("storage class " + name + " (" + where + "): an OpenEBS LocalPV class that is not a hostpath one (its cas.openebs.io/config StorageType)");
                    return;
                }
                add(name, "hostpath " + SpecText.quote(base), prov, Map.of("BasePath", base), s, List.of());
            }
            case "kubernetes.io/no-provisioner" -> staticClass(d, name, s);
            case "nfs.csi.k8s.io" -> nfs(name, params.path("server").asText(null), params.path("share").asText(null), s, where, otherParameters(params, "server", "share"));
            case "driver.longhorn.io" -> longhorn(name, params.path("numberOfReplicas").asText("3"), params.path("dataLocality").asText("disabled"),
                    params.path("fsType").asText(null), s, where, otherParameters(params, "numberOfReplicas", "dataLocality", "fsType", "staleReplicaTimeout"));
            case "zfs.csi.openebs.io" -> zfs(d, name, params, s, where);
            case "rancher.io/local-path" -> unsaid.add("storage class " + name + " (" + where + "): local-path-provisioner keeps its node paths in its own ConfigMap; hlc's `hostpath` is OpenEBS LocalPV's");
            default -> {
                if (prov.endsWith(".rbd.csi.ceph.com") || prov.endsWith(".cephfs.csi.ceph.com")) {
                    unsaid.add("storage class " + name + " (" + where + "): a Ceph class outside Rook's cluster chart values, which are where the import reads Ceph's pools");
                } else if (prov.startsWith("org.democratic-csi.")) {
                    unsaid.add("storage class " + name + " (" + where + "): democratic-csi's NAS and share are in its chart's driver config, not in the class");
                } else {
                    unsaid.add("storage class " + name + " (" + where + "): the language has no word for the provisioner " + prov);
                }
            }
        }
    }

    /** The BasePath of an OpenEBS LocalPV class's config (a YAML list of name/value), if it is a hostpath one. */
    static String openebsBasePath(String config) {
        String type = null, base = null;
        String[] lines = config.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (!l.startsWith("- name:") && !l.startsWith("name:")) continue;
            String key = l.substring(l.indexOf(':') + 1).strip();
            String value = i + 1 < lines.length && lines[i + 1].strip().startsWith("value:")
                    ? unquote(lines[i + 1].strip().substring(6).strip()) : null;
            if (key.equals("StorageType")) type = value;
            if (key.equals("BasePath")) base = value;
        }
        return "hostpath".equals(type) && base != null ? base : null;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && (s.startsWith("\"") || s.startsWith("'")) ? s.substring(1, s.length() - 1) : s;
    }

    /**
     * No provisioner: hand-made PersistentVolumes of the class. {@code static on HOST} says they are on one node
     * (their node affinity on {@code kubernetes.io/hostname}); volumes on several nodes, or none, cannot be said.
     */
    private void staticClass(YamlDoc d, String name, Settings s) {
        Set<String> on = new java.util.TreeSet<>();
        List<String> sizes = new ArrayList<>();
        for (YamlDoc v : volumes) {
            JsonNode pv = v.node();
            if (!pv.at("/spec/storageClassName").asText().equals(name)) continue;
            for (JsonNode term : pv.at("/spec/nodeAffinity/required/nodeSelectorTerms")) {
                for (JsonNode e : term.path("matchExpressions")) {
                    if (e.path("key").asText().equals("kubernetes.io/hostname")) e.path("values").forEach(h -> on.add(h.asText()));
                }
            }
            sizes.add(pv.at("/spec/capacity/storage").asText(""));
        }
        String where = d.where("provisioner");
        if (on.size() != 1 || !isHost.test(on.iterator().next())) {
            unsaid.add("storage class " + name + " (" + where + "): no provisioner, and its PersistentVolumes are "
                    + (on.isEmpty() ? "not in the repository or name no node" : "on " + String.join(", ", on)) + ": `static on HOST` is one host of the spec");
            return;
        }
        String size = sizes.size() == 1 ? size(sizes.get(0)) : null;
        add(name, "static on " + on.iterator().next() + (size != null ? " size " + size : ""), "kubernetes.io/no-provisioner", Map.of(), s, List.of());
    }

    /** A Kubernetes quantity as the language's size ({@code 900Gi} → {@code 900GiB}), or null. */
    static String size(String q) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)(Ki|Mi|Gi|Ti|Pi|K|M|G|T|P)").matcher(q.strip());
        if (!m.matches()) return null;
        return m.group(1) + m.group(2) + "B"; // Gi → GiB, G → GB
    }

    private void zfs(YamlDoc d, String name, JsonNode params, Settings s, String where) {
        String pool = params.path("poolname").asText(null);
        if (pool == null || !SpecText.isName(pool)) {
            unsaid.add("storage class " + name + " (" + where + "): a ZFS LocalPV class whose poolname " + pool + " is no name of the language");
            return;
        }
        List<String> on = new ArrayList<>();
        for (JsonNode t : d.node().path("allowedTopologies")) {
            for (JsonNode e : t.path("matchLabelExpressions")) {
                if (e.path("key").asText().equals("kubernetes.io/hostname")) e.path("values").forEach(h -> on.add(h.asText()));
            }
        }
        if (!on.stream().allMatch(isHost)) {
            unsaid.add("storage class " + name + " (" + where + "): its topology names nodes that are not hosts of the spec: " + on);
            return;
        }
        List<String> lines = new ArrayList<>();
        String fs = params.path("fstype").asText("zfs");
        if (!fs.equals("zfs") && SpecText.isName(fs)) lines.add("filesystem " + fs);
        Map<String, String> p = new TreeMap<>(Map.of("poolname", pool, "fstype", fs));
        add(name, "zfs " + pool + (on.isEmpty() ? "" : " on [" + String.join(", ", on.stream().sorted().toList()) + "]"), "zfs.csi.openebs.io", p,
                s, lines, otherParameters(params, "poolname", "fstype"), where);
    }

    // ------------------------------------------------------------------ chart values

    private void release(YamlDoc d, JsonNode v) {
        String chart = d.node().at("/spec/chartRef/name").asText(d.node().at("/spec/chart/spec/chart").asText(""));
        JsonNode hostpath = v.has("localpv-provisioner") ? v.at("/localpv-provisioner/hostpathClass") : v.has("localpv") ? v.path("hostpathClass") : null;
        if (hostpath != null) openebsChart(d, hostpath);
        JsonNode sc = v.path("storageClass");
        if (sc.path("create").asBoolean(false) && (chart.contains("nfs") || sc.at("/parameters/share").isTextual())) {
            List<String> mounts = sc.has("mountOptions") ? strings(sc.path("mountOptions")) : List.of("nfsvers=4.1"); // the chart's default
            Settings s = new Settings(sc.path("annotations").path(DEFAULT_ANNOTATION).asText("false").equals("true"),
                    sc.path("allowVolumeExpansion").asBoolean(false), sc.path("reclaimPolicy").asText("Delete"),
                    sc.path("volumeBindingMode").asText("Immediate"), mounts);
            nfs(sc.path("name").asText("nfs-csi"), sc.at("/parameters/server").asText(null), sc.at("/parameters/share").asText(null), s,
                    d.where("storageClass"), otherParameters(sc.path("parameters"), "server", "share"));
        }
        if (chart.equals("longhorn") || v.at("/persistence/defaultClassReplicaCount").isValueNode()) longhornChart(d, v.path("persistence"));
    }

    /** OpenEBS's hostpath class, as its chart makes it (enabled, named openebs-hostpath, under /var/openebs/local by default). */
    private void openebsChart(YamlDoc d, JsonNode hc) {
        if (!hc.path("enabled").asBoolean(true)) return;
        String name = hc.path("name").asText("openebs-hostpath");
        String base = hc.path("basePath").asText("/var/openebs/local");
        Settings s = new Settings(hc.path("isDefaultClass").asBoolean(false), false, hc.path("reclaimPolicy").asText("Delete"),
                "WaitForFirstConsumer", List.of());
        if (!SpecText.isName(name)) {
            unsaid.add("storage class " + name + " (" + d.where("hostpathClass") + "): the language cannot spell its name");
            return;
        }
        add(name, "hostpath " + SpecText.quote(base), "openebs.io/local", Map.of("BasePath", base), s, List.of());
    }

    /** Longhorn's own class ({@code persistence}: the chart's defaults are a default class of 3 replicas). */
    private void longhornChart(YamlDoc d, JsonNode p) {
        if (!p.path("defaultClass").asBoolean(true)) return;
        Settings s = new Settings(true, true, p.path("reclaimPolicy").asText("Delete"), p.path("volumeBindingMode").asText("Immediate"), List.of());
        longhorn("longhorn", p.path("defaultClassReplicaCount").asText("3"), p.path("defaultDataLocality").asText("disabled"),
                p.path("defaultFsType").asText("ext4"), s, d.where("persistence"), List.of());
    }

    // ------------------------------------------------------------------ backends

    private void nfs(String name, String server, String share, Settings s, String where, List<String> others) {
        if (server == null || share == null || !SpecText.isName(name)) {
            unsaid.add("storage class " + name + " (" + where + "): an NFS class without its server and share, or a name the language cannot spell");
            return;
        }
        String device = nasDevice(server, share);
        if (device == null) {
            unsaid.add("storage class " + name + " (" + where + "): its NFS server " + server + " is an address on no network of the spec (declare the NAS, then `nfs EXPORT on NAS`)");
            return;
        }
        String export = exportName(share);
        Map<String, String> params = new TreeMap<>(Map.of("server", server, "share", share));
        add(name, "nfs " + export + " on " + device, "nfs.csi.k8s.io", params, s, List.of(), others, where);
    }

    private void longhorn(String name, String replicas, String locality, String fs, Settings s, String where, List<String> others) {
        if (!SpecText.isName(name) || !replicas.matches("\\d+") || !SpecText.isName(locality)) {
            unsaid.add("storage class " + name + " (" + where + "): Longhorn settings the language cannot say (" + replicas + " replicas, data locality " + locality + ")");
            return;
        }
        List<String> lines = new ArrayList<>();
        if (!locality.equals("disabled")) lines.add("data-locality " + locality);
        String fsType = fs == null ? "ext4" : fs;
        if (!fsType.equals("ext4") && SpecText.isName(fsType)) lines.add("filesystem " + fsType);
        Map<String, String> p = new TreeMap<>(Map.of("numberOfReplicas", replicas, "dataLocality", locality, "fsType", fsType));
        add(name, "longhorn replicas " + replicas, "driver.longhorn.io", p, s, lines, others, where);
    }

    /** The NAS device serving an NFS share: a DNS name is its {@code dns}, an address one on a network of the spec. */
    private String nasDevice(String server, String share) {
        IPAddress a = new IPAddressString(server).getAddress();
        String network = null;
        if (a != null) {
            network = networkOf.apply(a);
            if (network == null) return null;
        }
        String label = a != null ? "nas-" + a.toCanonicalString().replace('.', '-').replace(':', '-') : server.split("\\.")[0];
        String name = SpecText.isName(label) ? label : "nas";
        List<String> lines = devices.get(name);
        if (lines == null) {
            lines = new ArrayList<>();
            lines.add("kind nas");
            lines.add(a != null ? "address " + a.toCanonicalString() + " on " + network : "dns " + server);
            lines.add("serves [nfs]");
            devices.put(name, lines);
        }
        String export = "export " + exportName(share) + " " + SpecText.quote(share);
        if (!lines.contains(export)) lines.add(export);
        return name;
    }

    /** An export's name: the share's last folder, when it is a name of the language. */
    private static String exportName(String share) {
        String[] parts = share.split("/");
        String last = parts.length == 0 ? "" : parts[parts.length - 1];
        return SpecText.isName(last) ? last : "share";
    }

    // ------------------------------------------------------------------ the class's settings

    /** What every class says beside its backend. */
    private record Settings(boolean isDefault, boolean expandable, String reclaim, String binding, List<String> mountOptions) {}

    private void add(String name, String backend, String provisioner, Map<String, String> params, Settings s, List<String> extra) {
        add(name, backend, provisioner, params, s, extra, List.of(), null);
    }

    private void add(String name, String backend, String provisioner, Map<String, String> params, Settings s, List<String> extra,
                     List<String> otherParameters, String where) {
        if (classes.stream().anyMatch(c -> c.name().equals(name))) {
            unsaid.add("storage class " + name + (where != null ? " (" + where + ")" : "") + ": a second class of that name");
            return;
        }
        List<String> lines = new ArrayList<>();
        lines.add(backend);
        if (s.isDefault()) lines.add("default");
        if (s.expandable()) lines.add("expandable");
        String reclaim = s.reclaim().toLowerCase(Locale.ROOT);
        if (SpecText.isName(reclaim)) lines.add("reclaim " + reclaim);
        lines.add("binding " + (s.binding().equals("WaitForFirstConsumer") ? "wait-for-first-consumer" : "immediate"));
        for (String m : s.mountOptions()) lines.add("mount-option " + SpecText.quote(m));
        lines.addAll(extra);
        for (String o : otherParameters) lines.add("// parameter " + o + " (" + where + "): hlc writes the parameters of its backend only");
        classes.add(new Imported(name, lines, new ClassFacts(name, provisioner, params, s.isDefault(), s.expandable(),
                s.reclaim(), s.binding(), s.mountOptions())));
    }

    private static List<String> otherParameters(JsonNode params, String... known) {
        List<String> out = new ArrayList<>();
        Set<String> k = Set.of(known);
        params.fieldNames().forEachRemaining(f -> {
            if (!k.contains(f)) out.add(f + "=" + params.path(f).asText());
        });
        return out;
    }

    private static List<String> strings(JsonNode list) {
        List<String> out = new ArrayList<>();
        for (JsonNode m : list) out.add(m.asText());
        return out;
    }

}

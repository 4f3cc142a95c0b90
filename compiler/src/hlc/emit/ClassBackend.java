package hlc.emit;

import hlc.model.Ceph;
import hlc.model.Device;
import hlc.model.Name;
import hlc.model.StorageClass;
import hlc.resolve.ResolvedSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a storage class's backend puts into its StorageClass: the provisioner (as each CSI driver registers
 * itself), the parameters it reads, its binding mode and mount options when the spec says none, and the nodes
 * the volumes may live on. One place per backend, so the emitter only fills the template.
 */
record ClassBackend(String provisioner, Map<String, String> parameters, Map<String, String> annotations,
                    String binding, List<String> mountOptions, List<String> topologyHosts) {
    static final String LONGHORN_NAMESPACE = "longhorn-system";

    static ClassBackend of(StorageClass sc, ResolvedSpec ix) {
        Map<String, String> params = new TreeMap<>();
        Map<String, String> annotations = new TreeMap<>();
        List<String> mountOptions = new ArrayList<>();
        List<String> topology = new ArrayList<>();
        String binding = "Immediate";
        String provisioner;
        StorageClass.Backend b = sc.backend();
        if (b instanceof StorageClass.CephPool cp) {
            String ns = cephOf(ix, cp.pool(), Ceph::pools);
            provisioner = ns + ".rbd.csi.ceph.com";
            params.put("clusterID", ns);
            params.put("pool", cp.pool().text());
            params.put("imageFormat", "2");
            params.put("imageFeatures", "layering,fast-diff,object-map,deep-flatten,exclusive-lock");
            cephSecrets(params, ns, "rbd");
            params.put("csi.storage.k8s.io/fstype", sc.filesystem() == null ? "ext4" : sc.filesystem().text());
            mountOptions.add("discard");
        } else if (b instanceof StorageClass.CephFs fs) {
            String ns = cephOf(ix, fs.filesystem(), Ceph::filesystems);
            provisioner = ns + ".cephfs.csi.ceph.com";
            params.put("clusterID", ns);
            params.put("fsName", fs.filesystem().text());
            params.put("pool", dataPool(fs.filesystem().text()));
            cephSecrets(params, ns, "cephfs");
        } else if (b instanceof StorageClass.Bucket bucket) {
            // ObjectBucketClaims: Rook's bucket provisioner is named after the operator's namespace.
            String ns = cephOf(ix, bucket.store(), Ceph::objectStores);
            provisioner = ns + ".ceph.rook.io/bucket";
            params.put("objectStoreName", bucket.store().text());
            params.put("objectStoreNamespace", ns);
        } else if (b instanceof StorageClass.Hostpath hp) {
            provisioner = "openebs.io/local";
            binding = "WaitForFirstConsumer"; // a hostpath volume exists on one node: bind where the pod lands
            annotations.put("openebs.io/cas-type", "local");
            annotations.put("cas.openebs.io/config",
                    "- name: StorageType\n  value: \"hostpath\"\n- name: BasePath\n  value: " + Templates.quote(hp.path().value()) + "\n");
        } else if (b instanceof StorageClass.Static) {
            // Hand-made PersistentVolumes on one node's disk: nothing provisions them, and a claim must wait
            // for its pod to be scheduled so that it binds to the volume of that node.
            provisioner = "kubernetes.io/no-provisioner";
            binding = "WaitForFirstConsumer";
        } else if (b instanceof StorageClass.Longhorn lh) {
            provisioner = "driver.longhorn.io";
            params.put("numberOfReplicas", Integer.toString(lh.effectiveReplicas()));
            params.put("dataLocality", sc.dataLocality() == null ? "disabled" : sc.dataLocality().text());
            params.put("staleReplicaTimeout", "30");
            params.put("fsType", sc.filesystem() == null ? "ext4" : sc.filesystem().text());
            if (!sc.recurring().isEmpty()) params.put("recurringJobSelector", recurringSelector(sc));
        } else if (b instanceof StorageClass.Zfs zfs) {
            provisioner = "zfs.csi.openebs.io";
            binding = "WaitForFirstConsumer"; // a dataset lives in one node's zpool
            params.put("poolname", zfs.pool().text());
            params.put("fstype", sc.filesystem() == null ? "zfs" : sc.filesystem().text());
            zfs.hosts().stream().map(Name::text).distinct().sorted().forEach(topology::add);
        } else if (b instanceof StorageClass.DemocraticCsi dc) {
            provisioner = democraticDriver(dc);
            params.put("fsType", dc.isNfs() ? "nfs" : sc.filesystem() == null ? "ext4" : sc.filesystem().text());
            if (dc.isNfs()) {
                mountOptions.add("nfsvers=4.1");
                mountOptions.add("noatime");
            }
        } else {
            StorageClass.Nfs nfs = (StorageClass.Nfs) b;
            provisioner = "nfs.csi.k8s.io";
            Device d = ix.devices().get(nfs.device().text());
            params.put("server", serverOf(d));
            params.put("share", exportPath(d, nfs.export()));
            mountOptions.add("nfsvers=4.1");
            mountOptions.add("hard");
        }
        return new ClassBackend(provisioner, params, annotations, binding, mountOptions, topology);
    }

    /** The CSI driver name democratic-csi registers, as its chart's examples name them (`csiDriver.name`). */
    static String democraticDriver(StorageClass.DemocraticCsi dc) {
        return "org.democratic-csi." + dc.kind().text();
    }

    /** The name Rook gives a filesystem's one data pool (`dataPools[0].name`), which its classes write to. */
    static String dataPool(String filesystem) {
        return filesystem + "-data0";
    }

    static String recurringJobName(StorageClass sc, StorageClass.Recurring r) {
        return sc.name().text() + "-" + r.task().text();
    }

    /** Longhorn's recurringJobSelector: a JSON list of the class's jobs by name. */
    private static String recurringSelector(StorageClass sc) {
        StringBuilder b = new StringBuilder("[");
        List<String> names = sc.recurring().stream().map(r -> recurringJobName(sc, r)).distinct().sorted().toList();
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) b.append(',');
            b.append("{\"name\":\"").append(names.get(i)).append("\",\"isGroup\":false}");
        }
        return b.append(']').toString();
    }

    private static void cephSecrets(Map<String, String> params, String ns, String kind) {
        params.put("csi.storage.k8s.io/provisioner-secret-name", "rook-csi-" + kind + "-provisioner");
        params.put("csi.storage.k8s.io/provisioner-secret-namespace", ns);
        params.put("csi.storage.k8s.io/controller-expand-secret-name", "rook-csi-" + kind + "-provisioner");
        params.put("csi.storage.k8s.io/controller-expand-secret-namespace", ns);
        params.put("csi.storage.k8s.io/node-stage-secret-name", "rook-csi-" + kind + "-node");
        params.put("csi.storage.k8s.io/node-stage-secret-namespace", ns);
    }

    /** The ceph block (Rook's namespace) that declares this pool, filesystem or object store; rook-ceph if none. */
    private static String cephOf(ResolvedSpec ix, Name name, java.util.function.Function<Ceph, List<Ceph.Pool>> kind) {
        for (Ceph c : ix.spec().cephs()) {
            if (kind.apply(c).stream().anyMatch(p -> p.name().text().equals(name.text()))) return c.name().text();
        }
        return "rook-ceph";
    }

    /** The NFS server as mounts should name it: its DNS name when it has one, else its first address. */
    static String serverOf(Device d) {
        if (d == null) return "";
        if (!d.dnsNames().isEmpty()) return d.dnsNames().get(0).text();
        return d.addresses().isEmpty() ? d.name().text() : d.addresses().get(0).address().text();
    }

    /** The path of a device's export, "" when it has none of that name (HL010). */
    static String exportPath(Device d, Name export) {
        if (d == null || export == null) return "";
        return d.exports().stream().filter(e -> e.name().text().equals(export.text()))
                .findFirst().map(e -> e.path().value()).orElse("");
    }
}

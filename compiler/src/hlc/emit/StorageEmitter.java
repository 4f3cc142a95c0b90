package hlc.emit;

import hlc.resolve.ResolvedSpec;
import hlc.model.Ceph;
import hlc.model.Device;
import hlc.model.StorageClass;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Storage: a Rook {@code CephBlockPool} per pool and a {@code StorageClass} per class, with the provisioner and
 * parameters of its backend (Rook RBD CSI, OpenEBS LocalPV hostpath, csi-driver-nfs).
 */
public final class StorageEmitter implements Emitter {
    static final String DEFAULT_ANNOTATION = "storageclass.kubernetes.io/is-default-class";

    @Override
    public List<FileSpec> files(ResolvedSpec ix, EmitProblems problems) {
        List<FileSpec> files = new ArrayList<>();
        Map<String, String> poolNamespace = new TreeMap<>();
        for (Ceph ceph : ix.spec().cephs()) {
            for (Ceph.Pool p : ceph.pools()) {
                poolNamespace.put(p.name().text(), ceph.name().text());
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("name", p.name().text());
                c.put("namespace", ceph.name().text());
                c.put("failure_domain", p.effectiveFailureDomain());
                c.put("replicas", p.effectiveReplicas());
                c.put("require_safe", p.effectiveReplicas() > 1);
                c.put("min_size", Integer.toString(p.effectiveMinSize()));
                c.put("compression_mode", p.compressionMode() == null ? "" : p.compressionMode().text());
                c.put("compression_algorithm", p.compressionAlgorithm() == null ? "" : p.compressionAlgorithm().text());
                files.add(new FileSpec("storage/ceph/" + p.name().text() + ".yaml", "cephblockpool.yaml.j2", c, false));
            }
        }
        for (StorageClass sc : ix.spec().storageClasses()) {
            if (sc.backend() == null) continue;
            Map<String, Object> c = new LinkedHashMap<>();
            Map<String, String> annotations = new TreeMap<>();
            Map<String, String> params = new TreeMap<>();
            List<String> mountOptions = new ArrayList<>();
            String binding = "Immediate";
            String provisioner;
            if (sc.backend() instanceof StorageClass.CephPool cp) {
                String ns = poolNamespace.getOrDefault(cp.pool().text(), "rook-ceph");
                provisioner = ns + ".rbd.csi.ceph.com";
                params.put("clusterID", ns);
                params.put("pool", cp.pool().text());
                params.put("imageFormat", "2");
                params.put("imageFeatures", "layering,fast-diff,object-map,deep-flatten,exclusive-lock");
                params.put("csi.storage.k8s.io/provisioner-secret-name", "rook-csi-rbd-provisioner");
                params.put("csi.storage.k8s.io/provisioner-secret-namespace", ns);
                params.put("csi.storage.k8s.io/controller-expand-secret-name", "rook-csi-rbd-provisioner");
                params.put("csi.storage.k8s.io/controller-expand-secret-namespace", ns);
                params.put("csi.storage.k8s.io/node-stage-secret-name", "rook-csi-rbd-node");
                params.put("csi.storage.k8s.io/node-stage-secret-namespace", ns);
                params.put("csi.storage.k8s.io/fstype", sc.filesystem() == null ? "ext4" : sc.filesystem().text());
                mountOptions.add("discard");
            } else if (sc.backend() instanceof StorageClass.Hostpath hp) {
                provisioner = "openebs.io/local";
                binding = "WaitForFirstConsumer"; // a hostpath volume exists on one node: bind where the pod lands
                annotations.put("openebs.io/cas-type", "local");
                annotations.put("cas.openebs.io/config",
                        "- name: StorageType\n  value: \"hostpath\"\n- name: BasePath\n  value: " + Templates.quote(hp.path().value()) + "\n");
            } else if (sc.backend() instanceof StorageClass.Static) {
                // Hand-made PersistentVolumes on one node's disk: nothing provisions them, and a claim must wait
                // for its pod to be scheduled so that it binds to the volume of that node.
                provisioner = "kubernetes.io/no-provisioner";
                binding = "WaitForFirstConsumer";
            } else {
                StorageClass.Nfs nfs = (StorageClass.Nfs) sc.backend();
                provisioner = "nfs.csi.k8s.io";
                Device d = ix.devices().get(nfs.device().text());
                params.put("server", serverOf(d));
                params.put("share", d.exports().stream().filter(e -> e.name().text().equals(nfs.export().text()))
                        .findFirst().map(e -> e.path().value()).orElse(""));
                mountOptions.add("nfsvers=4.1");
                mountOptions.add("hard");
            }
            if (sc.binding() != null) {
                binding = sc.binding().text().equals("immediate") ? "Immediate" : "WaitForFirstConsumer";
            }
            if (!sc.mountOptions().isEmpty()) {
                // Options the spec lists replace the backend's defaults: the user knows the server (NFSv4 vs 4.1).
                mountOptions = new ArrayList<>(sc.mountOptions().stream().map(o -> o.value()).toList());
            }
            if (sc.isDefault()) annotations.put(DEFAULT_ANNOTATION, "true");
            c.put("name", sc.name().text());
            c.put("annotations", FluxEmitter.entries(annotations));
            c.put("provisioner", provisioner);
            c.put("parameters", FluxEmitter.entries(params));
            c.put("reclaim", sc.reclaim() != null && sc.reclaim().text().equals("retain") ? "Retain" : "Delete");
            c.put("expandable", sc.expandable());
            c.put("binding", binding);
            c.put("mount_options", mountOptions);
            files.add(new FileSpec("storage/classes/" + sc.name().text() + ".yaml", "storageclass.yaml.j2", c, false));
        }
        return files;
    }

    /**
     * Two folders, each applied once what it needs runs: the pools after the apps of the Ceph cluster's namespace
     * (Rook's operator and the CephCluster; Rook names the namespace after the cluster), ready when Rook says
     * {@code phase: Ready} (kstatus cannot read a CephBlockPool's status, so Flux would call it ready at once);
     * the classes after the apps that run their provisioners (the same Rook apps for RBD, {@code openebs} for
     * hostpath, {@code csi-driver-nfs} for NFS), as far as the spec has them.
     */
    @Override
    public List<AppliedFolder> appliedFolders(ResolvedSpec ix) {
        List<AppliedFolder> out = new ArrayList<>();
        TreeSet<String> rook = new TreeSet<>();
        for (Ceph ceph : ix.spec().cephs()) rook.addAll(appsIn(ix, ceph.name().text()));
        boolean pools = ix.spec().cephs().stream().anyMatch(c -> !c.pools().isEmpty());
        if (pools) {
            out.add(new AppliedFolder("hlc-ceph-pools", "storage/ceph", List.copyOf(rook),
                    List.of(new AppliedFolder.ReadyWhen("ceph.rook.io/v1", "CephBlockPool",
                            "status.phase == 'Ready'", "status.phase == 'Failure'"))));
        }
        TreeSet<String> drivers = new TreeSet<>();
        boolean classes = false;
        for (StorageClass sc : ix.spec().storageClasses()) {
            if (sc.backend() == null) continue;
            classes = true;
            if (sc.backend() instanceof StorageClass.CephPool) drivers.addAll(rook);
            else if (sc.backend() instanceof StorageClass.Hostpath) drivers.addAll(named(ix, "openebs"));
            else if (sc.backend() instanceof StorageClass.Nfs) drivers.addAll(named(ix, "csi-driver-nfs"));
        }
        if (classes) out.add(new AppliedFolder("hlc-storage-classes", "storage/classes", List.copyOf(drivers)));
        return out;
    }

    private static List<String> appsIn(ResolvedSpec ix, String namespace) {
        return ix.spec().apps().stream().filter(a -> a.namespace().text().equals(namespace)).map(a -> a.name().text()).toList();
    }

    private static List<String> named(ResolvedSpec ix, String app) {
        return ix.apps().containsKey(app) ? List.of(app) : List.of();
    }

    /** The NFS server as mounts should name it: its DNS name when it has one, else its first address. */
    private static String serverOf(Device d) {
        if (!d.dnsNames().isEmpty()) return d.dnsNames().get(0).text();
        return d.addresses().isEmpty() ? d.name().text() : d.addresses().get(0).address().text();
    }
}

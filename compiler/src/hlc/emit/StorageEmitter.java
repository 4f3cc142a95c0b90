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
 * Storage: a Rook {@code CephBlockPool} per pool, {@code CephFilesystem} per filesystem and {@code CephObjectStore}
 * per object store; a {@code StorageClass} per class, with the provisioner and parameters of its backend
 * ({@link ClassBackend}); a Longhorn {@code RecurringJob} per recurring job of a Longhorn class, and the
 * democratic-csi chart's values for a democratic-csi class.
 */
public final class StorageEmitter implements Emitter {
    static final String DEFAULT_ANNOTATION = "storageclass.kubernetes.io/is-default-class";
    static final String LONGHORN_FOLDER = "storage/longhorn";
    static final String DEMOCRATIC_FOLDER = "storage/democratic-csi";
    static final String DEMOCRATIC_NAMESPACE = "democratic-csi";

    @Override
    public List<FileSpec> files(ResolvedSpec ix, EmitProblems problems) {
        List<FileSpec> files = new ArrayList<>();
        for (Ceph ceph : ix.spec().cephs()) {
            for (Ceph.Pool p : ceph.pools()) {
                Map<String, Object> c = poolSettings(p, ceph);
                files.add(new FileSpec("storage/ceph/" + p.name().text() + ".yaml", "cephblockpool.yaml.j2", c, false));
            }
            for (Ceph.Pool fs : ceph.filesystems()) {
                Map<String, Object> c = poolSettings(fs, ceph);
                c.put("data_pool", "data0");
                files.add(new FileSpec("storage/ceph/" + fs.name().text() + "-filesystem.yaml", "cephfilesystem.yaml.j2", c, false));
            }
            for (Ceph.Pool store : ceph.objectStores()) {
                files.add(new FileSpec("storage/ceph/" + store.name().text() + "-object-store.yaml", "cephobjectstore.yaml.j2",
                        poolSettings(store, ceph), false));
            }
        }
        for (StorageClass sc : ix.spec().storageClasses()) {
            if (sc.backend() == null) continue;
            Map<String, Object> c = new LinkedHashMap<>();
            ClassBackend backend = ClassBackend.of(sc, ix);
            Map<String, String> annotations = new TreeMap<>(backend.annotations());
            List<String> mountOptions = backend.mountOptions();
            String binding = backend.binding();
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
            c.put("provisioner", backend.provisioner());
            c.put("parameters", FluxEmitter.entries(backend.parameters()));
            c.put("topology_hosts", backend.topologyHosts());
            c.put("reclaim", sc.reclaim() != null && sc.reclaim().text().equals("retain") ? "Retain" : "Delete");
            c.put("expandable", sc.expandable());
            c.put("binding", binding);
            c.put("mount_options", mountOptions);
            files.add(new FileSpec("storage/classes/" + sc.name().text() + ".yaml", "storageclass.yaml.j2", c, false));
            if (sc.backend() instanceof StorageClass.Longhorn) files.addAll(recurringJobs(sc));
            if (sc.backend() instanceof StorageClass.DemocraticCsi dc) files.add(democraticValues(ix, sc, dc));
        }
        return files;
    }

    /** The settings Rook gives each pool of a filesystem or object store, from the block's pool attributes. */
    private static Map<String, Object> poolSettings(Ceph.Pool p, Ceph ceph) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", p.name().text());
        c.put("namespace", ceph.name().text());
        c.put("failure_domain", p.effectiveFailureDomain());
        c.put("replicas", p.effectiveReplicas());
        c.put("require_safe", p.effectiveReplicas() > 1);
        c.put("min_size", Integer.toString(p.effectiveMinSize()));
        c.put("compression_mode", p.compressionMode() == null ? "" : p.compressionMode().text());
        c.put("compression_algorithm", p.compressionAlgorithm() == null ? "" : p.compressionAlgorithm().text());
        return c;
    }

    /** A Longhorn RecurringJob per `recurring` line of a class, selected by the class's recurringJobSelector. */
    private static List<FileSpec> recurringJobs(StorageClass sc) {
        List<FileSpec> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (StorageClass.Recurring r : sc.recurring()) {
            String name = ClassBackend.recurringJobName(sc, r);
            if (!seen.add(name)) continue; // the same task twice: HL006 at the second
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", name);
            c.put("namespace", ClassBackend.LONGHORN_NAMESPACE);
            c.put("class_name", sc.name().text());
            c.put("task", r.task().text());
            c.put("cron", r.cron().value());
            c.put("retain", r.retain() == null ? 7 : r.retain().value());
            out.add(new FileSpec(LONGHORN_FOLDER + "/" + name + ".yaml", "longhorn-recurringjob.yaml.j2", c, false));
        }
        return out;
    }

    /**
     * The democratic-csi chart's values for a class: its driver name and where the NAS serves (the NFS export
     * it provisions under, or the iSCSI portal), for the HelmRelease's valuesFrom as with Rook.
     */
    private static FileSpec democraticValues(ResolvedSpec ix, StorageClass sc, StorageClass.DemocraticCsi dc) {
        Device d = ix.devices().get(dc.device().text());
        Map<String, Object> c = new LinkedHashMap<>();
        String name = "democratic-csi-" + sc.name().text() + "-values";
        c.put("name", name);
        c.put("namespace", DEMOCRATIC_NAMESPACE);
        c.put("class_name", sc.name().text());
        c.put("driver", ClassBackend.democraticDriver(dc));
        c.put("driver_kind", dc.isNfs() ? "nfs-client" : "zfs-generic-iscsi");
        c.put("nfs", dc.isNfs());
        String server = ClassBackend.serverOf(d);
        c.put("server", server);
        c.put("share", ClassBackend.exportPath(d, dc.export()));
        c.put("portal", server + ":3260");
        return new FileSpec(DEMOCRATIC_FOLDER + "/" + name + ".yaml", "democratic-csi-values.yaml.j2", c, false);
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
        List<AppliedFolder.ReadyWhen> ready = new ArrayList<>();
        if (ix.spec().cephs().stream().anyMatch(c -> !c.pools().isEmpty())) ready.add(rookReady("CephBlockPool"));
        if (ix.spec().cephs().stream().anyMatch(c -> !c.filesystems().isEmpty())) ready.add(rookReady("CephFilesystem"));
        if (ix.spec().cephs().stream().anyMatch(c -> !c.objectStores().isEmpty())) ready.add(rookReady("CephObjectStore"));
        if (!ready.isEmpty()) out.add(new AppliedFolder("hlc-ceph-pools", "storage/ceph", List.copyOf(rook), ready));
        TreeSet<String> drivers = new TreeSet<>();
        boolean classes = false;
        for (StorageClass sc : ix.spec().storageClasses()) {
            if (sc.backend() == null) continue;
            classes = true;
            if (sc.backend() instanceof StorageClass.CephPool) drivers.addAll(rook);
            else if (sc.backend() instanceof StorageClass.Hostpath) drivers.addAll(named(ix, "openebs"));
            else if (sc.backend() instanceof StorageClass.Nfs) drivers.addAll(named(ix, "csi-driver-nfs"));
            else if (sc.backend() instanceof StorageClass.CephFs || sc.backend() instanceof StorageClass.Bucket) drivers.addAll(rook);
            else if (sc.backend() instanceof StorageClass.Longhorn) drivers.addAll(named(ix, "longhorn"));
            else if (sc.backend() instanceof StorageClass.Zfs) drivers.addAll(named(ix, "zfs-localpv"));
            else if (sc.backend() instanceof StorageClass.DemocraticCsi dc) drivers.addAll(named(ix, "democratic-csi-" + dc.kind().text()));
        }
        if (classes) out.add(new AppliedFolder("hlc-storage-classes", "storage/classes", List.copyOf(drivers)));
        boolean jobs = ix.spec().storageClasses().stream()
                .anyMatch(sc -> sc.backend() instanceof StorageClass.Longhorn && !sc.recurring().isEmpty());
        // RecurringJobs are Longhorn's own resources: its CRDs come with the longhorn app
        if (jobs) out.add(new AppliedFolder("hlc-longhorn-jobs", LONGHORN_FOLDER, named(ix, "longhorn")));
        // Read by the chart's HelmRelease: applied as soon as the namespace exists, like the Rook values
        boolean democratic = ix.spec().storageClasses().stream().anyMatch(sc -> sc.backend() instanceof StorageClass.DemocraticCsi);
        if (democratic) out.add(new AppliedFolder("hlc-democratic-csi", DEMOCRATIC_FOLDER, List.of()));
        return out;
    }

    private static AppliedFolder.ReadyWhen rookReady(String kind) {
        return new AppliedFolder.ReadyWhen("ceph.rook.io/v1", kind, "status.phase == 'Ready'", "status.phase == 'Failure'");
    }

    private static List<String> appsIn(ResolvedSpec ix, String namespace) {
        return ix.spec().apps().stream().filter(a -> a.namespace().text().equals(namespace)).map(a -> a.name().text()).toList();
    }

    private static List<String> named(ResolvedSpec ix, String app) {
        return ix.apps().containsKey(app) ? List.of(app) : List.of();
    }
}

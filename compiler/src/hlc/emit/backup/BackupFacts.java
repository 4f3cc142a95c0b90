package hlc.emit.backup;

import hlc.resolve.ResolvedSpec;
import hlc.model.App;
import hlc.model.Backup;
import hlc.model.Device;
import hlc.model.SecretRef;
import hlc.model.Service;
import hlc.model.StorageClass;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the spec's backup blocks say that VolSync and CloudNativePG can carry out, read from the model in one
 * place: which apps or database clusters each backup covers, on which schedule, where to and how long copies
 * are kept.
 *
 * <p>Who is covered, when the spec does not list them: a VolSync backup ({@code tool volsync, source pvcs})
 * covers the apps that depend on the {@code volsync} app (they declare that they need it), else every app with a
 * volume on a Ceph class (VolSync copies a CSI snapshot, which only Ceph RBD classes here can take). A CNPG
 * backup ({@code tool cnpg, method barman}) covers the database clusters: the apps with storage that depend on
 * the CNPG operator app (an app named {@code cnpg-operator} or {@code cloudnative-pg}); each cluster is named
 * after its app.
 */
final class BackupFacts {
    private BackupFacts() {}

    /**
     * Where a backup writes: an object store (a service with an endpoint, and the vault secret with its
     * credentials), or a NAS export ({@code nfsServer} and {@code nfsPath} set, no endpoint). {@code password}
     * is the backup's own vault entry for the repository's password (null: the service's secret has it).
     */
    record Target(String service, String endpoint, SecretRef credentials, SecretRef password, String export,
                  String nfsServer, String nfsPath) {
        boolean onNas() {
            return nfsServer != null;
        }
    }

    /** One app's VolSync backup. */
    record VolsyncApp(String backup, String app, String namespace, String cron, String storageClass,
                      Map<String, Integer> keep, String within, Target target) {}

    /** One database cluster's CNPG backup through the Barman Cloud plugin. */
    record CnpgCluster(String backup, String cluster, String namespace, String cron, String retention,
                       String compression, Target target) {}

    static List<VolsyncApp> volsync(ResolvedSpec ix) {
        List<VolsyncApp> out = new ArrayList<>();
        for (Backup b : ix.spec().backups()) {
            if (!is(b.tool(), "volsync") || !(b.source() instanceof Backup.Pvcs)) continue;
            Target t = b.targetExport() != null ? nasTarget(ix, b) : target(ix, b);
            if (t == null) continue;
            for (App a : volsyncApps(ix)) {
                String cls = cephClass(ix, a);
                String cron = cronFor(b, a.name().text());
                if (cron == null) continue; // BackupScheduleCheck reports it
                Map<String, Integer> keep = new TreeMap<>();
                for (Backup.Keep k : b.keeps()) {
                    if (BackupEmitter.KEEP_PERIODS.contains(k.period().text())) keep.put(k.period().text(), k.count().value());
                }
                out.add(new VolsyncApp(b.name().text(), a.name().text(), a.namespace().text(), cron, cls, keep,
                        b.retention() == null ? null : Retention.restic(b.retention().value()), t));
            }
        }
        out.sort(Comparator.comparing(VolsyncApp::namespace).thenComparing(VolsyncApp::app));
        return out;
    }

    static List<CnpgCluster> cnpg(ResolvedSpec ix) {
        List<CnpgCluster> out = new ArrayList<>();
        for (Backup b : ix.spec().backups()) {
            if (!is(b.tool(), "cnpg") || !is(b.method(), "barman") || !(b.source() instanceof Backup.Postgres)) continue;
            Target t = target(ix, b);
            String cron = cronFor(b, null);
            if (t == null || cron == null) continue;
            for (App a : databaseClusters(ix)) {
                out.add(new CnpgCluster(b.name().text(), a.name().text(), a.namespace().text(), Cron.withSeconds(cron),
                        b.retention() == null ? null : Retention.barman(b.retention().value()),
                        b.compression() == null ? null : b.compression().text(), t));
            }
        }
        out.sort(Comparator.comparing(CnpgCluster::namespace).thenComparing(CnpgCluster::cluster));
        return out;
    }

    /** The backup's schedule for one app: its `schedule ... for [app]`, else its own `schedule`, else its `every`. */
    static String cronFor(Backup b, String app) {
        if (app != null) {
            for (Backup.ScheduleFor s : b.schedulesFor()) {
                if (s.apps().stream().anyMatch(n -> n.text().equals(app))) return s.schedule().value();
            }
        }
        if (b.schedule() != null) return b.schedule().value();
        return b.every() == null ? null : Cron.every(b.every().value());
    }

    /** The service a backup goes to, when it is an object store with an endpoint (not a NAS export). */
    private static Target target(ResolvedSpec ix, Backup b) {
        if (b.target() == null || b.targetExport() != null) return null;
        Service s = ix.services().get(b.target().text());
        if (s == null || s.endpoint() == null) return null;
        if (s.kinds().stream().noneMatch(k -> k.text().equals("object-storage"))) return null;
        return new Target(s.name().text(), s.endpoint().value(), s.secrets().isEmpty() ? null : s.secrets().get(0),
                b.secret(), null, null, null);
    }

    /**
     * The NAS export a backup goes to ({@code to synology export backups}): the device's address as the NFS
     * server and the export's path, with the backup's own password entry (the parser demands one for VolSync).
     */
    private static Target nasTarget(ResolvedSpec ix, Backup b) {
        if (b.target() == null || b.secret() == null) return null;
        Device d = ix.devices().get(b.target().text());
        if (d == null || ix.primaryAddress(d) == null) return null;
        for (Device.Export e : d.exports()) {
            if (e.name().text().equals(b.targetExport().text())) {
                return new Target(d.name().text(), null, null, b.secret(), e.name().text(),
                        ix.primaryAddress(d).text(), e.path().value());
            }
        }
        return null; // HL010 has reported the export
    }

    private static List<App> volsyncApps(ResolvedSpec ix) {
        Map<String, App> out = new LinkedHashMap<>();
        boolean toolApp = ix.apps().containsKey("volsync");
        for (App a : ix.spec().apps()) {
            if (a.namespace() == null || cephClass(ix, a) == null) continue;
            boolean declares = a.depends().stream().anyMatch(d -> d.text().equals("volsync"));
            if (!toolApp || declares) out.putIfAbsent(a.name().text(), a);
        }
        return List.copyOf(out.values());
    }

    private static List<App> databaseClusters(ResolvedSpec ix) {
        List<App> out = new ArrayList<>();
        for (App a : ix.spec().apps()) {
            if (a.namespace() == null || a.storage().isEmpty()) continue;
            if (a.depends().stream().anyMatch(d -> d.text().equals("cnpg-operator") || d.text().equals("cloudnative-pg"))) {
                out.add(a);
            }
        }
        return out;
    }

    /** The app's first storage class on Ceph: the one VolSync snapshots and restores into. */
    private static String cephClass(ResolvedSpec ix, App a) {
        for (var n : a.storage()) {
            StorageClass sc = ix.storageClasses().get(n.text());
            if (sc != null && sc.backend() instanceof StorageClass.CephPool) return sc.name().text();
        }
        return null;
    }

    private static boolean is(hlc.model.Name n, String text) {
        return n != null && n.text().equals(text);
    }
}

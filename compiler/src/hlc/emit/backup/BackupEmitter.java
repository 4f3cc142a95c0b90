package hlc.emit.backup;

import hlc.resolve.ResolvedSpec;
import hlc.diag.Code;
import hlc.emit.AppliedFolder;
import hlc.emit.EmitProblems;
import hlc.emit.Emitter;
import hlc.emit.FileSpec;
import hlc.emit.secretstore.SecretStoreEmitter;
import hlc.model.Backup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The backups the spec states, as the resources that carry them out, under {@code backup/}:
 * <ul>
 *   <li>{@code backup/volsync/<backup>/}: a Kustomize component ({@link VolsyncComponent}) with a VolSync restic
 *   {@code ReplicationSource} (schedule, retention), the {@code ReplicationDestination} a restore starts from,
 *   and the {@code ExternalSecret} with the repository's credentials from the vault, named by the
 *   {@code ${VOLSYNC_APP}} each app's Kustomization substitutes;</li>
 *   <li>{@code backup/cnpg/<ns>/<cluster>.yaml}: per database cluster a Barman Cloud plugin {@code ObjectStore}
 *   (destination, retention, compression), a CNPG {@code ScheduledBackup}, and the credentials' ExternalSecret.</li>
 * </ul>
 * Object-store credentials come from the target service's first {@code secret}, whose entry holds the
 * properties {@code access-key-id}, {@code secret-access-key} (and {@code restic-password} for VolSync).
 */
public final class BackupEmitter implements Emitter {
    static final String FOLDER = "backup";
    static final String BARMAN_PLUGIN = "barman-cloud.cloudnative-pg.io";
    static final java.util.Set<String> DATA_COMPRESSION = java.util.Set.of("bzip2", "gzip", "lz4", "snappy");

    @Override
    public List<FileSpec> files(ResolvedSpec ix, EmitProblems problems) {
        reportSchedulesWithoutCron(ix, problems);
        List<FileSpec> files = new ArrayList<>();
        for (VolsyncComponent.Variant variant : VolsyncComponent.variants(ix)) {
            BackupFacts.VolsyncApp v = variant.first();
            String app = VolsyncComponent.ref(VolsyncComponent.APP_VARIABLE);
            String secret = app + "-volsync";
            Map<String, Object> source = VolsyncComponent.sourceContext(v, secret);
            source.put("description", description(ix, v.backup()));
            Map<String, Object> destination = new LinkedHashMap<>(source);
            destination.put("name", app + "-dst");
            List<FileSpec.Document> docs = new ArrayList<>();
            String repoPath = v.backup() + "/" + VolsyncComponent.ref(VolsyncComponent.NAMESPACE_VARIABLE) + "/" + app;
            if (v.target().onNas()) {
                // the restic repository is a folder of the export, mounted into the mover pod under /mnt/<export>
                List<Map<String, Object>> volumes = List.of(Map.of("mount", v.target().export(),
                        "server", v.target().nfsServer(), "path", v.target().nfsPath()));
                source.put("mover_volumes", volumes);
                destination.put("mover_volumes", volumes);
                nasCredentials(v.target(), secret, VolsyncComponent.ref(VolsyncComponent.NAMESPACE_VARIABLE),
                        "/mnt/" + v.target().export() + "/" + repoPath, docs);
            } else {
                credentials(v.target(), secret, VolsyncComponent.ref(VolsyncComponent.NAMESPACE_VARIABLE), true,
                        "s3:" + trimSlash(v.target().endpoint()) + "/" + repoPath, docs);
            }
            docs.add(new FileSpec.Document("volsync-source.yaml.j2", source));
            docs.add(new FileSpec.Document("volsync-destination.yaml.j2", destination));
            files.add(FileSpec.ofComponent(variant.folder() + "/volsync.yaml", docs,
                    variant.apps().stream().map(VolsyncComponent::variables).toList()));
            files.add(new FileSpec(variant.folder() + "/kustomization.yaml", "kustomize-component.yaml.j2",
                    Map.of("resources", List.of("./volsync.yaml"),
                            "apps", variant.apps().stream().map(a -> a.namespace() + "/" + a.app()).toList()), false));
        }
        for (BackupFacts.CnpgCluster c : BackupFacts.cnpg(ix)) {
            String secret = c.cluster() + "-barman";
            Map<String, Object> store = new LinkedHashMap<>();
            store.put("name", c.cluster());
            store.put("namespace", c.namespace());
            store.put("destination", "s3://" + c.backup() + "/" + c.namespace() + "/" + c.cluster());
            store.put("endpoint", c.target().endpoint());
            store.put("secret", secret);
            store.put("retention", c.retention() == null ? "" : c.retention());
            store.put("compression", c.compression() == null ? "" : c.compression());
            // Barman compresses base backups with fewer algorithms than WAL files (no xz or zstd)
            store.put("data_compression", c.compression() != null && DATA_COMPRESSION.contains(c.compression()) ? c.compression() : "");
            Map<String, Object> scheduled = new LinkedHashMap<>();
            scheduled.put("name", c.cluster());
            scheduled.put("namespace", c.namespace());
            scheduled.put("cluster", c.cluster());
            scheduled.put("cron", c.cron());
            scheduled.put("plugin", BARMAN_PLUGIN);
            store.put("description", description(ix, c.backup()));
            scheduled.put("description", description(ix, c.backup()));
            List<FileSpec.Document> docs = new ArrayList<>();
            credentials(c.target(), secret, c.namespace(), false, null, docs);
            docs.add(new FileSpec.Document("barman-objectstore.yaml.j2", store));
            docs.add(new FileSpec.Document("cnpg-scheduledbackup.yaml.j2", scheduled));
            files.add(FileSpec.ofDocuments(FOLDER + "/cnpg/" + c.namespace() + "/" + c.cluster() + ".yaml", docs, false));
        }
        return files;
    }

    /** The backup's `description`, for the `kubernetes.io/description` annotation of what it writes; "" without one. */
    private static String description(ResolvedSpec ix, String backup) {
        return ix.spec().backups().stream().filter(b -> b.name().text().equals(backup) && b.description() != null)
                .map(hlc.model.Backup::description).findFirst().orElse("");
    }

    /**
     * The ExternalSecret that makes the credentials Secret, when the target service names its vault secret;
     * without one the resources still refer to the Secret by this name, which the user creates (README).
     */
    private static void credentials(BackupFacts.Target t, String secret, String namespace, boolean restic,
                                    String repository, List<FileSpec.Document> docs) {
        if (t.credentials() == null) return;
        String key = t.credentials().key().value();
        List<Map<String, Object>> data = new ArrayList<>();
        if (restic) {
            data.add(entry("AWS_ACCESS_KEY_ID", key, "access-key-id", ""));
            data.add(entry("AWS_SECRET_ACCESS_KEY", key, "secret-access-key", ""));
            // the backup's own password entry wins over the service's restic-password property
            if (t.password() == null) {
                data.add(entry("RESTIC_PASSWORD", key, "restic-password", ""));
            } else if (t.password().vault().text().equals(t.credentials().vault().text())) {
                data.add(entry("RESTIC_PASSWORD", t.password().key().value(), "", ""));
            } else { // another vault: this one value comes from its store
                data.add(entry("RESTIC_PASSWORD", t.password().key().value(), "",
                        SecretStoreEmitter.storeName(t.password().vault().text())));
            }
        } else {
            data.add(entry("ACCESS_KEY_ID", key, "access-key-id", ""));
            data.add(entry("ACCESS_SECRET_KEY", key, "secret-access-key", ""));
        }
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", secret);
        c.put("namespace", namespace);
        c.put("store", SecretStoreEmitter.storeName(t.credentials().vault().text()));
        c.put("data", data);
        c.put("template", repository == null ? List.of() : List.of(Map.of("key", "RESTIC_REPOSITORY", "value", repository)));
        docs.add(new FileSpec.Document("externalsecret.yaml.j2", c));
    }

    /**
     * The repository Secret of a restic repository on a NAS export: its path in the mover pod, and the password
     * from the backup's own vault entry (the whole entry, no property).
     */
    private static void nasCredentials(BackupFacts.Target t, String secret, String namespace, String repository,
                                       List<FileSpec.Document> docs) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", secret);
        c.put("namespace", namespace);
        c.put("store", SecretStoreEmitter.storeName(t.password().vault().text()));
        c.put("data", List.of(entry("RESTIC_PASSWORD", t.password().key().value(), "", "")));
        c.put("template", List.of(Map.of("key", "RESTIC_REPOSITORY", "value", repository)));
        docs.add(new FileSpec.Document("externalsecret.yaml.j2", c));
    }

    /** The periods restic keeps snapshots by (VolSync's {@code retain}). */
    static final List<String> KEEP_PERIODS = List.of("last", "hourly", "daily", "weekly", "monthly", "yearly");

    /**
     * What a backup hlc writes says that its tool cannot take is the user's to fix: an `every` with no cron form,
     * a `keep` period restic does not know.
     */
    private static void reportSchedulesWithoutCron(ResolvedSpec ix, EmitProblems problems) {
        for (Backup b : ix.spec().backups()) {
            if (b.tool() != null && b.tool().text().equals("volsync")) {
                for (Backup.Keep k : b.keeps()) {
                    if (KEEP_PERIODS.contains(k.period().text())) continue;
                    problems.reporter().error(Code.HL005, k.period().span(), "VolSync keeps no `" + k.period()
                            + "` snapshots").hint("use one of " + String.join(", ", KEEP_PERIODS)).emit();
                }
            }
            boolean scheduled = b.tool() != null && (b.tool().text().equals("volsync") || b.tool().text().equals("cnpg"));
            if (!scheduled || b.schedule() != null || b.every() == null || Cron.every(b.every().value()) != null) continue;
            problems.reporter().error(Code.HL004, b.every().span(), "`every " + b.every().text()
                            + "` of backup `" + b.name() + "` has no cron schedule that keeps the period")
                    .hint("pick a period that divides an hour or a day (15m, 6h, 12h), 1d or 7d, or write `schedule \"CRON\"`")
                    .emit();
        }
    }

    /** One value of an ExternalSecret: its key in the Secret, the vault entry, its property and another store ("" for none). */
    private static Map<String, Object> entry(String key, String remote, String property, String store) {
        return Map.of("key", key, "remote", remote, "property", property, "store", store);
    }

    private static String trimSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public List<AppliedFolder> appliedFolders(ResolvedSpec ix) {
        List<AppliedFolder> out = new ArrayList<>();
        // VolSync's components are applied by the Kustomizations of the apps that include them
        if (!BackupFacts.cnpg(ix).isEmpty()) {
            out.add(new AppliedFolder("hlc-backup-cnpg", FOLDER + "/cnpg", after(ix, "cnpg-operator", "cloudnative-pg",
                    "cnpg-barman-cloud", "external-secrets")));
        }
        return out;
    }

    private static List<String> after(ResolvedSpec ix, String... apps) {
        List<String> out = new ArrayList<>();
        for (String a : apps) if (ix.apps().containsKey(a)) out.add(a);
        return out;
    }
}

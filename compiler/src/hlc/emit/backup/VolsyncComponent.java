package hlc.emit.backup;

import hlc.model.App;
import hlc.resolve.ResolvedSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Kustomize components VolSync backups are written as: one per backup block and way of taking the copy
 * (its schedule and the Ceph class the snapshot is taken in), under {@code backup/volsync/<component>/}, which
 * every app the backup covers includes through its Flux Kustomization's {@code components}. The component
 * names nothing of the app: its Kustomization substitutes {@code VOLSYNC_APP} (the app, which is also its PVC's
 * name) and {@code VOLSYNC_NAMESPACE} (for the repository's path), and Flux's {@code targetNamespace} places it.
 *
 * <p>The schedule and the class stay in the component rather than in variables because VolSync's CRD checks
 * {@code trigger.schedule} against a cron pattern: a {@code ${VAR}} there would not validate before writing.
 * An app with a {@code schedule "CRON" for [app]} of its own therefore gets a second component.
 */
public final class VolsyncComponent {
    public static final String FOLDER = BackupEmitter.FOLDER + "/volsync";
    public static final String APP_VARIABLE = "VOLSYNC_APP";
    public static final String NAMESPACE_VARIABLE = "VOLSYNC_NAMESPACE";

    private VolsyncComponent() {}

    /** One component: its folder in the output and the apps that include it. */
    record Variant(String folder, BackupFacts.VolsyncApp first, List<BackupFacts.VolsyncApp> apps) {}

    /** What one app's Kustomization adds: the component's folder (in the output) and the variables it sets. */
    public record Use(String folder, Map<String, String> variables) {}

    private static final ResolvedSpec.Fact<List<Variant>> VARIANTS = new ResolvedSpec.Fact<>(VolsyncComponent::computeVariants);
    private static final ResolvedSpec.Fact<Map<String, Use>> USES = new ResolvedSpec.Fact<>(VolsyncComponent::computeUses);

    /** The component the app includes, if a VolSync backup covers it. */
    public static Optional<Use> forApp(ResolvedSpec ix, App a) {
        if (a.namespace() == null) return Optional.empty(); // VolSync covers only apps with a namespace
        return Optional.ofNullable(ix.derived(USES).get(useKey(a.namespace().text(), a.name().text())));
    }

    /** Each covered app's use (namespace, then app), the first variant listing it winning, as a scan would find. */
    private static Map<String, Use> computeUses(ResolvedSpec ix) {
        Map<String, Use> uses = new java.util.HashMap<>();
        for (Variant v : variants(ix)) {
            for (BackupFacts.VolsyncApp va : v.apps()) {
                uses.putIfAbsent(useKey(va.namespace(), va.app()), new Use(v.folder(), variables(va)));
            }
        }
        return uses;
    }

    private static String useKey(String namespace, String app) {
        return namespace + "\u0000" + app;
    }

    /**
     * The components, in a fixed order: a backup whose apps all share schedule and class has one, named after
     * the backup; otherwise one per schedule and class, numbered in the order of (schedule, class). Worked out
     * once per spec (every app's Kustomization asks for its own).
     */
    static List<Variant> variants(ResolvedSpec ix) {
        return ix.derived(VARIANTS);
    }

    private static List<Variant> computeVariants(ResolvedSpec ix) {
        Map<String, Map<String, List<BackupFacts.VolsyncApp>>> byBackup = new TreeMap<>();
        for (BackupFacts.VolsyncApp v : BackupFacts.volsync(ix)) {
            byBackup.computeIfAbsent(v.backup(), k -> new TreeMap<>())
                    .computeIfAbsent(v.cron() + "\u0000" + v.storageClass(), k -> new ArrayList<>()).add(v);
        }
        List<Variant> out = new ArrayList<>();
        byBackup.forEach((backup, groups) -> {
            int n = 1;
            for (List<BackupFacts.VolsyncApp> apps : groups.values()) {
                String name = groups.size() == 1 ? backup : backup + "-" + n++;
                out.add(new Variant(FOLDER + "/" + name, apps.get(0), List.copyOf(apps)));
            }
        });
        return List.copyOf(out);
    }

    /** The variables an app's Kustomization sets for the component. */
    static Map<String, String> variables(BackupFacts.VolsyncApp va) {
        Map<String, String> vars = new TreeMap<>();
        vars.put(APP_VARIABLE, va.app());
        vars.put(NAMESPACE_VARIABLE, va.namespace());
        return vars;
    }

    /** The variable reference Flux's postBuild replaces. */
    static String ref(String variable) {
        return "${" + variable + "}";
    }

    static Map<String, Object> sourceContext(BackupFacts.VolsyncApp v, String secret) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("name", ref(APP_VARIABLE));
        source.put("namespace", ref(NAMESPACE_VARIABLE));
        source.put("pvc", ref(APP_VARIABLE));
        source.put("cron", v.cron());
        source.put("secret", secret);
        source.put("storage_class", v.storageClass());
        source.put("keep", v.keep().entrySet().stream().map(e -> Map.of("key", e.getKey(), "value", e.getValue())).toList());
        source.put("within", v.within() == null ? "" : v.within());
        source.put("mover_volumes", List.of()); // a NAS export's NFS mount, set by the emitter
        return source;
    }
}

package hlc.emit;

import hlc.resolve.ResolvedSpec;
import hlc.model.App;
import hlc.model.Cluster;
import hlc.model.Located;
import hlc.model.Spec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The layout of home-ops repositories ({@code flux { layout namespaced }}): each app's Kustomization lives in the
 * app's own namespace, in a {@code ks.yaml} beside the folder it applies; each namespace's kustomization.yaml
 * sets that namespace, adds the components every app of it shares (alerts, secrets…) and lists the ks.yaml
 * files; the root {@code cluster-apps} applies the apps folder. Variables come from a Secret the spec names
 * ({@code substitute-from cluster-secrets}), present in every namespace; there is no cluster-settings ConfigMap.
 *
 * <pre>
 * flux/cluster/cluster-apps.yaml       root Kustomization → flux/apps (its place in the repository)
 * flux/apps/kustomization.yaml         lists the namespace folders
 * flux/apps/NS/kustomization.yaml      namespace NS, shared components, namespace.yaml and each ks.yaml
 * flux/apps/NS/namespace.yaml          the Namespace
 * flux/apps/NS/FOLDER/ks.yaml          the Kustomizations of the apps whose path is in FOLDER
 * flux/apps/NS/FOLDER/APP-secrets.yaml an ExternalSecret, when the app has secret variables
 * </pre>
 *
 * <p>The ks.yaml files mirror the repository's {@code kubernetes/apps}, the folder app paths point into (the apps'
 * own manifests stay there, the user's); the root applies them where the output really is. An app whose path is
 * {@code ./kubernetes/apps/NS/FOLDER/…} gets its ks.yaml in FOLDER, so apps sharing a folder
 * ({@code rook-ceph} and {@code rook-ceph-cluster}, whose path is {@code rook-ceph/cluster}) share a ks.yaml, as
 * in the repository; any other app gets a folder named after it.
 *
 * <p>Every {@code dependsOn} entry carries its namespace, even within the same namespace (Flux would default it
 * to the Kustomization's own): the file says where each dependency is without knowing that rule, the
 * repository writes it that way, and moving one app to another namespace cannot silently retarget the others.
 */
final class NamespacedFluxLayout implements FluxLayout {
    private static final String KS = "ks.yaml";
    /** A folder name taken from a path only when it is a plain name (never `namespace.yaml`, `..` or `.git`). */
    private static final Pattern FOLDER = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    @Override
    public List<FileSpec> files(ResolvedSpec ix, OutputPlace place) {
        Spec spec = ix.spec();
        Cluster cluster = spec.cluster();
        String interval = FluxEmitter.interval(ix);
        String clusterSecret = FluxEmitter.substituteFrom(cluster);
        List<FileSpec> files = new ArrayList<>();

        Map<String, Map<String, List<App>>> byFolder = new TreeMap<>();
        for (App a : spec.apps()) {
            byFolder.computeIfAbsent(a.namespace().text(), k -> new TreeMap<>())
                    .computeIfAbsent(folder(a), k -> new ArrayList<>()).add(a);
        }
        for (var namespace : byFolder.entrySet()) {
            files.addAll(namespaceFolder(namespace.getKey(), namespace.getValue(), ix, place, interval, clusterSecret));
        }
        List<String> nsFolders = byFolder.keySet().stream().map(ns -> "./" + ns).toList();
        if (!nsFolders.isEmpty()) {
            files.add(new FileSpec("flux/apps/kustomization.yaml", "kustomization.yaml.j2",
                    FluxEmitter.kustomizationFile("", List.of(), nsFolders), false));
        }
        Map<String, Object> rootCtx = new LinkedHashMap<>();
        rootCtx.put("interval", interval);
        rootCtx.put("path", place.path("flux/apps"));
        rootCtx.put("cluster_settings", false);
        rootCtx.put("depends", FluxRoots.appsDepend(ix));
        files.add(new FileSpec("flux/cluster/cluster-apps.yaml", "flux-root.yaml.j2", rootCtx, false));
        return files;
    }

    /**
     * One namespace's folder: its Namespace, a ks.yaml per app folder (with the apps' ExternalSecrets beside
     * it) and the kustomization.yaml that sets the namespace, adds its shared components and lists them all.
     */
    private static List<FileSpec> namespaceFolder(String ns, Map<String, List<App>> byFolder, ResolvedSpec ix,
                                                  OutputPlace place, String interval, String clusterSecret) {
        List<FileSpec> files = new ArrayList<>();
        String dir = "flux/apps/" + ns + "/";
        List<String> resources = new ArrayList<>();
        resources.add("./namespace.yaml");
        files.add(new FileSpec(dir + "namespace.yaml", "namespace.yaml.j2", FluxNamespaces.namespaceContext(ix.spec().cluster(), ns), false));
        for (var folder : byFolder.entrySet()) {
            List<App> apps = new ArrayList<>(folder.getValue());
            apps.sort(Comparator.comparing(a -> a.name().text()));
            String at = folder.getKey() + "/";
            List<Map<String, Object>> kustomizations = new ArrayList<>();
            TreeSet<String> secrets = new TreeSet<>();
            for (App a : apps) {
                kustomizations.add(appContext(a, ix, place, interval, clusterSecret));
                if (AppKustomization.hasSecrets(a)) {
                    String file = a.name().text() + "-secrets.yaml";
                    files.add(new FileSpec(dir + at + file, "externalsecret.yaml.j2",
                            AppKustomization.externalSecret(a, ns), false));
                    secrets.add("./" + at + file);
                }
            }
            files.add(new FileSpec(dir + at + KS, "flux-ks.yaml.j2", Map.of("kustomizations", kustomizations), false));
            resources.add("./" + at + KS);
            resources.addAll(secrets);
        }
        files.add(new FileSpec(dir + "kustomization.yaml", "kustomization.yaml.j2",
                FluxEmitter.kustomizationFile(ns, FluxNamespaces.sharedComponents(ix.spec().cluster(), place, ns), resources), false));
        return files;
    }

    /**
     * The folder under the namespace's that holds the app's ks.yaml: the one its path is in when that path is
     * {@code ./kubernetes/apps/NS/FOLDER/SUB…}, else the app's name.
     */
    static String folder(App a) {
        List<String> p = RepositoryPaths.segments(AppKustomization.path(a));
        List<String> apps = RepositoryPaths.segments(RepositoryPaths.APPS);
        String ns = a.namespace().text();
        if (p.size() > apps.size() + 2 && p.subList(0, apps.size()).equals(apps) && p.get(apps.size()).equals(ns)
                && FOLDER.matcher(p.get(apps.size() + 1)).matches()) {
            return p.get(apps.size() + 1);
        }
        return a.name().text();
    }

    /**
     * The app's Kustomization in its namespace: each dependency with the namespace of the app it names (names
     * of apps are unique in a spec, so the name finds it; HL071 has made sure it is where the spec says), and
     * variables from the cluster's Secret and the app's own.
     */
    private static Map<String, Object> appContext(App a, ResolvedSpec ix, OutputPlace place, String interval,
                                                  String clusterSecret) {
        Map<String, Object> c = AppKustomization.common(a, interval, ix, place);
        Map<String, Map<String, Object>> depends = new TreeMap<>();
        for (App.Dependency d : a.dependencies()) {
            App target = ix.apps().get(d.app().text());
            String ns = target != null ? target.namespace().text() : a.namespaceOf(d);
            depends.put(ns + "/" + d.app().text(), Map.of("name", d.app().text(), "namespace", ns));
        }
        c.put("depends", List.copyOf(depends.values()));
        List<Map<String, Object>> substituteFrom = new ArrayList<>();
        if (clusterSecret != null) substituteFrom.add(Map.of("kind", "Secret", "name", clusterSecret));
        if (AppKustomization.hasSecrets(a)) {
            substituteFrom.add(Map.of("kind", "Secret", "name", AppKustomization.secretsName(a)));
        }
        c.put("substitute_from", AppKustomization.substituteFrom(a, substituteFrom));
        return c;
    }
}

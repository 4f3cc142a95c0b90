package hlc.emit;

import hlc.resolve.ResolvedSpec;
import hlc.model.App;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sync folder ({@code flux/cluster}, the path Flux's own Kustomization applies) as a whole: its
 * kustomization.yaml, which lists the root {@code cluster-apps}, the layout's other files there and one
 * Kustomization per {@link AppliedFolder} the other emitters declare, so that everything hlc writes is applied
 * by something Flux reaches from the sync path.
 */
final class FluxTree {
    private FluxTree() {}

    /**
     * The Kustomizations of the applied folders and the sync folder's kustomization.yaml listing them with
     * {@code layoutFiles} (the layout's files in the sync folder, by name).
     */
    static List<FileSpec> syncFolder(ResolvedSpec ix, OutputPlace place, boolean namespaced, List<AppliedFolder> folders,
                                     List<String> layoutFiles, String interval, EmitProblems problems) {
        List<FileSpec> files = new ArrayList<>();
        List<String> resources = new ArrayList<>(layoutFiles.stream().map(f -> "./" + f).sorted().toList());
        Map<String, AppliedFolder> byName = new TreeMap<>();
        for (AppliedFolder f : folders) {
            if (byName.put(f.name(), f) != null) problems.internal("two applied folders are named " + f.name());
        }
        for (AppliedFolder f : byName.values()) {
            String file = f.name() + ".yaml";
            files.add(new FileSpec(OutputPlace.SYNC_FOLDER + "/" + file, "flux-folder.yaml.j2",
                    context(ix, place, namespaced, f, interval, problems), false));
            resources.add("./" + file);
        }
        files.add(new FileSpec(OutputPlace.SYNC_FOLDER + "/kustomization.yaml", "kustomization.yaml.j2",
                FluxEmitter.kustomizationFile("", List.of(), resources), false));
        return files;
    }

    private static Map<String, Object> context(ResolvedSpec ix, OutputPlace place, boolean namespaced, AppliedFolder f,
                                               String interval, EmitProblems problems) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", f.name());
        c.put("path", place.path(f.folder()));
        c.put("interval", interval);
        List<Map<String, Object>> depends = new ArrayList<>();
        for (String app : f.after()) {
            App a = ix.apps().get(app);
            if (a == null) {
                problems.internal("the folder " + f.folder() + " is to be applied after app " + app + ", which the spec lacks");
                continue;
            }
            depends.add(Map.of("name", app, "namespace", namespaced ? a.namespace().text() : FluxEmitter.FLUX_NS));
        }
        c.put("depends", depends);
        List<Map<String, Object>> health = new ArrayList<>();
        for (AppliedFolder.ReadyWhen r : f.readyWhen()) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("api_version", r.apiVersion());
            h.put("kind", r.kind());
            h.put("current", r.current());
            h.put("failed", r.failed() == null ? "" : r.failed());
            health.add(h);
        }
        c.put("health", health);
        // The folders' resources may name the same variables the apps do (a dns-provider's `domains` holding
        // ${SECRET_DOMAIN}): without a postBuild, Flux would apply the text `${SECRET_DOMAIN}` itself.
        List<Map<String, Object>> from = new ArrayList<>();
        if (!namespaced) from.add(Map.of("kind", "ConfigMap", "name", FlatFluxLayout.SETTINGS));
        String clusterSecret = FluxEmitter.substituteFrom(ix.spec().cluster());
        if (clusterSecret != null) from.add(Map.of("kind", "Secret", "name", clusterSecret));
        c.put("substitute_from", from);
        c.put("wait", !health.isEmpty());
        return c;
    }

    /**
     * A kustomization.yaml for each applied folder whose emitter wrote none, listing the folder's YAML files
     * (those of its subfolders too, by relative path) in path order: what {@code kubectl kustomize} and Flux
     * build. Other files there (the UniFi JSON beside the DNSEndpoints) are data for people, not resources.
     */
    static List<FileSpec> folderKustomizations(List<FileSpec> specs, List<AppliedFolder> folders) {
        List<FileSpec> out = new ArrayList<>();
        for (AppliedFolder f : folders) {
            String dir = String.join("/", RepositoryPaths.segments(f.folder())) + "/";
            if (specs.stream().anyMatch(s -> s.path().equals(dir + "kustomization.yaml"))) continue;
            // A folder inside this one that is applied on its own (dns/providers in dns) is its Kustomization's
            // alone: two Kustomizations applying one object would fight over it and prune it from each other.
            List<String> nested = folders.stream().map(g -> String.join("/", RepositoryPaths.segments(g.folder())) + "/")
                    .filter(g -> !g.equals(dir) && g.startsWith(dir)).toList();
            List<String> resources = specs.stream().map(FileSpec::path)
                    .filter(p -> p.startsWith(dir) && (p.endsWith(".yaml") || p.endsWith(".yml")))
                    .filter(p -> nested.stream().noneMatch(p::startsWith))
                    .map(p -> "./" + p.substring(dir.length())).sorted().toList();
            if (resources.isEmpty()) continue;
            out.add(new FileSpec(dir + "kustomization.yaml", "kustomization.yaml.j2",
                    FluxEmitter.kustomizationFile("", List.of(), resources), false));
        }
        return out;
    }
}

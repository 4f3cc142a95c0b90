package hlc.emit;

import hlc.resolve.ResolvedSpec;
import hlc.model.Cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Flux CD: a {@code Kustomization} (kustomize.toolkit.fluxcd.io/v1) for every app and the root
 * {@code cluster-apps} Kustomization that applies them, laid out as the spec's {@code flux { layout … }} says:
 * {@link FlatFluxLayout} (the default: every app in flux-system, a cluster-settings ConfigMap) or
 * {@link NamespacedFluxLayout} (each app in its own namespace, as home-ops repositories have it).
 */
public final class FluxEmitter implements Emitter {
    static final String FLUX_NS = "flux-system";

    private final OutputPlace place;
    private final List<Emitter> applied;

    /** Flux's files alone, for an output folder placed where the spec implies ({@link OutputPlace#fromSpec}). */
    public FluxEmitter() {
        this(null, List.of());
    }

    /**
     * Flux's files for an output folder at {@code place} in the repository (null: where the spec implies),
     * including a Kustomization for every folder the {@code applied} emitters declare.
     */
    public FluxEmitter(OutputPlace place, List<Emitter> applied) {
        this.place = place;
        this.applied = List.copyOf(applied);
    }

    @Override
    public List<FileSpec> files(ResolvedSpec ix, EmitProblems problems) {
        OutputPlace at = placeFor(ix.spec().cluster());
        List<FileSpec> files = new ArrayList<>(layoutOf(ix).files(ix, at));
        FileSpec source = gitRepository(ix);
        if (source != null) files.add(source);
        files.addAll(FluxRoots.files(ix, interval(ix)));
        List<String> inSync = files.stream().map(FileSpec::path)
                .filter(p -> p.startsWith(OutputPlace.SYNC_FOLDER + "/"))
                .map(p -> p.substring(OutputPlace.SYNC_FOLDER.length() + 1)).toList();
        files.addAll(FluxTree.syncFolder(ix, at, namespaced(ix), foldersToApply(ix), inSync, interval(ix), problems));
        return files;
    }

    /** Where the GitRepository goes: the sync folder, so the tree keeps its own source as the spec says. */
    static final String GIT_REPOSITORY = OutputPlace.SYNC_FOLDER + "/git-repository.yaml";

    /**
     * The {@code flux-system} GitRepository that the root and every app Kustomization name as their source, when
     * the spec says which repository Flux syncs: its URL and branch ({@code main} when none is written), polled
     * at the Flux interval. An {@code ssh://} URL needs a deploy key: the Secret {@code flux-system} that
     * {@code flux bootstrap} makes. Null without a {@code repository}.
     */
    static FileSpec gitRepository(ResolvedSpec ix) {
        Cluster c = ix.spec().cluster();
        if (c == null || c.flux() == null || c.flux().repository() == null) return null;
        String url = c.flux().repository().value();
        Map<String, Object> ctx = new java.util.LinkedHashMap<>();
        ctx.put("interval", interval(ix));
        ctx.put("url", url);
        ctx.put("branch", c.flux().branch() == null ? DEFAULT_BRANCH : c.flux().branch().text());
        ctx.put("secret", url.startsWith("ssh://") ? FLUX_NS : "");
        return new FileSpec(GIT_REPOSITORY, "flux-gitrepository.yaml.j2", ctx, false);
    }

    /** The branch Flux follows when the spec names none: the default branch of a new GitHub repository. */
    static final String DEFAULT_BRANCH = "main";

    /** Every folder the other emitters of this compile declare, in their order (Flux's own tree is none of them). */
    List<AppliedFolder> foldersToApply(ResolvedSpec ix) {
        List<AppliedFolder> out = new ArrayList<>();
        for (Emitter e : applied) out.addAll(e.appliedFolders(ix));
        return out;
    }

    /** Where the output sits: as given, else as the spec implies. */
    OutputPlace placeFor(Cluster c) {
        return place != null ? place : OutputPlace.fromSpec(c);
    }

    static FluxLayout layoutOf(ResolvedSpec ix) {
        return namespaced(ix) ? new NamespacedFluxLayout() : new FlatFluxLayout();
    }

    static boolean namespaced(ResolvedSpec ix) {
        return ix.cluster() != null && ix.cluster().namespacedFlux();
    }

    /** The Secret of variables every app substitutes from, when the spec names one ({@code substitute-from}). */
    static String substituteFrom(Cluster c) {
        return c != null && c.flux() != null && c.flux().substituteFrom() != null ? c.flux().substituteFrom().text() : null;
    }

    /** The interval of the root Kustomization and of every app that sets none, in Go's syntax. */
    static String interval(ResolvedSpec ix) {
        return GoDuration.of(ix.cluster() == null ? ResolvedSpec.DEFAULT_FLUX_INTERVAL : ix.cluster().fluxInterval().value());
    }

    /**
     * Data for a kustomize kustomization.yaml: the namespace it sets on everything it lists and the components
     * it adds (empty for none), and what it lists.
     */
    static Map<String, Object> kustomizationFile(String namespace, List<String> components, List<String> resources) {
        return Map.of("namespace", namespace, "components", List.copyOf(components), "resources", List.copyOf(resources));
    }

    /** A sorted map as a list of key/value pairs: templates iterate lists in a fixed order. */
    static List<Map<String, Object>> entries(Map<String, String> map) {
        List<Map<String, Object>> out = new ArrayList<>();
        new TreeMap<>(map).forEach((k, v) -> out.add(Map.of("key", k, "value", v)));
        return out;
    }
}

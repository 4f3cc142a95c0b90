package hlc.emit;

import hlc.model.Cluster;

import java.util.List;

/**
 * Where the output folder sits in the GitOps repository Flux syncs, as a repository path ({@code ./out}, or
 * {@code .} for the repository's root): every path hlc writes that Flux resolves from the source root (the root
 * Kustomization's path, the applied folders', components seen from a namespace folder) is this plus the file's
 * place in the output.
 *
 * <p>Known from git when the output folder is in a work tree ({@code hlc.repo.Repository}); else from the spec:
 * a {@code flux path} that ends in {@code /flux/cluster} names the sync folder, so the output folder is what
 * comes before it; else {@code ./out}, the folder the README tells a user to commit.
 */
public record OutputPlace(String root) {
    public static final OutputPlace DEFAULT = new OutputPlace("./out");
    /** The folder of the output that Flux's own sync path must name. */
    public static final String SYNC_FOLDER = "flux/cluster";

    public OutputPlace {
        List<String> s = RepositoryPaths.segments(root);
        root = s.isEmpty() ? "." : "./" + String.join("/", s);
    }

    /** The place the spec implies when hlc cannot see the repository. */
    public static OutputPlace fromSpec(Cluster c) {
        return fromSpec(c, "");
    }

    /**
     * The place of one cluster's folder ({@code ""}: the output folder itself) when hlc cannot see the
     * repository: the default output folder's {@code folder}. With one cluster a Flux path ending in
     * flux/cluster names the place instead; with several, each cluster's tree is in its own folder whatever
     * the path says, and a path that disagrees is reported (HL076).
     */
    public static OutputPlace fromSpec(Cluster c, String folder) {
        String sync = c != null && c.flux() != null && c.flux().path() != null ? c.flux().path().value() : null;
        OutputPlace p = sync == null ? null : ofSyncPath(sync);
        if (!folder.isEmpty()) {
            return p != null && RepositoryPaths.segments(p.root).size() > 0 && RepositoryPaths.segments(p.root)
                    .get(RepositoryPaths.segments(p.root).size() - 1).equals(folder) ? p : DEFAULT.in(folder);
        }
        return p == null ? DEFAULT : p;
    }

    /** The place of a folder of this output ({@code edge}: {@code ./out/edge}); itself for {@code ""}. */
    public OutputPlace in(String folder) {
        return folder.isEmpty() ? this : new OutputPlace(path(folder));
    }

    /** The output folder whose sync folder is {@code sync}, or null when that path does not end in flux/cluster. */
    public static OutputPlace ofSyncPath(String sync) {
        List<String> s = RepositoryPaths.segments(sync);
        List<String> tail = RepositoryPaths.segments(SYNC_FOLDER);
        if (s.size() < tail.size() || !s.subList(s.size() - tail.size(), s.size()).equals(tail)) return null;
        if (s.contains("..")) return null;
        return new OutputPlace(String.join("/", s.subList(0, s.size() - tail.size())));
    }

    /** A file or folder of the output ({@code flux/apps}) as a repository path ({@code ./out/flux/apps}). */
    public String path(String inOutput) {
        List<String> s = RepositoryPaths.segments(inOutput);
        if (s.isEmpty()) return root;
        return (root.equals(".") ? "." : root) + "/" + String.join("/", s);
    }

    /** The path Flux's own Kustomization (the sync path) must name for hlc's tree to be applied. */
    public String syncPath() {
        return path(SYNC_FOLDER);
    }
}

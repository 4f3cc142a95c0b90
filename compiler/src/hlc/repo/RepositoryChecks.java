package hlc.repo;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.diag.Suggest;
import hlc.emit.OutputPlace;
import hlc.emit.RepositoryPaths;
import hlc.model.App;
import hlc.model.Cluster;
import hlc.model.Located;
import hlc.model.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What a compile can only know from where its output goes: the output folder's place in the repository Flux
 * syncs, and the findings about paths that would resolve to nothing there.
 *
 * <ul>
 *   <li>HL076: the spec's {@code flux path} (the sync path of the Flux instance) is not the folder hlc writes
 *   the root of its tree into, {@code <output>/flux/cluster}: Flux would sync a folder without it.</li>
 *   <li>HL077: a Kustomize component (of a namespace folder or an app) that is no folder with a
 *   kustomization.yaml under the repository's {@code kubernetes/components}: kustomize fails the whole folder.</li>
 *   <li>HL078: an app's folder (its {@code path}, else the default {@code ./kubernetes/apps/NS/APP/app}) that is
 *   no folder of the repository: Flux fails the app's Kustomization, and everything that depends on it waits.</li>
 * </ul>
 * HL077 and HL078 only when hlc sees the repository Flux syncs: the output folder is in a git work tree, and the
 * spec's {@code flux repository} names none or one of that work tree's remotes ({@link Repository#isOrMayBe}).
 * Otherwise the apps and components live in a repository hlc cannot see (the bundled specs describe the cluster's
 * repository, not hlc's own); the README says what to commit where.
 */
public final class RepositoryChecks {
    private RepositoryChecks() {}

    /** Where the output folder sits and what is wrong about it; the findings go to {@code reporter}. */
    public static OutputPlace run(Path out, Spec spec, Reporter reporter) {
        return run(Repository.holding(out), spec, reporter);
    }

    /**
     * The same for a repository given as it will be committed ({@code hlc gate} checks a copy of the index,
     * which git knows nothing of); empty for none.
     */
    public static OutputPlace run(Optional<Repository> repo, Spec spec, Reporter reporter) {
        return run(repo, spec, "", reporter);
    }

    /**
     * The same for one cluster of several, written into {@code folder} of the output folder ({@code ""}: the
     * output folder itself, a spec with one cluster). Without the repository, a Flux path that implies a place
     * outside that folder is HL076 too: the cluster's tree would be looked for where another's is.
     */
    public static OutputPlace run(Optional<Repository> repo, Spec spec, String folder, Reporter reporter) {
        OutputPlace place = repo.map(r -> new OutputPlace(r.outputInRepository()).in(folder))
                .orElseGet(() -> OutputPlace.fromSpec(spec.cluster(), folder));
        syncPath(spec.cluster(), place, repo.isPresent() || !folder.isEmpty(), reporter);
        Cluster c = spec.cluster();
        String fluxRepository = c != null && c.flux() != null && c.flux().repository() != null ? c.flux().repository().value() : null;
        repo.filter(r -> r.isOrMayBe(fluxRepository)).ifPresent(r -> {
            components(spec, r.top(), reporter);
            appFolders(spec, r.top(), reporter);
        });
        return place;
    }

    /**
     * HL076 as {@code hlc check} finds it, without knowing where the output goes: a {@code flux path} that does
     * not end in {@code /flux/cluster} names a folder hlc never writes, wherever the output folder is committed.
     * (A compile stops at this error, so {@link #run} does not report it again.)
     */
    public static void syncPathShape(Cluster c, Reporter reporter) {
        if (c == null || c.flux() == null || c.flux().path() == null) return;
        if (OutputPlace.ofSyncPath(c.flux().path().value()) != null) return;
        syncPath(c, OutputPlace.fromSpec(c), false, reporter);
    }

    private static void syncPath(Cluster c, OutputPlace place, boolean seen, Reporter reporter) {
        if (c == null || c.flux() == null || c.flux().path() == null) return;
        Located<String> path = c.flux().path();
        String wanted = place.syncPath();
        if (String.join("/", RepositoryPaths.segments(path.value())).equals(String.join("/", RepositoryPaths.segments(wanted)))) return;
        if (seen) {
            reporter.error(Code.HL076, path.span(), "Flux would sync `" + path.value() + "`, but the output folder is `"
                            + place.root() + "` in this repository: the root of hlc's Flux tree is `" + wanted + "`")
                    .hint("write `path \"" + wanted + "\"`" + (OutputPlace.ofSyncPath(path.value()) == null ? ""
                            : ", or compile into the folder that path implies (`--out "
                            + folder(OutputPlace.ofSyncPath(path.value())) + "` from the repository's root)"))
                    .emit();
        } else {
            reporter.error(Code.HL076, path.span(), "Flux would sync `" + path.value() + "`, a folder hlc never writes:"
                            + " its tree starts at `<output folder>/" + OutputPlace.SYNC_FOLDER + "`")
                    .hint("write the path where you commit the output folder, followed by /" + OutputPlace.SYNC_FOLDER
                            + " (`\"./out/" + OutputPlace.SYNC_FOLDER + "\"` for out/ at the repository's root)")
                    .emit();
        }
    }

    private static String folder(OutputPlace p) {
        return p.root().equals(".") ? "." : p.root().substring(2);
    }

    private static void components(Spec spec, Path top, Reporter reporter) {
        Path root = top.resolve(String.join("/", RepositoryPaths.segments(RepositoryPaths.COMPONENTS)));
        List<String> present = present(root);
        List<Located<String>> used = new ArrayList<>();
        Cluster c = spec.cluster();
        if (c != null && c.flux() != null && c.flux().namespaced()) {
            for (Cluster.Namespace n : c.flux().namespaces()) used.addAll(n.components());
        }
        for (App a : spec.apps()) used.addAll(a.components());
        for (Located<String> comp : used) {
            String name = String.join("/", RepositoryPaths.segments(comp.value()));
            if (present.contains(name)) continue;
            String dym = Suggest.didYouMean(name, present);
            reporter.error(Code.HL077, comp.span(), "component `" + comp.value() + "` is not in the repository: "
                            + RepositoryPaths.COMPONENTS + "/" + name + " has no kustomization.yaml")
                    .hint(dym != null ? dym : "add the component there (a kustomization.yaml of kind Component), or remove it from the spec")
                    .emit();
        }
    }

    private static void appFolders(Spec spec, Path top, Reporter reporter) {
        for (App a : spec.apps()) {
            if (a.namespace() == null) continue; // HL007 has said so
            String path = a.path() != null ? a.path().value()
                    : RepositoryPaths.defaultAppPath(a.namespace().text(), a.name().text());
            List<String> segs = RepositoryPaths.segments(path);
            if (!segs.isEmpty() && segs.get(0).equals("..")) continue; // outside the repository: HL004 at parse time
            if (Files.isDirectory(top.resolve(String.join("/", segs)))) continue;
            String closest = closestFolder(top, segs);
            String where = a.path() != null ? "" : " (the default for its namespace and name; write `path \"…\"` for another)";
            var d = reporter.error(Code.HL078, a.path() != null ? a.path().span() : a.name().span(),
                    "app `" + a.name() + "`'s folder `" + path + "` is not in the repository" + where);
            if (closest != null && a.path() != null) {
                d.suggest(a.path().span(), "\"" + closest + "\"", "did you mean `" + closest + "`?");
            } else if (closest != null) {
                d.hint("did you mean `" + closest + "`? (write `path \"" + closest + "\"` in the app)");
            } else {
                d.hint("commit the app's manifests there (a kustomization.yaml and what it lists), or point `path` at their folder");
            }
            d.emit();
        }
    }

    /**
     * The folder of the repository closest to a missing one: where the path first leaves the repository, the
     * nearest sibling by name, followed by the rest of the path, when that exists.
     */
    private static String closestFolder(Path top, List<String> segs) {
        Path at = top;
        for (int i = 0; i < segs.size(); i++) {
            Path next = at.resolve(segs.get(i));
            if (Files.isDirectory(next)) {
                at = next;
                continue;
            }
            List<String> siblings;
            try (Stream<Path> s = Files.list(at)) {
                siblings = s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
            } catch (IOException | java.io.UncheckedIOException e) {
                return null;
            }
            String near = Suggest.closest(segs.get(i), siblings);
            if (near == null) return null;
            List<String> fixed = new ArrayList<>(segs);
            fixed.set(i, near);
            return Files.isDirectory(top.resolve(String.join("/", fixed))) ? "./" + String.join("/", fixed) : null;
        }
        return null;
    }

    /** Every folder under {@code root} with a kustomization.yaml, by its path from there. */
    private static List<String> present(Path root) {
        if (!Files.isDirectory(root)) return List.of();
        TreeSet<String> out = new TreeSet<>();
        try (Stream<Path> s = Files.walk(root, 6)) {
            s.filter(p -> p.getFileName().toString().matches("kustomization\\.ya?ml|Kustomization"))
                    .map(p -> root.relativize(p.getParent()).toString().replace('\\', '/'))
                    .filter(p -> !p.isEmpty()).forEach(out::add);
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.copyOf(out);
        }
        return List.copyOf(out);
    }
}

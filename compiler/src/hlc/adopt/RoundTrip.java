package hlc.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import hlc.Compiler;
import hlc.diag.Reporter;
import hlc.emit.FluxEmitter;
import hlc.emit.OutputPlace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What compiling an imported spec would change in the cluster: the facts of every Flux Kustomization (and of
 * each namespace folder's shared components) in the repository, against the same facts of what
 * {@code hlc compile} writes from the spec. A fact only on the left is lost by adopting hlc, one only on the right
 * is added; none on either side means the Flux side round-trips. Rook's values are compared the same way
 * ({@link CephRoundTrip}), and so are the other storage classes ({@link StorageRoundTrip}), whether
 * each pinned load-balancer address is in a pool Cilium hands out ({@link LoadBalancerRoundTrip}), Cilium's BGP
 * resources ({@link BgpRoundTrip}) and external-dns's values ({@link ExternalDnsRoundTrip}).
 */
public final class RoundTrip {
    /** The facts of both sides and the compile's findings (a spec that does not check still has its Flux side). */
    public record Result(TreeSet<String> repository, TreeSet<String> compiled, Reporter reporter) {
        public List<String> lost() {
            List<String> l = new ArrayList<>(repository);
            l.removeAll(compiled);
            return l;
        }

        public List<String> added() {
            List<String> l = new ArrayList<>(compiled);
            l.removeAll(repository);
            return l;
        }

        /** {@code - fact} for what adopting loses, {@code + fact} for what it adds, in the order of the facts. */
        public String diff() {
            TreeSet<String> all = new TreeSet<>(repository);
            all.addAll(compiled);
            StringBuilder out = new StringBuilder();
            for (String f : all) {
                if (!compiled.contains(f)) out.append("- ").append(f).append('\n');
                else if (!repository.contains(f)) out.append("+ ").append(f).append('\n');
            }
            return out.toString();
        }
    }

    private RoundTrip() {}

    /**
     * A root's facts but cluster-apps's path: hlc's cluster-apps applies the namespace folders where hlc writes
     * them ({@code <output>/flux/apps}), which is the output folder's place, not a fact of the cluster. The
     * other roots apply a folder of the repository (a {@code root}'s path as written), which is one.
     */
    private static List<String> withoutPath(List<String> facts) {
        return facts.stream().filter(f -> !(f.startsWith("flux-system/cluster-apps ") && f.split(" ", 3)[1].equals("path"))).toList();
    }

    /** Compares the repository's tree with what the spec at {@code rootSpec} compiles to. */
    public static Result compare(FluxTree tree, Path rootSpec) throws IOException {
        return compare(tree, rootSpec, Compiler.check(rootSpec));
    }

    /**
     * The same, with the spec already checked: every comparison of the tree's side (Kustomizations, Rook, the
     * other storage classes, pinned load balancers, external-dns, Cilium's BGP), the one list `hlc import --diff`
     * and the tests share.
     */
    static Result compare(FluxTree tree, Path rootSpec, Compiler.Result checked) throws IOException {
        TreeSet<String> repository = repositoryFacts(tree), compiled = compiledFacts(checked, rootSpec);
        repository.addAll(CephRoundTrip.repositoryFacts(tree));
        compiled.addAll(CephRoundTrip.compiledFacts(checked, rootSpec));
        repository.addAll(StorageRoundTrip.repositoryFacts(tree));
        compiled.addAll(StorageRoundTrip.compiledFacts(checked, rootSpec));
        repository.addAll(LoadBalancerRoundTrip.repositoryFacts(tree));
        compiled.addAll(LoadBalancerRoundTrip.compiledFacts(checked, rootSpec));
        repository.addAll(ExternalDnsRoundTrip.repositoryFacts(tree));
        compiled.addAll(ExternalDnsRoundTrip.compiledFacts(checked, rootSpec));
        if (checked.spec() != null) {
            repository.addAll(BgpRoundTrip.repositoryFacts(tree, checked.spec().hosts()));
            compiled.addAll(BgpRoundTrip.compiledFacts(checked, rootSpec));
        }
        return new Result(repository, compiled, checked.reporter());
    }

    /** The facts of every Kustomization of the tree, its roots included, and of the namespace folders' components. */
    public static TreeSet<String> repositoryFacts(FluxTree tree) {
        TreeSet<String> repository = new TreeSet<>();
        for (FluxKustomization k : tree.roots()) repository.addAll(withoutPath(KustomizationFacts.of(k.namespace(), k.doc().node())));
        for (FluxKustomization k : tree.apps()) repository.addAll(KustomizationFacts.of(k.namespace(), k.doc().node()));
        for (NamespaceFolder ns : tree.namespaces()) {
            for (String c : ns.components()) repository.add("namespace " + ns.namespace() + " component " + c);
        }
        return repository;
    }

    /**
     * The same facts of what the Flux emitter writes for a checked spec (even one with findings elsewhere: the
     * Flux side of a spec whose Talos release hlc cannot emit is still worth comparing).
     */
    public static TreeSet<String> compiledFacts(Compiler.Result checked, Path rootSpec) {
        TreeSet<String> compiled = new TreeSet<>();
        if (checked.resolved() == null || checked.spec().cluster() == null) return compiled;
        OutputPlace place = OutputPlace.fromSpec(checked.spec().cluster());
        for (EmittedDocuments.Document doc : EmittedDocuments.of(checked.resolved(), rootSpec, List.of(new FluxEmitter()))) {
            JsonNode d = doc.node();
            if (d.path("kind").asText().equals("Kustomization") && d.path("apiVersion").asText().startsWith(FluxTreeReader.FLUX_KS_API)) {
                List<String> facts = KustomizationFacts.of(d.at("/metadata/namespace").asText("flux-system"), d);
                compiled.addAll(doc.path().startsWith("flux/cluster/") ? withoutPath(facts) : facts);
            } else if (d.path("kind").asText().equals("Kustomization") && d.hasNonNull("namespace") && doc.path().startsWith("flux/apps/")) {
                // Components are relative to the folder the file really is in: the output's place plus its path.
                String dir = FluxTreeReader.normalize(place.path(doc.path().substring(0, doc.path().lastIndexOf('/'))));
                for (JsonNode c : d.path("components")) {
                    compiled.add("namespace " + d.path("namespace").asText() + " component " + FluxTreeReader.repoPath(dir, c.asText()));
                }
            }
        }
        return compiled;
    }
}

package hlc.emit;

import hlc.model.Cluster;
import hlc.model.Located;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a {@code flux { namespace NS { … } }} block gives the namespace's folder, in either layout: its shared
 * components (in the folder's kustomization.yaml) and its description (on the Namespace object).
 */
final class FluxNamespaces {
    private FluxNamespaces() {}

    /**
     * The components every app of a namespace gets, in the order the spec lists them, relative to the folder
     * the namespace's kustomization.yaml is really in (kustomize reads them from there): the repository's
     * {@code kubernetes/components}, seen from the output's {@code flux/apps/NS}.
     */
    static List<String> sharedComponents(Cluster cluster, OutputPlace place, String ns) {
        Set<String> out = new LinkedHashSet<>();
        String from = place.path("flux/apps/" + ns);
        for (Cluster.Namespace n : blocks(cluster)) {
            if (!n.name().text().equals(ns)) continue;
            for (Located<String> comp : n.components()) {
                out.add(RepositoryPaths.relative(from, RepositoryPaths.COMPONENTS + "/" + comp.value()));
            }
        }
        return List.copyOf(out);
    }

    /**
     * The Namespace object's template context: its name and the block's description, written as the
     * {@code kubernetes.io/description} annotation ({@code kubectl describe namespace} shows it); the first
     * block of the namespace that has one gives it.
     */
    static Map<String, Object> namespaceContext(Cluster cluster, String ns) {
        String description = blocks(cluster).stream()
                .filter(n -> n.name().text().equals(ns) && n.description() != null)
                .map(Cluster.Namespace::description).findFirst().orElse("");
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", ns);
        c.put("description", description);
        return c;
    }

    private static List<Cluster.Namespace> blocks(Cluster cluster) {
        return cluster == null || cluster.flux() == null ? List.of() : cluster.flux().namespaces();
    }
}

package hlc.graph;

import hlc.graph.Graph.Shape;
import hlc.graph.Graph.Style;
import hlc.model.App;
import hlc.model.Name;
import hlc.model.Spec;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Flux dependency graph: one group per namespace, one node per app (its Kustomization), and one edge from
 * each app to each app it depends on, the way {@code dependsOn} reads. A dependency named twice is one edge.
 */
public final class AppGraph {
    private static final String NAMESPACE = "g_ns";
    private static final String APP = "app";

    private AppGraph() {}

    public static Graph of(Spec spec) {
        GraphBuilder g = new GraphBuilder("apps", Graph.Direction.LR);
        Map<String, List<App>> byNamespace = new TreeMap<>();
        for (App a : ByName.sorted(spec.apps(), App::name)) {
            byNamespace.computeIfAbsent(a.namespace() == null ? "" : a.namespace().text(), k -> new java.util.ArrayList<>()).add(a);
        }
        TreeSet<String> declared = new TreeSet<>();
        for (var entry : byNamespace.entrySet()) {
            String group = entry.getKey().isEmpty() ? null : g.group(NAMESPACE, entry.getKey(), entry.getKey());
            for (App a : entry.getValue()) {
                // The release it pins and the external services it relies on, when the spec says.
                String more = Labels.join(a.version() == null ? null : a.version().value(),
                        a.uses().isEmpty() ? null : "uses " + String.join(", ", a.uses().stream().map(Name::text).toList()));
                g.node(APP, a.name().text(), Shape.ROUNDED, group, more.isEmpty() ? List.of(a.name().text()) : List.of(a.name().text(), more));
                declared.add(a.name().text());
            }
        }
        for (App a : ByName.sorted(spec.apps(), App::name)) {
            for (Name dep : a.depends()) {
                if (declared.contains(dep.text())) g.edge(g.id(APP, a.name().text()), g.id(APP, dep.text()), "", Style.SOLID);
            }
        }
        return g.build();
    }
}

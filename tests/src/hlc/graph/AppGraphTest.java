package hlc.graph;

import hlc.model.App;
import hlc.model.Spec;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code hlc graph --apps}: namespaces as groups, one edge per dependency. */
class AppGraphTest {
    static String homelab() throws IOException {
        return Files.readString(Path.of(System.getProperty("hlc.project.dir", ".")).resolve("spec/homelab.hl"));
    }

    @Test
    void theRealSpecHasOneEdgePerDependency() throws IOException {
        Spec spec = TopologyGraphTest.spec(homelab());
        Graph g = AppGraph.of(spec);
        List<String> expected = spec.apps().stream()
                .flatMap(a -> a.depends().stream().map(dep -> a.name() + " -> " + dep)).sorted().toList();
        // Edges read back by the names on their nodes, so the test does not lean on the id scheme.
        List<String> actual = g.edges().stream()
                .map(e -> g.node(e.from()).lines().get(0) + " -> " + g.node(e.to()).lines().get(0)).sorted().toList();
        assertEquals(expected, actual);
        assertEquals(25, actual.size(), "the dependencies spec/homelab.hl declares");
        assertEquals(expected.size(), MermaidWriter.write(g).lines().filter(l -> l.contains(" --> ")).count());
        assertEquals(expected.size(), DotWriter.write(g).lines().filter(l -> l.contains(" -> ")).count());
        RoundTrip.check(g);
    }

    @Test
    void appsAreGroupedByNamespaceInNameOrder() throws IOException {
        Spec spec = TopologyGraphTest.spec(homelab());
        Graph g = AppGraph.of(spec);
        List<String> namespaces = spec.apps().stream().map(a -> a.namespace().text()).distinct().sorted().toList();
        assertEquals(namespaces, g.groups().stream().map(Graph.Group::label).toList());
        for (App a : spec.apps()) {
            assertEquals("g_ns_" + Ids.sanitize(a.namespace().text()), g.node("app_" + Ids.sanitize(a.name().text())).group(), a.name().text());
        }
        assertEquals(List.of("app_jellyfin", "app_plex", "app_qbittorrent", "app_radarr", "app_sonarr"),
                g.nodesIn("g_ns_media").stream().map(Graph.Node::id).toList());
    }

    @Test
    void aDependencyNamedTwiceIsOneEdge() {
        Graph g = AppGraph.of(TopologyGraphTest.spec("""
                app a { namespace x  depends [b, b, c] }
                app b { namespace x }
                app c { namespace y  depends [b] }
                """));
        assertEquals(List.of(new Graph.Edge("app_a", "app_b", "", Graph.Style.SOLID),
                new Graph.Edge("app_a", "app_c", "", Graph.Style.SOLID),
                new Graph.Edge("app_c", "app_b", "", Graph.Style.SOLID)), g.edges());
        assertEquals("""
                flowchart LR
                  subgraph g_ns_x ["x"]
                    app_a("a")
                    app_b("b")
                  end
                  subgraph g_ns_y ["y"]
                    app_c("c")
                  end
                  app_a --> app_b
                  app_a --> app_c
                  app_c --> app_b
                """, MermaidWriter.write(g));
    }
}

package hlc.graph;

import hlc.graph.Graph.Edge;
import hlc.graph.Graph.Group;
import hlc.graph.Graph.Node;
import hlc.graph.Graph.Shape;
import hlc.graph.Graph.Style;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Collects groups, nodes and edges while a spec is walked, then makes the {@link Graph}. Things are named by kind
 * and spec name and {@link Ids} turns that into ids, so the parts of a builder can refer to each other's nodes
 * without passing ids around. Adding a node twice keeps the first; groups nobody put a node in are dropped
 * (an empty Mermaid subgraph draws a stray box, an empty DOT cluster draws nothing).
 */
final class GraphBuilder {
    private final String name;
    private final Graph.Direction direction;
    private final Ids ids = new Ids();
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final List<Edge> edges = new ArrayList<>();

    GraphBuilder(String name, Graph.Direction direction) {
        this.name = name;
        this.direction = direction;
    }

    /** The id of a node or group, whether or not it has been added yet. */
    String id(String kind, String name) {
        return ids.of(kind, name);
    }

    String group(String kind, String name, String label) {
        String id = ids.of(kind, name);
        groups.putIfAbsent(id, new Group(id, label));
        return id;
    }

    /** Adds a node (unless it exists) in a group (null for none); blank label lines are left out. */
    String node(String kind, String name, Shape shape, String group, List<String> lines) {
        String id = ids.of(kind, name);
        List<String> kept = lines.stream().filter(l -> l != null && !l.isBlank()).toList();
        nodes.putIfAbsent(id, new Node(id, kept.isEmpty() ? List.of(name) : kept, shape, group));
        return id;
    }

    boolean has(String id) {
        return nodes.containsKey(id);
    }

    void edge(String from, String to, String label, Style style) {
        edges.add(new Edge(from, to, label, style));
    }

    Graph build() {
        List<Group> used = groups.values().stream()
                .filter(g -> nodes.values().stream().anyMatch(n -> Objects.equals(n.group(), g.id()))).toList();
        return new Graph(name, direction, used, List.copyOf(nodes.values()), edges);
    }
}

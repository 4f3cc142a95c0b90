package hlc.graph;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A diagram before it is written in any syntax: groups (Mermaid subgraphs, DOT clusters), nodes with label lines
 * and a shape, and edges with an optional label and a line style. The writers only translate it; everything a
 * diagram says is decided here or by the builders, so Mermaid and DOT always show the same graph.
 *
 * <p>Ids are already safe in both syntaxes ({@code [A-Za-z][A-Za-z0-9_]*}, see {@link Ids}). Labels are the
 * user's text, unescaped: each writer escapes them for its own syntax. Nodes and groups keep the order the
 * builder gave (it iterates the spec sorted by name); edges are sorted and de-duplicated here, so no builder
 * can make the output depend on declaration order.
 */
public record Graph(String name, Direction direction, List<Group> groups, List<Node> nodes, List<Edge> edges) {

    /** Which way the layout flows. */
    public enum Direction { TB, LR }

    /** How a node is drawn; each writer maps these to its nearest shape. */
    public enum Shape { BOX, ROUNDED, STADIUM, HEXAGON, CYLINDER, PARALLELOGRAM, FOLDER }

    /** How an edge is drawn: a physical or direct link, a logical one, or a data flow (backups). */
    public enum Style { SOLID, DOTTED, THICK }

    /** A named box around nodes. */
    public record Group(String id, String label) {}

    /** A node; {@code group} is null for a node outside every group. */
    public record Node(String id, List<String> lines, Shape shape, String group) {
        public Node {
            lines = List.copyOf(lines);
        }

        public String label() {
            return String.join("\n", lines);
        }
    }

    /** A directed edge; an empty label means none. */
    public record Edge(String from, String to, String label, Style style) {
        public Edge {
            label = label == null ? "" : label;
        }
    }

    private static final Comparator<Edge> EDGE_ORDER = Comparator.comparing(Edge::from).thenComparing(Edge::to)
            .thenComparing(Edge::style).thenComparing(Edge::label);

    public Graph {
        groups = List.copyOf(groups);
        nodes = List.copyOf(nodes);
        TreeSet<Edge> sorted = new TreeSet<>(EDGE_ORDER);
        sorted.addAll(edges);
        edges = List.copyOf(sorted);
        validate(groups, nodes, edges);
    }

    /** A graph that names a missing node or group is a bug in a builder: fail here, not in a renderer. */
    private static void validate(List<Group> groups, List<Node> nodes, List<Edge> edges) {
        Set<String> ids = new HashSet<>();
        Set<String> groupIds = new HashSet<>();
        for (Group g : groups) {
            if (!ids.add(g.id())) throw new IllegalArgumentException("duplicate id " + g.id());
            groupIds.add(g.id());
        }
        Set<String> nodeIds = new HashSet<>();
        for (Node n : nodes) {
            if (!ids.add(n.id())) throw new IllegalArgumentException("duplicate id " + n.id());
            if (n.group() != null && !groupIds.contains(n.group()))
                throw new IllegalArgumentException("node " + n.id() + " in unknown group " + n.group());
            nodeIds.add(n.id());
        }
        for (Edge e : edges) {
            if (!nodeIds.contains(e.from()) || !nodeIds.contains(e.to()))
                throw new IllegalArgumentException("edge " + e.from() + " -> " + e.to() + " names an unknown node");
        }
    }

    public Node node(String id) {
        return nodes.stream().filter(n -> n.id().equals(id)).findFirst().orElse(null);
    }

    public List<Node> nodesIn(String groupId) {
        return nodes.stream().filter(n -> java.util.Objects.equals(n.group(), groupId)).toList();
    }
}

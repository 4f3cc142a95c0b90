package hlc.graph;

import hlc.graph.Graph.Edge;
import hlc.graph.Graph.Group;
import hlc.graph.Graph.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A {@link Graph} in Graphviz DOT ({@code hlc graph --format dot SPEC | dot -Tsvg > lab.svg}). Every id and
 * label is a double-quoted string, where only {@code "} and {@code \} need escaping; lines are joined with
 * {@code \n}. Backslashes are doubled so a spec string can never form one of Graphviz's label escapes
 * ({@code \N}, {@code \G}, {@code \l}) or escape the closing quote. Groups are clusters ({@code cluster_} ids).
 */
public final class DotWriter {
    private DotWriter() {}

    public static String write(Graph g) {
        StringBuilder out = new StringBuilder("digraph ").append(quote(g.name())).append(" {\n");
        out.append("  graph [rankdir=").append(g.direction()).append(", fontname=\"Helvetica\", fontsize=11];\n");
        out.append("  node [fontname=\"Helvetica\", fontsize=10];\n");
        out.append("  edge [fontname=\"Helvetica\", fontsize=9];\n");
        for (Group group : g.groups()) {
            out.append("  subgraph ").append(quote("cluster_" + group.id())).append(" {\n");
            out.append("    label=").append(quote(group.label())).append(";\n");
            for (Node n : g.nodesIn(group.id())) out.append("    ").append(node(n)).append('\n');
            out.append("  }\n");
        }
        for (Node n : g.nodesIn(null)) out.append("  ").append(node(n)).append('\n');
        for (Edge e : g.edges()) out.append("  ").append(edge(e)).append('\n');
        return out.append("}\n").toString();
    }

    private static String node(Node n) {
        List<String> attrs = new ArrayList<>();
        attrs.add("label=\"" + n.lines().stream().map(DotWriter::escape).collect(Collectors.joining("\\n")) + "\"");
        attrs.add(switch (n.shape()) {
            case BOX -> "shape=box";
            case ROUNDED, STADIUM -> "shape=box, style=rounded";
            case HEXAGON -> "shape=hexagon";
            case CYLINDER -> "shape=cylinder";
            case PARALLELOGRAM -> "shape=parallelogram";
            case FOLDER -> "shape=folder";
        });
        return quote(n.id()) + " [" + String.join(", ", attrs) + "];";
    }

    private static String edge(Edge e) {
        List<String> attrs = new ArrayList<>();
        if (!e.label().isEmpty()) attrs.add("label=" + quote(e.label()));
        switch (e.style()) {
            case DOTTED -> attrs.add("style=dashed");
            case THICK -> attrs.add("style=bold, penwidth=2");
            case SOLID -> { }
        }
        return quote(e.from()) + " -> " + quote(e.to()) + (attrs.isEmpty() ? "" : " [" + String.join(", ", attrs) + "]") + ";";
    }

    static String quote(String text) {
        return '"' + escape(text) + '"';
    }

    static String escape(String text) {
        return Plain.of(text).replace("\\", "\\\\").replace("\"", "\\\"");
    }
}

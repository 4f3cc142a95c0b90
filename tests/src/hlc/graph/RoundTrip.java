package hlc.graph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Reads what the writers wrote for a graph back with {@link MermaidSyntax} and {@link DotSyntax} and checks it is
 * the same graph: the same groups, nodes in the same groups with the same label lines, the same edges with the
 * same labels and styles. Labels are compared as the writers promise to keep them: control characters as spaces,
 * an unpaired surrogate as U+FFFD (see {@link Plain}), and in Mermaid an empty line as a space and U+2060 word
 * joiners added inside {@code $$} and two other pairs.
 */
final class RoundTrip {
    private RoundTrip() {}

    static void check(Graph g) {
        mermaid(g, MermaidWriter.write(g));
        dot(g, DotWriter.write(g));
    }

    static void mermaid(Graph g, String text) {
        MermaidSyntax.Parsed p = MermaidSyntax.parse(text);
        assertEquals(g.direction().name(), p.direction());
        Map<String, String> groups = new LinkedHashMap<>();
        g.groups().forEach(x -> groups.put(x.id(), mermaidText(x.label())));
        assertEquals(groups, strip(p.groups()), "groups");
        assertEquals(g.nodes().size(), p.nodes().size(), "node count");
        for (Graph.Node n : g.nodes()) {
            MermaidSyntax.Node m = p.nodes().get(n.id());
            assertEquals(n.group(), m.group(), "group of " + n.id());
            assertEquals(n.lines().stream().map(RoundTrip::mermaidText).toList(),
                    m.lines().stream().map(RoundTrip::noJoiners).toList(), "label of " + n.id());
        }
        assertEquals(g.edges().stream().map(e -> List.of(e.from(), arrow(e.style()), e.label().isEmpty() ? "" : mermaidText(e.label()), e.to())).toList(),
                p.edges().stream().map(e -> List.of(e.from(), e.arrow(), noJoiners(e.label()), e.to())).toList(), "edges");
    }

    static void dot(Graph g, String text) {
        DotSyntax.Parsed p = DotSyntax.parse(text);
        Map<String, String> groups = new LinkedHashMap<>();
        g.groups().forEach(x -> groups.put("cluster_" + x.id(), Plain.of(x.label())));
        assertEquals(groups, p.clusters(), "clusters");
        assertEquals(g.nodes().size(), p.nodes().size(), "node count");
        for (Graph.Node n : g.nodes()) {
            DotSyntax.Node d = p.nodes().get(n.id());
            assertEquals(n.group() == null ? null : "cluster_" + n.group(), d.cluster(), "cluster of " + n.id());
            assertEquals(n.lines().stream().map(Plain::of).toList(), d.lines(), "label of " + n.id());
        }
        assertEquals(g.edges().stream().map(e -> List.of(e.from(), e.to(), Plain.of(e.label()), e.style().name())).toList(),
                p.edges().stream().map(e -> List.of(e.from(), e.to(), e.attrs().getOrDefault("label", ""), style(e.attrs()))).toList(),
                "edges");
    }

    private static String mermaidText(String s) {
        String plain = Plain.of(s);
        return plain.isEmpty() ? " " : noJoiners(plain);
    }

    private static String noJoiners(String s) {
        return s.replace("\u2060", "");
    }

    private static Map<String, String> strip(Map<String, String> m) {
        Map<String, String> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, noJoiners(v)));
        return out;
    }

    private static String arrow(Graph.Style s) {
        return switch (s) {
            case SOLID -> "-->";
            case DOTTED -> "-.->";
            case THICK -> "==>";
        };
    }

    private static String style(Map<String, String> attrs) {
        String s = attrs.getOrDefault("style", "");
        return s.equals("dashed") ? "DOTTED" : s.equals("bold") ? "THICK" : "SOLID";
    }
}

package hlc.graph;

import hlc.Compiler;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No text can break a diagram: whatever the strings in a spec (models, GPU models, descriptions, purposes,
 * schedules, paths, link speeds) and whatever the names, the Mermaid is read by {@link MermaidSyntax} and the DOT
 * by {@link DotSyntax} as exactly the graph that was written, labels included.
 */
class EscapingProperties {

    /** Arbitrary text, weighted towards what breaks diagrams: quotes, brackets, arrows, entities, line breaks. */
    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> nasty = Arbitraries.of("\"", "'", "[", "]", "(", ")", "{", "}", "{{", "[(", "-->", "---",
                        "==>", "-.->", "->", "--", ";", ":", "|", "\n", "\r\n", "\t", "\u2028", "\u0000", "#", "#quot;",
                        "#35;", "&amp;", "&", "<br/>", "<b>", ">", "`", "$$", "$", "%%", "\\", "\\\"", "\\n", "\\N",
                        "\\l", "end", "subgraph", "digraph", "style a:#f00;", "classDef x fill:#f00;", "icon:fa:car",
                        "ﬂ°", "°", "¶ß", "\uD800", "\uDC00", "😀", "é", "\u202E", "\u00A0", " ", "", "x", "A1", "}\n}", "\"]")
                .list().ofMaxSize(6).map(parts -> String.join("", parts));
        return Arbitraries.oneOf(nasty, Arbitraries.strings().all().ofMaxLength(24), Arbitraries.strings().ascii().ofMaxLength(24));
    }

    @Property(tries = 400)
    void anyLabelsSurviveBothWriters(@ForAll("graphs") Graph g) {
        RoundTrip.check(g);
    }

    /** Graphs of every shape and style whose names and labels are arbitrary texts; ids come from {@link Ids}. */
    @Provide
    Arbitrary<Graph> graphs() {
        return texts().list().ofMinSize(1).ofMaxSize(14).flatMap(texts -> Arbitraries.longs().map(seed -> graph(texts, new Random(seed))));
    }

    private static Graph graph(List<String> texts, Random r) {
        Ids ids = new Ids();
        List<Graph.Group> groups = new ArrayList<>();
        int groupCount = r.nextInt(3);
        for (int i = 0; i < groupCount; i++) {
            String id = ids.of("g", pick(texts, r));
            if (groups.stream().noneMatch(x -> x.id().equals(id))) groups.add(new Graph.Group(id, pick(texts, r)));
        }
        List<Graph.Node> nodes = new ArrayList<>();
        Map<String, Boolean> seen = new HashMap<>();
        for (String name : texts) {
            String id = ids.of("n", name);
            if (seen.put(id, true) != null) continue;
            List<String> lines = List.of(name, pick(texts, r));
            String group = groups.isEmpty() || r.nextBoolean() ? null : groups.get(r.nextInt(groups.size())).id();
            nodes.add(new Graph.Node(id, lines.subList(0, 1 + r.nextInt(2)), pick(Graph.Shape.values(), r), group));
        }
        List<Graph.Edge> edges = new ArrayList<>();
        int edgeCount = r.nextInt(2 * nodes.size() + 1);
        for (int i = 0; i < edgeCount; i++) {
            edges.add(new Graph.Edge(pick(nodes, r).id(), pick(nodes, r).id(), r.nextBoolean() ? "" : pick(texts, r),
                    pick(Graph.Style.values(), r)));
        }
        // Groups with no node are not written by GraphBuilder; a hand-made graph may have them, and they must survive too.
        return new Graph(pick(texts, r), r.nextBoolean() ? Graph.Direction.LR : Graph.Direction.TB, groups, nodes, edges);
    }

    private static <T> T pick(List<T> items, Random r) {
        return items.get(r.nextInt(items.size()));
    }

    private static <T> T pick(T[] items, Random r) {
        return items[r.nextInt(items.length)];
    }

    @Property(tries = 300)
    void idsAreSafeAndDistinct(@ForAll @Size(max = 8) List<@From("texts") String> names) {
        Ids ids = new Ids();
        Map<String, String> byId = new HashMap<>();
        for (String name : names) {
            String id = ids.of("host", name);
            assertTrue(id.matches("host(_[A-Za-z0-9]+)*(_[0-9]+)?"), id);
            assertEquals(id, ids.of("host", name), "the same name gets the same id");
            String before = byId.putIfAbsent(id, name);
            assertTrue(before == null || before.equals(name), "two names got " + id);
        }
    }

    /** The whole pipeline: spec text with arbitrary strings → check → graph → Mermaid and DOT that read back. */
    @Property(tries = 150)
    void anyStringsInASpecSurviveTheWholePipeline(@ForAll @Size(4) List<@From("specTexts") String> s) {
        String spec = SPEC.replace("$0", literal(s.get(0))).replace("$1", literal(s.get(1)))
                .replace("$2", literal(s.get(2))).replace("$3", literal(s.get(3)))
                // Paths must start where Talos, OpenEBS and NFS expect them; the rest of the text stays arbitrary.
                .replace("$D", literal("/dev/" + s.get(2))).replace("$R", literal("/" + s.get(0)))
                .replace("$E", literal("/" + s.get(1)));
        Compiler.Result result = Compiler.checkText("prop.hl", spec);
        Assume.that(!result.reporter().hasErrors());
        Graph topology = TopologyGraph.of(result.spec());
        RoundTrip.check(topology);
        RoundTrip.check(AppGraph.of(result.spec()));
        assertFalse(topology.edges().isEmpty());
    }

    /** What a spec string can hold: anything but an unpaired surrogate (a file is UTF-8) or CR (no escape for it). */
    @Provide
    Arbitrary<String> specTexts() {
        return texts().map(t -> {
            StringBuilder out = new StringBuilder();
            t.codePoints().filter(cp -> cp != '\r' && !(cp >= 0xD800 && cp <= 0xDFFF)).forEach(out::appendCodePoint);
            return out.toString();
        });
    }

    /** A spec string literal: backslash and quote escaped, a line break as \n. */
    private static String literal(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t") + '"';
    }

    private static final String SPEC = """
            site home { domain example.com description $0 }
            network lan { cidr 192.168.1.0/24 gateway 192.168.1.1 description $1 }
            network st { cidr 10.1.0.0/24 }
            cluster c { talos v1.10.7 kubernetes v1.33.3 vip 192.168.1.100 on lan }
            host n1 {
              model $0  cpu $1  role controlplane  install-disk $D  gpu i915 $3  description $2
              interface eth0 on lan address 192.168.1.11 speed $1
              interface eth1 on st address 10.1.0.11 speed $3
              osd $D size 1TB
            }
            device nas { kind nas model $3 description $0 address 192.168.1.10 on lan export media $E }
            ceph rook { public-network lan cluster-network st pool p { replicas 1 } }
            storage-class fast { ceph p default }
            storage-class local { hostpath $R }
            storage-class bulk { nfs media on nas }
            service b2 { kind object-storage purpose $2 usage $3 }
            service v { kind vault }
            backup pvcs { tool volsync method restic source pvcs to b2 schedule $1 description $3 }
            backup nfs { tool synology source export media on nas to nas every 1d }
            app a { namespace x depends [b] description $0 var TITLE $1 }
            app b { namespace y path $2 }
            """;
}

package hlc.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Mermaid that {@link MermaidWriter} may write, for tests: every line must be one of a few
 * statement forms, every label a double-quoted string holding only characters Mermaid reads as text (entities for
 * the rest), every id safe, every subgraph closed, every edge between declared nodes. It decodes the labels back,
 * so a test can check that what the diagram says is what the graph says. Anything else is an AssertionError
 * naming the line.
 */
final class MermaidSyntax {
    private static final String ID = "[A-Za-z][A-Za-z0-9_]*";
    private static final Pattern HEADER = Pattern.compile("flowchart (LR|TB)");
    private static final Pattern SUBGRAPH = Pattern.compile(" {2}subgraph (" + ID + ") \\[\"([^\"]*)\"]");
    private static final Pattern END = Pattern.compile(" {2}end");
    private static final Pattern NODE = Pattern.compile("( {2}| {4})(" + ID + ")(\\[\\(|\\(\\[|\\{\\{|\\[/|\\[\\[|\\[|\\()\"([^\"]*)\"(\\)]|]\\)|}}|/]|]]|]|\\))");
    private static final Pattern EDGE = Pattern.compile(" {2}(" + ID + ") (-->|-\\.->|==>)(?:\\|\"([^\"]*)\"\\|)? (" + ID + ")");
    private static final Map<String, String> CLOSERS = Map.of("[(", ")]", "([", "])", "{{", "}}", "[/", "/]", "[[", "]]", "[", "]", "(", ")");
    private static final Set<String> KEYWORDS = Set.of("end", "graph", "flowchart", "subgraph", "style", "class",
            "classdef", "click", "linkstyle", "default", "direction", "call", "href");
    /** Entity codes, and what is left of a label once they are removed: nothing Mermaid would read as syntax. */
    private static final Pattern ENTITY = Pattern.compile("#quot;|#[0-9]+;");
    private static final Pattern PLAIN = Pattern.compile("[^\"<>#:;`|\\[\\]{}$%&\\\\\\p{Cntrl}\\u2028\\u2029]*");

    record Node(String id, String group, String open, List<String> lines) {}

    record Edge(String from, String arrow, String label, String to) {}

    record Parsed(String direction, Map<String, String> groups, Map<String, Node> nodes, List<Edge> edges) {}

    static Parsed parse(String text) {
        if (!text.endsWith("\n")) throw new AssertionError("no final newline");
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        Matcher header = HEADER.matcher(lines[0]);
        if (!header.matches()) throw new AssertionError("line 1 is not a flowchart header: " + lines[0]);
        Map<String, String> groups = new LinkedHashMap<>();
        Map<String, Node> nodes = new LinkedHashMap<>();
        List<Edge> edges = new ArrayList<>();
        String group = null;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            Matcher m;
            if ((m = SUBGRAPH.matcher(line)).matches()) {
                if (group != null) throw error(i, line, "subgraph inside a subgraph");
                group = id(m.group(1), i, line);
                if (groups.put(group, decode(m.group(2), i, line, false)) != null) throw error(i, line, "group twice");
            } else if (END.matcher(line).matches()) {
                if (group == null) throw error(i, line, "end without subgraph");
                group = null;
            } else if ((m = NODE.matcher(line)).matches()) {
                if ((group != null) != (m.group(1).length() == 4)) throw error(i, line, "node indented for the wrong level");
                if (!CLOSERS.get(m.group(3)).equals(m.group(5))) throw error(i, line, "shape brackets do not pair");
                String id = id(m.group(2), i, line);
                List<String> label = Arrays.stream(m.group(4).split("<br/>", -1)).map(l -> decode(l, 0, line, true)).toList();
                if (nodes.put(id, new Node(id, group, m.group(3), label)) != null || groups.containsKey(id))
                    throw error(i, line, "id used twice");
            } else if ((m = EDGE.matcher(line)).matches()) {
                if (group != null) throw error(i, line, "edge inside a subgraph");
                String from = m.group(1), to = m.group(4);
                if (!nodes.containsKey(from) || !nodes.containsKey(to)) throw error(i, line, "edge to an undeclared node");
                edges.add(new Edge(from, m.group(2), m.group(3) == null ? "" : decode(m.group(3), i, line, false), to));
            } else {
                throw error(i, line, "not a statement hlc writes");
            }
        }
        if (group != null) throw new AssertionError("subgraph " + group + " is not closed");
        return new Parsed(header.group(1), groups, nodes, edges);
    }

    private static String id(String id, int i, String line) {
        if (KEYWORDS.contains(id.toLowerCase())) throw error(i, line, "id is a Mermaid keyword");
        return id;
    }

    /** The text of one label line, entities decoded; throws when the raw text holds anything Mermaid reads. */
    static String decode(String raw, int i, String line, boolean inNode) {
        if (!PLAIN.matcher(ENTITY.matcher(raw).replaceAll("")).matches())
            throw error(i, line, "label holds syntax: " + raw);
        Matcher m = ENTITY.matcher(raw);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String e = m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(e.equals("#quot;") ? "\""
                    : new String(Character.toChars(Integer.parseInt(e.substring(1, e.length() - 1))))));
        }
        m.appendTail(out);
        // Read by Mermaid after entities are decoded: KaTeX math, and its own entity markers.
        for (String after : List.of("$$", "\uFB02\u00B0", "\u00B6\u00DF")) {
            if (out.indexOf(after) >= 0) throw error(i, line, "label would be read as " + after + " after decoding: " + raw);
        }
        return out.toString();
    }

    private static AssertionError error(int i, String line, String what) {
        return new AssertionError("line " + (i + 1) + ": " + what + ": " + line);
    }
}

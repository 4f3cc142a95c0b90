package hlc.graph;

import hlc.graph.Graph.Edge;
import hlc.graph.Graph.Group;
import hlc.graph.Graph.Node;

import java.util.stream.Collectors;

/**
 * A {@link Graph} as a Mermaid flowchart, the kind GitHub renders in a {@code ```mermaid} block. Every label is
 * a quoted string, so brackets, {@code -->} and {@code ;} in it are text; inside it a {@code "} is written
 * {@code #quot;} and other risky characters as {@code #NNN;} entity codes:
 * <ul>
 *   <li>{@code < > &}: labels are HTML when rendered, {@code <br/>} is how lines are separated;</li>
 *   <li>{@code #}: so a literal {@code #quot;} in a spec string stays text;</li>
 *   <li>{@code :} and {@code ;}: Mermaid strips the last {@code ;} of any line matching
 *       {@code style.*:\S*#.*;} before it reads entities, and reads {@code icon:pack:name} as an icon;</li>
 *   <li>{@code `} (starts a Markdown string), {@code $}, {@code | [ ] { } %} and the rest of ASCII punctuation
 *       except {@code . , / _ - + @ ' = ? ! ~ ( ) *};</li>
 *   <li>invisible (format, private-use, unassigned) characters and non-ASCII spaces.</li>
 * </ul>
 * Three sequences are interpreted after entities are decoded, so escaping cannot help: {@code $$…$$} is KaTeX
 * math, and Mermaid marks entities internally as {@code ﬂ°…¶ß} and decodes those markers in the finished SVG.
 * A WORD JOINER (U+2060, invisible) goes between the two characters of {@code $$}, {@code ﬂ°} and {@code ¶ß}.
 * (Checked against Mermaid 11 rendering in Chromium.)
 */
public final class MermaidWriter {
    private static final String SAFE_ASCII = " .,/_-+@'=?!~()*";

    private MermaidWriter() {}

    public static String write(Graph g) {
        StringBuilder out = new StringBuilder("flowchart ").append(g.direction()).append('\n');
        for (Group group : g.groups()) {
            out.append("  subgraph ").append(group.id()).append(" [\"").append(escape(group.label())).append("\"]\n");
            for (Node n : g.nodesIn(group.id())) out.append("    ").append(node(n)).append('\n');
            out.append("  end\n");
        }
        for (Node n : g.nodesIn(null)) out.append("  ").append(node(n)).append('\n');
        for (Edge e : g.edges()) out.append("  ").append(edge(e)).append('\n');
        return out.toString();
    }

    private static String node(Node n) {
        String label = '"' + n.lines().stream().map(MermaidWriter::escape).collect(Collectors.joining("<br/>")) + '"';
        return n.id() + switch (n.shape()) {
            case BOX -> "[" + label + "]";
            case ROUNDED -> "(" + label + ")";
            case STADIUM -> "([" + label + "])";
            case HEXAGON -> "{{" + label + "}}";
            case CYLINDER -> "[(" + label + ")]";
            case PARALLELOGRAM -> "[/" + label + "/]";
            case FOLDER -> "[[" + label + "]]";
        };
    }

    private static String edge(Edge e) {
        String arrow = switch (e.style()) {
            case SOLID -> "-->";
            case DOTTED -> "-.->";
            case THICK -> "==>";
        };
        String label = e.label().isEmpty() ? "" : "|\"" + escape(e.label()) + "\"|";
        return e.from() + " " + arrow + label + " " + e.to();
    }

    /** One line of label text, for inside double quotes. An empty line is a space: {@code [""]} is a syntax error. */
    static String escape(String text) {
        String plain = guard(Plain.of(text));
        if (plain.isEmpty()) return " ";
        StringBuilder out = new StringBuilder(plain.length());
        plain.codePoints().forEach(cp -> {
            if (cp == '"') out.append("#quot;");
            else if (literal(cp)) out.appendCodePoint(cp);
            else out.append('#').append(cp).append(';');
        });
        return out.toString();
    }

    /** A word joiner inside each pair Mermaid would read after decoding entities (twice for runs like {@code $$$}). */
    static String guard(String text) {
        return text.replace("$$", "$\u2060$").replace("$$", "$\u2060$")
                .replace("\uFB02\u00B0", "\uFB02\u2060\u00B0").replace("\u00B6\u00DF", "\u00B6\u2060\u00DF");
    }

    private static boolean literal(int cp) {
        if (cp < 128) return Character.isLetterOrDigit(cp) || SAFE_ASCII.indexOf(cp) >= 0;
        int type = Character.getType(cp);
        return type != Character.FORMAT && type != Character.PRIVATE_USE && type != Character.UNASSIGNED
                && type != Character.SURROGATE && !Character.isWhitespace(cp) && !Character.isSpaceChar(cp);
    }
}

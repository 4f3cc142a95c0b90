package hlc.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny DOT tokenizer and parser for the subset {@link DotWriter} writes, for tests. Strings are read as
 * Graphviz reads them (a backslash takes the next character with it, so {@code \"} does not end a string);
 * every token must be a keyword, a quoted string, a bare attribute value or {@code { } [ ] = ; , ->}; braces must
 * balance and every statement end in {@code ;}. Labels are decoded back ({@code \\}, {@code \"}, and {@code \n}
 * as a line break), so a test can compare them with the graph.
 */
final class DotSyntax {
    record Node(String id, String cluster, List<String> lines, Map<String, String> attrs) {}

    record Edge(String from, String to, Map<String, String> attrs) {}

    record Parsed(String name, Map<String, String> clusters, Map<String, Node> nodes, List<Edge> edges) {}

    /** A token: a quoted string (with its raw body), a bare word, or punctuation. */
    private record Token(String kind, String text) {}

    private final List<Token> tokens;
    private int at;

    private DotSyntax(List<Token> tokens) {
        this.tokens = tokens;
    }

    static Parsed parse(String text) {
        return new DotSyntax(tokenize(text)).graph();
    }

    static List<Token> tokenize(String text) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\n') {
                i++;
            } else if (c == '"') {
                int j = i + 1;
                StringBuilder body = new StringBuilder();
                while (true) {
                    if (j >= text.length()) throw new AssertionError("unterminated string at " + i);
                    char d = text.charAt(j);
                    if (d == '"') break;
                    if (d == '\n' || d == '\r') throw new AssertionError("line break inside a string at " + j);
                    if (d == '\\') {
                        if (j + 1 >= text.length()) throw new AssertionError("backslash at the end");
                        body.append(d).append(text.charAt(j + 1));
                        j += 2;
                    } else {
                        body.append(d);
                        j++;
                    }
                }
                out.add(new Token("string", body.toString()));
                i = j + 1;
            } else if (text.startsWith("->", i)) {
                out.add(new Token("->", "->"));
                i += 2;
            } else if ("{}[]=;,".indexOf(c) >= 0) {
                out.add(new Token(String.valueOf(c), String.valueOf(c)));
                i++;
            } else if (Character.isLetterOrDigit(c)) {
                int j = i;
                while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) j++;
                out.add(new Token("word", text.substring(i, j)));
                i = j;
            } else {
                throw new AssertionError("stray character '" + c + "' at " + i);
            }
        }
        return out;
    }

    private Parsed graph() {
        expectWord("digraph");
        String name = decode(expect("string").text());
        Map<String, String> clusters = new LinkedHashMap<>();
        Map<String, Node> nodes = new LinkedHashMap<>();
        List<Edge> edges = new ArrayList<>();
        expect("{");
        while (!peek("}")) statement(null, clusters, nodes, edges);
        expect("}");
        if (at != tokens.size()) throw new AssertionError("tokens after the closing brace");
        return new Parsed(name, clusters, nodes, edges);
    }

    private void statement(String cluster, Map<String, String> clusters, Map<String, Node> nodes, List<Edge> edges) {
        Token t = next();
        if (t.kind().equals("word") && List.of("graph", "node", "edge").contains(t.text()) && cluster == null) {
            attrs();
            expect(";");
        } else if (t.kind().equals("word") && t.text().equals("subgraph") && cluster == null) {
            String id = decode(expect("string").text());
            if (!id.startsWith("cluster_")) throw new AssertionError("subgraph is not a cluster: " + id);
            expect("{");
            expectWord("label");
            expect("=");
            clusters.put(id, decode(expect("string").text()));
            expect(";");
            while (!peek("}")) statement(id, clusters, nodes, edges);
            expect("}");
        } else if (t.kind().equals("string") && peek("->")) {
            if (cluster != null) throw new AssertionError("edge inside a cluster");
            next();
            String to = decode(expect("string").text());
            Map<String, String> attrs = peek("[") ? attrs() : Map.of();
            expect(";");
            String from = decode(t.text());
            if (!nodes.containsKey(from) || !nodes.containsKey(to)) throw new AssertionError("edge to an undeclared node " + from + " -> " + to);
            edges.add(new Edge(from, to, attrs));
        } else if (t.kind().equals("string")) {
            String id = decode(t.text());
            Map<String, String> attrs = attrs();
            expect(";");
            List<String> lines = List.of(attrs.getOrDefault("label", "").split("\n", -1));
            if (nodes.put(id, new Node(id, cluster, lines, attrs)) != null) throw new AssertionError("node twice: " + id);
        } else {
            throw new AssertionError("unexpected " + t);
        }
    }

    /** {@code [k=v, k=v]}: values are quoted strings (decoded) or bare words. */
    private Map<String, String> attrs() {
        Map<String, String> out = new LinkedHashMap<>();
        expect("[");
        while (!peek("]")) {
            String key = expect("word").text();
            expect("=");
            Token v = next();
            if (!v.kind().equals("string") && !v.kind().equals("word")) throw new AssertionError("bad value " + v);
            out.put(key, v.kind().equals("string") ? decode(v.text()) : v.text());
            if (!peek("]")) expect(",");
        }
        expect("]");
        return out;
    }

    /** The text of a string body; only the escapes hlc writes may occur. */
    static String decode(String body) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char n = body.charAt(++i);
            switch (n) {
                case '\\', '"' -> out.append(n);
                case 'n' -> out.append('\n');
                default -> throw new AssertionError("escape \\" + n + " in " + body);
            }
        }
        return out.toString();
    }

    private boolean peek(String kind) {
        return at < tokens.size() && tokens.get(at).kind().equals(kind);
    }

    private Token next() {
        if (at >= tokens.size()) throw new AssertionError("unexpected end of input");
        return tokens.get(at++);
    }

    private Token expect(String kind) {
        Token t = next();
        if (!t.kind().equals(kind)) throw new AssertionError("expected " + kind + ", got " + t);
        return t;
    }

    private void expectWord(String word) {
        Token t = expect("word");
        if (!t.text().equals(word)) throw new AssertionError("expected " + word + ", got " + t.text());
    }
}

package hlc.adopt;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of Go's text/template that topf's patch templates ({@code *.yaml.tpl}) use, rendered for one node:
 * {@code {{ .Node.Host }}}, {@code {{ .Node.Data.mtu }}}, {@code {{ . }}} inside a range, {@code if} (a value's
 * truth, or {@code eq A "B"}), {@code else}, {@code range} and {@code end}. Whitespace trimming ({@code {{-}}) is
 * not applied, so every line stays where it was (YAML does not mind the blank lines); only a range adds lines.
 * An action it does not know is kept visible as {@code GOTEMPLATE(...)} and reported, never guessed.
 */
final class GoTemplateLines {
    private static final Pattern ACTION = Pattern.compile("\\{\\{-?\\s*(.*?)\\s*-?}}", Pattern.DOTALL);
    private static final Pattern EQ = Pattern.compile("eq\\s+(\\S+)\\s+\"([^\"]*)\"");

    private final JsonNode node;
    private final List<String> unresolved = new ArrayList<>();

    /** @param node the node as the template sees it: {@code {Host, IP, Role, Data: {...}}} */
    GoTemplateLines(JsonNode node) {
        this.node = node;
    }

    List<String> unresolved() {
        return unresolved;
    }

    String render(String text) {
        List<Object> tokens = new ArrayList<>(); // String text, or String[]{action}
        Matcher m = ACTION.matcher(text);
        int last = 0;
        while (m.find()) {
            tokens.add(text.substring(last, m.start()));
            tokens.add(new String[] {m.group(1)});
            last = m.end();
        }
        tokens.add(text.substring(last));
        StringBuilder out = new StringBuilder();
        block(tokens, new int[] {0}, null, out, true);
        return out.toString();
    }

    /** Renders tokens from {@code at} until an {@code else}/{@code end} of this block; returns the closing word. */
    private String block(List<Object> tokens, int[] at, JsonNode dot, StringBuilder out, boolean active) {
        while (at[0] < tokens.size()) {
            Object t = tokens.get(at[0]++);
            if (t instanceof String s) {
                if (active) out.append(s);
                continue;
            }
            String a = ((String[]) t)[0];
            if (a.equals("end") || a.equals("else")) return a;
            if (a.startsWith("if ")) {
                boolean v = active && truth(a.substring(3).strip(), dot);
                String close = block(tokens, at, dot, out, v);
                if (close.equals("else")) block(tokens, at, dot, out, active && !v);
            } else if (a.startsWith("range ")) {
                JsonNode list = value(a.substring(6).strip(), dot);
                int start = at[0];
                boolean any = false;
                if (active && list != null && list.isArray()) {
                    for (JsonNode item : list) {
                        at[0] = start;
                        block(tokens, at, item, out, true);
                        any = true;
                    }
                }
                if (!any) {
                    at[0] = start;
                    block(tokens, at, dot, out, false);
                }
            } else if (active) {
                JsonNode v = value(a, dot);
                if (v == null || v.isMissingNode()) {
                    unresolved.add("{{ " + a + " }}");
                    out.append("GOTEMPLATE(").append(a.replaceAll("[^A-Za-z0-9_.]", "")).append(")");
                } else {
                    out.append(v.isValueNode() ? v.asText() : v.toString());
                }
            }
        }
        return "";
    }

    private boolean truth(String cond, JsonNode dot) {
        Matcher eq = EQ.matcher(cond);
        if (eq.matches()) {
            JsonNode v = value(eq.group(1), dot);
            return v != null && v.asText().equals(eq.group(2));
        }
        JsonNode v = value(cond, dot);
        if (v == null) {
            unresolved.add("{{ if " + cond + " }}");
            return false;
        }
        if (v.isMissingNode() || v.isNull()) return false;
        if (v.isBoolean()) return v.asBoolean();
        if (v.isNumber()) return v.asDouble() != 0;
        if (v.isTextual()) return !v.asText().isEmpty();
        return v.size() > 0;
    }

    /** {@code .} or a field path ({@code .Node.Data.mtu}); null when the expression is not a path. */
    private JsonNode value(String path, JsonNode dot) {
        if (path.equals(".")) return dot;
        if (!path.matches("(\\.[A-Za-z_][A-Za-z0-9_]*)+")) return null;
        JsonNode v = node;
        for (String part : path.substring(1).split("\\.")) {
            if (part.equals("Node") && v == node) continue;
            v = v.path(part);
        }
        return v;
    }
}

package hlc.adopt;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the small part of (mini)jinja that machine-config templates use, keeping every line where it was so
 * findings and comments still point into the template as written: {@code {% if %}/{% elif %}/{% else %}/{% endif %}}
 * on environment variables ({@code ENV.CONTROLPLANE}) or {@code -D} definitions, {@code {# comments #}} and
 * {@code {{ ENV.X | safe }}}. An expression it cannot evaluate stays visible as {@code JINJA(...)} and is
 * reported by {@link #unresolved()}; it is never guessed.
 */
final class JinjaLines {
    private static final Pattern TAG = Pattern.compile("\\{%-?\\s*(.*?)\\s*-?%}");
    private static final Pattern EXPR = Pattern.compile("\\{\\{-?\\s*(.*?)\\s*-?}}");
    private static final Pattern COMPARE = Pattern.compile("([A-Za-z_.]+)\\s*(==|!=)\\s*[\"']([^\"']*)[\"']");

    private final Map<String, String> vars;
    private final List<String> unresolved = new ArrayList<>();

    JinjaLines(Map<String, String> vars) {
        this.vars = vars;
    }

    List<String> unresolved() {
        return unresolved;
    }

    String render(String text) {
        String noComments = blankComments(text);
        StringBuilder out = new StringBuilder();
        Deque<boolean[]> stack = new ArrayDeque<>(); // [active, anyBranchTaken]
        String[] lines = noComments.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            Matcher t = TAG.matcher(line);
            StringBuilder kept = new StringBuilder();
            int last = 0;
            boolean hadTag = false;
            while (t.find()) {
                hadTag = true;
                if (active(stack)) kept.append(line, last, t.start());
                last = t.end();
                statement(t.group(1), stack);
            }
            if (active(stack)) kept.append(line.substring(last));
            String rendered = hadTag && kept.toString().isBlank() ? "" : expressions(kept.toString());
            out.append(rendered);
            if (n < lines.length - 1) out.append('\n');
        }
        return out.toString();
    }

    private void statement(String s, Deque<boolean[]> stack) {
        if (s.startsWith("if ")) {
            boolean parent = active(stack);
            boolean v = parent && condition(s.substring(3).strip());
            stack.push(new boolean[] {v, v});
        } else if (s.startsWith("elif ") && !stack.isEmpty()) {
            boolean[] top = stack.pop();
            boolean parent = active(stack);
            boolean v = parent && !top[1] && condition(s.substring(5).strip());
            stack.push(new boolean[] {v, top[1] || v});
        } else if (s.equals("else") && !stack.isEmpty()) {
            boolean[] top = stack.pop();
            boolean parent = active(stack);
            stack.push(new boolean[] {parent && !top[1], true});
        } else if (s.equals("endif") && !stack.isEmpty()) {
            stack.pop();
        } else {
            unresolved.add("{% " + s + " %}");
        }
    }

    private static boolean active(Deque<boolean[]> stack) {
        return stack.isEmpty() || stack.peek()[0];
    }

    private boolean condition(String c) {
        if (c.startsWith("not ")) return !condition(c.substring(4).strip());
        Matcher m = COMPARE.matcher(c);
        if (m.matches()) {
            String v = value(m.group(1));
            boolean eq = m.group(3).equals(v);
            return m.group(2).equals("==") == eq;
        }
        if (c.matches("[A-Za-z_.]+")) {
            String v = value(c);
            return v != null && !v.isEmpty() && !v.equalsIgnoreCase("false") && !v.equals("0");
        }
        unresolved.add("{% if " + c + " %}");
        return false;
    }

    private String value(String name) {
        String key = name.startsWith("ENV.") ? name.substring(4) : name;
        return vars.get(key);
    }

    private String expressions(String line) {
        Matcher m = EXPR.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String e = m.group(1).replaceAll("\\|\\s*safe\\s*$", "").strip();
            String v = e.matches("[A-Za-z_.]+") ? value(e) : null;
            if (v == null) {
                unresolved.add("{{ " + m.group(1) + " }}");
                v = "JINJA(" + e.replaceAll("[^A-Za-z0-9_.]", "") + ")";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** {# … #} becomes spaces and kept newlines, however many lines it spans. */
    private static String blankComments(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf("{#", i);
            if (open < 0) {
                out.append(text, i, text.length());
                break;
            }
            out.append(text, i, open);
            int close = text.indexOf("#}", open + 2);
            int end = close < 0 ? text.length() : close + 2;
            for (int j = open; j < end; j++) if (text.charAt(j) == '\n') out.append('\n');
            i = end;
        }
        return out.toString();
    }
}

package hlc.emit;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jinjava's interpreter, with a short way through the expressions hlc's templates are mostly made of: a name or a
 * dotted path into the template data ({@code l.mtu}, {@code cluster.name}), alone or quoted by the {@code q} filter
 * ({@code {{ name | q }}}), as printed and as tested by {@code {% if %}}.
 *
 * <p>Jinjava evaluates every expression by wrapping its text as {@code #{…}}, looking the parsed form up by that new
 * string, and walking it through a chain of EL resolvers; the filter becomes a method call found by name. At ten
 * thousand hosts that was most of the time spent rendering. Here a path is looked up the way Jinjava's resolvers
 * find it (the name in the render's scopes, each further step as a key of a map) and the result wrapped as Jinjava
 * wraps it, so a template gets exactly the value it got before. Anything else, and any step that does not find a
 * plain value (a missing name or key, a loop variable, a bean), goes the general way, which also reports errors.
 */
final class TemplateInterpreter extends JinjavaInterpreter {
    /** A name path, optionally piped through {@code q}; the words EL reads as operators or literals are not names. */
    private static final Pattern PATH = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)*)\\s*(\\|\\s*q)?");
    private static final Set<String> NOT_NAMES = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge", "div",
            "mod", "empty", "instanceof", "is", "in", "if", "else", "true", "false", "null", "none", "True", "False", "None");

    /** Each expression text seen, read once: its path, or {@link Path#GENERAL}. Shared: the templates are the process's. */
    private static final Map<String, Path> PATHS = new ConcurrentHashMap<>();

    /** A dotted path and whether the {@code q} filter quotes what it finds. */
    private record Path(String[] steps, boolean quoted) {
        static final Path GENERAL = new Path(new String[0], false);

        static Path of(String expression) {
            Matcher m = PATH.matcher(expression.trim());
            if (!m.matches()) return GENERAL;
            String[] steps = m.group(1).split("\\.");
            for (String s : steps) {
                if (NOT_NAMES.contains(s)) return GENERAL;
            }
            return new Path(steps, m.group(2) != null);
        }
    }

    TemplateInterpreter(Jinjava jinjava, Context context, JinjavaConfig config) {
        super(jinjava, context, config);
    }

    @Override
    public Object resolveELExpression(String expression, int lineNumber) {
        Path p = PATHS.get(expression);
        if (p == null) {
            p = Path.of(expression);
            PATHS.put(expression, p);
        }
        if (p != Path.GENERAL) {
            Object v = lookUp(p.steps());
            if (v != null) {
                setLineNumber(lineNumber);
                if (!p.quoted()) return wrap(v);
                if (v instanceof String || v instanceof Integer || v instanceof Long || v instanceof Boolean) {
                    return Templates.quote(v.toString());
                }
            }
        }
        return super.resolveELExpression(expression, lineNumber);
    }

    /** The value at the path, or null when any step is not a plain value Jinjava would find the same way. */
    private Object lookUp(String[] steps) {
        Object v = getContext().get(steps[0]);
        if (!plain(v)) return null;
        for (int i = 1; i < steps.length; i++) {
            if (!(v instanceof Map<?, ?> m) || !m.containsKey(steps[i])) return null;
            v = m.get(steps[i]);
            if (!plain(v)) return null;
        }
        return v;
    }

    /** The kinds of value the emitters put in template data; anything else (a loop, a bean, null) goes the general way. */
    private static boolean plain(Object v) {
        return v instanceof String || v instanceof Integer || v instanceof Long || v instanceof Boolean
                || v instanceof Map || v instanceof List;
    }
}

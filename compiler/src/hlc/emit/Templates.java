package hlc.emit;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.lib.filter.Filter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Jinjava templates under {@code templates/}, loaded once per run.
 *
 * <p>Spec values never become template code: nested interpretation is off, so a `{{ }}` inside a spec string is
 * printed, not evaluated; and every string a template prints goes through the {@code q} filter, which writes a
 * double-quoted scalar (JSON string syntax, which YAML reads identically), so quotes, `: `, `#`, newlines,
 * anchors and `---` inside a value stay inside the value.
 */
public final class Templates {
    private final Jinjava jinjava;
    private final Map<String, String> sources = new HashMap<>();

    public Templates() {
        JinjavaConfig config = JinjavaConfig.newBuilder()
                .withNestedInterpretationEnabled(false)
                .withFailOnUnknownTokens(true)
                .withTrimBlocks(true)
                .withLstripBlocks(true)
                .build();
        jinjava = new Jinjava(config);
        jinjava.registerFilter(new QuoteFilter());
    }

    /** The rendered text, or the template's errors. */
    public record Result(String text, List<String> errors) {}

    public Result render(String template, Map<String, Object> context) {
        String source = sources.computeIfAbsent(template, Templates::load);
        RenderResult r = jinjava.renderForResult(source, context);
        List<String> errors = r.getErrors().stream()
                .filter(e -> e.getSeverity() == TemplateError.ErrorType.FATAL)
                .map(e -> "line " + e.getLineno() + ": " + e.getMessage())
                .toList();
        return new Result(r.getOutput(), errors);
    }

    private static String load(String name) {
        try (InputStream in = Templates.class.getResourceAsStream("/templates/" + name)) {
            if (in == null) throw new IllegalStateException("template not found: " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read template " + name, e);
        }
    }

    /** {@code {{ value | q }}}: a double-quoted scalar safe in YAML and JSON. */
    static final class QuoteFilter implements Filter {
        @Override
        public String getName() {
            return "q";
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
            return quote(var == null ? "" : var.toString());
        }
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        b.append(JsonStringEncoder.getInstance().quoteAsString(s));
        // JSON allows U+2028/U+2029 and DEL raw; YAML readers may not: escape them too.
        String out = b.append('"').toString();
        return out.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("\u007f", "\\u007F");
    }
}

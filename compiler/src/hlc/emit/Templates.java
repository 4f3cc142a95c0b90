package hlc.emit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.el.ext.AbstractCallableMethod;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.InterpretException;
import com.hubspot.jinjava.interpret.InvalidArgumentException;
import com.hubspot.jinjava.interpret.InvalidInputException;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.interpret.TemplateSyntaxException;
import com.hubspot.jinjava.lib.filter.Filter;
import com.hubspot.jinjava.tree.Node;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Jinjava templates under {@code templates/}, loaded and parsed once per run.
 *
 * <p>Spec values never become template code: nested interpretation is off, so a `{{ }}` inside a spec string is
 * printed, not evaluated; and every string a template prints goes through the {@code q} filter, which writes a
 * double-quoted scalar (JSON string syntax, which YAML reads identically), so quotes, `: `, `#`, newlines,
 * anchors and `---` inside a value stay inside the value.
 *
 * <p>A render does what {@link Jinjava#renderForResult} does, minus two costs that made it slow with thousands of
 * files: that method copies the global context for every render (re-registering every filter, tag and function by
 * reflection) and parses the template text every time. Here the copy is made once and each render gets a fresh
 * child context of it (bindings never leak from one file to the next), and each template is parsed once into a
 * tree that every render walks; errors found while parsing are reported with every render of that template.
 * Two more of Jinjava's per-render costs are cut the same way, without changing what a render gives: a name path
 * ({@code l.mtu}, {@code name | q}) is looked up directly ({@link TemplateInterpreter}), and a loop's
 * {@code x in xs} is read once ({@link ForLoopTag}).
 *
 * <p>Not thread-safe: one instance per thread, since a render's context reports what it resolved to the global
 * context above it. The parsed trees are shared by every instance of the process ({@link #PARSED}): rendering
 * only reads a tree (its tags and expression strategy are stateless; what a render changes lives in its
 * interpreter and context), so a tree parsed by one thread's instance renders the same text on any other.
 */
public final class Templates {
    private final Jinjava jinjava;
    private final JinjavaConfig config;
    private final Context global;
    /** Each template parsed once per process, by whichever instance first needs it; read-only afterwards. */
    private static final Map<String, Parsed> PARSED = new ConcurrentHashMap<>();
    /**
     * The object mapper of every instance (for Jinjava's {@code tojson} filter, which no template uses). Without
     * one, each Jinjava instance (one per render thread) builds a mapper of its own and registers Jackson's JDK 8
     * module in it, loading that module's classes, on every compile.
     */
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private record Parsed(Node tree, List<TemplateError> errors) {}

    public Templates() {
        config = config();
        jinjava = new Jinjava(config);
        jinjava.registerFilter(new QuoteFilter());
        jinjava.getGlobalContext().registerTag(new ForLoopTag()); // in place of Jinjava's own `for`
        global = jinjava.getGlobalContextCopy();
    }

    /** How hlc's templates are read: no nested interpretation, an unknown name is an error, blocks trimmed. */
    static JinjavaConfig config() {
        return JinjavaConfig.newBuilder()
                .withNestedInterpretationEnabled(false)
                .withFailOnUnknownTokens(true)
                .withTrimBlocks(true)
                .withLstripBlocks(true)
                .withObjectMapper(MAPPER)
                .build();
    }

    /** Every template under {@code templates/}, for {@link #prepare}. */
    static final List<String> NAMES = List.of("barman-objectstore.yaml.j2", "cephblockpool.yaml.j2",
            "cephfilesystem.yaml.j2", "cephobjectstore.yaml.j2", "democratic-csi-values.yaml.j2", "longhorn-recurringjob.yaml.j2",
            "cilium-bgp-advertisement.yaml.j2", "cilium-bgp-cluster.yaml.j2", "cilium-bgp-peer.yaml.j2",
            "cilium-l2-policy.yaml.j2", "cilium-lb-pool.yaml.j2", "clustersecretstore.yaml.j2",
            "cnpg-scheduledbackup.yaml.j2", "configmap.yaml.j2", "dnsendpoints.yaml.j2", "external-dns-values.yaml.j2", "externalsecret.yaml.j2",
            "flux-folder.yaml.j2", "flux-gitrepository.yaml.j2", "flux-ks.yaml.j2", "flux-kustomization.yaml.j2", "flux-root.yaml.j2", "flux-user-root.yaml.j2", "kustomization.yaml.j2", "multus-nad.yaml.j2",
            "namespace.yaml.j2", "rook-cluster-values.yaml.j2", "storageclass.yaml.j2", "talos-bond.yaml.j2",
            "talos-dhcpv4.yaml.j2", "talos-hostname.yaml.j2", "talos-layer2-vip.yaml.j2", "talos-link-alias.yaml.j2",
            "talos-link.yaml.j2", "talos-machine.yaml.j2", "talos-resolver.yaml.j2", "talos-schematic.yaml.j2",
            "talos-user-volume.yaml.j2", "talos-v1alpha1.yaml.j2", "talos-vlan.yaml.j2", "talos-volume.yaml.j2",
            "unifi-static-dns.json.j2", "volsync-destination.yaml.j2", "volsync-source.yaml.j2");

    /** Parses these templates now rather than on first use; one that cannot be read is left to fail on use. */
    void prepare(List<String> names) {
        for (String name : names) {
            try {
                parsed(name);
            } catch (RuntimeException later) {
                // reported by the render that needs it
            }
        }
    }

    /** The rendered text, or the template's errors. */
    public record Result(String text, List<String> errors) {}

    public Result render(String template, Map<String, Object> context) {
        Parsed p = parsed(template);
        JinjavaInterpreter interpreter = interpreter(context);
        String output = "";
        TemplateError thrown = null; // as renderForResult does: a thrown error comes first, with empty output
        JinjavaInterpreter.pushCurrent(interpreter);
        try {
            output = interpreter.render(p.tree());
        } catch (TemplateSyntaxException e) {
            thrown = TemplateError.fromException(e);
        } catch (InterpretException e) {
            thrown = TemplateError.fromSyntaxError(e);
        } catch (InvalidArgumentException e) {
            thrown = TemplateError.fromInvalidArgumentException(e);
        } catch (InvalidInputException e) {
            thrown = TemplateError.fromInvalidInputException(e);
        } catch (Exception e) {
            thrown = TemplateError.fromException(e);
        } finally {
            global.reset();
            jinjava.getGlobalContext().reset();
            JinjavaInterpreter.popCurrent();
        }
        List<TemplateError> errors = new ArrayList<>();
        if (thrown != null) errors.add(thrown);
        errors.addAll(p.errors());
        errors.addAll(interpreter.getErrorsCopy());
        List<String> fatal = errors.stream()
                .filter(e -> e.getSeverity() == TemplateError.ErrorType.FATAL)
                .map(e -> "line " + e.getLineno() + ": " + e.getMessage())
                .toList();
        return new Result(output, fatal);
    }

    private JinjavaInterpreter interpreter(Map<String, ?> bindings) {
        Context context = new RenderContext(global, bindings, config.getDisabled());
        return new TemplateInterpreter(jinjava, context, config); // what the config's factory makes, plus short paths
    }

    /**
     * A render's top context, which does not keep the names of what the render resolved. Jinjava's context
     * records every identifier, expression and function an expression resolves, in its own set and in every
     * context above it (the render's and the global one, hashed again at each level), for its eager execution
     * mode, which hlc does not use: a tenth of a Talos config's rendering went to those sets. A loop's scope
     * below this one still records its own; nothing reaches the global context any more.
     */
    private static final class RenderContext extends Context {
        RenderContext(Context parent, Map<String, ?> bindings, Map<Library, java.util.Set<String>> disabled) {
            super(parent, bindings, disabled);
        }

        @Override
        public void addResolvedValue(String value) {}

        @Override
        public void addResolvedExpression(String expression) {}

        @Override
        public void addResolvedFunction(String function) {}
    }

    private Parsed parsed(String template) {
        Parsed p = PARSED.get(template);
        return p != null ? p : PARSED.computeIfAbsent(template, this::parse);
    }

    private Parsed parse(String template) {
        JinjavaInterpreter interpreter = interpreter(Map.of());
        JinjavaInterpreter.pushCurrent(interpreter);
        try {
            Node tree = interpreter.parse(load(template));
            return new Parsed(tree, interpreter.getErrorsCopy());
        } finally {
            global.reset();
            JinjavaInterpreter.popCurrent();
        }
    }

    /** The templates' texts, each read from the jar once per process (the parse and the warm-up's guess both read them). */
    private static final Map<String, String> TEXTS = new ConcurrentHashMap<>();

    /** A template's text, as shipped. */
    static String load(String name) {
        String text = TEXTS.get(name);
        return text != null ? text : TEXTS.computeIfAbsent(name, Templates::read);
    }

    private static String read(String name) {
        try (InputStream in = Templates.class.getResourceAsStream("/templates/" + name)) {
            if (in == null) throw new IllegalStateException("template not found: " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read template " + name, e);
        }
    }

    /**
     * {@code {{ value | q }}}: a double-quoted scalar safe in YAML and JSON.
     *
     * <p>Public, with {@link #getFilter}, for speed: Jinjava evaluates {@code value | q} as the method call
     * {@code filter:q.filter(value, interpreter)}, and its resolver first reads a bean property named like the
     * method from the filter object, calling the result directly when it is an {@link AbstractCallableMethod}
     * (as it does for macros). Without that property the lookup failed with an exception on every print before
     * the filter method was found and called by reflection: a third of all rendering time went to that.
     */
    public static final class QuoteFilter implements Filter {
        private final AbstractCallableMethod direct = new AbstractCallableMethod("q", new LinkedHashMap<>()) {
            @Override
            public Object evaluate(Object... args) {
                return quote(args.length == 0 || args[0] == null ? "" : args[0].toString());
            }

            @Override
            public Object doEvaluate(Map<String, Object> argMap, Map<String, Object> kwargMap, List<Object> varArgs) {
                return evaluate(varArgs.toArray());
            }
        };

        /** What the resolver calls for {@code | q} (see above): the same quoting as {@link #filter}. */
        public AbstractCallableMethod getFilter() {
            return direct;
        }

        @Override
        public String getName() {
            return "q";
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
            return quote(var == null ? "" : var.toString());
        }
    }

    /**
     * A YAML double-quoted scalar (also a JSON string) that reads back as exactly {@code s}. Escaped: the quote and
     * backslash; every character YAML does not allow raw (C0 and C1 controls, DEL, U+FFFE, U+FFFF, unpaired
     * surrogates); and the ones a YAML 1.1 reader takes for line breaks or drops (NEL, U+2028, U+2029, a BOM).
     */
    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
                    if (pair) {
                        b.append(c).append(s.charAt(++i));
                    } else if (mustEscape(c)) {
                        b.append(String.format("\\u%04X", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static boolean mustEscape(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029' || c == '\uFEFF'
                || c == '\uFFFE' || c == '\uFFFF' || Character.isSurrogate(c);
    }
}

package hlc.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.lib.filter.Filter;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import com.hubspot.jinjava.tree.parse.TokenScannerSymbols;
import hlc.diag.SourceFile;
import hlc.diag.Span;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Renders a cluster-template's template folders as {@code makejinja} does, with Jinjava: the delimiters of
 * makejinja.toml as Jinjava's token symbols, trim_blocks and lstrip_blocks (makejinja's defaults), and the
 * plugin's filter ({@code basename}) and functions ({@code talos_patches}, {@code cloudflare_tunnel_id}) written
 * again in Java. Two Python spellings Jinjava does not have are rewritten before rendering: the string method
 * {@code startswith} (Java's {@code startsWith}) and {@code '%s' % (x)} formatting (just {@code x}).
 * Templates of secrets ({@code *.sops.*}: the SOPS files, deploy key, age key) are never rendered. A template
 * that does not render is a finding at its line; nothing is guessed.
 */
final class MakejinjaRenderer {
    private static final Pattern STARTSWITH = Pattern.compile("\\.startswith\\(");
    private static final Pattern PERCENT_S = Pattern.compile("'%s'\\s*%\\s*\\(([^()]*)\\)");
    private static final ThreadLocal<MakejinjaRenderer> CURRENT = new ThreadLocal<>();

    private final ClusterTemplate template;
    private final RepositoryReader repo;
    private final Findings findings;
    /** The template being rendered, for the findings the plugin's functions make. */
    private Path rendering;
    private String renderingText;
    private final java.util.Set<Path> tunnelIdReported = new java.util.HashSet<>();

    MakejinjaRenderer(ClusterTemplate template, RepositoryReader repo, Findings findings) {
        this.template = template;
        this.repo = repo;
        this.findings = findings;
    }

    /** Renders every template into {@code out} (makejinja's output folder); false when a template failed. */
    boolean render(Map<String, Object> values, Path out) throws IOException {
        TokenScannerSymbols symbols = symbols();
        if (symbols == null) return false;
        Jinjava jinjava = new Jinjava(JinjavaConfig.newBuilder().withTokenScannerSymbols(symbols)
                .withTrimBlocks(true).withLstripBlocks(true).withFailOnUnknownTokens(template.strict()).build());
        jinjava.getGlobalContext().registerFunction(new ELFunctionDefinition("", "talos_patches", MakejinjaRenderer.class, "talosPatches", String.class));
        jinjava.getGlobalContext().registerFunction(new ELFunctionDefinition("", "cloudflare_tunnel_id", MakejinjaRenderer.class, "cloudflareTunnelId"));
        jinjava.getGlobalContext().registerFilter(new Basename());
        boolean ok = true;
        CURRENT.set(this);
        try {
            for (String input : template.inputs()) {
                Path dir = template.root().resolve(input).normalize();
                if (!Files.isDirectory(dir) || !dir.startsWith(template.root())) continue;
                List<Path> files;
                try (Stream<Path> s = Files.walk(dir)) {
                    files = s.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path f : files) ok &= renderOne(jinjava, values, dir, f, out);
            }
        } finally {
            CURRENT.remove();
        }
        return ok;
    }

    private boolean renderOne(Jinjava jinjava, Map<String, Object> values, Path dir, Path f, Path out) throws IOException {
        String rel = dir.relativize(f).toString().replace('\\', '/');
        String name = f.getFileName().toString();
        if (name.contains(".sops.") || excluded(f)) return true;
        Path target = out.resolve(rel.endsWith(".j2") ? rel.substring(0, rel.length() - 3) : rel).normalize();
        if (!target.startsWith(out) || !f.toRealPath().startsWith(template.root().toRealPath())) return true;
        if (Files.size(f) > RepositoryReader.MAX_BYTES) return true;
        String text = Files.readString(f, StandardCharsets.UTF_8);
        Files.createDirectories(target.getParent());
        if (!name.endsWith(".j2")) {
            Files.writeString(target, text);
            return true;
        }
        rendering = f;
        renderingText = text;
        RenderResult r = jinjava.renderForResult(pythonisms(withoutComments(text)), values);
        List<TemplateError> fatal = r.getErrors().stream().filter(e -> e.getSeverity() == TemplateError.ErrorType.FATAL).toList();
        if (!fatal.isEmpty()) {
            SourceFile source = new SourceFile(f, repo.relative(f), text);
            for (TemplateError e : fatal) {
                int line = e.getLineno() > 0 && e.getLineno() <= source.lineCount() ? e.getLineno() : 1;
                findings.add(ImportCode.IMP11, new Span(source, line, 1, Math.max(1, source.line(line).strip().length())),
                        source.displayPath() + " does not render with the configuration: " + e.getMessage(),
                        "makejinja would refuse it too: set the value in cluster.toml (cluster.sample.toml documents every key)");
            }
            return false;
        }
        Files.writeString(target, r.getOutput());
        return true;
    }

    private boolean excluded(Path f) {
        for (String glob : template.excludes()) {
            PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            if (m.matches(f.getFileName())) return true;
        }
        return false;
    }

    /** makejinja's delimiters as Jinjava's symbols: both must share the first and last character ({@code #{ }#}, {@code #% %#}). */
    private TokenScannerSymbols symbols() {
        String vs = template.variableStart(), ve = template.variableEnd(), bs = template.blockStart(), be = template.blockEnd();
        if (vs.length() != 2 || ve.length() != 2 || bs.length() != 2 || be.length() != 2
                || vs.charAt(0) != bs.charAt(0) || ve.charAt(1) != be.charAt(1) || bs.charAt(1) != be.charAt(0)) {
            Path toml = template.root().resolve("makejinja.toml");
            findings.add(ImportCode.IMP11, new Span(new SourceFile(toml, "makejinja.toml", ""), 1, 1, 1),
                    "makejinja.toml's delimiters (" + vs + " " + ve + ", " + bs + " " + be + ") are not a form the import renders",
                    "the import renders delimiters of two characters that share their opening and closing character, as cluster-template's do");
            return null;
        }
        char prefix = vs.charAt(0), exprStart = vs.charAt(1), exprEnd = ve.charAt(0), postfix = ve.charAt(1), tag = bs.charAt(1);
        return new TokenScannerSymbols() {
            @Override public char getPrefixChar() { return prefix; }
            @Override public char getPostfixChar() { return postfix; }
            @Override public char getFixedChar() { return 0; }
            @Override public char getNoteChar() { return '\u0001'; }
            @Override public char getTagChar() { return tag; }
            @Override public char getExprStartChar() { return exprStart; }
            @Override public char getExprEndChar() { return exprEnd; }
            @Override public char getNewlineChar() { return '\n'; }
            @Override public char getTrimChar() { return '-'; }
        };
    }

    /** makejinja's comments ({@code #| … #|}) become blank text with their newlines kept, so lines stay where they were. */
    private String withoutComments(String text) {
        String open = template.commentStart(), close = template.commentEnd();
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf(open, i);
            if (start < 0) {
                out.append(text, i, text.length());
                break;
            }
            out.append(text, i, start);
            int end = text.indexOf(close, start + open.length());
            end = end < 0 ? text.length() : end + close.length();
            for (int j = start; j < end; j++) if (text.charAt(j) == '\n') out.append('\n');
            i = end;
        }
        return out.toString();
    }

    private static String pythonisms(String text) {
        String t = STARTSWITH.matcher(text).replaceAll(".startsWith(");
        return PERCENT_S.matcher(t).replaceAll(m -> Matcher.quoteReplacement("(" + m.group(1) + ")"));
    }

    /** The plugin's {@code talos_patches(folder)}: the patch templates in {@code talos/patches/FOLDER}, sorted. */
    public static List<String> talosPatches(String folder) {
        MakejinjaRenderer r = CURRENT.get();
        List<String> out = new ArrayList<>();
        if (r == null || folder == null || folder.contains("..") || folder.contains("/")) return out;
        for (String input : r.template.inputs()) {
            Path dir = r.template.root().resolve(input).resolve("talos/patches").resolve(folder).normalize();
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> p.getFileName().toString().endsWith(".yaml.j2") && Files.isRegularFile(p)).sorted()
                        .forEach(p -> out.add(r.repo.relative(p)));
            } catch (IOException ignored) {
                // an unreadable folder has no patches
            }
        }
        return out;
    }

    /**
     * The plugin's {@code cloudflare_tunnel_id()}: the {@code TunnelID} of {@code cloudflare-tunnel.json} (the file
     * {@code cloudflared tunnel create} writes). Only the ID is read, never the tunnel's secret; without the file the
     * ID is a placeholder and a note.
     */
    public static String cloudflareTunnelId() {
        MakejinjaRenderer r = CURRENT.get();
        Path f = r.template.root().resolve("cloudflare-tunnel.json");
        try {
            if (Files.isRegularFile(f) && Files.size(f) < 64 * 1024 && f.toRealPath().startsWith(r.template.root().toRealPath())) {
                JsonNode id = new ObjectMapper().readTree(f.toFile()).path("TunnelID");
                if (id.isTextual() && id.asText().matches("[0-9a-fA-F-]{1,64}")) return id.asText();
            }
        } catch (IOException ignored) {
            // reported below as not found
        }
        if (r.rendering != null && r.tunnelIdReported.add(r.rendering)) {
            SourceFile source = new SourceFile(r.rendering, r.repo.relative(r.rendering), r.renderingText);
            int line = 1;
            for (int l = 1; l <= source.lineCount(); l++) if (source.line(l).contains("cloudflare_tunnel_id")) { line = l; break; }
            int col = source.line(line).indexOf("cloudflare_tunnel_id") + 1;
            r.findings.add(ImportCode.IMP08, new Span(source, line, Math.max(1, col), "cloudflare_tunnel_id()".length()),
                    "no cloudflare-tunnel.json in the checkout: the tunnel's ID is rendered as the placeholder TUNNEL-ID",
                    "`cloudflared tunnel create --credentials-file cloudflare-tunnel.json kubernetes` writes it; the import reads only its TunnelID, never its secret");
        }
        return "TUNNEL-ID";
    }

    /** The plugin's {@code basename} filter: the file name without its last suffix ({@code a/b.yaml.j2} → {@code b.yaml}). */
    private static final class Basename implements Filter {
        @Override
        public String getName() {
            return "basename";
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
            String name = Path.of(String.valueOf(var)).getFileName().toString();
            int dot = name.lastIndexOf('.');
            return dot > 0 ? name.substring(0, dot) : name;
        }
    }
}

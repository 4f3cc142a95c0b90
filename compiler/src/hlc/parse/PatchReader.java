package hlc.parse;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.diag.SourceFile;
import hlc.diag.Span;
import hlc.model.Name;
import hlc.model.TalosPatch;
import hlc.model.YamlBlock;
import hlc.parse.gen.HomeLabParser.PatchBodyContext;
import org.antlr.v4.runtime.Token;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The text of a {@code patch} or an app's {@code flux-spec}: inline between triple quotes (its lines less their common indentation, like a
 * Java text block, so it can be indented with the block around it), or read from a file beside the spec, whose
 * path is relative to the spec file's folder and may not leave it (as imports may not).
 */
final class PatchReader {
    private final Reporter reporter;
    private final Literals lit;

    PatchReader(Reporter reporter, Literals lit) {
        this.reporter = reporter;
        this.lit = lit;
    }

    /** The Talos patch, or null when there is none to apply (reported, HL122). */
    TalosPatch read(PatchBodyContext body, Name role, Span at) {
        YamlBlock b = block(body, at, Code.HL122, "patch");
        return b == null ? null : new TalosPatch(role, b.yaml(), b.source(), b.lineOffset(), b.columnOffset(), b.at());
    }

    /**
     * The YAML a {@code keyword} gives ({@code patch}, {@code flux-spec}), or null when there is none (reported
     * with {@code code}).
     */
    YamlBlock block(PatchBodyContext body, Span at, Code code, String keyword) {
        if (body == null) return null;
        if (body.TEXT_BLOCK() != null) return inline(body.TEXT_BLOCK().getSymbol(), at, code, keyword);
        if (body.STRING() == null) return null;
        var name = lit.string(body.STRING());
        if (name == null) return null;
        SourceFile spec = at.file();
        Path dir = spec.path().toAbsolutePath().getParent();
        Path file;
        try {
            file = dir.resolve(name.value()).normalize();
        } catch (RuntimeException bad) {
            reporter.error(code, name.span(), "`" + name.value() + "` is not a usable file name").emit();
            return null;
        }
        if (name.value().isBlank() || !file.startsWith(dir) || Path.of(name.value()).isAbsolute()) {
            reporter.error(code, name.span(), keyword + " file `" + name.value() + "` is outside the spec's folder")
                    .hint("a " + keyword + " file is named relative to " + spec.displayPath() + " and stays in its folder, as imports do").emit();
            return null;
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            reporter.error(code, name.span(), "cannot read " + keyword + " file `" + name.value() + "`")
                    .hint("the path is resolved from the folder of " + spec.displayPath()).emit();
            return null;
        }
        String display = displayOf(spec.displayPath(), name.value());
        return new YamlBlock(text, new SourceFile(file, display, text), 0, 0, at);
    }

    private YamlBlock inline(Token t, Span at, Code code, String keyword) {
        String raw = t.getText();
        String inner = raw.substring(3, raw.length() - 3);
        Span where = TokenSpans.of(at.file(), t);
        int nl = inner.indexOf('\n');
        if (nl < 0 || !inner.substring(0, nl).isBlank()) {
            reporter.error(code, where, "an inline " + keyword + " starts on the line after its `\"\"\"`")
                    .hint("write `" + keyword + " \"\"\"`, then the YAML on the lines below it, then `\"\"\"`").emit();
            return null;
        }
        String[] lines = inner.substring(nl + 1).split("\n", -1);
        int last = lines.length;
        if (last > 0 && lines[last - 1].isBlank()) last--;
        int indent = Integer.MAX_VALUE;
        for (int i = 0; i < last; i++) {
            String l = lines[i];
            if (l.isBlank()) continue;
            int n = 0;
            while (n < l.length() && (l.charAt(n) == ' ' || l.charAt(n) == '\t')) n++;
            indent = Math.min(indent, n);
        }
        if (indent == Integer.MAX_VALUE) indent = 0;
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < last; i++) {
            String l = lines[i];
            yaml.append(l.length() >= indent ? l.substring(indent) : l.strip()).append('\n');
        }
        return new YamlBlock(yaml.toString(), at.file(), t.getLine(), indent, at);
    }

    /** The patch file as findings name it: beside the spec file, as the spec file is named. */
    private static String displayOf(String specDisplay, String name) {
        int slash = Math.max(specDisplay.lastIndexOf('/'), specDisplay.lastIndexOf('\\'));
        return (slash < 0 ? "" : specDisplay.substring(0, slash + 1)) + name;
    }
}

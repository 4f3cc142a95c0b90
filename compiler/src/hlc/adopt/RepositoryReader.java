package hlc.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hlc.diag.SourceFile;
import hlc.diag.Span;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one door into the repository being imported. Every file goes through it, so every file is held to the
 * same rules: it must stay inside the repository (after symbolic links), be at most {@link #MAX_BYTES}, be
 * UTF-8, not be SOPS-encrypted (reported and skipped: the import never decrypts), and be YAML that a bounded
 * parser accepts (few aliases, shallow nesting: a "billion laughs" file is an error, not an out-of-memory).
 * SnakeYAML reads it (Jackson's YAML reader gives a scalar alias such as {@code APP: *app} its anchor's name,
 * not its value), with anchors, aliases and merge keys ({@code <<: *bond0}) as YAML defines them.
 * Each refusal is a finding at the place that named the file, or at the file itself.
 */
public final class RepositoryReader {
    /** Far above any real configuration file (the biggest in the reference repositories is 17 KB). */
    public static final long MAX_BYTES = 2L * 1024 * 1024;
    private static final Pattern DOC_START = Pattern.compile("^---(\\s.*)?$");
    private static final Pattern SOPS = Pattern.compile("(?m)^sops:\\s*$|ENC\\[AES256_GCM,");

    private final Path root;
    private final Path realRoot;
    private final Findings findings;
    private final LoaderOptions options;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<Path, Optional<List<YamlDoc>>> cache = new HashMap<>();

    public RepositoryReader(Path root, Findings findings) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.realRoot = root.toRealPath();
        this.findings = findings;
        options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(64);
        options.setCodePointLimit((int) MAX_BYTES);
        options.setAllowDuplicateKeys(false);
    }

    public Path root() {
        return root;
    }

    /** The repository-relative name of a file, with forward slashes: what findings and comments show. */
    public String relative(Path p) {
        return root.relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    /**
     * {@code name} resolved against {@code dir}; empty (and a finding at {@code at}) when it leaves the
     * repository, lexically or through a symbolic link.
     */
    public Optional<Path> resolve(Path dir, String name, Span at) {
        Path p = dir.resolve(name).normalize();
        if (!p.startsWith(root) || !isInsideAfterLinks(p)) {
            findings.add(ImportCode.IMP04, at, "`" + name + "` leaves the repository (" + root.getFileName() + ")",
                    "the import reads only files inside the repository it was given; this entry is not followed");
            return Optional.empty();
        }
        return Optional.of(p);
    }

    private boolean isInsideAfterLinks(Path p) {
        if (!Files.exists(p)) return true;
        try {
            return p.toRealPath().startsWith(realRoot);
        } catch (IOException e) {
            return false;
        }
    }

    /** The YAML documents of a file, each with its lines; empty when the file was refused (with a finding). */
    public Optional<List<YamlDoc>> read(Path file, Span namedAt) {
        return cache.computeIfAbsent(file, f -> readUncached(f, namedAt, text -> text));
    }

    /**
     * The documents of a file after {@code preprocess} (a template renderer that keeps every line where it
     * was, so positions still point into the file as written).
     */
    public Optional<List<YamlDoc>> read(Path file, Span namedAt, java.util.function.UnaryOperator<String> preprocess) {
        return readUncached(file, namedAt, preprocess);
    }

    private Optional<List<YamlDoc>> readUncached(Path file, Span namedAt, java.util.function.UnaryOperator<String> preprocess) {
        String display = relative(file);
        if (!isInsideAfterLinks(file)) {
            findings.add(ImportCode.IMP04, namedAt != null ? namedAt : firstLine(file, display),
                    display + " is a link to a file outside the repository", "the import reads only files inside the repository; it is skipped");
            return Optional.empty();
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (size > MAX_BYTES) {
            findings.add(ImportCode.IMP02, firstLine(file, display), display + " is " + size / (1024 * 1024)
                    + " MiB; the import reads files of at most " + MAX_BYTES / (1024 * 1024) + " MiB",
                    "no configuration file is that large; if it is generated, import the folder it is generated from");
            return Optional.empty();
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            findings.add(ImportCode.IMP01, firstLine(file, display), display + " is not UTF-8 text", "it is skipped");
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
        SourceFile source = new SourceFile(file, display, text);
        Matcher sops = SOPS.matcher(text);
        if (sops.find()) {
            int line = lineAt(text, sops.start());
            findings.add(ImportCode.IMP03, new Span(source, line, 1, Math.max(1, source.line(line).strip().length())),
                    display + " is SOPS-encrypted: skipped, never decrypted",
                    "what it holds is secret and stays out of the spec; reference it from a vault in the spec instead");
            return Optional.empty();
        }
        return parse(source, preprocess.apply(text));
    }

    /**
     * YAML text held inside another document (a talhelper inline patch), parsed with the same limits; an error
     * is reported at {@code at}.
     */
    public List<JsonNode> parseInline(String text, Span at) {
        List<JsonNode> out = new ArrayList<>();
        Optional<List<YamlDoc>> docs = parse(new SourceFile(at.file().path(), at.file().displayPath(), text), text);
        if (docs.isEmpty()) return out;
        docs.get().forEach(d -> out.add(d.node()));
        return out;
    }

    /** Splits the text at {@code ---} lines and parses each document on its own, keeping its line numbers. */
    private Optional<List<YamlDoc>> parse(SourceFile source, String text) {
        List<YamlDoc> docs = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        int start = 0;
        for (int i = 0; i <= lines.length; i++) {
            if (i == lines.length || DOC_START.matcher(lines[i]).matches()) {
                if (i > start || i == lines.length) {
                    StringBuilder chunk = new StringBuilder();
                    for (int j = start; j < i; j++) chunk.append(lines[j]).append('\n');
                    try {
                        Object loaded = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()),
                                new DumperOptions(), options).load(chunk.toString());
                        JsonNode node = loaded == null ? null : json.valueToTree(loaded);
                        if (node != null && !node.isMissingNode() && !node.isNull()) {
                            docs.add(new YamlDoc(node, source, start + 1, i));
                        }
                    } catch (MarkedYAMLException e) {
                        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
                        int line = start + (mark != null ? mark.getLine() + 1 : 1);
                        int col = mark != null ? mark.getColumn() + 1 : 1;
                        line = Math.min(line, source.lineCount());
                        String problem = e.getProblem() != null ? e.getProblem() : firstSentence(e.getMessage());
                        findings.add(ImportCode.IMP01, new Span(source, line, col, 1), source.displayPath()
                                        + " is not valid YAML: " + problem,
                                "the file is skipped and nothing is written; fix it (`yq . " + source.displayPath() + "` shows the same error) and import again");
                        return Optional.empty();
                    } catch (YAMLException | IllegalArgumentException | StackOverflowError e) {
                        // alias and size limits ("billion laughs"), nesting limits, values JSON cannot hold
                        findings.add(ImportCode.IMP01, new Span(source, Math.min(start + 1, source.lineCount()), 1, 1),
                                source.displayPath() + " cannot be read safely: " + firstSentence(e.getMessage()),
                                "the file is skipped and nothing is written; a configuration file needs neither that many aliases nor that deep nesting");
                        return Optional.empty();
                    }
                }
                start = i + 1;
            }
        }
        return Optional.of(docs);
    }

    private static String firstSentence(String message) {
        if (message == null) return "unreadable";
        String m = message.strip();
        int nl = m.indexOf('\n');
        return nl > 0 ? m.substring(0, nl).strip() : m;
    }

    private static int lineAt(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) if (text.charAt(i) == '\n') line++;
        return line;
    }

    /** A span on the first line of a file that is not read whole (too large, not text): its first 200 bytes. */
    private static Span firstLine(Path file, String display) {
        String first = "";
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(200);
            first = new String(head, StandardCharsets.UTF_8);
            int nl = first.indexOf('\n');
            if (nl >= 0) first = first.substring(0, nl);
        } catch (IOException ignored) {
            // the finding still names the file
        }
        return new Span(new SourceFile(file, display, first), 1, 1, 1);
    }
}

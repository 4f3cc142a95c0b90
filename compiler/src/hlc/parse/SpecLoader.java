package hlc.parse;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.diag.SourceFile;
import hlc.diag.Span;
import hlc.parse.gen.HomeLabParser;
import org.antlr.v4.runtime.Token;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a spec and the files it imports, depth first, each once. An import is resolved against the importing
 * file's folder and must stay inside the root spec's folder (after symbolic links are followed); a cycle is
 * reported at the import that closes it, and not followed.
 */
public final class SpecLoader {
    private final Reporter reporter;
    private final List<ParsedFile> files = new ArrayList<>();
    private final Set<Path> loaded = new HashSet<>();
    private final Deque<Path> stack = new ArrayDeque<>();
    private Path rootDir;
    /** Text that replaces a file's bytes on disk (an editor's unsaved buffers); empty for the CLI. */
    private java.util.function.Function<Path, String> overlay = p -> null;

    /**
     * How one file's bytes become its text and tree, reporting what is wrong with them: {@link #read} for the
     * commands; the language server keeps the trees of files that did not change, and re-parses only the blocks
     * an edit touched in one that did.
     */
    @FunctionalInterface
    public interface Reading {
        ParsedFile read(Path path, String displayPath, byte[] bytes, Reporter reporter);
    }

    private Reading reading = SpecLoader::read;

    /**
     * The usual reading of a file: decode (HL002), then parse (syntax errors), each declaration built into its
     * model object as soon as it is parsed ({@link BuiltDeclarations}), so the whole file's tree is never held.
     */
    public static ParsedFile read(Path path, String displayPath, byte[] bytes, Reporter reporter) {
        SourceFile source = SourceReader.decode(path, displayPath, bytes, reporter);
        return BuiltDeclarations.read(source, reporter);
    }

    /** Reads each file this way instead of {@link #read}. */
    public SpecLoader withReading(Reading reading) {
        this.reading = reading;
        return this;
    }

    public SpecLoader(Reporter reporter) {
        this.reporter = reporter;
    }

    /**
     * Reads the files this function has text for (keyed by real path) from it instead of the disk: a language
     * server checks the buffers being edited, with their imports, before they are saved.
     */
    public SpecLoader withOverlay(java.util.function.Function<Path, String> textOf) {
        this.overlay = textOf;
        return this;
    }

    /** Loads the root spec; an unreadable root is an I/O problem the caller reports (exit 2). */
    public List<ParsedFile> load(Path root) throws IOException {
        return load(root, root.toString());
    }

    /**
     * Loads the root spec, naming it {@code display} in findings (imports are named from it): {@code hlc gate}
     * reads a copy of the staged tree and reports the paths of the repository.
     */
    public List<ParsedFile> load(Path root, String display) throws IOException {
        String open = overlay.apply(root.toAbsolutePath().normalize());
        Path real = open != null && !Files.exists(root) ? root.toAbsolutePath().normalize() : root.toRealPath();
        rootDir = real.getParent();
        if (open == null) open = overlay.apply(real);
        byte[] bytes = open != null ? open.getBytes(java.nio.charset.StandardCharsets.UTF_8) : Files.readAllBytes(real);
        visit(real, display, bytes);
        return files;
    }

    /** Parses text that has no file behind it (tests, fuzzing); imports are resolved against the working folder. */
    public List<ParsedFile> loadText(String displayName, String text) {
        rootDir = Path.of("").toAbsolutePath();
        Path pseudo = rootDir.resolve(displayName);
        visit(pseudo, displayName, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return files;
    }

    private void visit(Path real, String display, byte[] bytes) {
        loaded.add(real);
        stack.push(real);
        ParsedFile file = reading.read(real, display, bytes, reporter);
        SourceFile source = file.source();
        files.add(file);
        for (HomeLabParser.ImportDeclContext imp : file.tree().importDecl()) {
            follow(source, imp);
        }
        stack.pop();
    }

    private void follow(SourceFile from, HomeLabParser.ImportDeclContext imp) {
        Token tok = imp.STRING() == null ? null : imp.STRING().getSymbol();
        if (tok == null || tok.getTokenIndex() < 0) return; // a syntax error already said what is wrong
        Span at = TokenSpans.of(from, tok);
        String name = Strings.unquote(tok.getText());
        if (name.isEmpty() || name.indexOf('\0') >= 0) {
            reporter.error(Code.HL003, at, "import needs a file name").emit();
            return;
        }
        Path target;
        try {
            target = from.path().getParent().resolve(name).normalize();
        } catch (RuntimeException bad) {
            reporter.error(Code.HL003, at, "`" + name + "` is not a usable file name").emit();
            return;
        }
        if (!target.startsWith(rootDir)) {
            reporter.error(Code.HL003, at, "import `" + name + "` leaves the spec's folder")
                    .hint("a spec may only import files inside " + rootDir.getFileName() + "/ and its subfolders").emit();
            return;
        }
        Path real;
        try {
            real = overlay.apply(target) != null && !Files.exists(target) ? target : target.toRealPath();
        } catch (IOException missing) {
            reporter.error(Code.HL003, at, "cannot find imported file `" + name + "`")
                    .hint("the path is resolved from the folder of " + from.displayPath()).emit();
            return;
        }
        if (!real.startsWith(rootDir)) {
            reporter.error(Code.HL003, at, "import `" + name + "` leads outside the spec's folder through a symbolic link").emit();
            return;
        }
        if (stack.contains(real)) {
            List<String> cycle = new ArrayList<>();
            List<Path> frames = new ArrayList<>(stack);
            java.util.Collections.reverse(frames);
            for (int i = frames.indexOf(real); i < frames.size(); i++) cycle.add(rootDir.relativize(frames.get(i)).toString());
            cycle.add(rootDir.relativize(real).toString());
            reporter.error(Code.HL003, at, "import cycle: " + String.join(" -> ", cycle))
                    .hint("remove one of these imports; each file is read once anyway").emit();
            return;
        }
        if (loaded.contains(real)) return; // imported already through another path: read once
        String open = overlay.apply(real);
        if (open != null) {
            visit(real, displayOf(from, name, real), open.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return;
        }
        if (!Files.isRegularFile(real)) {
            reporter.error(Code.HL003, at, "`" + name + "` is not a file").emit();
            return;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(real);
        } catch (IOException | OutOfMemoryError unreadable) {
            reporter.error(Code.HL003, at, "cannot read imported file `" + name + "`: " + unreadable.getMessage()).emit();
            return;
        }
        String display = displayOf(from, name, real);
        visit(real, display, bytes);
    }

    private String displayOf(SourceFile from, String name, Path real) {
        Path fromDisplay = Path.of(from.displayPath()).getParent();
        return fromDisplay == null ? name : fromDisplay.resolve(name).normalize().toString();
    }
}

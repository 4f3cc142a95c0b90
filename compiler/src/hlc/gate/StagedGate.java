package hlc.gate;

import hlc.diag.Reporter;
import hlc.diag.SourceFile;
import hlc.fmt.Formatter;
import hlc.fmt.UnifiedDiff;
import hlc.parse.ParsedFile;
import hlc.parse.SpecLoader;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The repository side of {@code hlc gate}: which files the commit records (the index with {@code --staged},
 * else the tracked files of the work tree), a copy of the index to check and compile as the commit will hold
 * it, and the files that must never be committed. The copy is removed by {@link #close}.
 */
public final class StagedGate implements AutoCloseable {
    /** Files larger than this are no config, talosconfig or bundle (those are a few kilobytes): not read. */
    private static final int MAX_SCANNED = 1 << 20;

    /** A question git could not answer. */
    public static final class Failed extends Exception {
        Failed(String message) {
            super(message);
        }
    }

    private final Path top;
    private final boolean staged;
    private final Git git;
    private Path copy;

    public StagedGate(Path top, boolean staged) {
        this.top = top;
        this.staged = staged;
        this.git = new Git(top);
    }

    public Path top() {
        return top;
    }

    public boolean staged() {
        return staged;
    }

    /**
     * Prints each committed file that holds a Talos secret, with the fix, and returns how many. Only files the
     * commit adds or changes with {@code --staged}; every tracked file otherwise.
     */
    public int refuseSecrets(PrintStream err) throws Failed {
        int refused = 0;
        try {
            // Work tree: only the tracked files that hold a key's first characters, which git finds; each is then
            // judged as every staged file is.
            for (String path : staged ? git.staged() : git.trackedContaining(SecretContent.KEY_START_TEXT)) {
                byte[] bytes;
                if (staged) {
                    bytes = git.stagedContent(path);
                } else {
                    Path p = top.resolve(path);
                    if (!Files.isRegularFile(p) || Files.size(p) > MAX_SCANNED) continue;
                    bytes = Files.readAllBytes(p);
                }
                if (bytes.length > MAX_SCANNED || !SecretContent.mayHoldOne(bytes)) continue;
                String kind = SecretContent.kindOf(new String(bytes, StandardCharsets.UTF_8));
                if (kind == null) continue;
                refused++;
                err.println("hlc: gate: " + path + " holds " + kind + " and must never be committed; "
                        + (staged ? "unstage it with `git rm --cached " + path + "`" : "remove it from git with `git rm --cached "
                        + path + "`, commit, and rotate its keys: the history still has them")
                        + " (the output folder's .gitignore keeps hlc's own out of `git add`)");
            }
        } catch (Git.Failed | IOException e) {
            throw new Failed(e.getMessage());
        }
        return refused;
    }

    /** Whether the commit changes a .hl file or anything under the output folder (or this is not a commit). */
    public boolean touches(Path spec, Path out) throws Failed {
        if (!staged) return true;
        String outRel = top.relativize(out).toString().replace('\\', '/');
        try {
            return git.staged().stream().anyMatch(p -> p.endsWith(".hl") || p.equals(outRel) || p.startsWith(outRel + "/"));
        } catch (Git.Failed e) {
            throw new Failed(e.getMessage());
        }
    }

    /** Where the committed files are: a copy of the index with {@code --staged}, else the work tree. */
    public Path tree() throws Failed {
        if (!staged) return top;
        if (copy == null) {
            try {
                copy = Files.createTempDirectory("hlc-gate-").toRealPath();
                git.exportIndex(copy);
            } catch (IOException | Git.Failed e) {
                throw new Failed("cannot copy the index: " + e.getMessage());
            }
        }
        return copy;
    }

    /**
     * Prints a unified diff for each file of the spec (the root and its imports) that is not in the fmt layout and
     * returns how many. A file with syntax errors is left to the check, which has reported them.
     */
    public static int unformatted(Path specIn, String display, PrintStream err) throws IOException {
        List<SourceFile> files = new SpecLoader(new Reporter()).load(specIn, display).stream().map(ParsedFile::source).toList();
        return unformatted(files, err);
    }

    /**
     * The same for the files a check has already read (the gate's own check), which are not parsed again to be
     * found: each is read and formatted once.
     */
    public static int unformatted(List<SourceFile> files, PrintStream err) throws IOException {
        int count = 0;
        for (SourceFile source : files) {
            Path path = source.path();
            byte[] bytes = Files.readAllBytes(path);
            Formatter.Result r = Formatter.format(path, source.displayPath(), bytes);
            // Not formattable (syntax errors): the check has reported why. Formatted: the same bytes.
            if (!r.formatted() || java.util.Arrays.equals(bytes, r.text().getBytes(StandardCharsets.UTF_8))) continue;
            count++;
            err.print(UnifiedDiff.of(source.displayPath(), r.original(), r.text()));
            err.println("hlc: gate: " + source.displayPath() + " is not in the fmt layout; run `hlc fmt --write "
                    + source.displayPath() + "`");
        }
        return count;
    }

    @Override
    public void close() throws IOException {
        if (copy == null) return;
        try (Stream<Path> s = Files.walk(copy)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}

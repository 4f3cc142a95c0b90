package hlc.parse;

import hlc.diag.Diagnostic;
import hlc.diag.Reporter;
import hlc.diag.SourceFile;
import hlc.parse.gen.HomeLabParser;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A file's declarations built into model objects while the file was parsed, one as soon as the parser has
 * finished it ({@link TreeParser#stream}), so that no more than one declaration's tree is alive at a time; with
 * the findings their builders made, which {@link ModelBuilder#build} reports where it would have built them, so
 * the findings come in the same order as when the model is built from a whole tree. Null objects are blocks
 * left out (no name). {@code failure} is what a builder threw (hlc's bug), thrown again by the model phase.
 */
public record BuiltDeclarations(List<Object> declarations, List<Diagnostic> findings, Throwable failure) {
    public BuiltDeclarations {
        declarations = Collections.unmodifiableList(declarations);
        findings = List.copyOf(findings);
    }

    void rethrowFailure() {
        if (failure instanceof RuntimeException e) throw e;
        if (failure instanceof Error e) throw e;
    }

    /**
     * Parses {@code source} (syntax errors to {@code reporter}, as {@link TreeParser#tree} reports them) and builds
     * each declaration as it is parsed; a large file in pieces on every core ({@link PiecewiseReading}), with the
     * same result. The tree returned holds the imports, and everything when the file has
     * acknowledgements ({@code hlc:allow}), which are read from the tree after the checks.
     */
    static ParsedFile read(SourceFile source, Reporter reporter) {
        boolean keep = source.text().contains("hlc:allow");
        // a large file on every core, when it reads cleanly that way (PiecewiseReading); else in one pass. The
        // length is asked first (a constant): a small file does not even load the class.
        if (!keep && !source.hasAstral() && source.text().length() >= 2 * PiecewiseReading.MIN_PIECE_CHARS) {
            int threads = PiecewiseReading.threadsFor(source);
            ParsedFile pieces = threads > 1 ? PiecewiseReading.read(source, threads, threads * PiecewiseReading.PIECES_PER_THREAD) : null;
            if (pieces != null) return pieces;
        }
        return readWhole(source, reporter, keep);
    }

    /** {@link #read} in one pass on the calling thread; {@code keep}: the file has acknowledgements. */
    static ParsedFile readWhole(SourceFile source, Reporter reporter, boolean keep) {
        // The builders report to a reporter of their own, which also sees the file's syntax errors so far: a
        // builder leaves out "missing attribute" where a syntax error was reported inside the block.
        Reporter own = new Reporter();
        Set<Diagnostic> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        int before = reporter.reported().size();
        int[] copied = {before};
        Function<HomeLabParser.DeclarationContext, Object> builder = ModelBuilder.builderOf(source, own);
        List<Object> out = new ArrayList<>();
        Throwable[] failure = {null};
        HomeLabParser.SpecContext tree = TreeParser.stream(source, reporter, keep, d -> {
            if (failure[0] != null) return; // the model phase fails anyway: the rest of the file is only parsed
            List<Diagnostic> now = reporter.reported();
            for (int i = copied[0]; i < now.size(); i++) seen.add(now.get(i));
            own.addAll(now.subList(copied[0], now.size()));
            copied[0] = now.size();
            try {
                out.add(builder.apply(d));
            } catch (RuntimeException | StackOverflowError e) {
                failure[0] = e;
            }
        });
        if (tree == null) {
            // too many syntax errors: nothing of the file is used, as when its whole tree is read
            return new ParsedFile(source, new HomeLabParser.SpecContext(null, 0), new BuiltDeclarations(List.of(), List.of(), null));
        }
        List<Diagnostic> findings = new ArrayList<>();
        for (Diagnostic d : own.reported()) if (!seen.contains(d)) findings.add(d);
        return new ParsedFile(source, tree, new BuiltDeclarations(out, findings, failure[0]));
    }
}

package hlc.lsp;

import hlc.diag.Code;
import hlc.diag.Diagnostic;
import hlc.diag.Reporter;
import hlc.diag.SourceFile;
import hlc.diag.Span;
import hlc.model.Spec;
import hlc.parse.ParsedFile;
import hlc.parse.SpecLoader;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The one place the language server asks the compiler anything: "what findings does this spec give, and what
 * does each name in it resolve to", for a root file with the editor's unsaved buffers laid over the disk. It
 * runs the same phases as {@code hlc check} (load with imports, build the model, run every check), so the
 * editor shows exactly what the CLI reports. When the compiler's front end changes (a resolved model), this is
 * the class to re-point.
 */
final class SpecAnalyzer {
    private SpecAnalyzer() {}

    /** Thrown when a newer edit makes a check in progress useless: the newest text is checked instead. */
    static final class Stale extends RuntimeException {
        Stale() {
            super(null, null, false, false);
        }
    }

    /** Checks one root spec once, keeping nothing for the next check (a spec on disk looked at in passing). */
    static Analysis analyze(Path root, java.util.Map<Path, DocumentStore.Document> open) {
        return analyze(root, open, new IncrementalFront(), () -> false);
    }

    /**
     * Checks one root spec and its imports; the open documents (a snapshot, so one check sees one version of
     * each) are read from {@code open}, everything else from disk. {@code front} keeps what earlier checks
     * parsed and built, so only the blocks an edit touched are done again; {@code stale} says a newer edit came
     * (then {@link Stale} is thrown between phases).
     */
    static Analysis analyze(Path root, java.util.Map<Path, DocumentStore.Document> open, IncrementalFront front,
                            java.util.function.BooleanSupplier stale) {
        java.util.Map<Path, Integer> versions = new java.util.HashMap<>();
        open.forEach((p, d) -> versions.put(p, d.version()));
        Function<Path, String> overlay = p -> open.containsKey(p) ? open.get(p).text() : null;
        Reporter reporter = new Reporter();
        List<ParsedFile> parsed;
        try {
            parsed = new SpecLoader(reporter).withOverlay(overlay).withReading(front).load(root);
        } catch (java.io.IOException | RuntimeException | StackOverflowError e) {
            String text = overlay.apply(root);
            SourceFile f = new SourceFile(root, root.toString(), text == null ? "" : text);
            internal(reporter, f, "load", e);
            return new Analysis(root, null, null, List.of(f), reporter.sorted(), versions);
        }
        if (stale.getAsBoolean()) throw new Stale();
        List<SourceFile> files = parsed.stream().map(ParsedFile::source).toList();
        Spec built;
        try {
            List<Object> declarations = new java.util.ArrayList<>();
            for (ParsedFile f : parsed) declarations.addAll(front.declarations(f, reporter));
            built = hlc.parse.ModelBuilder.assemble(files, declarations);
        } catch (RuntimeException | StackOverflowError e) {
            internal(reporter, files.get(0), "model", e);
            return new Analysis(root, null, null, files, reporter.sorted(), versions);
        }
        if (stale.getAsBoolean()) throw new Stale();
        hlc.Compiler.Result checked = hlc.Compiler.checkBuilt(built, parsed, reporter);
        return new Analysis(root, checked.spec(), checked.resolved(), files, reporter.sorted(), versions);
    }

    /** As {@code hlc check} does: an unexpected failure is an HL099 finding on the file, never a dead server. */
    private static void internal(Reporter reporter, SourceFile file, String phase, Throwable e) {
        reporter.error(Code.HL099, new Span(file, 1, 1, 1), "internal error in the " + phase + " phase: " + e.getClass().getSimpleName())
                .hint("this is a bug in hlc, not in your spec; please report it with the spec that triggers it").emit();
    }

    /** What one check of a root spec found: the model (null when it could not be built), its files and findings. */
    static final class Analysis {
        final Path root;
        final Spec spec;
        /** The spec with hlc's defaults applied (what hover shows for a value left out); null with {@code spec}. */
        final hlc.resolve.ResolvedSpec resolved;
        final List<SourceFile> files;
        final List<Diagnostic> diagnostics;
        /** The version of each open document this analysis read. */
        private final java.util.Map<Path, Integer> versions;
        private SymbolIndex symbols;

        Analysis(Path root, Spec spec, hlc.resolve.ResolvedSpec resolved, List<SourceFile> files, List<Diagnostic> diagnostics,
                 java.util.Map<Path, Integer> versions) {
            this.root = root;
            this.spec = spec;
            this.resolved = resolved;
            this.files = List.copyOf(files);
            this.diagnostics = List.copyOf(diagnostics);
            this.versions = java.util.Map.copyOf(versions);
        }

        /** The version of an open document this analysis saw, or null for a file read from disk. */
        Integer versionOf(Path file) {
            return includes(file) ? versions.get(file) : null;
        }

        boolean includes(Path file) {
            return file(file) != null;
        }

        SourceFile file(Path p) {
            return files.stream().filter(f -> f.path().equals(p)).findFirst().orElse(null);
        }

        List<Diagnostic> diagnosticsOf(Path file) {
            return diagnostics.stream().filter(d -> d.span().file().path().equals(file)).toList();
        }

        /** Every named thing and every reference to one, built on first use (hover, definition, rename). */
        synchronized SymbolIndex symbols() {
            if (symbols == null) symbols = SymbolIndex.of(spec);
            return symbols;
        }
    }
}

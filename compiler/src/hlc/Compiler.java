package hlc;

import hlc.check.Checker;
import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.diag.SourceFile;
import hlc.diag.Span;
import hlc.emit.Emission;
import hlc.emit.Emitters;
import hlc.emit.RenderedFile;
import hlc.emit.Renderer;
import hlc.model.Spec;
import hlc.parse.AcknowledgementReader;
import hlc.parse.ModelBuilder;
import hlc.parse.ParsedFile;
import hlc.parse.SpecLoader;
import hlc.resolve.ResolvedSpec;
import hlc.resolve.Resolver;
import hlc.secrets.SecretsBundle;
import hlc.secrets.SecretsBundleReader;
import hlc.secrets.SecretsDecryption;
import hlc.secrets.Talosconfig;

import hlc.emit.OutputPlace;
import hlc.repo.Repository;
import hlc.repo.RepositoryChecks;
import hlc.write.OutputIgnore;

import java.io.IOException;
import java.util.Optional;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The pipeline as one function: files → parse → model → resolve → check → emit (render and validate, in
 * memory). Writing is the caller's last step. No global state; a run is its inputs and its result. Whatever
 * the input, a phase that fails unexpectedly becomes an HL099 diagnostic, never a stack trace.
 *
 * <p>{@link #check} is the front half ({@code hlc check}, the language server, whatif, graph); {@link #compile}
 * is the whole ({@code hlc compile}, the benchmark, the emitter tests).
 */
public final class Compiler {
    private Compiler() {}

    /** The model and the resolved model (null when the model could not be built) and every finding. */
    public record Result(Spec spec, ResolvedSpec resolved, Reporter reporter) {}

    /**
     * What a compile produced: the resolved model, every rendered file (Talos machine configs included, built
     * from the placeholder bundle when there is no real one), every finding, and the bundle used. {@code files}
     * is empty when any finding is an error. {@code setupProblem} is a problem that is not in the spec (an
     * unreadable secrets bundle); there are no files then.
     */
    public record Compilation(ResolvedSpec resolved, List<RenderedFile> files, Reporter reporter, Path bundle,
                              String setupProblem) {
        public boolean failed() {
            return setupProblem != null || reporter.hasErrors() || resolved == null;
        }

        /**
         * The files to write, with the output folder's own .gitignore: Talos configs built from the placeholder
         * were only for validation.
         */
        public List<RenderedFile> writable() {
            List<RenderedFile> w = new java.util.ArrayList<>(bundle != null ? files : files.stream().filter(f -> !f.secret()).toList());
            if (!w.isEmpty()) w.add(OutputIgnore.file());
            return List.copyOf(w);
        }

        /** How many Talos machine configs were built (and validated). */
        public long talosConfigs() {
            return files.stream().filter(f -> f.secret() && f.path().startsWith("talos/")).count();
        }
    }

    /**
     * How {@code hlc compile} runs: {@code secrets} overrides the spec's {@code secrets} (null for none),
     * {@code decrypt} overrides the spec's decryption command ({@code secrets "…" decrypt "sops -d"}; null: the
     * spec's), {@code generatedFrom} is the spec as generated headers name it, {@code warnings} receives the bundle
     * reader's warnings, {@code out} is the output folder, whose place in its git repository decides the paths
     * Flux resolves (null: the place the spec implies).
     */
    public record Options(Path secrets, String generatedFrom, Consumer<String> warnings, Path out, String decrypt) {
        /** Without an output folder: paths as the spec implies them (tests, the benchmark). */
        public Options(Path secrets, String generatedFrom, Consumer<String> warnings) {
            this(secrets, generatedFrom, warnings, null, null);
        }

        /** With no decryption command of the command line's own. */
        public Options(Path secrets, String generatedFrom, Consumer<String> warnings, Path out) {
            this(secrets, generatedFrom, warnings, out, null);
        }
    }

    /** Checks a spec file and its imports; throws only when the root file itself cannot be read. */
    public static Result check(Path specFile) throws IOException {
        Reporter reporter = new Reporter();
        List<ParsedFile> files;
        try {
            files = new SpecLoader(reporter).load(specFile);
        } catch (IOException | java.io.UncheckedIOException | java.nio.file.InvalidPathException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // Any other failure is hlc's bug: a finding at the root file, as checkText does.
            internal(reporter, new SourceFile(specFile, specFile.toString(), ""), "parse", e);
            return new Result(null, null, reporter);
        }
        return afterParse(files, reporter);
    }

    /** Checks a spec file read from one place and named {@code display} in findings (a copy of the staged tree). */
    public static Result check(Path specFile, String display) throws IOException {
        Reporter reporter = new Reporter();
        List<ParsedFile> files = new SpecLoader(reporter).load(specFile, display);
        return afterParse(files, reporter);
    }

    /** Checks spec text (tests, fuzzing, editors). */
    public static Result checkText(String name, String text) {
        Reporter reporter = new Reporter();
        List<ParsedFile> files;
        try {
            files = new SpecLoader(reporter).loadText(name, text);
        } catch (RuntimeException | StackOverflowError e) {
            internal(reporter, new SourceFile(Path.of(name), name, text), "parse", e);
            return new Result(null, null, reporter);
        }
        return afterParse(files, reporter);
    }

    /**
     * Checks a spec file, reads its secrets bundle (the option's, else the spec's {@code secrets}), then
     * renders and validates every file. Throws only when the root file cannot be read.
     */
    public static Compilation compile(Path specFile, Options options) throws IOException {
        Result checked = check(specFile);
        if (checked.reporter().hasErrors() || checked.resolved() == null) return compile(checked, null, null, null);
        String decrypt = decryptCommand(options, checked.spec());
        Path bundlePath = decrypt != null ? decryptedBundleName(options.secrets(), specFile, checked.spec())
                : bundlePath(options.secrets(), specFile, checked.spec());
        SecretsBundle bundle;
        try {
            if (decrypt != null) {
                bundle = SecretsDecryption.read(decrypt, bundleSource(options.secrets(), checked.spec()),
                        specFile.toAbsolutePath().getParent());
            } else {
                bundle = bundlePath == null ? SecretsBundle.placeholder()
                        : SecretsBundleReader.read(bundlePath, options.warnings()::accept);
            }
        } catch (SecretsBundleReader.BundleException e) {
            return new Compilation(checked.resolved(), List.of(), checked.reporter(), bundlePath, e.getMessage());
        }
        Optional<Repository> repo = options.out() == null ? Optional.empty() : Repository.holding(options.out());
        Compilation compiled = compile(checked, bundle, bundlePath, new Renderer(options.generatedFrom()), repo);
        if (bundlePath == null || compiled.failed()) return compiled;
        // With a real bundle, the client side too: talosctl reaches the nodes with out/talosconfig.
        List<RenderedFile> files = new java.util.ArrayList<>(compiled.files());
        try {
            files.add(Talosconfig.of(compiled.resolved(), bundle));
        } catch (java.security.GeneralSecurityException e) {
            return new Compilation(compiled.resolved(), List.of(), compiled.reporter(), bundlePath,
                    "cannot sign the talosconfig's client certificate with the bundle's CA: " + e.getMessage());
        }
        return new Compilation(compiled.resolved(), List.copyOf(files), compiled.reporter(), bundlePath, null);
    }

    /** Checks and compiles spec text with the given bundle ({@link SecretsBundle#placeholder()} for none). */
    public static Compilation compileText(String name, String text, SecretsBundle bundle, Renderer renderer) {
        return compile(checkText(name, text), bundle, null, renderer);
    }

    /** Compiles a spec file with the given bundle and renderer (tests and the benchmark choose their own). */
    public static Compilation compile(Path specFile, SecretsBundle bundle, Renderer renderer) throws IOException {
        return compile(check(specFile), bundle, null, renderer);
    }

    /** The back half: nothing is emitted from a spec with errors, so what compile refuses, check reported. */
    public static Compilation compile(Result checked, SecretsBundle bundle, Path bundlePath, Renderer renderer) {
        return compile(checked, bundle, bundlePath, renderer, Optional.empty());
    }

    /**
     * The back half for an output folder in {@code repo} (empty: hlc cannot see the repository, so paths are
     * the ones the spec implies). The repository's findings (HL076, HL077) are the compile's too.
     */
    public static Compilation compile(Result checked, SecretsBundle bundle, Path bundlePath, Renderer renderer,
                                      Optional<Repository> repo) {
        if (checked.reporter().hasErrors() || checked.resolved() == null) {
            return new Compilation(checked.resolved(), List.of(), checked.reporter(), bundlePath, null);
        }
        OutputPlace place = RepositoryChecks.run(repo, checked.spec(), checked.reporter());
        if (checked.reporter().hasErrors()) {
            return new Compilation(checked.resolved(), List.of(), checked.reporter(), bundlePath, null);
        }
        List<RenderedFile> files;
        try {
            files = Emission.run(checked.resolved(), Emitters.all(bundle, place), renderer, checked.reporter());
        } catch (RuntimeException | StackOverflowError e) {
            internal(checked.reporter(), checked.spec().files().get(0), "emit", e);
            files = List.of();
        }
        return new Compilation(checked.resolved(), files, checked.reporter(), bundlePath, null);
    }

    /** The command line's decryption command, else the spec's, else none (a plain bundle file). */
    static String decryptCommand(Options options, Spec spec) {
        if (options.decrypt() != null) return options.decrypt();
        if (options.secrets() != null || spec.cluster() == null || spec.cluster().secretsDecrypt() == null) return null;
        return spec.cluster().secretsDecrypt().value();
    }

    /** What the decryption command is given: {@code --secrets}, else the spec's file or reference, else nothing. */
    private static String bundleSource(Path option, Spec spec) {
        if (option != null) return option.toString();
        if (spec.cluster() == null || spec.cluster().secrets() == null) return null;
        return spec.cluster().secrets().value();
    }

    /**
     * A decrypted bundle's name for the compile's result (which says a real bundle was used): its file, or a
     * stand-in path for a reference or a command that names the bundle itself. Nothing is read from it.
     */
    private static Path decryptedBundleName(Path option, Path specFile, Spec spec) {
        String source = bundleSource(option, spec);
        if (source == null || SecretsDecryption.isReference(source)) return Path.of("(decrypted)");
        return option != null ? option : bundlePath(null, specFile, spec);
    }

    /** {@code --secrets} wins; else the spec's {@code secrets}, relative to the spec's folder; else none. */
    static Path bundlePath(Path option, Path specFile, Spec spec) {
        if (option != null) return option;
        if (spec.cluster() == null || spec.cluster().secrets() == null) return null;
        Path dir = specFile.toAbsolutePath().getParent();
        return dir.resolve(spec.cluster().secrets().value()).normalize();
    }

    /**
     * The front half after loading: model, resolve, checks. Public for the language server, which loads the
     * files itself (its unsaved buffers stand in for the disk) and then checks them the way {@code hlc check} does.
     */
    public static Result checkLoaded(List<ParsedFile> files, Reporter reporter) {
        return afterParse(files, reporter);
    }

    private static Result afterParse(List<ParsedFile> files, Reporter reporter) {
        SourceFile root = files.get(0).source();
        Spec spec;
        ResolvedSpec resolved;
        try {
            spec = new ModelBuilder(reporter).build(files);
            resolved = Resolver.resolve(spec);
        } catch (RuntimeException | StackOverflowError e) {
            internal(reporter, root, "model", e);
            return new Result(null, null, reporter);
        }
        try {
            Checker.check(resolved, reporter);
        } catch (RuntimeException | StackOverflowError e) {
            internal(reporter, root, "check", e);
        }
        // Every warning is known now (the back half reports errors only): the spec's acknowledgements apply.
        reporter.acknowledge(AcknowledgementReader.read(files, reporter));
        return new Result(spec, resolved, reporter);
    }

    private static void internal(Reporter reporter, SourceFile file, String phase, Throwable e) {
        StackTraceElement where = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
        reporter.error(Code.HL099, new Span(file, 1, 1, 1), "internal error in the " + phase + " phase: "
                        + e.getClass().getSimpleName() + (where == null ? "" : " at " + where.getFileName() + ":" + where.getLineNumber()))
                .hint("this is a bug in hlc, not in your spec; please report it with the spec that triggers it").emit();
    }
}

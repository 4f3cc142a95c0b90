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
            if (!w.isEmpty()) folders().forEach(folder -> w.add(OutputIgnore.file(folder)));
            w.sort(BY_PATH);
            return List.copyOf(w);
        }

        /** The folders of the output the clusters are written into: {@code ""} (the folder itself) for one cluster. */
        public List<String> folders() {
            return resolved == null ? List.of("") : resolved.perCluster().stream().map(ResolvedSpec::outputFolder).toList();
        }

        /** How many Talos machine configs were built (and validated). */
        public long talosConfigs() {
            return files.stream().filter(f -> f.secret() && hlc.write.SecretPaths.isMachineConfig(f.path())).count();
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

    /**
     * Files by path. A lambda of hlc's rather than Comparator.comparing(RenderedFile::path): the JDK's combinator
     * lambdas are spun at run time on every start (no start-up archive holds them).
     */
    static final java.util.Comparator<RenderedFile> BY_PATH = (a, b) -> a.path().compareTo(b.path());

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
        // git is asked where the output folder is while the spec is read and checked (its process starts cost
        // tens of milliseconds of wall time).
        Repository.Lookup repoLookup = options.out() == null ? Repository.Lookup.done(Optional.empty())
                : Repository.Lookup.start(() -> Repository.holding(options.out()));
        Result checked = check(specFile);
        if (checked.reporter().hasErrors() || checked.resolved() == null) return compile(checked, null, null, null);
        List<ResolvedSpec> clusters = checked.resolved().perCluster();
        if (options.secrets() != null && clusters.size() > 1) {
            return new Compilation(checked.resolved(), List.of(), checked.reporter(), options.secrets(),
                    "--secrets names one bundle, but the spec has " + clusters.size() + " clusters: write `secrets` in each cluster instead");
        }
        java.util.Map<ResolvedSpec, SecretsBundle> bundles = new java.util.HashMap<>();
        Path firstBundle = null;
        String without = null;
        for (ResolvedSpec view : clusters) {
            // A bundle is read from its file, or from the stdout of the decryption command the spec or
            // --secrets-decrypt names (SOPS, age, a password manager): the plaintext never touches the disk.
            String decrypt = decryptCommand(options, view.spec());
            Path bundlePath = decrypt != null ? decryptedBundleName(options.secrets(), specFile, view.spec())
                    : bundlePath(options.secrets(), specFile, view.spec());
            if (bundlePath == null) {
                if (view.spec().cluster() != null) without = view.spec().cluster().name().text();
                bundles.put(view, SecretsBundle.placeholder());
                continue;
            }
            if (firstBundle == null) firstBundle = bundlePath;
            try {
                bundles.put(view, decrypt != null
                        ? SecretsDecryption.read(decrypt, bundleSource(options.secrets(), view.spec()), specFile.toAbsolutePath().getParent())
                        : SecretsBundleReader.read(bundlePath, options.warnings()::accept));
            } catch (SecretsBundleReader.BundleException e) {
                return new Compilation(checked.resolved(), List.of(), checked.reporter(), bundlePath, e.getMessage());
            }
            String missing = missingDiskKey(view, bundles.get(view), bundlePath);
            if (missing != null) return new Compilation(checked.resolved(), List.of(), checked.reporter(), bundlePath, missing);
        }
        if (firstBundle != null && without != null) {
            return new Compilation(checked.resolved(), List.of(), checked.reporter(), firstBundle, "cluster `" + without
                    + "` names no secrets bundle while another cluster does: hlc writes the Talos configs of every cluster or of none,"
                    + " so write `secrets` in each cluster (`hlc secrets init FILE` makes one)");
        }
        Optional<Repository> repo = repoLookup.get();
        Compilation compiled = compile(checked, bundles::get, firstBundle, new Renderer(options.generatedFrom()), repo);
        if (firstBundle == null || compiled.failed()) return compiled;
        // With a real bundle, the client side too: talosctl reaches each cluster's nodes with its talosconfig.
        List<RenderedFile> files = new java.util.ArrayList<>(compiled.files());
        try {
            for (ResolvedSpec view : clusters) files.add(inFolder(view.outputFolder(), Talosconfig.of(view, bundles.get(view))));
        } catch (java.security.GeneralSecurityException e) {
            return new Compilation(compiled.resolved(), List.of(), compiled.reporter(), firstBundle,
                    "cannot sign the talosconfig's client certificate with the bundle's CA: " + e.getMessage());
        }
        files.sort(BY_PATH);
        return new Compilation(compiled.resolved(), List.copyOf(files), compiled.reporter(), firstBundle, null);
    }

    /**
     * The refusal for a static disk key the spec names (`encrypt STATE key "NAME"`) that the bundle does not hold,
     * or null: a real bundle must give every passphrase the nodes' configs carry. The message names the key and the
     * host, never a value.
     */
    private static String missingDiskKey(ResolvedSpec view, SecretsBundle bundle, Path bundlePath) {
        for (hlc.model.Host h : view.spec().hosts()) {
            for (hlc.model.DiskEncryption e : hlc.resolve.NodeEncryption.of(view.spec().cluster(), h)) {
                if (e.tpm() || bundle.diskKey(e.key().value()) != null) continue;
                return "the secrets bundle " + bundlePath + " has no disk key `" + e.key().value() + "` (host `" + h.name().text()
                        + "` encrypts " + e.volume().text() + " with it, " + e.at() + "): add it to the bundle's `diskkeys` map,"
                        + " `diskkeys: {" + e.key().value() + ": …}`";
            }
        }
        return null;
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
     * the ones the spec implies). The repository's findings (HL076, HL077, HL078) are the compile's too.
     */
    public static Compilation compile(Result checked, SecretsBundle bundle, Path bundlePath, Renderer renderer,
                                      Optional<Repository> repo) {
        return compile(checked, view -> bundle, bundlePath, renderer, repo);
    }

    /**
     * The back half, cluster by cluster: each cluster's view ({@link ResolvedSpec#perCluster}) goes through the
     * emitters with its own bundle, into its own folder of the output ({@code ""}, the folder itself, when the spec
     * has one cluster). Nothing is emitted when any cluster fails.
     */
    private static Compilation compile(Result checked, java.util.function.Function<ResolvedSpec, SecretsBundle> bundleOf,
                                       Path bundlePath, Renderer renderer, Optional<Repository> repo) {
        if (checked.reporter().hasErrors() || checked.resolved() == null) {
            return new Compilation(checked.resolved(), List.of(), checked.reporter(), bundlePath, null);
        }
        java.util.Map<ResolvedSpec, OutputPlace> places = new java.util.LinkedHashMap<>();
        for (ResolvedSpec view : checked.resolved().perCluster()) {
            places.put(view, RepositoryChecks.run(repo, view.spec(), view.outputFolder(), checked.reporter()));
        }
        if (checked.reporter().hasErrors()) {
            return new Compilation(checked.resolved(), List.of(), checked.reporter(), bundlePath, null);
        }
        List<RenderedFile> files = new java.util.ArrayList<>();
        try {
            for (var e : places.entrySet()) {
                List<RenderedFile> one = Emission.run(e.getKey(), Emitters.all(bundleOf.apply(e.getKey()), e.getValue()), renderer, checked.reporter());
                if (checked.reporter().hasErrors()) {
                    files.clear();
                    break;
                }
                for (RenderedFile f : one) files.add(inFolder(e.getKey().outputFolder(), f));
            }
        } catch (RuntimeException | StackOverflowError e) {
            internal(checked.reporter(), checked.spec().files().get(0), "emit", e);
            files.clear();
        }
        files.sort(BY_PATH);
        return new Compilation(checked.resolved(), List.copyOf(files), checked.reporter(), bundlePath, null);
    }

    /** A file of one cluster's output, placed in that cluster's folder. */
    private static RenderedFile inFolder(String folder, RenderedFile f) {
        return folder.isEmpty() ? f : new RenderedFile(folder + "/" + f.path(), f.content(), f.secret());
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
        try {
            spec = new ModelBuilder(reporter).build(files);
        } catch (RuntimeException | StackOverflowError e) {
            internal(reporter, root, "model", e);
            return new Result(null, null, reporter);
        }
        return checkBuilt(spec, files, reporter);
    }

    /**
     * The front half after the model is built: resolve, checks, acknowledgements. Public for the language server,
     * which builds the model of only the blocks an edit touched and keeps the rest; {@code files} are the parsed
     * files (their trees are read for acknowledgements only when the text has one).
     */
    public static Result checkBuilt(Spec spec, List<ParsedFile> files, Reporter reporter) {
        SourceFile root = files.get(0).source();
        ResolvedSpec resolved;
        try {
            resolved = Resolver.resolve(spec);
        } catch (RuntimeException | StackOverflowError e) {
            internal(reporter, root, "model", e);
            return new Result(null, null, reporter);
        }
        try {
            Checker.check(resolved, reporter);
            // a sync path that names no flux/cluster folder is wrong wherever the output goes: check says so too
            RepositoryChecks.syncPathShape(spec.cluster(), reporter);
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

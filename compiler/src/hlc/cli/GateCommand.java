package hlc.cli;

import hlc.Compiler;
import hlc.diag.Reporter;
import hlc.emit.RenderedFile;
import hlc.emit.Renderer;
import hlc.gate.StagedGate;
import hlc.hook.GitRepo;
import hlc.repo.Repository;
import hlc.secrets.SecretsBundle;
import hlc.write.StaleCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code hlc gate}: what a commit or a CI run must pass, in one process that prints each finding once: no
 * Talos secret is committed (by content, anywhere), the spec checks clean with warnings failing, the output
 * folder is what it compiles to, and the spec's files are in the fmt layout. With {@code --staged} (the git
 * hook) it judges the commit about to be made, the index, not the work tree.
 */
@Command(name = "gate", mixinStandardHelpOptions = true,
        description = {"Check what a commit records: no Talos config, talosconfig or secrets bundle is committed,",
                "`hlc check --strict`, `hlc compile --check` and `hlc fmt --check` of the spec, each finding printed once.",
                "With --staged, of the index (the pre-commit hook); else of the work tree (CI)."})
final class GateCommand implements Callable<Integer> {
    @Option(names = "--spec", paramLabel = "SPEC", defaultValue = "spec/homelab.hl",
            description = "The root .hl file (default: ${DEFAULT-VALUE}).")
    Path spec;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "out",
            description = "The output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--repo", paramLabel = "DIR", defaultValue = ".",
            description = "A folder in the repository (default: the current one); --spec and --out are relative to it.")
    Path repo;

    @Option(names = "--staged", description = "Check the files as the index has them (what `git commit` records), not the work tree.")
    boolean staged;

    @Mixin
    Output output = new Output();

    /** The spec's files as the check read them (the root and its imports), for the fmt step. */
    private List<hlc.diag.SourceFile> checkedFiles;

    @Override
    public Integer call() {
        output.strict = true;
        GitRepo git = null;
        try {
            git = GitRepo.at(repo.toAbsolutePath());
        } catch (GitRepo.NotARepository e) {
            if (staged) {
                System.err.println("hlc: gate --staged: " + e.getMessage());
                return 2;
            }
        }
        Path cwd = repo.toAbsolutePath().normalize();
        StagedGate gate = git == null ? null : new StagedGate(git.topLevel(), staged);
        try {
            int failures = 0;
            if (gate != null) failures += gate.refuseSecrets(System.err);
            Path specAbs = cwd.resolve(spec).normalize();
            Path outAbs = cwd.resolve(out).normalize();
            if (gate != null && staged && !gate.touches(specAbs, outAbs)) {
                return failures > 0 ? 1 : 0; // a commit that changes no spec and no output: only secrets matter
            }
            Path tree = gate == null ? null : gate.tree();
            Path specIn = tree == null ? specAbs : tree.resolve(git.topLevel().relativize(toReal(specAbs, git.topLevel())));
            Path outIn = tree == null ? outAbs : tree.resolve(git.topLevel().relativize(toReal(outAbs, git.topLevel())));
            if (!Files.isRegularFile(specIn)) {
                System.err.println("hlc: gate: " + spec + (staged ? " is not in the index (stage it, or pass --spec)" : " does not exist"));
                return 1;
            }
            failures += checkAndCompile(specIn, outIn, gate);
            // The files the check read, when it built the model; else (syntax errors) they are found again.
            failures += checkedFiles != null ? StagedGate.unformatted(checkedFiles, System.err)
                    : StagedGate.unformatted(specIn, spec.toString(), System.err);
            return failures > 0 ? 1 : 0;
        } catch (StagedGate.Failed | IOException e) {
            System.err.println("hlc: gate: " + e.getMessage());
            return 2;
        } finally {
            if (gate != null) {
                try {
                    gate.close();
                } catch (IOException ignored) {
                    // a temporary copy of the index left behind is harmless
                }
            }
        }
    }

    /** The check and the compile of one reporter, printed once; 1 when either fails or out/ is stale. */
    private int checkAndCompile(Path specIn, Path outIn, StagedGate gate) throws IOException, StagedGate.Failed {
        // git is asked for the repository while the spec is checked (see Repository.Lookup).
        Path tree = gate == null ? null : gate.tree();
        Repository.Lookup repoLookup = Repository.Lookup.start(() -> gate == null ? Repository.holding(outIn)
                : Optional.of(Repository.copyOf(tree, outIn, gate.top())));
        Compiler.Result result = Compiler.check(specIn, spec.toString());
        if (result.spec() != null) checkedFiles = result.spec().files();
        Reporter reporter = result.reporter();
        if (output.failed(reporter) || result.spec() == null) {
            output.print(reporter, System.out, System.err);
            return 1;
        }
        Optional<Repository> repo = repoLookup.get();
        Compiler.Compilation compiled = Compiler.compile(result, SecretsBundle.placeholder(), null,
                new Renderer(generatedFrom(specIn, outIn)), repo);
        output.print(reporter, System.out, System.err);
        if (output.failed(reporter) || compiled.failed()) return 1;
        List<RenderedFile> files = compiled.writable();
        List<StaleCheck.Finding> stale = StaleCheck.compare(outIn, files, false);
        if (stale.isEmpty()) return 0;
        for (StaleCheck.Finding f : stale) {
            System.err.println(out + "/" + f.path() + ": " + f.kind());
            if (!f.diff().isEmpty()) System.err.print(f.diff());
        }
        boolean workTreeCurrent = gate != null && gate.staged()
                && StaleCheck.compare(gate.top().resolve(gate.tree().relativize(outIn)), files, false).stream()
                .allMatch(f -> f.kind().equals("unverifiable"));
        System.err.println(workTreeCurrent
                ? "hlc: gate: " + out + " is out of date in the commit: you compiled but did not stage " + out
                + "/ (the work tree's is current); run `git add " + out + "`"
                : "hlc: gate: " + out + " is out of date: it is not what " + spec + " compiles to; compile again (`hlc compile "
                + spec + " --out " + out + "`) and stage " + out + "/");
        return 1;
    }

    private static Path toReal(Path p, Path top) {
        try {
            Path existing = p;
            while (existing != null && !Files.exists(existing)) existing = existing.getParent();
            if (existing == null) return p;
            return existing.toRealPath().resolve(existing.relativize(p)).normalize();
        } catch (IOException e) {
            return p;
        }
    }

    /** The spec as generated headers name it: relative to the output folder's parent, as `hlc compile` writes it. */
    private static String generatedFrom(Path specIn, Path outIn) {
        Path base = outIn.toAbsolutePath().normalize().getParent();
        Path s = specIn.toAbsolutePath().normalize();
        try {
            return base == null ? s.getFileName().toString() : base.relativize(s).toString().replace('\\', '/');
        } catch (IllegalArgumentException differentRoots) {
            return s.getFileName().toString();
        }
    }
}

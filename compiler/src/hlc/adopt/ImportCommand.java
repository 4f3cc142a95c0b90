package hlc.adopt;

import hlc.Compiler;
import hlc.diag.TextRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code hlc import REPO}: adopt an existing cluster; writes a spec folder, then runs the checks on it. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Read a home-ops repository (a Flux tree, talhelper's talconfig.yaml, topf.yaml or Talos machine-config",
                "templates, or a cluster-template checkout with its filled cluster.toml) and write the spec that describes it:",
                "a root file and one file per namespace.",
                "Secrets are never copied. Then the checks run on the new spec and print what they find."})
public final class ImportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "REPO", description = "The repository folder to import.")
    Path repository;

    @Option(names = {"-o", "--out"}, description = "Folder of the spec (default: ${DEFAULT-VALUE}).", defaultValue = "imported")
    Path out;

    @Option(names = "--name", description = "Name of the root file, NAME.hl (default: the repository folder's name).")
    String name;

    @Option(names = "--sync-path", paramLabel = "PATH", description = "Flux's sync path in the repository (default: the FluxInstance's, else kubernetes/flux/cluster).")
    String syncPath;

    @Option(names = "--values", paramLabel = "FILE", description = {"A cluster-template checkout: render it from this filled configuration",
            "instead of the files its makejinja.toml names (cluster.toml; cluster.yaml and nodes.yaml before May 2026). Repeat for several files."})
    java.util.List<Path> values = new java.util.ArrayList<>();

    @Option(names = "--diff", description = "Write nothing; print what compiling the imported spec would change, fact by fact (exit 1 when anything would).")
    boolean diff;

    @Option(names = "--force", description = "Replace spec files that already exist in the folder.")
    boolean force;

    @Override
    public Integer call() {
        if (!Files.isDirectory(repository)) {
            System.err.println("hlc: " + repository + " is not a folder");
            return 2;
        }
        String specName = name != null ? name : repository.toAbsolutePath().normalize().getFileName().toString()
                .toLowerCase().replaceAll("[^a-z0-9_-]+", "-");
        ImportResult result;
        try {
            result = Importer.run(repository, specName, syncPath, values);
        } catch (IOException | UncheckedIOException e) {
            System.err.println("hlc: cannot read " + repository + ": " + e.getMessage());
            return 2;
        }
        if (!result.findings().sorted().isEmpty()) System.err.print(result.findings().render());
        if (result.findings().hasErrors()) {
            System.err.println("hlc: nothing written: the repository has problems the import cannot read past");
            return 1;
        }
        if (result.flux() != null && result.flux().missingInApps() > 0) {
            System.err.println("hlc: note: " + result.flux().missingInApps() + " files named by the apps' own folders are remote or not in the repository"
                    + " (they hold no Kustomization, so the import does not need them)");
        }
        return diff ? diff(result) : write(result);
    }

    private int write(ImportResult result) {
        try {
            Importer.writeFiles(result, out, force);
        } catch (IOException e) {
            System.err.println("hlc: cannot write " + out + ": " + e.getMessage());
            return 2;
        }
        System.err.println("hlc: " + result.summary() + "; wrote " + result.files().size() + " files to " + out);
        Path root = out.resolve(result.rootFile());
        Compiler.Result checked;
        try {
            checked = Arrival.findings(root);
        } catch (IOException e) {
            System.err.println("hlc: cannot read " + root + ": " + e.getMessage());
            return 2;
        }
        var r = checked.reporter();
        System.err.print(new TextRenderer(false).render(r.sorted(), r.errorCount(), r.warningCount()));
        // Warnings do not stop a compile, but "nothing wrong" above a list of them would be untrue.
        String verdict = r.hasErrors() ? " found the problems above"
                : r.warningCount() > 0 ? " found no errors, and the warnings above to review; `hlc compile " + root + "` writes its files"
                : " found nothing wrong; `hlc compile " + root + "` writes its files";
        System.err.println("hlc: the checks on " + root + verdict);
        return r.hasErrors() ? 1 : 0;
    }

    private int diff(ImportResult result) {
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory("hlc-import-");
            Importer.writeFiles(result, tmp, false);
            Path root = tmp.resolve(result.rootFile());
            Compiler.Result checked = Compiler.check(root);
            java.util.TreeSet<String> repository = new java.util.TreeSet<>(), compiled = new java.util.TreeSet<>();
            if (result.flux() != null) {
                RoundTrip.Result flux = RoundTrip.compare(result.flux(), root, checked);
                repository.addAll(flux.repository());
                compiled.addAll(flux.compiled());
            }
            if (result.talos() != null) {
                java.util.TreeSet<String> nodes = TalosRoundTrip.compiledFacts(checked, root);
                repository.addAll(TalosRoundTrip.repositoryFacts(result.talos()));
                compiled.addAll(nodes);
                if (nodes.isEmpty() && !result.talos().nodes.isEmpty()) {
                    System.err.println("hlc: the nodes are not compared: hlc builds no machine configs for this spec (`hlc compile` says why)");
                }
            }
            RoundTrip.Result rt = new RoundTrip.Result(repository, compiled, checked.reporter());
            System.out.print(rt.diff());
            int lost = rt.lost().size(), added = rt.added().size();
            System.err.println("hlc: " + result.summary() + "; of " + repository.size() + " facts of the repository, "
                    + lost + " would be lost (-) and " + added + " added (+) by `hlc compile`");
            return lost + added == 0 ? 0 : 1;
        } catch (IOException e) {
            System.err.println("hlc: cannot compare: " + e.getMessage());
            return 2;
        } finally {
            if (tmp != null) delete(tmp);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}

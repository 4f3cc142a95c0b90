package hlc.cli;

import hlc.Compiler;
import hlc.emit.RenderedFile;
import hlc.write.OutputFolder;
import hlc.write.SecretPaths;
import hlc.write.StaleCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code hlc compile SPEC}: check, then emit the Talos, Flux, storage and DNS files into the output folder. */
@Command(name = "compile", mixinStandardHelpOptions = true,
        description = {"Check a spec, then write the Talos, Flux, storage and UniFi DNS files it describes.",
                "Everything is rendered and validated in memory first: a failed compile writes nothing,",
                "a good one replaces the output folder in one step."})
final class CompileCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SPEC", description = "The root .hl file.")
    Path spec;

    @Option(names = {"-o", "--out"}, description = "Output folder (default: ${DEFAULT-VALUE}).", defaultValue = "out")
    Path out;

    @Option(names = "--check", description = "Write nothing; exit 1 when the output folder is not what the spec compiles to.")
    boolean checkOnly;

    @Option(names = "--secrets", paramLabel = "FILE",
            description = "The Talos secrets bundle (talosctl gen secrets layout). Overrides `secrets` in the spec. "
                    + "Without one, Talos configs are built and validated but not written.")
    Path secretsFile;

    @Option(names = "--secrets-decrypt", paramLabel = "COMMAND",
            description = "The command that prints the secrets bundle in plaintext (`sops -d`, `age -d -i key.txt`, "
                    + "`op read {}`): `{}` is the bundle's path or reference (else it is added at the end). Overrides the "
                    + "spec's `decrypt`. The plaintext is read from the command's output, never written to disk.")
    String decrypt;

    @Mixin
    Output output = new Output();

    @Override
    public Integer call() {
        Compiler.Compilation result;
        try {
            result = Compiler.compile(spec, new Compiler.Options(secretsFile, generatedFrom(),
                    warning -> System.err.println("hlc: warning: " + warning), out, decrypt));
        } catch (IOException | UncheckedIOException | InvalidPathException e) {
            System.err.println("hlc: cannot read " + spec + ": " + Messages.of(e));
            return 2;
        }
        output.print(result.reporter(), System.out, System.err);
        if (result.setupProblem() != null) {
            System.err.println("hlc: " + result.setupProblem());
            return 2;
        }
        if (output.failed(result.reporter()) || result.failed()) return 1;
        long talos = result.talosConfigs();
        List<RenderedFile> files = result.writable();
        boolean withBundle = result.bundle() != null;
        List<String> dropped;
        try {
            if (checkOnly) return stale(files, withBundle);
            dropped = new OutputFolder(out, m -> System.err.println("hlc: " + m)).replace(files, withBundle);
        } catch (IOException e) {
            System.err.println("hlc: cannot write " + out + ": " + Messages.of(e));
            return 2;
        }
        if (!dropped.isEmpty()) {
            System.err.println("hlc: removed " + dropped.size() + " file" + (dropped.size() == 1 ? "" : "s") + " with secrets of an earlier"
                    + " compile (" + String.join(", ", dropped.stream().map(p -> out + "/" + p).toList()) + "): built from"
                    + " another spec, they would break the nodes they were applied to; pass --secrets FILE to write current ones");
        }
        List<String> folders = result.folders();
        String first = folders.get(0).isEmpty() ? out.toString() : out + "/" + folders.get(0);
        String where = folders.size() == 1 ? first + "/talos and the client's " + first + "/talosconfig"
                : out + "/{" + String.join(",", folders) + "}/talos and each cluster's talosconfig beside them";
        System.err.println("hlc: wrote " + files.size() + " files to " + out
                + (folders.size() > 1 ? " (one folder per cluster: " + String.join(", ", folders) + ")" : "")
                + (withBundle ? " (" + talos + " Talos machine configs in " + where
                + ", mode 0600: `talosctl --talosconfig " + first + "/talosconfig`)" : ""));
        if (!withBundle && talos > 0) System.err.println(noBundleNote(talos));
        return 0;
    }

    private static String noBundleNote(long talos) {
        return "hlc: " + talos + " Talos machine config" + (talos == 1 ? " was" : "s were")
                + " built and validated, but not written: no secrets bundle (pass --secrets FILE or set `secrets` in the"
                + " cluster; `hlc secrets init FILE` makes one for a new cluster)";
    }

    private int stale(List<RenderedFile> files, boolean secretsKnown) throws IOException {
        List<StaleCheck.Finding> findings = StaleCheck.compare(out, files, secretsKnown);
        if (findings.isEmpty()) {
            System.err.println("hlc: " + out + " is up to date (" + files.stream().filter(f -> !f.secret()).count() + " files)");
            return 0;
        }
        for (StaleCheck.Finding f : findings) {
            System.err.println(out + "/" + f.path() + ": " + f.kind() + switch (f.kind()) {
                case "missing" -> " (the spec generates it, the folder lacks it)";
                case "extra" -> " (generated before, the spec no longer generates it)";
                case "unverifiable" -> " (holds secrets of an earlier compile that cannot be checked without the secrets bundle:"
                        + " pass --secrets FILE, or delete it)";
                case "stale" -> SecretPaths.isSecret(f.path()) ? " (differs from what the spec and the bundle generate; not shown: it holds secrets)"
                        : " (differs from what the spec generates)";
                default -> " (differs from what the spec generates)";
            });
            if (!f.diff().isEmpty()) System.err.print(f.diff());
        }
        System.err.println("hlc: " + findings.size() + " file" + (findings.size() == 1 ? "" : "s") + " in " + out
                + " out of date; run `hlc compile " + spec + "` and commit the result");
        return 1;
    }

    /** The spec as every generated header names it: relative to the output folder's parent, so it is the same everywhere. */
    private String generatedFrom() {
        Path base = out.toAbsolutePath().normalize().getParent();
        Path s = spec.toAbsolutePath().normalize();
        try {
            return base == null ? s.getFileName().toString() : base.relativize(s).toString().replace('\\', '/');
        } catch (IllegalArgumentException differentRoots) {
            return s.getFileName().toString();
        }
    }
}

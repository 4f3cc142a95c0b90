package hlc.cli;

import hlc.Compiler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code hlc compile SPEC}: check, then emit the Talos, Flux and DNS files into the output folder. */
@Command(name = "compile", mixinStandardHelpOptions = true,
        description = "Check a spec, then write the Talos, Flux and UniFi DNS files it describes.")
final class CompileCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SPEC", description = "The root .hl file.")
    Path spec;

    @Option(names = {"-o", "--out"}, description = "Output folder (default: ${DEFAULT-VALUE}).", defaultValue = "out")
    Path out;

    @Option(names = "--check", description = "Write nothing; exit 1 when the output folder is not what the spec compiles to.")
    boolean checkOnly;

    @Mixin
    Output output = new Output();

    @Override
    public Integer call() {
        Compiler.Result result;
        try {
            result = Compiler.check(spec);
        } catch (IOException | RuntimeException e) {
            System.err.println("hlc: cannot read " + spec + ": " + Messages.of(e));
            return 2;
        }
        output.print(result.reporter(), System.out, System.err);
        if (output.failed(result.reporter())) return 1;
        System.err.println("hlc: the spec checks clean, but emitting files is not built yet; nothing was written");
        return 1;
    }
}

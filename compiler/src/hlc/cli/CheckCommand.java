package hlc.cli;

import hlc.Compiler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code hlc check SPEC}: parse and check, print every finding, write nothing. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check a spec and print every finding. Writes nothing.")
final class CheckCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SPEC", description = "The root .hl file (it may import others).")
    Path spec;

    @Mixin
    Output output = new Output();

    @Override
    public Integer call() {
        Compiler.Result result = SpecReading.check(spec);
        if (result == null) return 2;
        output.print(result.reporter(), System.out, System.err);
        return output.failed(result.reporter()) ? 1 : 0;
    }
}

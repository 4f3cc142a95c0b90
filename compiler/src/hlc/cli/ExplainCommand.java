package hlc.cli;

import hlc.diag.Code;
import hlc.diag.Suggest;
import hlc.explain.Catalogue;
import hlc.explain.Explanation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code hlc explain [CODE]}: the long explanation of a diagnostic code, or the list of every code. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Explain a diagnostic code: what is checked, why it matters in the cluster,",
                "and a failing and a fixed example. Without a code, list every code."})
final class ExplainCommand implements Callable<Integer> {
    @Parameters(paramLabel = "CODE", arity = "0..1", description = "A code such as HL022 (upper or lower case).")
    String code;

    @Override
    public Integer call() {
        if (code == null) {
            for (Explanation e : Catalogue.all()) {
                System.out.printf("%s  %-7s  %s%n", e.code(), e.severity().label(), e.title());
            }
            return 0;
        }
        String wanted = code.strip().toUpperCase(Locale.ROOT);
        Code found = Arrays.stream(Code.values()).filter(c -> c.name().equals(wanted)).findFirst().orElse(null);
        if (found == null) {
            String dym = Suggest.didYouMean(wanted, Arrays.stream(Code.values()).map(Code::name).toList());
            System.err.println("hlc: there is no code `" + code + "`" + (dym == null ? "." : "; " + dym));
            System.err.println("run `hlc explain` for the list of codes");
            return 2;
        }
        System.out.print(Catalogue.of(found).plainText());
        return 0;
    }
}

package hlc.cli;

import hlc.fmt.Formatter;
import hlc.fmt.InPlaceWrite;
import hlc.fmt.UnifiedDiff;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code hlc fmt FILE...}: the canonical layout of spec files, printed, checked or written back. */
@Command(name = "fmt", mixinStandardHelpOptions = true,
        description = {"Print a spec file in the canonical layout, or check or rewrite files in place.",
                "Each file is formatted on its own; imports are not followed.",
                "A file with syntax errors is reported as `hlc check` reports it, and left alone."})
final class FmtCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "The .hl files (one, unless --check or --write).")
    List<Path> files;

    @ArgGroup(exclusive = true)
    Mode mode = new Mode();

    static final class Mode {
        @Option(names = "--check", description = "Write nothing; exit 1 and print a unified diff for each file that is not formatted.")
        boolean check;

        @Option(names = "--write", description = "Rewrite the files that are not formatted, each in one atomic step.")
        boolean write;
    }

    private final Output findings = Output.textOnStderr();
    private int unformatted;

    @Override
    public Integer call() {
        if (!mode.check && !mode.write && files.size() > 1) {
            System.err.println("hlc: fmt prints one file; use --check or --write for several");
            return 2;
        }
        int exit = 0;
        for (Path file : files) exit = Math.max(exit, one(file)); // an I/O error (2) outweighs a finding (1)
        if (mode.check && unformatted > 0) {
            System.err.println("hlc: " + unformatted + " file" + (unformatted == 1 ? " is" : "s are")
                    + " not formatted; run `hlc fmt --write` on " + (unformatted == 1 ? "it" : "them"));
        }
        return exit;
    }

    private int one(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | java.io.UncheckedIOException | java.nio.file.InvalidPathException e) {
            System.err.println("hlc: cannot read " + file + ": " + Messages.of(e));
            return 2;
        }
        Formatter.Result result = Formatter.format(file.toAbsolutePath(), file.toString(), bytes);
        if (!result.formatted()) {
            findings.print(result.reporter(), System.out, System.err);
            return 1;
        }
        boolean changed = !Arrays.equals(bytes, result.text().getBytes(StandardCharsets.UTF_8));
        if (mode.check) {
            if (!changed) return 0;
            unformatted++;
            String diff = UnifiedDiff.of(file.toString(), result.original(), result.text());
            // The decoded text drops a byte-order mark, so a file that differs only by one has an empty diff.
            if (diff.isEmpty()) System.err.println("hlc: " + file + " starts with a byte-order mark, which the layout drops");
            printText(diff);
            return 1;
        }
        if (mode.write) return changed ? write(file, result.text()) : 0;
        printText(result.text());
        return 0;
    }


    /** UTF-8 whatever the locale (Main sets up the streams), so `hlc fmt a.hl > b.hl` keeps every character. */
    private static void printText(String text) {
        System.out.print(text);
        System.out.flush();
    }

    private static int write(Path file, String text) {
        try {
            InPlaceWrite.replace(file, text);
        } catch (IOException | RuntimeException e) {
            System.err.println("hlc: cannot write " + file + ": " + Messages.of(e));
            return 2;
        }
        System.err.println("hlc: formatted " + file);
        return 0;
    }

}

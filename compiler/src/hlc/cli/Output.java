package hlc.cli;

import hlc.diag.JsonRenderer;
import hlc.diag.Reporter;
import hlc.diag.TextRenderer;
import picocli.CommandLine.Option;

import java.io.PrintStream;

/** Options shared by commands that print findings: the format, colour and strictness. */
final class Output {
    enum Format { text, json }

    enum Colour { auto, always, never }

    @Option(names = "--format", description = "How findings are printed: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
            defaultValue = "text")
    Format format;

    @Option(names = "--color", description = "Colour in text output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
            defaultValue = "auto")
    Colour colour;

    @Option(names = "--strict", description = "Treat warnings as errors (exit 1 when there are any).")
    boolean strict;

    /** Prints the findings; JSON goes to stdout (for pipes), text to stderr like any compiler. */
    void print(Reporter r, PrintStream out, PrintStream err) {
        var sorted = r.sorted();
        if (format == Format.json) {
            out.print(new JsonRenderer().render(sorted, r.errorCount(), r.warningCount()));
        } else {
            boolean useColour = colour == Colour.always
                    || (colour == Colour.auto && System.console() != null && System.getenv("NO_COLOR") == null);
            err.print(new TextRenderer(useColour).render(sorted, r.errorCount(), r.warningCount()));
        }
    }

    boolean failed(Reporter r) {
        return r.hasErrors() || (strict && r.warningCount() > 0);
    }
}

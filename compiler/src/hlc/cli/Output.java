package hlc.cli;

import hlc.diag.GithubRenderer;
import hlc.diag.JsonRenderer;
import hlc.diag.ReportPath;
import hlc.diag.Reporter;
import hlc.diag.SarifRenderer;
import hlc.diag.TextRenderer;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;

/** Options shared by commands that print findings: the format, colour and strictness. */
final class Output {
    /**
     * Findings as `hlc check` prints them by default, text on stderr: for commands whose stdout is their product
     * (a diagram, a formatted file) and that have no --format for findings of their own.
     */
    static Output textOnStderr() {
        Output o = new Output();
        o.format = Format.text;
        o.colour = Colour.auto;
        return o;
    }

    /** text for people; json for scripts; sarif for code-scanning dashboards; github for Actions annotations. */
    enum Format { text, json, sarif, github }

    enum Colour { auto, always, never }

    @Option(names = "--format", description = "How findings are printed: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
            defaultValue = "text")
    Format format;

    @Option(names = "--color", description = "Colour in text output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
            defaultValue = "auto")
    Colour colour;

    @Option(names = "--strict", description = "Treat warnings as errors (exit 1 when there are any).")
    boolean strict;

    /**
     * Prints the findings. Machine formats go to stdout, so they can be piped or redirected to a file whatever
     * else hlc says; text goes to stderr like any compiler's. The exit code never depends on the format.
     */
    void print(Reporter r, PrintStream out, PrintStream err) {
        var sorted = r.sorted();
        // CI tools match findings to files by paths relative to where hlc runs: the checkout's root.
        ReportPath paths = new ReportPath(Path.of(""));
        switch (format) {
            case json -> out.print(new JsonRenderer().render(sorted, r.suppressed(), r.errorCount(), r.warningCount()));
            case sarif -> out.print(new SarifRenderer(VersionProvider.version(), paths).render(sorted, r.suppressed()));
            case github -> {
                out.print(new GithubRenderer(paths).render(sorted));
                err.println(TextRenderer.summary(r.errorCount(), r.warningCount())); // the log's last word, as in text
            }
            case text -> {
                // Only findings are coloured: a clean run does not ask for the console (its class and provider).
                boolean useColour = !sorted.isEmpty() && (colour == Colour.always
                        || (colour == Colour.auto && System.console() != null && System.getenv("NO_COLOR") == null));
                err.print(new TextRenderer(useColour).render(sorted, r.errorCount(), r.warningCount()));
                if (!r.suppressed().isEmpty()) err.println(acknowledged(r.suppressed().size()));
            }
        }
    }

    /** Acknowledged warnings are not shown as text, but the count is: nobody should forget they are there. */
    static String acknowledged(int n) {
        return n + " warning" + (n == 1 ? "" : "s") + " acknowledged in the spec (`hlc:allow`; listed by --format json)";
    }

    boolean failed(Reporter r) {
        return r.hasErrors() || (strict && r.warningCount() > 0);
    }
}

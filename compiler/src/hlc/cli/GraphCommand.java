package hlc.cli;

import hlc.Compiler;
import hlc.graph.AppGraph;
import hlc.graph.DotWriter;
import hlc.graph.Graph;
import hlc.graph.MermaidWriter;
import hlc.graph.TopologyGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code hlc graph SPEC}: the topology (or with {@code --apps} the Flux dependencies) as a Mermaid flowchart or a
 * DOT graph on stdout. Only a spec that checks clean is drawn: a diagram of a wrong spec would be believed.
 */
@Command(name = "graph", mixinStandardHelpOptions = true,
        description = {"Print the lab as a diagram: networks, hosts, devices, Ceph, storage classes, cloud services",
                "and backup flows; or with --apps the Flux dependency graph. Mermaid (for Markdown) or DOT (Graphviz).",
                "A spec with errors is not drawn: its findings are printed as by `hlc check`."})
final class GraphCommand implements Callable<Integer> {
    enum Format { mermaid, dot }

    @Parameters(paramLabel = "SPEC", description = "The root .hl file.")
    Path spec;

    @Option(names = "--apps", description = "Draw the apps Flux deploys, grouped by namespace, with an edge to each dependency.")
    boolean apps;

    // Not the Output mixin: its --format is the findings' format, and here --format is the diagram's.
    @Option(names = "--format", description = "Diagram syntax: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
            defaultValue = "mermaid")
    Format format;

    @Override
    public Integer call() {
        Compiler.Result result = SpecReading.check(spec);
        if (result == null) return 2;
        var reporter = result.reporter();
        if (reporter.errorCount() + reporter.warningCount() > 0) Output.textOnStderr().print(reporter, System.out, System.err);
        if (reporter.hasErrors() || result.spec() == null) return 1;
        Graph graph = apps ? AppGraph.of(result.spec()) : TopologyGraph.of(result.spec());
        String text = format == Format.dot ? DotWriter.write(graph) : MermaidWriter.write(graph);
        System.out.print(text); // UTF-8 whatever the locale: Main sets up the streams
        System.out.flush();
        return 0;
    }

}

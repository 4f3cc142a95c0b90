package hlc.cli;

import hlc.Compiler;
import hlc.diag.Suggest;
import hlc.model.Host;
import hlc.model.Spec;
import hlc.whatif.ClusterWhatIf;
import hlc.whatif.JsonReport;
import hlc.whatif.Report;
import hlc.whatif.Scenario;
import hlc.whatif.TableReport;
import hlc.whatif.TextReport;
import hlc.whatif.WhatIf;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code hlc whatif --fail HOST[,HOST…] SPEC} and {@code hlc whatif --all SPEC}: what host failures do to etcd,
 * Ceph, the VIP, the apps and capacity, judged from the spec alone. The spec must check clean first; the
 * analysis trusts the invariants the checks guarantee.
 */
@Command(name = "whatif", mixinStandardHelpOptions = true,
        description = {"What happens when hosts fail: etcd quorum, Ceph pools, the VIP, apps and capacity.",
                "Judged from the spec alone; failures are simultaneous and counted before any recovery."})
final class WhatifCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SPEC", description = "The root .hl file (it may import others).")
    Path spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    static final class Which {
        @Option(names = "--fail", split = ",", paramLabel = "HOST", required = true,
                description = "The hosts that fail together, comma-separated (e.g. k8s-2,k8s-3).")
        List<String> fail;

        @Option(names = "--all", required = true, description = "A table of every single and every double host failure.")
        boolean all;
    }

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
        if (output.failed(result.reporter()) || result.spec() == null) {
            output.print(result.reporter(), System.out, System.err);
            return 1;
        }
        Spec s = result.spec();
        List<Scenario> scenarios;
        if (which.all) {
            scenarios = Scenario.singlesAndDoubles(s);
        } else {
            String problem = unknownHost(which.fail, s);
            if (problem != null) {
                System.err.println("hlc: " + problem);
                return 2;
            }
            scenarios = List.of(Scenario.of(s, which.fail));
        }
        if (result.resolved().severalClusters()) return perCluster(ClusterWhatIf.of(result.resolved()));
        List<Report> reports = new WhatIf(result.resolved()).analyse(scenarios);
        if (output.format == Output.Format.json) System.out.print(new JsonReport().render(reports));
        else if (which.all) System.out.print(new TableReport().render(reports));
        else System.out.print(new TextReport().render(reports.get(0)));
        return 0;
    }

    /**
     * Several clusters: each is analysed on its own (its etcd, its Ceph, its VIP), with the failed hosts that are
     * its nodes; a cluster none of whose nodes fail is left out of {@code --fail}. JSON: one object, by cluster.
     */
    private int perCluster(List<ClusterWhatIf> clusters) {
        StringBuilder text = new StringBuilder();
        List<String> json = new java.util.ArrayList<>();
        for (ClusterWhatIf view : clusters) {
            String name = view.cluster();
            List<Scenario> scenarios = which.all ? Scenario.singlesAndDoubles(view.spec()) : List.of(Scenario.of(view.spec(), which.fail));
            if (scenarios.isEmpty() || !which.all && scenarios.get(0).failed().isEmpty()) continue;
            List<Report> reports = view.whatIf().analyse(scenarios);
            json.add("\"" + name + "\": " + new JsonReport().render(reports).strip()); // a cluster's name needs no escaping
            if (text.length() > 0) text.append('\n');
            text.append("cluster `").append(name).append("`:\n")
                    .append(which.all ? new TableReport().render(reports) : new TextReport().render(reports.get(0)));
        }
        if (output.format == Output.Format.json) System.out.print("{\"clusters\": {" + String.join(", ", json) + "}}\n");
        else System.out.print(text);
        return 0;
    }

    /** The first name in {@code --fail} that is not a host, said with a "did you mean" and the hosts there are. */
    private static String unknownHost(List<String> names, Spec s) {
        List<String> hosts = s.hosts().stream().map(Host::name).map(n -> n.text()).toList();
        for (String n : names) {
            if (hosts.contains(n)) continue;
            if (n.isBlank()) return "--fail has an empty host name; hosts: " + String.join(", ", hosts);
            String hint = Suggest.didYouMean(n, hosts);
            return "--fail names `" + n + "`, which is not a host of " + spec(s) + (hint == null ? "" : "; " + hint)
                    + " (hosts: " + (hosts.isEmpty() ? "none" : String.join(", ", hosts)) + ")";
        }
        return null;
    }

    private static String spec(Spec s) {
        return s.files().isEmpty() ? "the spec" : s.files().get(0).displayPath();
    }
}

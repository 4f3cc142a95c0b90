package hlc.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns the {@code key<TAB>value} results of one {@code bench/run} (and, when given, those of the run recorded
 * before the speed work, {@code bench/baseline.tsv}) into the Markdown of bench/RESULTS.md.
 *
 * <pre>Report RESULTS.tsv BASELINE.tsv|- OUT.md</pre>
 */
public final class Report {
    private Report() {}

    static final int[] SIZES = {3, 100, 1000, 10000};

    /** The JVMs bench/run measures start-up on, as its keys name them. */
    static final String[] JDKS = {"jdk17", "jdk25"};

    static String jdkName(String jdk) {
        return jdk.equals("jdk17") ? "JDK 17" : "JDK 25";
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> now = read(Path.of(args[0]));
        Map<String, String> before = args[1].equals("-") || !Files.exists(Path.of(args[1]))
                ? Map.of() : read(Path.of(args[1]));
        String md = render(now, before);
        Files.writeString(Path.of(args[2]), md, StandardCharsets.UTF_8);
        System.out.print(md);
    }

    static Map<String, String> read(Path file) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int tab = line.indexOf('\t');
            if (tab > 0) m.put(line.substring(0, tab), line.substring(tab + 1));
        }
        return m;
    }

    static String render(Map<String, String> now, Map<String, String> before) {
        StringBuilder b = new StringBuilder();
        boolean hasBefore = !before.isEmpty();
        // `bench/run --quick` measures start-up only: its report has no in-process sections.
        boolean hasSizes = now.keySet().stream().anyMatch(k -> k.startsWith("size."));
        boolean hasOverlap = now.containsKey("overlap.warm_ms");
        b.append("# hlc benchmark results\n\n");
        b.append("Written by `bench/run` (see README.md, \"Benchmark\"). ")
                .append(now.getOrDefault("meta.date", "?")).append(" · ")
                .append(now.getOrDefault("meta.cores", "?")).append(" cores · ")
                .append(now.getOrDefault("meta.jdk", "?")).append(" · ")
                .append(now.getOrDefault("meta.os", "?")).append(" · commit ")
                .append(now.getOrDefault("meta.commit", "?")).append(" · load average at start ")
                .append(now.getOrDefault("meta.load_start", "?")).append(", at end ")
                .append(now.getOrDefault("meta.load_end", "?")).append(".\n\n");
        if (hasBefore) {
            b.append("\"Before\" is `bench/baseline.tsv`: the same benchmark on the code before the speed work (")
                    .append(before.getOrDefault("meta.date", "?")).append(", commit ")
                    .append(before.getOrDefault("meta.commit", "?")).append(", load average ")
                    .append(before.getOrDefault("meta.load_start", "?")).append(").\n\n");
        }

        // ------------------------------------------------------------ targets
        b.append("## Targets\n\n");
        b.append("Start-up rows: the median of the paired ratios (each run of hlc divided by the hello-world run of the"
                + " same JVM just before it), once per JVM the launcher can pick.\n\n");
        b.append(hasBefore ? "| target | before | now | met |\n|---|---:|---:|:---:|\n" : "| target | now | met |\n|---|---:|:---:|\n");
        for (String jdk : JDKS) {
            if (!now.containsKey("e2e.check_" + jdk + ".median_ms")) continue;
            String on = " (" + jdkName(jdk) + ")";
            target(b, hasBefore, "`hlc check spec/homelab.hl` ≤ 4× hello-world JVM, whole process" + on,
                    m -> pairedRatio(m, "check", jdk), v -> x(v), Limit.atMost(4.0), now, before);
            target(b, hasBefore, "`hlc compile spec/homelab.hl --check` ≤ 8× hello-world JVM" + on,
                    m -> pairedRatio(m, "compile", jdk), v -> x(v), Limit.atMost(8.0), now, before);
            target(b, hasBefore, "the pre-commit gate on the bundled spec < 1 s" + on,
                    m -> num(m, "e2e.gate_" + jdk + ".median_ms"), Report::msText, Limit.under(1000), now, before);
        }
        if (hasSizes) {
            target(b, hasBefore, "10,000 hosts: check (parse + check, warm) < 1 s",
                    m -> sum(m, "size.10000.parse_ms", "size.10000.check_ms"), Report::msText, Limit.under(1000), now, before);
            target(b, hasBefore, "10,000 hosts: compile (parse + check + emit, warm) < 5 s",
                    m -> num(m, "size.10000.total_ms"), Report::msText, Limit.under(5000), now, before);
            target(b, hasBefore, "10,000 hosts: peak live heap < 512 MiB (in use after a collection)",
                    m -> num(m, "size.10000.peak_live_mib"), v -> fmt("%.0f MiB", v), Limit.under(512), now, before);
            target(b, hasBefore, "1,000 → 10,000 hosts: parse ≤ 11×",
                    m -> div(num(m, "size.10000.parse_ms"), num(m, "size.1000.parse_ms")), v -> x(v), Limit.atMost(11.0), now, before);
            // Issue 16 measured about 200 µs per file at 10,000 hosts (10.6 s for 52,529 files): halved is 100 µs.
            target(b, hasBefore, "10,000 hosts: emit per file ≤ 100 µs (half the 200 µs of issue 16)",
                    m -> div(mul(num(m, "size.10000.emit_ms"), 1000.0), num(m, "size.10000.files")),
                    v -> fmt("%.0f µs", v), Limit.atMost(100), now, before);
            for (String phase : new String[]{"check", "emit"}) {
                target(b, hasBefore, "1,000 → 10,000 hosts: " + phase + " ≤ 12×",
                        m -> div(num(m, "size.10000." + phase + "_ms"), num(m, "size.1000." + phase + "_ms")),
                        v -> x(v), Limit.atMost(12.0), now, before);
            }
        }
        if (hasOverlap) target(b, hasBefore, "CIDR overlap (OverlapFinder.find) on 100,000 networks < 1 s (warm median)",
                m -> num(m, "overlap.warm_ms"), Report::msText, Limit.under(1000), now, before);
        b.append('\n');
        if (b.indexOf("| **no**") >= 0) {
            b.append("Where a target is missed, bench/PROFILES.md says where the time goes: profiles of the code measured here,"
                    + " each with the command that made it.\n\n");
        }

        // ------------------------------------------------------------ end to end
        b.append("## End to end: whole process, wall time\n\n");
        b.append("Median of ").append(now.getOrDefault("e2e.runs", "?"))
                .append(" runs of each, interleaved (hello, check, compile, gate on JDK 17, then the same on JDK 25, …)"
                        + " so all see the same load; after one unrecorded run of each, which also makes the launcher's"
                        + " start-up archives. hello is a class with only `System.out.println`, started by a bash script"
                        + " that runs that JVM's `java` with the launcher's JVM options (`")
                .append(now.getOrDefault("e2e.jvm_opts", "")).append("`); hlc runs through `./hlc`, the launcher"
                        + " (whose up-to-date check of the jar is part of the cost), with HLC_JDK25=off for JDK 17 and"
                        + " JAVA_HOME set to the JDK 25 otherwise. The gate is ")
                .append(now.getOrDefault("e2e.gate_desc", "?")).append(". × hello: the median of the paired ratios"
                        + " (the ratio of the two medians where a run recorded no pairs).\n\n");
        for (String jdk : JDKS) {
            String v = now.get("meta." + jdk);
            if (v != null) b.append("- ").append(jdkName(jdk)).append(": ").append(v).append('\n');
        }
        b.append('\n');
        b.append("| command | JVM | median | min – max | × hello |").append(hasBefore ? " before | before × hello |" : "")
                .append('\n').append("|---|---|---:|---:|---:|").append(hasBefore ? "---:|---:|" : "").append('\n');
        String[][] rows = {{"hello", "hello world (same JVM options)"}, {"check", "`hlc check spec/homelab.hl`"},
                {"compile", "`hlc compile spec/homelab.hl --check`"}, {"gate", "the pre-commit gate"}};
        for (String jdk : JDKS) {
            for (String[] r : rows) {
                String k = "e2e." + r[0] + "_" + jdk;
                if (!now.containsKey(k + ".median_ms")) continue;
                b.append("| ").append(r[1]).append(" | ").append(jdkName(jdk)).append(" | ")
                        .append(now.get(k + ".median_ms")).append(" ms | ")
                        .append(now.getOrDefault(k + ".range_ms", "")).append(" ms | ")
                        .append(x(pairedRatio(now, r[0], jdk))).append(" |");
                if (hasBefore) {
                    String bk = jdk.equals("jdk17") ? "e2e." + r[0] : k; // the baseline predates the JVM suffix
                    b.append(' ').append(before.containsKey(bk + ".median_ms") ? before.get(bk + ".median_ms") + " ms" : "–")
                            .append(" | ").append(x(pairedRatio(before, r[0], jdk))).append(" |");
                }
                b.append('\n');
            }
        }
        if (now.containsKey("e2e.hello_plain.median_ms")) {
            b.append("| hello world, `java -cp` with no options | JDK 17 | ").append(now.get("e2e.hello_plain.median_ms"))
                    .append(" ms | ").append(now.getOrDefault("e2e.hello_plain.range_ms", "")).append(" ms | ")
                    .append(x(div(num(now, "e2e.hello_plain.median_ms"), num(now, "e2e.hello_jdk17.median_ms")))).append(" |")
                    .append(hasBefore ? " – | – |" : "").append('\n');
        }
        b.append('\n');

        if (!hasSizes && !hasOverlap) return b.toString();
        // ------------------------------------------------------------ per size
        b.append("## In process, warm: parse, check, emit per size\n\n");
        b.append("One JVM per size (`").append(now.getOrDefault("meta.harness_opts", "")).append("`), the median of the")
                .append(" measured iterations after the warm-ups. parse = read, lex, parse and build the model; check ="
                        + " every check; emit = every emitter, rendered and validated against its schema in memory"
                        + " (Talos configs from the placeholder bundle), nothing written. Size 3 is spec/homelab.hl,"
                        + " the others come from `hlc.bench.SpecGenerator`. Peak heap: the largest heap use the garbage"
                        + " collector saw just before a collection (or at the end) during one pass that starts from a"
                        + " collected heap, which follows the collector's sizing more than the need; peak live: the"
                        + " largest heap in use just after a collection; retained: what is live after the pass with"
                        + " its model and files still referenced.\n\n");
        b.append("| hosts | spec lines | files | iterations | first pass | parse | check | emit | total | peak heap | peak live | retained | GCs |\n");
        b.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int n : SIZES) {
            String k = "size." + n + ".";
            if (!now.containsKey(k + "total_ms")) continue;
            b.append("| ").append(String.format(Locale.ROOT, "%,d", n)).append(" | ")
                    .append(String.format(Locale.ROOT, "%,d", Long.parseLong(now.get(k + "lines")))).append(" | ")
                    .append(now.get(k + "files")).append(" | ").append(now.get(k + "iterations")).append(" | ")
                    .append(now.get(k + "first_ms")).append(" ms | ")
                    .append(now.get(k + "parse_ms")).append(" ms | ").append(now.get(k + "check_ms")).append(" ms | ")
                    .append(now.get(k + "emit_ms")).append(" ms | ").append(now.get(k + "total_ms")).append(" ms | ")
                    .append(now.get(k + "peak_heap_mib")).append(" MiB | ")
                    .append(now.getOrDefault(k + "peak_live_mib", "–")).append(" MiB | ").append(now.get(k + "retained_heap_mib"))
                    .append(" MiB | ").append(now.get(k + "gc_count")).append(" |\n");
        }
        if (hasBefore) {
            b.append("\nBefore:\n\n| hosts | parse | check | emit | total | peak heap |\n|---:|---:|---:|---:|---:|---:|\n");
            for (int n : SIZES) {
                String k = "size." + n + ".";
                if (!before.containsKey(k + "total_ms")) continue;
                b.append("| ").append(String.format(Locale.ROOT, "%,d", n)).append(" | ")
                        .append(before.get(k + "parse_ms")).append(" ms | ").append(before.get(k + "check_ms")).append(" ms | ")
                        .append(before.get(k + "emit_ms")).append(" ms | ").append(before.get(k + "total_ms")).append(" ms | ")
                        .append(before.get(k + "peak_heap_mib")).append(" MiB |\n");
            }
        }
        b.append("\nGrowth from 1,000 to 10,000 hosts (10× the spec): parse ")
                .append(x(div(num(now, "size.10000.parse_ms"), num(now, "size.1000.parse_ms")))).append(", check ")
                .append(x(div(num(now, "size.10000.check_ms"), num(now, "size.1000.check_ms")))).append(", emit ")
                .append(x(div(num(now, "size.10000.emit_ms"), num(now, "size.1000.emit_ms")))).append(", peak heap ")
                .append(x(div(num(now, "size.10000.peak_heap_mib"), num(now, "size.1000.peak_heap_mib")))).append(".\n\n");

        // ------------------------------------------------------------ overlap
        b.append("## CIDR overlap alone\n\n");
        b.append("`OverlapFinder.find` on ").append(now.getOrDefault("overlap.count", "?"))
                .append(" networks (nine in ten IPv4 /26s, one in ten IPv6 /64s, one in a hundred nested; shuffled): ")
                .append(now.getOrDefault("overlap.found", "?")).append(" overlaps found; first call in a fresh JVM ")
                .append(now.getOrDefault("overlap.cold_ms", "?")).append(" ms, warm median ")
                .append(now.getOrDefault("overlap.warm_ms", "?")).append(" ms (")
                .append(now.getOrDefault("overlap.warm_ms_range", "?")).append(" ms).\n");
        return b.toString();
    }

    /** A target figure: at most, or under, a limit; a missed one says by how much (the figure over the limit). */
    record Limit(double limit, boolean inclusive) {
        static Limit atMost(double limit) {
            return new Limit(limit, true);
        }

        static Limit under(double limit) {
            return new Limit(limit, false);
        }

        boolean met(double v) {
            return inclusive ? v <= limit : v < limit;
        }

        /** "yes", or "**no**: 1.4× the target". */
        String verdict(double v) {
            return met(v) ? "yes" : String.format(Locale.ROOT, "**no**: %.2f× the target", v / limit);
        }
    }

    private static void target(StringBuilder b, boolean hasBefore, String what, Function<Map<String, String>, Double> value,
                               Function<Double, String> show, Limit ok,
                               Map<String, String> now, Map<String, String> before) {
        Double v = value.apply(now);
        b.append("| ").append(what).append(" | ");
        if (hasBefore) {
            Double w = value.apply(before);
            b.append(w == null ? "–" : show.apply(w)).append(" | ");
        }
        b.append(v == null ? "not measured" : show.apply(v)).append(" | ")
                .append(v == null ? "?" : ok.verdict(v)).append(" |\n");
    }

    static Double num(Map<String, String> m, String key) {
        String v = m.get(key);
        if (v == null) return null;
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Double sum(Map<String, String> m, String a, String c) {
        Double x = num(m, a), y = num(m, c);
        return x == null || y == null ? null : x + y;
    }

    static Double mul(Double a, Double c) {
        return a == null || c == null ? null : a * c;
    }

    static Double div(Double a, Double c) {
        return a == null || c == null || c == 0 ? null : a / c;
    }

    /**
     * A command's start-up as a multiple of hello world on the same JVM: the median of its paired ratios, else the
     * ratio of the medians (older results, such as the baseline's, whose keys have no JVM suffix: JDK 17).
     */
    static Double pairedRatio(Map<String, String> m, String what, String jdk) {
        Double paired = num(m, "e2e." + what + "_" + jdk + ".paired_ratio");
        if (paired != null) return paired;
        Double r = div(num(m, "e2e." + what + "_" + jdk + ".median_ms"), num(m, "e2e.hello_" + jdk + ".median_ms"));
        if (r != null || !jdk.equals("jdk17")) return r;
        return div(num(m, "e2e." + what + ".median_ms"), num(m, "e2e.hello.median_ms"));
    }

    static String x(Double v) {
        return v == null ? "–" : String.format(Locale.ROOT, "%.1f×", v);
    }

    static String msText(Double v) {
        return v >= 1000 ? String.format(Locale.ROOT, "%.2f s", v / 1000) : String.format(Locale.ROOT, "%.0f ms", v);
    }

    static String fmt(String f, Double v) {
        return String.format(Locale.ROOT, f, v);
    }
}

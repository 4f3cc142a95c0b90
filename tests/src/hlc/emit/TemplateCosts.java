package hlc.emit;

import hlc.Compiler;
import hlc.resolve.ResolvedSpec;
import hlc.secrets.SecretsBundle;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where emission spends its time, per template: every file of a spec rendered and validated on one thread, warm,
 * with the thread's CPU time summed by the templates that make the file (the second half of the passes is
 * recorded). Not a test and not part of bench/run; for profiling the renderer:
 *
 * <pre>java -Xmx1g -cp target/hlc.jar:target/test-classes hlc.emit.TemplateCosts SPEC PASSES [templates|emit|fallbacks]</pre>
 *
 * {@code emit} times whole emissions instead (threads as {@link Emission} starts them, the process's CPU time);
 * {@code fallbacks} lists the YAML files {@link TemplateYaml} leaves to Jackson's parser.
 */
public final class TemplateCosts {
    public static void main(String[] args) throws Exception {
        Path spec = Path.of(args[0]);
        int iters = Integer.parseInt(args[1]);
        String mode = args.length > 2 ? args[2] : "templates";
        Compiler.Result checked = Compiler.check(spec);
        List<FileSpec> specs = new ArrayList<>();
        for (ResolvedSpec view : checked.resolved().perCluster()) {
            EmitProblems problems = new EmitProblems(checked.reporter(), view.spec());
            List<Emitter> emitters = Emitters.all(SecretsBundle.placeholder(), null);
            List<FileSpec> one = new ArrayList<>();
            for (Emitter e : emitters) one.addAll(e.files(view, problems));
            List<AppliedFolder> folders = new ArrayList<>();
            for (Emitter e : emitters) folders.addAll(e.appliedFolders(view));
            one.addAll(FluxTree.folderKustomizations(one, folders));
            specs.addAll(one);
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Renderer r = new Renderer(spec.getFileName().toString());
        if (mode.equals("fallbacks")) {
            for (FileSpec f : specs) {
                Renderer.Outcome o = r.render(f);
                if (o.file() == null || !f.path().endsWith(".yaml")) continue;
                if (TemplateYaml.read(o.file().content()) == null) {
                    System.out.println("=== " + f.path());
                }
            }
            return;
        }
        if (mode.equals("emit")) {
            // whole Emission (2 threads when many files), CPU of the process and wall
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long[] cpu = new long[iters], wall = new long[iters];
            for (int i = 0; i < iters + 3; i++) {
                long c0 = os.getProcessCpuTime(), w0 = System.nanoTime();
                for (ResolvedSpec view : checked.resolved().perCluster())
                    Emission.run(view, Emitters.all(SecretsBundle.placeholder(), null), r, checked.reporter());
                long c1 = os.getProcessCpuTime(), w1 = System.nanoTime();
                if (i >= 3) { cpu[i - 3] = c1 - c0; wall[i - 3] = w1 - w0; }
            }
            Arrays.sort(cpu); Arrays.sort(wall);
            System.out.printf("files %d  emit cpu median %.1f ms (min %.1f)  wall median %.1f ms  cpu/file %.1f us%n",
                    specs.size(), cpu[iters / 2] / 1e6, cpu[0] / 1e6, wall[iters / 2] / 1e6, cpu[iters / 2] / 1e3 / specs.size());
            return;
        }
        Map<String, long[]> byTemplate = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        for (int it = 0; it < iters; it++) {
            boolean record = it >= iters / 2;
            for (FileSpec f : specs) {
                String key = String.join("+", f.parts().stream().map(FileSpec.Document::template).toList())
                        + (f.substitutions().isEmpty() ? "" : " (x" + f.substitutions().size() + " subst)")
                        + (f.patches().isEmpty() ? "" : " (patched)");
                long c0 = mx.getCurrentThreadCpuTime();
                Renderer.Outcome o = r.render(f);
                long c1 = mx.getCurrentThreadCpuTime();
                if (o.file() == null) throw new IllegalStateException(o.problems().toString());
                if (record) {
                    byTemplate.computeIfAbsent(key, k -> new long[2])[0] += c1 - c0;
                    byTemplate.get(key)[1] += o.file().content().length();
                    if (it == iters / 2) counts.merge(key, 1, Integer::sum);
                }
            }
        }
        int rec = iters - iters / 2;
        long total = byTemplate.values().stream().mapToLong(a -> a[0]).sum() / rec;
        System.out.printf("files %d, single-thread CPU per pass %.1f ms, %.1f us/file%n", specs.size(), total / 1e6, total / 1e3 / specs.size());
        byTemplate.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0])).forEach(e -> {
            long ns = e.getValue()[0] / rec; int n = counts.get(e.getKey());
            System.out.printf("%6.1f%%  %8.1f ms  %5d files  %7.1f us/file  %6d B/file  %s%n", 100.0 * ns / total, ns / 1e6, n,
                    ns / 1e3 / n, e.getValue()[1] / rec / n, e.getKey());
        });
    }
}

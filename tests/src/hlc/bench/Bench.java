package hlc.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import hlc.Compiler;
import hlc.check.Checker;
import hlc.check.OverlapFinder;
import hlc.diag.Reporter;
import hlc.diag.SourceFile;
import hlc.diag.Span;
import hlc.emit.RenderedFile;
import hlc.emit.Renderer;
import hlc.model.Cidr;
import hlc.model.Spec;
import hlc.parse.ModelBuilder;
import hlc.parse.ParsedFile;
import hlc.parse.SpecLoader;
import hlc.resolve.ResolvedSpec;
import hlc.resolve.Resolver;
import hlc.secrets.SecretsBundle;
import inet.ipaddr.IPAddressString;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The in-process half of {@code bench/run}. Each mode appends {@code key<TAB>value} lines to a results file that
 * {@link Report} turns into bench/RESULTS.md.
 *
 * <ul>
 *   <li>{@code size LABEL SPEC RESULTS [WARMUP MEASURE]}: parse (read, lex, parse, build the model), check (every
 *   check) and emit (every emitter, rendered and validated in memory, Talos configs from the placeholder bundle,
 *   nothing written) of one spec, timed per phase over warm iterations; reports medians. Then one more run
 *   measures the heap: see {@link HeapProbe}.</li>
 *   <li>{@code overlap COUNT RESULTS}: {@link OverlapFinder#find} alone on COUNT networks, cold (first call in
 *   the JVM) and warm (median).</li>
 * </ul>
 */
public final class Bench {
    private Bench() {}

    public static void main(String[] args) throws Exception {
        switch (args.length == 0 ? "" : args[0]) {
            case "size" -> size(args[1], Path.of(args[2]), Path.of(args[3]),
                    args.length > 4 ? Integer.parseInt(args[4]) : -1, args.length > 5 ? Integer.parseInt(args[5]) : -1);
            case "overlap" -> overlap(Integer.parseInt(args[1]), Path.of(args[2]));
            case "report" -> Report.main(Arrays.copyOfRange(args, 1, args.length));
            default -> {
                System.err.println("usage: Bench size LABEL SPEC RESULTS [WARMUP MEASURE] | overlap COUNT RESULTS"
                        + " | report RESULTS BASELINE OUT.md");
                System.exit(2);
            }
        }
    }

    // ------------------------------------------------------------------ parse, check, emit of one spec

    /** One pass of the pipeline; the rendered files are kept so the heap probe sees them live. */
    record Pass(long parseNs, long checkNs, long emitNs, Spec spec, List<RenderedFile> files) {}

    static Pass pass(Path specFile) throws IOException {
        Reporter reporter = new Reporter();
        long t0 = System.nanoTime();
        Spec spec = parse(specFile, reporter);
        long t1 = System.nanoTime();
        ResolvedSpec resolved = Resolver.resolve(spec);
        Checker.check(resolved, reporter);
        long t2 = System.nanoTime();
        List<RenderedFile> files = emit(specFile, new Compiler.Result(spec, resolved, reporter));
        long t3 = System.nanoTime();
        if (reporter.hasErrors() || reporter.warningCount() > 0) {
            throw new IllegalStateException(specFile + " does not compile clean: " + reporter.sorted().stream().limit(5)
                    .map(d -> d.span() + " " + d.code() + " " + d.message()).collect(Collectors.joining("; ")));
        }
        return new Pass(t1 - t0, t2 - t1, t3 - t2, spec, files);
    }

    /** Files to model, as Compiler.check does: the parse trees are garbage once the model is built. */
    static Spec parse(Path specFile, Reporter reporter) throws IOException {
        List<ParsedFile> parsed = new SpecLoader(reporter).load(specFile);
        return new ModelBuilder(reporter).build(parsed);
    }

    /** What `hlc compile` renders and validates in memory (Talos configs from the placeholder bundle). */
    static List<RenderedFile> emit(Path specFile, Compiler.Result checked) {
        Renderer renderer = new Renderer(specFile.getFileName().toString());
        return Compiler.compile(checked, SecretsBundle.placeholder(), null, renderer).files();
    }

    /** A timed pass whose results are dropped before the next one starts. */
    static long[] timedPass(Path specFile) throws IOException {
        Pass p = pass(specFile);
        return new long[]{p.parseNs(), p.checkNs(), p.emitNs()};
    }

    static void size(String label, Path spec, Path results, int warmup, int measure) throws Exception {
        long bytes = Files.size(spec);
        long lines;
        try (var s = Files.lines(spec, StandardCharsets.UTF_8)) {
            lines = s.count();
        }
        // Enough iterations for a stable median without making the 10,000-host run take many minutes.
        if (warmup < 0) warmup = bytes < 200_000 ? 15 : bytes < 2_000_000 ? 5 : 2;
        if (measure < 0) measure = bytes < 200_000 ? 15 : bytes < 2_000_000 ? 9 : 5;
        System.err.printf(Locale.ROOT, "bench: %s hosts (%,d lines): %d warm-up + %d measured iterations%n",
                label, lines, warmup, measure);

        long firstStart = System.nanoTime();
        int fileCount = pass(spec).files().size();
        long firstNs = System.nanoTime() - firstStart;
        for (int i = 1; i < warmup; i++) timedPass(spec);
        long[] parse = new long[measure], check = new long[measure], emit = new long[measure], total = new long[measure];
        for (int i = 0; i < measure; i++) {
            long[] t = timedPass(spec);
            parse[i] = t[0];
            check[i] = t[1];
            emit[i] = t[2];
            total[i] = t[0] + t[1] + t[2];
        }
        HeapProbe.Result heap = HeapProbe.measure(() -> pass(spec));

        String k = "size." + label + ".";
        List<String> out = new ArrayList<>();
        out.add(k + "lines\t" + lines);
        out.add(k + "bytes\t" + bytes);
        out.add(k + "files\t" + fileCount);
        out.add(k + "iterations\t" + warmup + "+" + measure);
        out.add(k + "first_ms\t" + ms(firstNs));
        out.add(k + "parse_ms\t" + ms(median(parse)));
        out.add(k + "check_ms\t" + ms(median(check)));
        out.add(k + "emit_ms\t" + ms(median(emit)));
        out.add(k + "total_ms\t" + ms(median(total)));
        out.add(k + "parse_ms_range\t" + ms(min(parse)) + "-" + ms(max(parse)));
        out.add(k + "check_ms_range\t" + ms(min(check)) + "-" + ms(max(check)));
        out.add(k + "emit_ms_range\t" + ms(min(emit)) + "-" + ms(max(emit)));
        out.add(k + "peak_heap_mib\t" + mib(heap.peakBytes()));
        out.add(k + "peak_live_mib\t" + mib(heap.peakLiveBytes()));
        out.add(k + "retained_heap_mib\t" + mib(heap.retainedBytes()));
        out.add(k + "gc_count\t" + heap.gcCount());
        out.add(k + "max_heap_mib\t" + mib(Runtime.getRuntime().maxMemory()));
        append(results, out);
        out.forEach(l -> System.err.println("bench:   " + l.replace('\t', ' ')));
    }

    // ------------------------------------------------------------------ the overlap sweep alone

    static void overlap(int count, Path results) throws IOException {
        List<Cidr> cidrs = networks(count, 7L);
        long coldStart = System.nanoTime();
        int found = OverlapFinder.find(cidrs).size();
        long cold = System.nanoTime() - coldStart;
        for (int i = 0; i < 5; i++) OverlapFinder.find(cidrs);
        long[] warm = new long[15];
        for (int i = 0; i < warm.length; i++) {
            long t = System.nanoTime();
            int n = OverlapFinder.find(cidrs).size();
            warm[i] = System.nanoTime() - t;
            if (n != found) throw new IllegalStateException("overlap count changed between runs: " + found + " vs " + n);
        }
        List<String> out = List.of(
                "overlap.count\t" + count,
                "overlap.found\t" + found,
                "overlap.cold_ms\t" + ms(cold),
                "overlap.warm_ms\t" + ms(median(warm)),
                "overlap.warm_ms_range\t" + ms(min(warm)) + "-" + ms(max(warm)));
        append(results, out);
        out.forEach(l -> System.err.println("bench:   " + l.replace('\t', ' ')));
    }

    /**
     * {@code count} prefixes in shuffled order: nine in ten IPv4 (disjoint /26s of 10.0.0.0/8), one in ten IPv6
     * (/64s of fd00::/16), and one in a hundred a /28 nested inside an IPv4 one already listed, so the sweep has
     * real overlaps to report.
     */
    static List<Cidr> networks(int count, long seed) {
        Random random = new Random(seed);
        SourceFile file = new SourceFile(Path.of("bench.hl"), "bench.hl", "");
        Span span = new Span(file, 1, 1, 1);
        List<String> v4 = new ArrayList<>();
        List<String> texts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (i % 100 == 99 && !v4.isEmpty()) {
                String outer = v4.get(random.nextInt(v4.size()));
                String base = outer.substring(0, outer.lastIndexOf('.') + 1);
                int last = Integer.parseInt(outer.substring(outer.lastIndexOf('.') + 1, outer.indexOf('/')));
                texts.add(base + (last + 16 * random.nextInt(4)) + "/28");
            } else if (i % 10 == 9) {
                texts.add(String.format(Locale.ROOT, "fd00:%x:%x::/64", i >>> 16, i & 0xffff));
            } else {
                int slot = i; // the i-th /26 of 10.0.0.0/8 (262,144 of them)
                String t = "10." + (slot >>> 10 & 0xff) + "." + (slot >>> 2 & 0xff) + "." + (slot & 3) * 64 + "/26";
                v4.add(t);
                texts.add(t);
            }
        }
        Collections.shuffle(texts, random);
        List<Cidr> out = new ArrayList<>(count);
        for (String t : texts) out.add(new Cidr(new IPAddressString(t).getAddress().toPrefixBlock(), span));
        return out;
    }

    // ------------------------------------------------------------------ heap

    /**
     * Peak heap of one pass, from the garbage collector's own accounting: every collection reports the heap in
     * use just before it ran, which is where usage peaks (between collections it only grows), so the peak is the
     * largest of those and of the usage at the end of the pass. The pass starts after a full collection, so what
     * earlier iterations left behind is not counted; the JVM's heap limit stays in force (bench/run gives the
     * harness {@code -Xmx1g}, so "fits in 1 GiB" is tested, not extrapolated). That figure follows the collector's
     * sizing (a collector given more room collects later), so two more are kept: peak live, the largest heap in use
     * just after a collection (what the pass needed at that moment, plus garbage the collection left for later),
     * and retained, what is still live when the pass is over and its model and rendered files are still referenced
     * (a full collection, then the usage).
     */
    static final class HeapProbe {
        record Result(long peakBytes, long peakLiveBytes, long retainedBytes, long gcCount) {}

        interface Body {
            Object run() throws Exception;
        }

        static Result measure(Body body) throws Exception {
            Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
            AtomicLong peak = new AtomicLong();
            AtomicLong peakLive = new AtomicLong();
            AtomicLong collections = new AtomicLong();
            List<Runnable> unsubscribe = new ArrayList<>();
            fullGc();
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (!(gc instanceof NotificationEmitter emitter)) continue;
                javax.management.NotificationListener listener = (n, h) -> {
                    if (!n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) return;
                    var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                    long before = 0, after = 0;
                    for (var e : info.getGcInfo().getMemoryUsageBeforeGc().entrySet()) {
                        if (heapPools.contains(e.getKey())) before += e.getValue().getUsed();
                    }
                    for (var e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                        if (heapPools.contains(e.getKey())) after += e.getValue().getUsed();
                    }
                    collections.incrementAndGet();
                    peak.accumulateAndGet(before, Math::max);
                    peakLive.accumulateAndGet(after, Math::max);
                };
                emitter.addNotificationListener(listener, null, null);
                unsubscribe.add(() -> {
                    try {
                        emitter.removeNotificationListener(listener);
                    } catch (Exception ignored) {
                        // already gone
                    }
                });
            }
            Object kept = body.run();
            long atEnd = used();
            Thread.sleep(300); // notifications arrive on their own thread
            unsubscribe.forEach(Runnable::run);
            long count = collections.get();
            long p = Math.max(peak.get(), atEnd);
            fullGc();
            long retained = used();
            Reference.reachabilityFence(kept);
            return new Result(p, Math.max(peakLive.get(), retained), retained, count);
        }

        private static void fullGc() throws InterruptedException {
            for (int i = 0; i < 3; i++) {
                System.gc();
                Thread.sleep(50);
            }
        }

        private static long used() {
            MemoryUsage u = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            return u.getUsed();
        }
    }

    // ------------------------------------------------------------------ small helpers

    static void append(Path results, List<String> lines) throws IOException {
        if (results.toAbsolutePath().getParent() != null) Files.createDirectories(results.toAbsolutePath().getParent());
        Files.write(results, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    static long median(long[] values) {
        long[] s = values.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    static long min(long[] values) {
        return Arrays.stream(values).min().orElse(0);
    }

    static long max(long[] values) {
        return Arrays.stream(values).max().orElse(0);
    }

    static String ms(long ns) {
        return String.format(Locale.ROOT, "%.1f", ns / 1e6);
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.0f", bytes / 1048576.0);
    }
}

package hlc.emit;

import hlc.concurrent.OnThreads;
import hlc.resolve.ResolvedSpec;
import hlc.diag.Reporter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The back half of the pipeline, in memory: every emitter's files are rendered and validated; the result is the
 * complete set of files, sorted by path, or nothing at all when any one of them fails.
 *
 * <p>Files are independent, so a large compile renders them on every core (thousands of files take seconds);
 * problems are still reported in the order of the files, exactly as one thread would.
 */
public final class Emission {
    /** Below this many files, starting threads (each with its own Jinjava instance) costs more than it saves. */
    static final int PARALLEL_MIN_FILES = 256;

    private Emission() {}

    public static List<RenderedFile> run(ResolvedSpec spec, List<Emitter> emitters, Renderer renderer, Reporter reporter) {
        EmitProblems problems = new EmitProblems(reporter, spec.spec());
        List<FileSpec> specs = new ArrayList<>();
        for (Emitter e : emitters) {
            try {
                specs.addAll(e.files(spec, problems));
            } catch (RuntimeException bug) {
                // An emitter must not take the run down with a stack trace; say which one failed, write nothing.
                problems.internal(e.getClass().getSimpleName() + " failed: " + bug.getClass().getSimpleName()
                        + (bug.getMessage() == null ? "" : ": " + bug.getMessage()));
            }
        }
        List<AppliedFolder> folders = new ArrayList<>();
        for (Emitter e : emitters) {
            try {
                folders.addAll(e.appliedFolders(spec));
            } catch (RuntimeException bug) {
                problems.internal(e.getClass().getSimpleName() + " failed to name its folders: " + bug.getClass().getSimpleName());
            }
        }
        specs.addAll(FluxTree.folderKustomizations(specs, folders));
        Set<String> paths = new HashSet<>();
        boolean[] duplicate = new boolean[specs.size()];
        for (int i = 0; i < specs.size(); i++) duplicate[i] = !paths.add(specs.get(i).path());
        Renderer.expect(specs);
        String[] pathOf = new String[specs.size()];
        for (int i = 0; i < pathOf.length; i++) pathOf[i] = specs.get(i).path();
        // The files' data is let go as each is rendered (the renders take it from this array), so that it is not
        // all held beside all of the rendered text (at 10,000 hosts both are hundreds of megabytes).
        FileSpec[] pending = specs.toArray(new FileSpec[0]);
        specs = null;
        Renderer.Outcome[] outcomes = renderAll(pending, duplicate, renderer);
        List<RenderedFile> out = new ArrayList<>();
        for (int i = 0; i < pathOf.length; i++) {
            if (duplicate[i]) {
                problems.internal("two emitters write " + pathOf[i]);
                continue;
            }
            Renderer.Outcome o = outcomes[i];
            outcomes[i] = null;
            o.problems().forEach(problems::internal);
            if (o.file() != null) out.add(o.file());
        }
        if (problems.failed()) return List.of();
        out.sort((a, b) -> a.path().compareTo(b.path())); // not Comparator.comparing: see Compiler.BY_PATH
        return out;
    }

    /**
     * Every file not marked duplicate, rendered; on one thread per core when there are many files or when workers
     * were prepared for them ({@link Renderer#warmUpInBackground}). Threads take the next file as they finish one,
     * so a slow file holds up nothing. A renderer that throws (a bug) is rethrown here on the calling thread, the
     * first in file order, as a sequential run would.
     */
    private static Renderer.Outcome[] renderAll(FileSpec[] specs, boolean[] duplicate, Renderer renderer) {
        int n = specs.length;
        Renderer.Outcome[] outcomes = new Renderer.Outcome[n];
        RuntimeException[] thrown = new RuntimeException[n];
        AtomicInteger next = new AtomicInteger();
        Runnable work = () -> {
            for (int i; (i = next.getAndIncrement()) < n; ) {
                if (duplicate[i]) continue;
                FileSpec spec = specs[i];
                specs[i] = null;
                try {
                    outcomes[i] = renderer.render(spec);
                } catch (RuntimeException bug) {
                    thrown[i] = bug;
                }
            }
        };
        int cores = Runtime.getRuntime().availableProcessors();
        int threads = n >= PARALLEL_MIN_FILES || renderer.hasWorkers(cores) ? Math.min(cores, Math.max(1, n / 2)) : 1;
        OnThreads.run(work, threads, "hlc-render", "rendering");
        for (RuntimeException bug : thrown) {
            if (bug != null) throw bug;
        }
        return outcomes;
    }
}

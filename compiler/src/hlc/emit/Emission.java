package hlc.emit;

import hlc.check.SpecIndex;
import hlc.diag.Reporter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The back half of the pipeline, in memory: every emitter's files are rendered and validated; the result is the
 * complete set of files, sorted by path, or nothing at all when any one of them fails.
 */
public final class Emission {
    private Emission() {}

    public static List<RenderedFile> run(SpecIndex spec, List<Emitter> emitters, Renderer renderer, Reporter reporter) {
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
        List<RenderedFile> out = new ArrayList<>();
        Set<String> paths = new HashSet<>();
        for (FileSpec f : specs) {
            if (!paths.add(f.path())) {
                problems.internal("two emitters write " + f.path());
                continue;
            }
            Renderer.Outcome o = renderer.render(f);
            o.problems().forEach(problems::internal);
            if (o.file() != null) out.add(o.file());
        }
        if (problems.failed()) return List.of();
        out.sort(Comparator.comparing(RenderedFile::path));
        return out;
    }
}

package hlc;

import hlc.check.Checker;
import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.diag.SourceFile;
import hlc.diag.Span;
import hlc.model.Spec;
import hlc.parse.ModelBuilder;
import hlc.parse.ParsedFile;
import hlc.parse.SpecLoader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The front half of the pipeline as one function: files → parse → model → checks → findings. No global state;
 * a run is its inputs and its result. Whatever the input, a phase that fails unexpectedly becomes an HL099
 * diagnostic, never a stack trace.
 */
public final class Compiler {
    private Compiler() {}

    /** The model (possibly partial when there are errors) and every finding. */
    public record Result(Spec spec, Reporter reporter) {}

    /** Checks a spec file and its imports; throws only when the root file itself cannot be read. */
    public static Result check(Path specFile) throws IOException {
        Reporter reporter = new Reporter();
        List<ParsedFile> files = new SpecLoader(reporter).load(specFile);
        return afterParse(files, reporter);
    }

    /** Checks a spec file read from one place and named {@code display} in findings (a copy of the staged tree). */
    public static Result check(Path specFile, String display) throws IOException {
        Reporter reporter = new Reporter();
        List<ParsedFile> files = new SpecLoader(reporter).load(specFile, display);
        return afterParse(files, reporter);
    }

    /** Checks spec text (tests, fuzzing, editors). */
    public static Result checkText(String name, String text) {
        Reporter reporter = new Reporter();
        List<ParsedFile> files;
        try {
            files = new SpecLoader(reporter).loadText(name, text);
        } catch (RuntimeException | StackOverflowError e) {
            internal(reporter, new SourceFile(Path.of(name), name, text), "parse", e);
            return new Result(null, reporter);
        }
        return afterParse(files, reporter);
    }

    private static Result afterParse(List<ParsedFile> files, Reporter reporter) {
        SourceFile root = files.get(0).source();
        Spec spec;
        try {
            spec = new ModelBuilder(reporter).build(files);
        } catch (RuntimeException | StackOverflowError e) {
            internal(reporter, root, "model", e);
            return new Result(null, reporter);
        }
        try {
            Checker.check(spec, reporter);
        } catch (RuntimeException | StackOverflowError e) {
            internal(reporter, root, "check", e);
        }
        return new Result(spec, reporter);
    }

    private static void internal(Reporter reporter, SourceFile file, String phase, Throwable e) {
        StackTraceElement where = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
        reporter.error(Code.HL099, new Span(file, 1, 1, 1), "internal error in the " + phase + " phase: "
                        + e.getClass().getSimpleName() + (where == null ? "" : " at " + where.getFileName() + ":" + where.getLineNumber()))
                .hint("this is a bug in hlc, not in your spec; please report it with the spec that triggers it").emit();
    }
}

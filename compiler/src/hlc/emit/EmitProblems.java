package hlc.emit;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.diag.Span;
import hlc.model.Spec;

/**
 * Where emitters report what stops them: a user-facing problem with a place in the spec (a Talos version hlc
 * does not know), or an internal one (a template or schema failure), which points at the spec's first line.
 */
public final class EmitProblems {
    private final Reporter reporter;
    private final Span fallback;

    public EmitProblems(Reporter reporter, Spec spec) {
        this.reporter = reporter;
        this.fallback = new Span(spec.files().get(0), 1, 1, 1);
    }

    public Reporter reporter() {
        return reporter;
    }

    public void internal(String message) {
        reporter.error(Code.HL098, fallback, message)
                .hint("this is a bug in hlc's templates or schemas, not in your spec; nothing was written").emit();
    }

    public boolean failed() {
        return reporter.hasErrors();
    }
}

package hlc.check;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.resolve.ResolvedSpec;

import java.util.List;

/**
 * One invariant of a homelab, checked on the whole model. A check reports every violation it finds and never
 * stops the others: the user sees all findings in one run.
 */
public interface Check {
    /** The codes this check can report (the catalogue in {@link Code} says what each means). */
    List<Code> codes();

    void run(ResolvedSpec spec, Reporter reporter);
}

package hlc.parse;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.diag.Span;

/**
 * An attribute that may be given at most once in a block. The second occurrence is reported, pointing at the
 * first, and ignored.
 */
final class Slot<T> {
    private final String attribute;
    private final String block;
    private T value;
    private Span first;

    Slot(String attribute, String block) {
        this.attribute = attribute;
        this.block = block;
    }

    void set(Reporter reporter, Span at, T v) {
        if (first != null) {
            reporter.error(Code.HL006, at, "`" + attribute + "` is given twice in " + block)
                    .label(first, "first given here").hint("keep one of the two").emit();
            return;
        }
        first = at;
        value = v;
    }

    T get() {
        return value;
    }

    boolean given() {
        return first != null;
    }
}

package hlc.parse;

import hlc.diag.Span;
import hlc.model.Host;
import hlc.model.Located;

/** Splits a node label or taint where the user wrote `=` and `:`, keeping a span for each piece. */
final class LabelSplitter {
    private LabelSplitter() {
    }

    /** `key=value`, split where the user wrote it; checked by the label check, not here. */
    static Host.Label label(Located<String> written) {
        if (written == null) return null;
        String s = written.value();
        int eq = s.indexOf('=');
        Located<String> key = part(written, 0, eq < 0 ? s.length() : eq);
        Located<String> value = eq < 0 ? null : part(written, eq + 1, s.length());
        return new Host.Label(key, value, written);
    }

    /** `key=value:Effect` or `key:Effect`. */
    static Host.Taint taint(Located<String> written) {
        if (written == null) return null;
        String s = written.value();
        int colon = s.lastIndexOf(':');
        int end = colon < 0 ? s.length() : colon;
        int eq = s.substring(0, end).indexOf('=');
        Located<String> key = part(written, 0, eq < 0 ? end : eq);
        Located<String> value = eq < 0 ? null : part(written, eq + 1, end);
        Located<String> effect = colon < 0 ? null : part(written, colon + 1, s.length());
        return new Host.Taint(key, value, effect, written);
    }

    /** A piece of a quoted string, with the span of just that piece (column after the opening quote). */
    private static Located<String> part(Located<String> whole, int from, int to) {
        Span w = whole.span();
        return new Located<>(whole.value().substring(from, to),
                new Span(w.file(), w.line(), w.column() + 1 + from, Math.max(1, to - from)));
    }
}

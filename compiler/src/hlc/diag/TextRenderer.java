package hlc.diag;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;

/**
 * Renders diagnostics the way a good compiler does:
 * <pre>
 * spec/homelab.hl:14:22: error[HL023]: address 192.168.6.11 is outside network `lan` (192.168.5.0/24)
 *    |
 * 14 |   interface bond0 on lan address 192.168.6.11
 *    |                                  ^^^^^^^^^^^^
 *    = hint: ...
 * </pre>
 * Colour is used only when asked (a terminal, and NO_COLOR unset).
 */
public final class TextRenderer {
    private static final int WINDOW = 100;
    private final boolean colour;

    public TextRenderer(boolean colour) {
        this.colour = colour;
    }

    public String render(List<Diagnostic> diagnostics, long errors, long warnings) {
        StringBuilder out = new StringBuilder();
        Set<String> explained = new HashSet<>();
        for (Diagnostic d : diagnostics) {
            render(d, out);
            // Once per code and run, as rustc's "try `rustc --explain`": repeated on every finding it is noise.
            if (explainable(d.code()) && explained.add(d.code())) {
                out.append(pad(d)).append("= ").append(paint("1", "explain")).append(": run `hlc explain ")
                   .append(d.code()).append("` for what ").append(d.code()).append(" means, with an example\n");
            }
            out.append('\n');
        }
        out.append(summary(errors, warnings)).append('\n');
        return out.toString();
    }

    /** Whether {@code hlc explain} knows the code (the import's IMPxx codes have no page). */
    private static boolean explainable(String code) {
        try {
            Code.valueOf(code);
            return true;
        } catch (IllegalArgumentException notACode) {
            return false;
        }
    }

    private static String pad(Diagnostic d) {
        return " ".repeat(width(d) + 1);
    }

    /**
     * The width of the line-number gutter, one for the whole finding as rustc draws it: the widest line number
     * that any of its snippets shows, so that a note on line 8 under a finding on line 16 keeps the bars aligned.
     */
    private static int width(Diagnostic d) {
        int widest = d.span().line();
        for (Label l : d.labels()) widest = Math.max(widest, l.span().line());
        for (Suggestion g : d.suggestions()) widest = Math.max(widest, g.span().line());
        return Integer.toString(widest).length();
    }

    /** A line number, left-aligned in a gutter {@code width} wide. */
    private static String number(int line, int width) {
        String n = Integer.toString(line);
        return n + " ".repeat(Math.max(0, width - n.length()));
    }

    public static String summary(long errors, long warnings) {
        if (errors == 0 && warnings == 0) return "no problems found";
        return plural(errors, "error") + ", " + plural(warnings, "warning");
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    public void render(Diagnostic d, StringBuilder out) {
        String sev = d.severity().label();
        String sevColoured = d.isError() ? paint("1;31", sev) : paint("1;33", sev);
        String caretColour = d.isError() ? "31" : "33";
        out.append(paint("1", d.span().toString())).append(": ")
           .append(sevColoured).append(paint("1", "[" + d.code() + "]")).append(": ")
           .append(d.message()).append('\n');
        // Labels on the primary line share its snippet, as rustc draws them: `^^^` the primary, `---` the others.
        int gutterWidth = width(d);
        boolean shareable = shareable(d.span());
        List<Marker> primaryLine = new ArrayList<>();
        primaryLine.add(new Marker(d.span().column(), d.span().length(), true, d.primaryLabel()));
        Map<String, List<Label>> elsewhere = new LinkedHashMap<>();
        for (Label l : d.labels()) {
            if (shareable && sameLine(l.span(), d.span())) {
                primaryLine.add(new Marker(l.span().column(), l.span().length(), false, l.message()));
            } else {
                elsewhere.computeIfAbsent(l.span().path() + ":" + l.span().line(), k -> new ArrayList<>()).add(l);
            }
        }
        if (primaryLine.size() == 1) {
            quote(d.span(), d.primaryLabel(), caretColour, d.sensitive(), gutterWidth, out);
        } else {
            snippet(d.span(), primaryLine, caretColour, d.sensitive(), gutterWidth, out);
        }
        for (List<Label> group : elsewhere.values()) {
            Label first = group.get(0);
            out.append(paint("1", first.span().toString())).append(": ").append(paint("36", "note")).append(": ");
            if (group.size() == 1 || !shareable(first.span())) {
                out.append(first.message()).append('\n');
                quote(first.span(), null, "36", false, gutterWidth, out);
                for (Label l : group.subList(1, group.size())) {
                    out.append(paint("1", l.span().toString())).append(": ").append(paint("36", "note")).append(": ")
                       .append(l.message()).append('\n');
                    quote(l.span(), null, "36", false, gutterWidth, out);
                }
            } else {
                out.append(group.size()).append(" places on this line\n");
                List<Marker> markers = new ArrayList<>();
                for (Label l : group) markers.add(new Marker(l.span().column(), l.span().length(), false, l.message()));
                snippet(first.span(), markers, "36", false, gutterWidth, out);
            }
        }
        String pad = pad(d);
        if (d.hint() != null) {
            out.append(pad).append("= ").append(paint("1;32", "hint")).append(": ").append(d.hint()).append('\n');
        }
        for (Suggestion g : d.suggestions()) help(g, d.sensitive(), gutterWidth, out);
        for (String n : d.notes()) {
            out.append(pad).append("= note: ").append(n).append('\n');
        }
    }

    /**
     * An exact fix, as rustc shows one: what it does, then the line as it would read, `~` under the new text.
     * A sensitive finding's line is not quoted, fixed or not.
     */
    private void help(Suggestion g, boolean mask, int gutterWidth, StringBuilder out) {
        Span at = g.span();
        String lineNo = number(at.line(), gutterWidth);
        String gutter = " ".repeat(gutterWidth);
        out.append(paint("1;32", "help")).append(": ").append(g.message()).append('\n');
        String raw = at.file().line(at.line());
        if (mask || raw.length() > 2 * WINDOW) return;
        int from = Math.min(at.column() - 1, raw.length());
        int to = Math.min(raw.length(), from + at.length());
        String fixed = printable(raw.substring(0, from)) + g.replacement() + printable(raw.substring(to));
        out.append(gutter).append(" |\n");
        out.append(lineNo).append(" | ").append(fixed).append('\n');
        out.append(gutter).append(" | ").append(" ".repeat(from))
           .append(paint("32", "~".repeat(Math.max(1, g.replacement().length())))).append('\n');
    }

    /** One underlined place of a shared snippet; columns are 1-based on the source line. */
    private record Marker(int column, int length, boolean primary, String label) {}

    private static boolean sameLine(Span a, Span b) {
        return a.file() == b.file() && a.line() == b.line();
    }

    /** A line short enough to be shown whole, so several carets can sit under it. */
    private static boolean shareable(Span s) {
        return s.file().line(s.line()).length() <= 2 * WINDOW;
    }

    /**
     * The line once, every marker under it, the rightmost marker's label beside its underline and the others'
     * below, each hanging from a `|` under its marker:
     * <pre>
     * 3 |   interface bond1 on lan address 192.168.6.12
     *   |                      ---         ^^^^^^^^^^^^ outside `lan`
     *   |                      |
     *   |                      `lan` is used here
     * </pre>
     */
    private void snippet(Span at, List<Marker> markers, String primaryColour, boolean mask, int gutterWidth, StringBuilder out) {
        String raw = at.file().line(at.line());
        if (mask) raw = masked(raw, at);
        String shown = printable(raw);
        List<Marker> sorted = new ArrayList<>(markers);
        // by column, the primary marker first; written out, as Reporter's orders are
        sorted.sort((a, b) -> a.column() != b.column() ? Integer.compare(a.column(), b.column())
                : Boolean.compare(!a.primary(), !b.primary()));
        String lineNo = number(at.line(), gutterWidth);
        String gutter = " ".repeat(gutterWidth);
        out.append(gutter).append(" |\n");
        out.append(lineNo).append(" | ").append(shown).append('\n');
        // The underline: secondary markers first, the primary drawn over them where they overlap.
        int width = 0;
        for (Marker m : sorted) width = Math.max(width, start(m, shown) + len(m, shown));
        char[] under = " ".repeat(width).toCharArray();
        for (Marker m : sorted) if (!m.primary()) fill(under, start(m, shown), len(m, shown), '-');
        for (Marker m : sorted) if (m.primary()) fill(under, start(m, shown), len(m, shown), '^');
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < under.length; ) {
            int j = i;
            while (j < under.length && under[j] == under[i]) j++;
            String run = new String(under, i, j - i);
            line.append(under[i] == '^' ? paint(primaryColour, run) : under[i] == '-' ? paint("36", run) : run);
            i = j;
        }
        Marker last = sorted.get(sorted.size() - 1);
        boolean inline = last.label() != null && start(last, shown) + len(last, shown) == width;
        if (inline) line.append(' ').append(last.label());
        out.append(gutter).append(" | ").append(line).append('\n');
        List<Marker> hanging = new ArrayList<>();
        for (Marker m : sorted) if (m.label() != null && !(inline && m == last)) hanging.add(m);
        if (hanging.isEmpty()) return;
        out.append(gutter).append(" | ").append(bars(hanging, hanging.size(), shown)).append('\n');
        for (int k = hanging.size() - 1; k >= 0; k--) {
            StringBuilder l = new StringBuilder(bars(hanging, k, shown));
            int col = start(hanging.get(k), shown);
            while (l.length() < col) l.append(' ');
            l.append(hanging.get(k).label());
            out.append(gutter).append(" | ").append(l).append('\n');
        }
    }

    /** `|` under the first {@code count} markers. */
    private static String bars(List<Marker> markers, int count, String shown) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < count; i++) {
            int col = start(markers.get(i), shown);
            while (b.length() < col) b.append(' ');
            if (b.length() == col) b.append('|');
        }
        return b.toString();
    }

    private static int start(Marker m, String shown) {
        return Math.min(m.column(), shown.length() + 1) - 1;
    }

    private static int len(Marker m, String shown) {
        return Math.max(1, Math.min(m.length(), shown.length() - start(m, shown)));
    }

    private static void fill(char[] line, int from, int length, char c) {
        for (int i = from; i < from + length && i < line.length; i++) line[i] = c;
    }

    private void quote(Span span, String label, String caretColour, boolean mask, int gutterWidth, StringBuilder out) {
        String raw = span.file().line(span.line());
        if (mask) raw = masked(raw, span);
        int col = Math.min(span.column(), raw.length() + 1);
        int len = Math.max(1, Math.min(span.length(), Math.max(1, raw.length() - col + 1)));
        // Long lines (generated specs) are shown as a window around the span.
        int from = 0;
        String prefix = "";
        if (raw.length() > 2 * WINDOW) {
            from = Math.max(0, col - 1 - WINDOW / 2);
            prefix = from > 0 ? "…" : "";
            int to = Math.min(raw.length(), from + WINDOW);
            raw = raw.substring(from, to) + (to < raw.length() ? "…" : "");
            len = Math.min(len, WINDOW);
        }
        String shown = printable(raw);
        String lineNo = number(span.line(), gutterWidth);
        String gutter = " ".repeat(gutterWidth);
        out.append(gutter).append(" |\n");
        out.append(lineNo).append(" | ").append(prefix).append(shown).append('\n');
        int caretAt = col - 1 - from + prefix.length();
        out.append(gutter).append(" | ").append(" ".repeat(Math.max(0, caretAt)))
           .append(paint(caretColour, "^".repeat(len)));
        if (label != null) out.append(' ').append(label);
        out.append('\n');
    }

    /** The line with the span's characters replaced by `*`, keeping the length so the caret still lines up. */
    private static String masked(String line, Span span) {
        int from = Math.min(line.length(), span.column() - 1);
        int to = Math.min(line.length(), from + span.length());
        return line.substring(0, from) + "*".repeat(to - from) + line.substring(to);
    }

    /** Tabs become one space and control characters a visible mark, so the caret lines up. */
    private static String printable(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\t') b.append(' ');
            else if (c < 0x20 || c == 0x7f) b.append('\uFFFD');
            else b.append(c);
        }
        return b.toString();
    }

    private String paint(String ansi, String text) {
        return colour ? "\u001b[" + ansi + "m" + text + "\u001b[0m" : text;
    }
}

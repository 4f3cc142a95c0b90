package hlc.diag;

import java.util.HashSet;
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
        return " ".repeat(Integer.toString(d.span().line()).length() + 1);
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
        out.append(paint("1", d.span().toString())).append(": ")
           .append(sevColoured).append(paint("1", "[" + d.code() + "]")).append(": ")
           .append(d.message()).append('\n');
        quote(d.span(), null, d.isError() ? "31" : "33", d.sensitive(), out);
        for (Label l : d.labels()) {
            out.append(paint("1", l.span().toString())).append(": ").append(paint("36", "note")).append(": ")
               .append(l.message()).append('\n');
            quote(l.span(), null, "36", false, out);
        }
        String pad = pad(d);
        if (d.hint() != null) {
            out.append(pad).append("= ").append(paint("1;32", "hint")).append(": ").append(d.hint()).append('\n');
        }
        for (String n : d.notes()) {
            out.append(pad).append("= note: ").append(n).append('\n');
        }
    }

    private void quote(Span span, String label, String caretColour, boolean mask, StringBuilder out) {
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
        String lineNo = Integer.toString(span.line());
        String gutter = " ".repeat(lineNo.length());
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

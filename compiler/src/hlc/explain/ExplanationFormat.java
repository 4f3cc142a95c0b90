package hlc.explain;

import hlc.diag.Code;
import hlc.diag.Severity;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The layout of an explanation file. It is Markdown, so that it reads well on GitHub and in a terminal, with
 * just enough fixed structure for hlc and its tests to find the parts they need:
 * <pre>
 *   # HL022: overlapping networks
 *
 *   Severity: error
 *
 *   What is checked, and why it matters in the cluster.
 *
 *   Failing example:
 *
 *   ```hl
 *   …a complete spec that reports HL022 and nothing else…
 *   ```
 *
 *   Fixed example:
 *
 *   ```hl
 *   …the same spec, corrected: no finding at all…
 *   ```
 * </pre>
 * A fence opened with {@code ```hl compile} marks an example whose finding only {@code hlc compile} reports. A
 * code that no spec can show has a paragraph starting {@code No example:} instead, which says why. A file that
 * breaks these rules is a bug in hlc's build, so it is rejected outright rather than shown half-read.
 */
final class ExplanationFormat {
    private static final String FENCE = "```";

    private ExplanationFormat() {}

    static Explanation parse(Code code, String text) {
        List<String> lines = text.lines().toList();
        String heading = "# " + code.name() + ": ";
        if (lines.isEmpty() || !lines.get(0).startsWith(heading) || lines.get(0).length() == heading.length()) {
            throw malformed(code, "its first line must be `" + heading + "<title>`");
        }
        String title = lines.get(0).substring(heading.length()).strip();
        Severity severity = severity(code, lines);
        Example failing = example(code, lines, "Failing example");
        Example fixed = example(code, lines, "Fixed example");
        if ((failing == null) != (fixed == null)) {
            throw malformed(code, "it has a " + (failing == null ? "fixed" : "failing") + " example but not the other one");
        }
        if (failing == null && lines.stream().noneMatch(l -> l.startsWith("No example:"))) {
            throw malformed(code, "it has neither examples nor a `No example:` paragraph saying why");
        }
        return new Explanation(code, title, severity, text, failing, fixed);
    }

    /** Drops the heading's {@code #} and the fence lines, and indents what was fenced, as man pages do. */
    static String plainText(String text) {
        StringBuilder out = new StringBuilder();
        boolean fenced = false;
        boolean first = true;
        for (String line : text.lines().toList()) {
            if (line.startsWith(FENCE)) {
                fenced = !fenced;
            } else if (first && line.startsWith("# ")) {
                out.append(line.substring(2)).append('\n');
            } else {
                out.append(fenced && !line.isEmpty() ? "    " : "").append(line).append('\n');
            }
            first = false;
        }
        return out.toString();
    }

    private static Severity severity(Code code, List<String> lines) {
        String prefix = "Severity: ";
        List<String> found = lines.stream().filter(l -> l.startsWith(prefix)).toList();
        if (found.size() != 1) throw malformed(code, "it needs exactly one `Severity: error` or `Severity: warning` line");
        String word = found.get(0).substring(prefix.length()).strip();
        for (Severity s : Severity.values()) {
            if (s.label().equals(word)) return s;
        }
        throw malformed(code, "its severity `" + word + "` is neither `error` nor `warning`");
    }

    /** The fenced spec after the line that starts with {@code label}, or null when there is no such line. */
    private static Example example(Code code, List<String> lines, String label) {
        List<Integer> at = IntStream.range(0, lines.size())
                .filter(i -> lines.get(i).startsWith(label)).boxed().toList();
        if (at.isEmpty()) return null;
        if (at.size() > 1) throw malformed(code, "it has more than one `" + label + "`");
        int i = at.get(0) + 1;
        while (i < lines.size() && lines.get(i).isBlank()) i++;
        String info = i < lines.size() && lines.get(i).startsWith(FENCE)
                ? lines.get(i).substring(FENCE.length()).strip().toLowerCase(Locale.ROOT) : null;
        if (!"hl".equals(info) && !"hl compile".equals(info)) {
            throw malformed(code, "its `" + label + "` is not followed by a ```hl or ```hl compile fence");
        }
        StringBuilder spec = new StringBuilder();
        for (int j = i + 1; j < lines.size(); j++) {
            if (lines.get(j).startsWith(FENCE)) return new Example(spec.toString(), info.equals("hl compile"));
            spec.append(lines.get(j)).append('\n');
        }
        throw malformed(code, "the fence of its `" + label + "` is never closed");
    }

    private static IllegalStateException malformed(Code code, String why) {
        return new IllegalStateException("the explanation of " + code + " is malformed: " + why);
    }
}

package hlc.fmt;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.diag.Span;
import hlc.parse.FileParser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * {@code hlc fmt}: the canonical layout of one spec file, like {@code gofmt}. One layout for every spec, so
 * diffs show changes of meaning, not of taste. The rules, kept few so they can be predicted:
 * <ul>
 *   <li>every top-level block is a paragraph of its own: one blank line before and after it; consecutive
 *       {@code import}s keep the user's spacing (none or one blank line);</li>
 *   <li>a block is <code>kind name {</code>, then one attribute per line indented two spaces per level (nested
 *       {@code flux} and {@code pool} blocks one level deeper), then its closing brace on a line of its own; a
 *       block with no attributes and no comments is <code>kind name {}</code> on one line; a block with
 *       attributes is never collapsed onto one line, however short;</li>
 *   <li>one blank line the user put between attributes (or comments) inside a block is kept, more are one, none
 *       at the start or end of a block's body;</li>
 *   <li>inside an attribute, single spaces between tokens; lists are {@code [a, b, c]}; an {@code interface}
 *       line keeps all its interface attributes;</li>
 *   <li>a comment on its own line stays on its own line, before the same token, indented like the attributes of
 *       its block; a comment at the end of a line stays there, two spaces after the code; a comment inside an
 *       attribute breaks it, and the rest of the attribute continues one level deeper;</li>
 *   <li>every token is written exactly as the user spelled it; only commas in lists are added or dropped;</li>
 *   <li>LF line ends, no trailing blanks, exactly one newline at the end.</li>
 * </ul>
 * A file with syntax errors, or bytes that are not UTF-8, is not formatted: its findings are reported instead.
 */
public final class Formatter {
    private Formatter() {}

    /**
     * The outcome for one file: the formatted text, or null with the reasons in the reporter.
     *
     * @param original the file's text as read (byte-order mark dropped), for diffs
     */
    public record Result(String original, String text, Reporter reporter) {
        public boolean formatted() {
            return text != null;
        }
    }

    public static Result format(Path path, String displayPath, byte[] bytes) {
        Reporter reporter = new Reporter();
        FileParser.Parsed parsed = FileParser.parse(path, displayPath, bytes, reporter);
        String original = parsed.source().text();
        if (reporter.hasErrors()) return new Result(original, null, reporter);
        String text;
        try {
            text = Printer.print(parsed.tokens(), Outline.of(parsed.tree()));
        } catch (RuntimeException | StackOverflowError e) {
            return refuse(original, parsed, reporter, "the formatter failed: " + e.getClass().getSimpleName());
        }
        String difference = SameTokens.firstDifference(original, text);
        if (difference != null) return refuse(original, parsed, reporter, "the formatter would change the file's tokens: " + difference);
        return new Result(original, text, reporter);
    }

    /** Formats text that has no file behind it (tests, editors). */
    public static Result formatText(String displayPath, String text) {
        return format(Path.of(displayPath), displayPath, text.getBytes(StandardCharsets.UTF_8));
    }

    private static Result refuse(String original, FileParser.Parsed parsed, Reporter reporter, String why) {
        reporter.error(Code.HL099, new Span(parsed.source(), 1, 1, 1), "internal error: " + why)
                .hint("this is a bug in hlc, not in your spec; the file is left as it is; please report it with the file")
                .emit();
        return new Result(original, null, reporter);
    }
}

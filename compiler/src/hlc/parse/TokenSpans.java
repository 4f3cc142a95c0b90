package hlc.parse;

import hlc.diag.SourceFile;
import hlc.diag.Span;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * Where a token or a rule sits, as a {@link Span}. ANTLR counts columns in code points; spans (and the renderers,
 * and editors' UTF-16 columns) count UTF-16 units, so every span made from a token is made here, converted once.
 */
final class TokenSpans {
    private TokenSpans() {}

    static Span of(SourceFile file, Token t) {
        if (t.getType() == Token.EOF) return file.endSpan();
        return new Span(file, t.getLine(), column(file, t), Math.max(1, length(file, t)));
    }

    /** From the start of {@code start} to the end of {@code stop} when both are on one line, else the first token. */
    static Span of(SourceFile file, Token start, Token stop) {
        if (start.getType() == Token.EOF || stop == null || stop.getType() == Token.EOF || stop.getLine() != start.getLine()
                || stop.getStopIndex() < start.getStartIndex()) return of(file, start);
        // one Span, not the first token's and then the whole one: a span is made for every attribute of a spec
        int column = Math.max(1, column(file, start)); // as Span clamps it
        int end = column(file, stop) + length(file, stop);
        return new Span(file, start.getLine(), column, Math.max(1, end - column));
    }

    static Span of(SourceFile file, ParserRuleContext ctx) {
        Token start = ctx.getStart();
        if (start == null || start.getType() == Token.EOF) return file.endSpan();
        return of(file, start, ctx.getStop());
    }

    /**
     * A token's length in UTF-16 units. Without astral characters that is its length in code points, known from
     * its indices; asking for its text would copy it out of the char stream, for every span of a large spec.
     */
    private static int length(SourceFile file, Token t) {
        if (!file.hasAstral() && t.getStartIndex() >= 0 && t.getStopIndex() >= t.getStartIndex()) {
            return t.getStopIndex() - t.getStartIndex() + 1;
        }
        return t.getText() == null ? 1 : t.getText().length();
    }

    private static int column(SourceFile file, Token t) {
        return file.utf16Column(t.getLine(), t.getCharPositionInLine() + 1);
    }
}

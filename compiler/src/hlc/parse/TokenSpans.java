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
        int len = t.getText() == null ? 1 : t.getText().length();
        return new Span(file, t.getLine(), column(file, t), Math.max(1, len));
    }

    /** From the start of {@code start} to the end of {@code stop} when both are on one line, else the first token. */
    static Span of(SourceFile file, Token start, Token stop) {
        Span first = of(file, start);
        if (stop == null || stop.getType() == Token.EOF || stop.getLine() != start.getLine()
                || stop.getStopIndex() < start.getStartIndex()) return first;
        int end = column(file, stop) + (stop.getText() == null ? 1 : stop.getText().length());
        return new Span(file, first.line(), first.column(), Math.max(1, end - first.column()));
    }

    static Span of(SourceFile file, ParserRuleContext ctx) {
        Token start = ctx.getStart();
        if (start == null || start.getType() == Token.EOF) return file.endSpan();
        return of(file, start, ctx.getStop());
    }

    private static int column(SourceFile file, Token t) {
        return file.utf16Column(t.getLine(), t.getCharPositionInLine() + 1);
    }
}

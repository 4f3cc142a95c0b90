package hlc.fmt;

import hlc.parse.gen.HomeLabLexer;
import hlc.parse.SpecTokens;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.Token;

import java.util.ArrayList;
import java.util.List;

/**
 * The formatter's promise, checked on every run before any text leaves it: the formatted file has the same
 * tokens and comments, with the same spelling, in the same order, as the original. Only whitespace and commas
 * (which lists get from the printer) may differ, and trailing blanks of comments. A bug in the layout then
 * costs a refusal, never a file with a lost comment or a changed value.
 */
final class SameTokens {
    private SameTokens() {}

    /** The first token that differs, as "`a` at 3:5 became `b`", or null when the two texts agree. */
    static String firstDifference(String before, String after) {
        List<Token> a = significant(before);
        List<Token> b = significant(after);
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String x = i < a.size() ? text(a.get(i)) : null;
            String y = i < b.size() ? text(b.get(i)) : null;
            if (x == null || !x.equals(y)) {
                String was = x == null ? "the end of the file" : "`" + x + "` at " + a.get(i).getLine() + ":"
                        + (a.get(i).getCharPositionInLine() + 1);
                return was + " became " + (y == null ? "the end of the file" : "`" + y + "`");
            }
        }
        return null;
    }

    private static List<Token> significant(String text) {
        TokenSource lexer = SpecTokens.lexer(text, "formatted");
        List<Token> out = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            if (t.getType() != HomeLabLexer.WS && t.getType() != HomeLabLexer.COMMA) out.add(t);
        }
        return out;
    }

    private static String text(Token t) {
        return t.getType() == HomeLabLexer.LINE_COMMENT ? Gap.commentText(t) : t.getText();
    }
}

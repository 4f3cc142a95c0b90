package hlc.parse;

import hlc.parse.gen.HomeLabLexer;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;

import java.util.ArrayList;
import java.util.List;

/**
 * The one place that picks a lexer for spec text, for the parser and for everything else that reads tokens (the
 * formatter's same-tokens check, the acknowledgements, the language server's completion and free addresses): {@link FastLexer}, which gives
 * ANTLR's tokens without building ANTLR's DFA first, unless the text holds a character beyond U+FFFF; then the
 * lexer ANTLR generates from the grammar.
 */
public final class SpecTokens {
    private SpecTokens() {}

    /** A lexer of the whole text, every token on its channel (white space and comments hidden), then end of file. */
    public static TokenSource lexer(String text, String sourceName) {
        return lexer(CharStreams.fromString(text, sourceName), text, FastLexer.handles(text), 0, 1, 0);
    }

    /**
     * A lexer of {@code text}, which {@code in} holds, from offset {@code from} (a code point), which is at {@code
     * line} (1-based) and {@code column} (0-based): a piece of a file lexed in place. {@code fast}: {@link
     * FastLexer#handles} the text, which a caller reading a file in pieces asks once.
     */
    static TokenSource lexer(CharStream in, String text, boolean fast, int from, int line, int column) {
        if (fast) return new FastLexer(in, text, from, line, column);
        HomeLabLexer lexer = new HomeLabLexer(in);
        lexer.removeErrorListeners();
        in.seek(from);
        lexer.setLine(line);
        lexer.setCharPositionInLine(column);
        return lexer;
    }

    /** Every token of the text, hidden ones included, without the end of file (as ANTLR's {@code getAllTokens}). */
    public static List<Token> all(String text) {
        TokenSource lexer = lexer(text, CharStream.UNKNOWN_SOURCE_NAME);
        List<Token> out = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) out.add(t);
        return out;
    }
}

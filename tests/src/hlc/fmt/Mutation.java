package hlc.fmt;

import hlc.parse.gen.HomeLabLexer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Random edits of a spec that keep its meaning: snippets of whitespace, line breaks or comments inserted where
 * one token ends and the next begins (never inside a token, so every token keeps its spelling). A comment
 * snippet starts with a space and ends with a line break, so it can neither join the token before it nor
 * swallow the one after it.
 */
final class Mutation {
    /** Anything that may stand between two tokens. */
    static final List<String> ANY = List.of(" ", "\t", "   \t ", "\n", "\r\n", "\r", "\n\n", "\n\n\n\n",
            " // inserted\n", " # inserted\n", "\n// own line\n", "\n\n  # after a blank line\n\n", "\f", "\u00a0");
    /** Horizontal whitespace only: it never changes the formatted text. */
    static final List<String> HORIZONTAL = List.of(" ", "\t", "  \t  ", "\f", "\u00a0");

    private Mutation() {}

    private record Insertion(int boundary, String snippet) {}

    /** The text with 1 to 30 snippets inserted at token boundaries. */
    static Arbitrary<String> of(String text, List<String> snippets) {
        List<Integer> boundaries = boundaries(text);
        Arbitrary<Insertion> one = Combinators.combine(
                Arbitraries.of(boundaries), Arbitraries.of(snippets)).as(Insertion::new);
        return one.list().ofMinSize(1).ofMaxSize(30).map(insertions -> apply(text, insertions));
    }

    private static String apply(String text, List<Insertion> insertions) {
        List<Insertion> backwards = new ArrayList<>(insertions);
        backwards.sort(Comparator.comparingInt(Insertion::boundary).reversed()); // later offsets first: earlier ones stay valid
        StringBuilder out = new StringBuilder(text);
        for (Insertion i : backwards) out.insert(i.boundary(), i.snippet());
        return out.toString();
    }

    /** Offsets (in chars) where a token starts, and the end of the text. */
    private static List<Integer> boundaries(String text) {
        HomeLabLexer lexer = new HomeLabLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        List<Integer> out = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            out.add(text.offsetByCodePoints(0, t.getStartIndex())); // the lexer counts code points
        }
        out.add(text.length());
        return out;
    }
}

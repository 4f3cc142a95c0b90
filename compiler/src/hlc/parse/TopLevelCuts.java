package hlc.parse;

import hlc.parse.gen.HomeLabParser;
import org.antlr.v4.runtime.Vocabulary;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a file's text can be cut into pieces that each hold whole top-level blocks, guessed cheaply: at the start
 * of a line that opens a block, a block keyword at column 0 and a space ({@code host k8s-1 {}), as
 * {@code hlc fmt} writes every top-level block. A line cannot start inside a string or a line comment (neither
 * spans lines), only inside a text block ({@code """…"""}) or in a broken file, so the guess is nearly always
 * right; it is only a guess all the same: {@link PiecewiseReading} keeps a cut only when the lexer agrees that a
 * token ends there and every piece parses without a syntax error, so a wrong one costs time, never a different
 * result. Looking at a few lines near each place is much cheaper than reading the whole text for its strings,
 * comments and braces (50 ms of a 10,000-host spec's parse, on the calling thread before any piece starts).
 */
final class TopLevelCuts {
    private TopLevelCuts() {}

    /** A place to cut: its offset in the text, and the 1-based line and 0-based column there, as ANTLR counts them. */
    record Cut(int offset, int line, int column) {}

    /** The words that open a top-level block (and {@code import}), from the grammar, each followed by a space. */
    private static final String[] OPENERS = openers();

    private static String[] openers() {
        Vocabulary v = HomeLabParser.VOCABULARY;
        List<String> out = new ArrayList<>();
        for (int type : BlockRecovery.declarationKeywords()) {
            String literal = v.getLiteralName(type);
            if (literal != null) out.add(literal.substring(1, literal.length() - 1) + " ");
        }
        out.sort(null);
        return out.toArray(new String[0]);
    }

    /**
     * Up to {@code pieces - 1} cuts, the i-th at the first line that opens a block at or after i/pieces of the
     * text, in increasing order. The text must have no character outside the BMP (offsets and columns are then
     * the code points ANTLR counts).
     */
    static List<Cut> of(String text, int pieces) {
        int n = text.length();
        List<Cut> cuts = new ArrayList<>();
        int line = 1; // the line that starts at `at`
        int at = 0;
        for (int k = 1; k < pieces; k++) {
            int target = (int) ((long) n * k / pieces);
            int cut = -1;
            while (cut < 0) {
                int nl = text.indexOf('\n', at);
                if (nl < 0 || nl + 1 >= n) return cuts;
                at = nl + 1;
                line++;
                if (at >= target && opensBlock(text, at)) cut = at;
            }
            cuts.add(new Cut(cut, line, 0));
        }
        return cuts;
    }

    private static boolean opensBlock(String text, int at) {
        char c = text.charAt(at);
        if (c < 'a' || c > 'z') return false;
        for (String opener : OPENERS) if (text.startsWith(opener, at)) return true;
        return false;
    }
}

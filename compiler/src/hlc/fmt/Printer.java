package hlc.fmt;

import hlc.fmt.Outline.Role;
import hlc.parse.gen.HomeLabLexer;
import org.antlr.v4.runtime.Token;

import java.util.List;

/**
 * Lays out the tokens of a parsed file: the rules of the canonical layout live here and only here (see
 * {@link Formatter} for them in words). Tokens are written with the text the user gave them; the printer only
 * chooses what goes between them: a space, nothing, a comma, a line break, an indentation, a blank line, and
 * where each comment goes.
 */
final class Printer {
    /** The separator written before a trailing comment. */
    private static final String BEFORE_TRAILING_COMMENT = "  ";

    private final Outline outline;
    private final Lines out = new Lines();
    private int depth;               // blocks open around the next token
    private int itemLevel;           // the level of the item being written; its continuation lines go one deeper
    private Role previous;           // the role of the last token written, null before the first
    private int previousType;        // its token type
    private boolean lastTopWasBlock; // so a block is always a paragraph of its own

    private Printer(Outline outline) {
        this.outline = outline;
    }

    /** The formatted text of a file's tokens (all of them, hidden ones included, EOF last). */
    static String print(List<Token> tokens, Outline outline) {
        return new Printer(outline).run(tokens);
    }

    private String run(List<Token> tokens) {
        Gap.Builder gap = new Gap.Builder();
        for (Token t : tokens) {
            if (t.getType() == Token.EOF) break;
            if (t.getChannel() == Token.DEFAULT_CHANNEL && t.getType() != HomeLabLexer.COMMA) {
                place(t, gap.build());
                gap = new Gap.Builder();
            } else {
                gap.add(t);
            }
        }
        // Comments after the last item: a paragraph of their own after a block, as the user spaced them otherwise.
        lines(gap.build(), 0, -1, new Blanks(lastTopWasBlock ? Boolean.TRUE : null, true, false));
        return out.finish();
    }

    private void place(Token t, Gap gap) {
        Role role = outline.role(t);
        switch (role) {
            case TOP_BLOCK, TOP_IMPORT -> {
                boolean paragraph = lastTopWasBlock || role == Role.TOP_BLOCK;
                lines(gap, 0, 0, new Blanks(paragraph ? Boolean.TRUE : null, true, true));
                lastTopWasBlock = role == Role.TOP_BLOCK;
                itemLevel = 0;
                out.append(t.getText());
            }
            case ATTRIBUTE -> {
                lines(gap, depth, depth, new Blanks(previous == Role.OPEN ? Boolean.FALSE : null, true, true));
                itemLevel = depth;
                out.append(t.getText());
            }
            case CLOSE -> {
                if (previous == Role.OPEN && !gap.hasComments()) {
                    out.append(t.getText()); // an empty block: `kind name {}`
                } else {
                    // Comments before the brace belong to the block's body, so they are indented like its attributes.
                    lines(gap, depth, depth - 1, new Blanks(previous == Role.OPEN ? Boolean.FALSE : null, true, false));
                    out.append(t.getText());
                }
                depth--;
            }
            default -> {
                // Inside an item. The comma goes before any comment: after one, it would be part of the comment.
                if (role == Role.NEXT_ELEMENT) out.append(",");
                if (gap.hasComments()) {
                    // A comment inside an item breaks it: the rest goes on a continuation line, one level deeper.
                    lines(gap, itemLevel + 1, itemLevel + 1, new Blanks(Boolean.FALSE, false, false));
                } else {
                    out.append(separator(t));
                }
                out.append(t.getText());
                if (role == Role.OPEN) depth++;
            }
        }
        previous = role;
        previousType = t.getType();
    }

    /**
     * Single spaces between the tokens of an item; none inside list brackets, nor around the {@code @} of
     * {@code app@namespace} and the {@code /} of {@code kopiur/backup}, which join one reference.
     */
    private String separator(Token t) {
        if (previousType == HomeLabLexer.LBRACKET || t.getType() == HomeLabLexer.RBRACKET) return "";
        if (joins(previousType) || joins(t.getType())) return "";
        return " ";
    }

    private static boolean joins(int type) {
        return type == HomeLabLexer.AT || type == HomeLabLexer.SLASH;
    }

    /**
     * Writes the comments of a gap and starts the line of the token after it. A comment with no line break
     * before it trails the line it is on; any other comment gets a line of its own at {@code commentLevel}.
     *
     * @param tokenLevel the level of the next token's line, or -1 when no line is to be started (end of file)
     */
    private void lines(Gap gap, int commentLevel, int tokenLevel, Blanks blanks) {
        boolean first = true;
        for (Gap.Comment c : gap.comments()) {
            if (c.breaksBefore() == 0 && !out.isEmpty()) {
                out.append(BEFORE_TRAILING_COMMENT + c.text());
                continue;
            }
            out.start(commentLevel, blanks.before(first, c.breaksBefore()));
            out.append(c.text());
            first = false;
        }
        if (tokenLevel >= 0) out.start(tokenLevel, blanks.beforeToken(first, gap.breaksAtEnd()));
    }

    /**
     * Where blank lines go among the lines a gap starts. The user's blank lines (two or more line breaks) count
     * as one; {@code first}, when set, overrides them for the first line of the gap (a block is a paragraph of
     * its own; a block's body never starts with a blank line).
     *
     * @param first      forced answer for the gap's first line, or null to keep what the user wrote
     * @param keep       whether the user's blank lines are kept at all (not inside an item)
     * @param beforeToken whether the token's own line may follow a blank line (not a closing brace)
     */
    private record Blanks(Boolean first, boolean keep, boolean beforeToken) {
        boolean before(boolean firstLine, int breaks) {
            if (firstLine && first != null) return first;
            return keep && breaks >= 2;
        }

        boolean beforeToken(boolean firstLine, int breaks) {
            return beforeToken && before(firstLine, breaks);
        }
    }
}

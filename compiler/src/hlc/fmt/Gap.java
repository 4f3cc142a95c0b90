package hlc.fmt;

import hlc.parse.gen.HomeLabLexer;
import org.antlr.v4.runtime.Token;

import java.util.ArrayList;
import java.util.List;

/**
 * What the user wrote between two printed tokens, reduced to what the layout keeps of it: the comments, each
 * with the number of line breaks before it, and the line breaks before the next token. Spaces, tabs and commas
 * are dropped here (the printer writes its own).
 *
 * @param comments       the comments in order
 * @param breaksAtEnd    line breaks between the last comment (or the previous token) and the next token
 */
record Gap(List<Comment> comments, int breaksAtEnd) {

    /** A comment's text without trailing blanks, and the line breaks between it and what came before it. */
    record Comment(String text, int breaksBefore) {}

    Gap {
        comments = List.copyOf(comments);
    }

    boolean hasComments() {
        return !comments.isEmpty();
    }

    /** Collects the hidden tokens (and commas) that follow one printed token. */
    static final class Builder {
        private final List<Comment> comments = new ArrayList<>();
        private int breaks;

        void add(Token token) {
            switch (token.getType()) {
                case HomeLabLexer.LINE_COMMENT -> {
                    comments.add(new Comment(commentText(token), breaks));
                    breaks = 0;
                }
                case HomeLabLexer.WS -> breaks += lineBreaks(token.getText());
                default -> { } // a comma: lists get their commas from the printer
            }
        }

        Gap build() {
            return new Gap(comments, breaks);
        }
    }

    /** LF, CRLF and a lone CR each end a line, as they do for {@link hlc.diag.SourceFile}. */
    static int lineBreaks(String whitespace) {
        int n = 0;
        for (int i = 0; i < whitespace.length(); i++) {
            char c = whitespace.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == whitespace.length() || whitespace.charAt(i + 1) != '\n'))) n++;
        }
        return n;
    }

    /**
     * A comment as it is printed: without trailing blanks (the grammar's whitespace characters other than line
     * ends, which a comment never contains).
     */
    static String commentText(Token comment) {
        String text = comment.getText();
        int end = text.length();
        while (end > 0 && " \t\f\u00a0\ufeff".indexOf(text.charAt(end - 1)) >= 0) end--;
        return text.substring(0, end);
    }
}

package hlc.lsp;

import hlc.parse.gen.HomeLabLexer;
import hlc.parse.SpecTokens;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.Token;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a cursor is, in the grammar's terms, read from the tokens before it (the text need not parse): the
 * attribute rule of the block it is in, the word being typed, and the tokens of the statement on its line, so
 * completion can tell an attribute position ({@code host k8s-1 { |}) from a value slot ({@code on |}).
 */
final class CursorContext {
    /** The attribute rule of the innermost block (GrammarVocabulary.TOP at the top level, -2 in an unknown block). */
    final int rule;
    /** The keyword of the innermost block ({@code network}, {@code flux}), or null at the top level. */
    final String blockKeyword;
    /** The name of the innermost block ({@code lan} in {@code network lan {}), or null. */
    final String blockName;
    /** The part of a word before the cursor, being typed; empty when the cursor is after a space. */
    final String prefix;
    /** Where the word being typed starts (an offset in the text). */
    final int prefixStart;
    /** The tokens of the current statement before the word being typed: after the last brace, on the cursor's line. */
    final List<Token> statement;
    /** The tokens on the cursor's line after it, for a slot whose context follows ({@code address | on lan}). */
    final List<Token> rest;

    private CursorContext(int rule, String blockKeyword, String blockName, String prefix, int prefixStart, List<Token> statement, List<Token> rest) {
        this.rule = rule;
        this.blockKeyword = blockKeyword;
        this.blockName = blockName;
        this.prefix = prefix;
        this.prefixStart = prefixStart;
        this.statement = statement;
        this.rest = rest;
    }

    static CursorContext at(String text, int offset) {
        GrammarVocabulary vocabulary = GrammarVocabulary.get();
        List<Token> before = new ArrayList<>();
        List<Token> after = new ArrayList<>();
        TokenSource lexer = SpecTokens.lexer(text, "cursor");
        int cursorLine = Positions.position(text, offset).getLine() + 1;
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            if (t.getChannel() != Token.DEFAULT_CHANNEL) {
                if (t.getType() == HomeLabLexer.LINE_COMMENT && t.getStartIndex() < offset && t.getStopIndex() + 1 >= offset) {
                    return null; // inside a comment: nothing to complete
                }
                continue;
            }
            if (t.getStartIndex() < offset) before.add(t);
            else if (t.getLine() == cursorLine) after.add(t);
            else if (t.getLine() > cursorLine) break;
        }
        String prefix = "";
        int prefixStart = offset;
        if (!before.isEmpty()) {
            Token last = before.get(before.size() - 1);
            if (last.getStopIndex() + 1 >= offset && isWordish(last)) {
                prefix = text.substring(last.getStartIndex(), offset);
                prefixStart = last.getStartIndex();
                before.remove(before.size() - 1);
            }
        }
        // The stack of blocks the cursor is in, from the braces before it.
        List<Integer> rules = new ArrayList<>(List.of(GrammarVocabulary.TOP));
        List<String> keywords = new ArrayList<>();
        keywords.add(null);
        List<String> names = new ArrayList<>();
        names.add(null);
        int statementStart = 0;
        for (int i = 0; i < before.size(); i++) {
            Token t = before.get(i);
            if (t.getType() == HomeLabLexer.LBRACE) {
                int current = rules.get(rules.size() - 1);
                Integer opened = null;
                String kw = null;
                String name = null;
                for (int back = 1; back <= 2 && opened == null && i - back >= 0; back++) {
                    kw = before.get(i - back).getText();
                    name = back == 2 ? before.get(i - 1).getText() : null;
                    opened = current < GrammarVocabulary.TOP ? null : vocabulary.nestedRule(current, kw);
                }
                rules.add(opened == null ? -2 : opened);
                keywords.add(opened == null ? null : kw);
                names.add(opened == null ? null : name);
                statementStart = i + 1;
            } else if (t.getType() == HomeLabLexer.RBRACE) {
                if (rules.size() > 1) {
                    rules.remove(rules.size() - 1);
                    keywords.remove(keywords.size() - 1);
                    names.remove(names.size() - 1);
                }
                statementStart = i + 1;
            }
        }
        List<Token> statement = new ArrayList<>();
        for (int i = statementStart; i < before.size(); i++) {
            if (before.get(i).getLine() == cursorLine) statement.add(before.get(i));
        }
        return new CursorContext(rules.get(rules.size() - 1), keywords.get(keywords.size() - 1), names.get(names.size() - 1), prefix, prefixStart, statement, after);
    }

    /** A token a user could be in the middle of typing: a word, a number, an address. */
    private static boolean isWordish(Token t) {
        String s = t.getText();
        return !s.isEmpty() && (Character.isLetterOrDigit(s.charAt(0)) || s.charAt(0) == '_' || s.charAt(0) == ':');
    }

    /** The text of the statement's tokens counted from the end (1 = the one just before the cursor), or null. */
    String back(int n) {
        return statement.size() >= n ? statement.get(statement.size() - n).getText() : null;
    }

    /** The first word of the statement (its attribute keyword), or null. */
    String first() {
        return statement.isEmpty() ? null : statement.get(0).getText();
    }

    /** The name after {@code on} on the cursor's line, before or after the cursor, or null. */
    String networkOnLine() {
        List<Token> all = new ArrayList<>(statement);
        all.addAll(rest);
        for (int i = 0; i + 1 < all.size(); i++) {
            if (all.get(i).getText().equals("on")) return all.get(i + 1).getText();
        }
        return null;
    }

    /** The keyword a list being written belongs to ({@code depends [a, |}), or null when not in a list. */
    String listKeyword() {
        for (int i = statement.size() - 1; i >= 0; i--) {
            String t = statement.get(i).getText();
            if (t.equals("]")) return null;
            if (t.equals("[")) return i > 0 ? statement.get(i - 1).getText() : null;
        }
        return null;
    }
}

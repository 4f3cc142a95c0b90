package hlc.fmt;

import hlc.parse.gen.HomeLabLexer;
import hlc.parse.gen.HomeLabParser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the parse tree says about the tokens where the layout changes: where a top-level item or an attribute
 * starts, which braces open and close blocks, and which list elements need a comma before them. Everything
 * else is a plain token inside one line.
 *
 * <p>The rules are read off the tree's shape, not off the block kinds: an opening brace opens a block and every
 * rule between it and its closing brace is one attribute; every rule between {@code [} and {@code ]} is one list
 * element. A new block kind or attribute in the grammar is laid out without touching this class.
 */
final class Outline {
    enum Role {
        /** First token of a top-level block ({@code host k8s-1 {...}}). */
        TOP_BLOCK,
        /** First token of a top-level {@code import}. */
        TOP_IMPORT,
        /** First token of an attribute inside a block (nested blocks such as {@code flux {...}} included). */
        ATTRIBUTE,
        /** The opening brace of a block. */
        OPEN,
        /** The closing brace of a block. */
        CLOSE,
        /** A list element after the first: written after a comma. */
        NEXT_ELEMENT,
        /** Any other token: it continues the line it is on. */
        INLINE
    }

    private final Map<Integer, Role> roles;

    private Outline(Map<Integer, Role> roles) {
        this.roles = roles;
    }

    static Outline of(HomeLabParser.SpecContext spec) {
        Map<Integer, Role> roles = new HashMap<>();
        for (ParseTree child : children(spec)) {
            if (child instanceof ParserRuleContext item) {
                roles.put(item.getStart().getTokenIndex(),
                        item instanceof HomeLabParser.ImportDeclContext ? Role.TOP_IMPORT : Role.TOP_BLOCK);
            }
        }
        mark(spec, roles);
        return new Outline(roles);
    }

    Role role(Token token) {
        return roles.getOrDefault(token.getTokenIndex(), Role.INLINE);
    }

    private static void mark(ParserRuleContext context, Map<Integer, Role> roles) {
        boolean inBraces = false;
        int elements = -1; // -1 outside brackets, else the number of list elements seen so far
        for (ParseTree child : children(context)) {
            if (child instanceof TerminalNode terminal) {
                Token t = terminal.getSymbol();
                switch (t.getType()) {
                    case HomeLabLexer.LBRACE -> {
                        roles.put(t.getTokenIndex(), Role.OPEN);
                        inBraces = true;
                    }
                    case HomeLabLexer.RBRACE -> {
                        roles.put(t.getTokenIndex(), Role.CLOSE);
                        inBraces = false;
                    }
                    case HomeLabLexer.LBRACKET -> elements = 0;
                    case HomeLabLexer.RBRACKET -> elements = -1;
                    default -> { }
                }
            } else if (child instanceof ParserRuleContext rule) {
                int start = rule.getStart().getTokenIndex();
                if (inBraces) roles.put(start, Role.ATTRIBUTE);
                if (elements >= 0 && elements++ > 0) roles.put(start, Role.NEXT_ELEMENT);
                mark(rule, roles);
            }
        }
    }

    private static Iterable<ParseTree> children(ParserRuleContext context) {
        return context.children == null ? List.of() : context.children;
    }
}

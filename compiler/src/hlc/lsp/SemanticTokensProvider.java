package hlc.lsp;

import hlc.diag.Reporter;
import hlc.parse.FileParser;
import hlc.parse.gen.HomeLabLexer;
import hlc.parse.gen.HomeLabParser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensLegend;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Semantic tokens: every literal coloured as what it is (an address, a CIDR, a duration, a size, a version, a
 * DNS name), keywords as keywords, and a word that is spelled like a keyword but stands where a name does
 * ({@code network ceph}) as a name. The literal types are hlc's own; the VS Code extension maps them to
 * TextMate scopes, so every colour theme shows them.
 */
final class SemanticTokensProvider {
    static final List<String> TYPES = List.of("keyword", "string", "number", "comment", "variable",
            "address", "cidr", "duration", "size", "version", "dnsName");
    private static final int KEYWORD = 0, STRING = 1, NUMBER = 2, COMMENT = 3, VARIABLE = 4,
            ADDRESS = 5, CIDR = 6, DURATION = 7, SIZE = 8, VERSION = 9, DNS_NAME = 10;

    private SemanticTokensProvider() {}

    static SemanticTokensLegend legend() {
        return new SemanticTokensLegend(TYPES, List.of());
    }

    static SemanticTokens tokens(Path path, String text) {
        FileParser.Parsed p = FileParser.parse(path, path.toString(), text.getBytes(StandardCharsets.UTF_8), new Reporter());
        Set<Integer> names = new HashSet<>();
        namesIn(p.tree(), names);
        List<Integer> data = new ArrayList<>();
        int prevLine = 0;
        int prevStart = 0;
        for (Token t : p.tokens()) {
            int type = typeOf(t, names);
            if (type < 0 || t.getText().contains("\n")) continue;
            int line = t.getLine() - 1;
            int start = t.getCharPositionInLine();
            data.add(line - prevLine);
            data.add(line == prevLine ? start - prevStart : start);
            data.add(t.getText().length());
            data.add(type);
            data.add(0);
            prevLine = line;
            prevStart = start;
        }
        return new SemanticTokens(data);
    }

    private static int typeOf(Token t, Set<Integer> names) {
        return switch (t.getType()) {
            case HomeLabLexer.IPV4, HomeLabLexer.IPV6 -> ADDRESS;
            case HomeLabLexer.CIDR4, HomeLabLexer.CIDR6 -> CIDR;
            case HomeLabLexer.DURATION -> DURATION;
            case HomeLabLexer.SIZE -> SIZE;
            case HomeLabLexer.VERSION -> VERSION;
            case HomeLabLexer.DNSNAME -> DNS_NAME;
            case HomeLabLexer.INT -> NUMBER;
            case HomeLabLexer.STRING -> STRING;
            case HomeLabLexer.LINE_COMMENT -> COMMENT;
            case HomeLabLexer.IDENT -> VARIABLE;
            default -> {
                String lit = HomeLabParser.VOCABULARY.getLiteralName(t.getType());
                boolean word = lit != null && Character.isLetter(lit.charAt(1));
                yield !word ? -1 : names.contains(t.getTokenIndex()) ? VARIABLE : KEYWORD;
            }
        };
    }

    /** The tokens that stand where the grammar wants a name. */
    private static void namesIn(ParseTree node, Set<Integer> out) {
        if (node instanceof HomeLabParser.NameContext n && n.getStart() != null) {
            out.add(n.getStart().getTokenIndex());
            return;
        }
        if (node instanceof ParserRuleContext ctx && ctx.children != null) {
            for (ParseTree c : ctx.children) if (!(c instanceof TerminalNode)) namesIn(c, out);
        }
    }
}

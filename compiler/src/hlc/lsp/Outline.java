package hlc.lsp;

import hlc.diag.Reporter;
import hlc.parse.FileParser;
import hlc.parse.gen.HomeLabLexer;
import hlc.parse.gen.HomeLabParser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolKind;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shape of one file, from its parse tree: the outline (every block, its nested blocks and a host's
 * interfaces, named as written: {@code network lan}, {@code flux}, {@code pool ssd}) and the folding ranges
 * (every block that spans lines, and runs of comment lines). A file with syntax errors still gets the blocks
 * the parser recovered.
 */
final class Outline {
    private static final Map<String, SymbolKind> KINDS = Map.of(
            "site", SymbolKind.Namespace, "network", SymbolKind.Interface, "cluster", SymbolKind.Module,
            "host", SymbolKind.Object, "device", SymbolKind.Object, "ceph", SymbolKind.Package,
            "storage-class", SymbolKind.Struct, "service", SymbolKind.Class, "app", SymbolKind.Module,
            "interface", SymbolKind.Interface);

    private Outline() {}

    static List<DocumentSymbol> symbols(Path path, String text) {
        FileParser.Parsed p = parse(path, text);
        List<DocumentSymbol> out = new ArrayList<>();
        collect(p.tree(), out);
        return out;
    }

    static List<FoldingRange> folding(Path path, String text) {
        FileParser.Parsed p = parse(path, text);
        List<FoldingRange> out = new ArrayList<>();
        fold(p.tree(), out);
        comments(p.tokens(), out);
        return out;
    }

    private static FileParser.Parsed parse(Path path, String text) {
        return FileParser.parse(path, path.toString(), text.getBytes(StandardCharsets.UTF_8), new Reporter());
    }

    /** A block is a rule with braces of its own; an interface is the one attribute that is a small outline of its own. */
    private static void collect(ParseTree node, List<DocumentSymbol> out) {
        if (!(node instanceof ParserRuleContext ctx)) return;
        TerminalNode open = brace(ctx, HomeLabLexer.LBRACE);
        boolean isInterface = ctx instanceof HomeLabParser.HostInterfaceContext;
        if ((open != null || isInterface) && ctx.getStart() != null && ctx.getStop() != null) {
            String name = headText(ctx, open);
            String keyword = ctx.getStart().getText();
            DocumentSymbol s = new DocumentSymbol(name, KINDS.getOrDefault(keyword, SymbolKind.Field),
                    range(ctx.getStart(), ctx.getStop()), range(ctx.getStart(), isInterface ? ctx.getStart() : lastBefore(ctx, open)));
            List<DocumentSymbol> children = new ArrayList<>();
            for (ParseTree c : ctx.children) collect(c, children);
            if (!children.isEmpty()) s.setChildren(children);
            out.add(s);
            return;
        }
        if (ctx.children != null) for (ParseTree c : ctx.children) collect(c, out);
    }

    private static void fold(ParseTree node, List<FoldingRange> out) {
        if (!(node instanceof ParserRuleContext ctx) || ctx.children == null) return;
        TerminalNode open = brace(ctx, HomeLabLexer.LBRACE);
        TerminalNode close = brace(ctx, HomeLabLexer.RBRACE);
        if (open != null && close != null && close.getSymbol().getLine() > open.getSymbol().getLine()) {
            out.add(new FoldingRange(open.getSymbol().getLine() - 1, close.getSymbol().getLine() - 1));
        }
        for (ParseTree c : ctx.children) fold(c, out);
    }

    /** Three or more comment lines in a row fold as one. */
    private static void comments(List<Token> tokens, List<FoldingRange> out) {
        int start = -1;
        int last = -1;
        for (Token t : tokens) {
            if (t.getType() == HomeLabLexer.LINE_COMMENT) {
                if (start < 0 || t.getLine() != last + 1) {
                    if (start >= 0 && last - start >= 2) out.add(commentRange(start, last));
                    start = t.getLine();
                }
                last = t.getLine();
            } else if (t.getType() != HomeLabLexer.WS && start >= 0) {
                if (last - start >= 2) out.add(commentRange(start, last));
                start = -1;
            }
        }
        if (start >= 0 && last - start >= 2) out.add(commentRange(start, last));
    }

    private static FoldingRange commentRange(int firstLine, int lastLine) {
        FoldingRange r = new FoldingRange(firstLine - 1, lastLine - 1);
        r.setKind(FoldingRangeKind.Comment);
        return r;
    }

    private static TerminalNode brace(ParserRuleContext ctx, int type) {
        if (ctx.children == null) return null;
        for (ParseTree c : ctx.children) {
            if (c instanceof TerminalNode t && t.getSymbol().getType() == type && t.getSymbol().getTokenIndex() >= 0) return t;
        }
        return null;
    }

    /** What a block is called: its words before the brace (`network lan`), or an interface's first two. */
    private static String headText(ParserRuleContext ctx, TerminalNode open) {
        StringBuilder s = new StringBuilder();
        int words = 0;
        for (ParseTree c : ctx.children) {
            if (open != null && c == open) break;
            if (open == null && words == 2) break;
            if (s.length() > 0) s.append(' ');
            s.append(c.getText());
            words++;
        }
        return s.length() == 0 ? ctx.getStart().getText() : s.toString();
    }

    private static Token lastBefore(ParserRuleContext ctx, TerminalNode open) {
        Token last = ctx.getStart();
        for (ParseTree c : ctx.children) {
            if (c == open) break;
            if (c instanceof ParserRuleContext p && p.getStop() != null) last = p.getStop();
            if (c instanceof TerminalNode t) last = t.getSymbol();
        }
        return last;
    }

    private static Range range(Token from, Token to) {
        if (to.getLine() < from.getLine() || to.getTokenIndex() < 0) to = from;
        int endColumn = to.getCharPositionInLine() + Math.max(1, to.getText().length());
        return new Range(new Position(from.getLine() - 1, from.getCharPositionInLine()), new Position(to.getLine() - 1, endColumn));
    }
}

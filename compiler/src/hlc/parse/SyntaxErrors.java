package hlc.parse;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.diag.SourceFile;
import hlc.diag.Span;
import hlc.diag.Suggest;
import hlc.parse.gen.HomeLabLexer;
import hlc.parse.gen.HomeLabParser;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Rewrites ANTLR's syntax errors ("mismatched input 'x' expecting {...}") in plain words, naming the block the
 * error sits in and where that block was opened: "expected `}` to close `host k8s-1` opened at 12:1".
 */
final class SyntaxErrors extends BaseErrorListener {
    private static final Map<Integer, String> TOKEN_WORDS = Map.ofEntries(
            Map.entry(HomeLabLexer.IPV4, "an IPv4 address such as 192.168.5.10"),
            Map.entry(HomeLabLexer.IPV6, "an IPv6 address such as fd00::10"),
            Map.entry(HomeLabLexer.CIDR4, "a CIDR such as 192.168.5.0/24"),
            Map.entry(HomeLabLexer.CIDR6, "an IPv6 CIDR such as fd00::/64"),
            Map.entry(HomeLabLexer.VERSION, "a version such as v1.10.3"),
            Map.entry(HomeLabLexer.SIZE, "a size such as 64GiB"),
            Map.entry(HomeLabLexer.DURATION, "a duration such as 6h"),
            Map.entry(HomeLabLexer.INT, "a number"),
            Map.entry(HomeLabLexer.DNSNAME, "a DNS name such as plex.example.com"),
            Map.entry(HomeLabLexer.IDENT, "a name"),
            Map.entry(HomeLabLexer.STRING, "a quoted string"));

    private final SourceFile file;
    private final Reporter reporter;
    private int reported;

    SyntaxErrors(SourceFile file, Reporter reporter) {
        this.file = file;
        this.reporter = reporter;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int col,
                            String antlrMessage, RecognitionException e) {
        if (++reported > SyntaxLimit.MAX) {
            // A file this broken (binary data, a paste gone wrong) would bury the user in findings and cost time;
            // say so once and stop reading it.
            Span at = offendingSymbol instanceof Token t && t.getType() != Token.EOF
                    ? TokenSpans.of(file, t) : file.endSpan();
            reporter.error(Code.HL001, at, "too many syntax errors; the rest of " + file.displayPath() + " is not read")
                    .hint("fix the errors above first; is this really an .hl file?").emit();
            throw new org.antlr.v4.runtime.misc.ParseCancellationException("too many syntax errors");
        }
        if (!(recognizer instanceof Parser parser) || !(offendingSymbol instanceof Token found)) {
            reporter.error(Code.HL001, new Span(file, line, col + 1, 1), "cannot read this: " + antlrMessage).emit();
            return;
        }
        IntervalSet expected = e != null && e.getExpectedTokens() != null ? e.getExpectedTokens() : parser.getExpectedTokens();
        ParserRuleContext ctx = parser.getContext();
        Block block = enclosingBlock(ctx);
        Span at = spanOf(found);
        List<String> words = describe(expected, parser);
        List<String> keywords = keywords(expected, parser);
        boolean closes = expected.contains(HomeLabLexer.RBRACE) && block != null;
        String foundText = describeFound(found);

        String message;
        String hint = null;
        if (closes && found.getType() != Token.EOF && BlockRecovery.startsDeclaration(parser)) {
            message = "expected `}` to close " + block.title + " opened at " + block.at.line() + ":" + block.at.column()
                    + " before the next `" + found.getText() + "` block";
            hint = "add `}` after the last attribute of " + block.title;
        } else if (found.getType() == Token.EOF && closes) {
            message = "expected `}` to close " + block.title + " opened at " + block.at.line() + ":" + block.at.column();
            hint = "add `}` after the last attribute of " + block.title;
        } else if (found.getType() == HomeLabLexer.UNKNOWN_CHAR && found.getText().equals("\"")) {
            message = "unterminated string: a string must close with `\"` on the same line";
        } else if (closes && !keywords.isEmpty()) {
            message = "unexpected " + foundText + " in " + block.title + ": expected one of "
                    + String.join(", ", keywords) + ", or `}`";
            String dym = Suggest.didYouMean(found.getText(), plain(keywords));
            hint = dym != null ? dym : "a block closes with `}`; check the line above for a missing value or brace";
        } else {
            message = "expected " + join(words) + ", found " + foundText;
            if (block != null) message += " (in " + block.title + ")";
            if (!keywords.isEmpty()) hint = Suggest.didYouMean(found.getText(), plain(keywords));
        }
        var d = reporter.error(Code.HL001, at, message);
        if (block != null && (found.getType() == Token.EOF || message.startsWith("expected `}`"))) d.label(block.at, "opened here");
        if (hint != null) d.hint(hint);
        d.emit();
    }

    private Span spanOf(Token t) {
        return TokenSpans.of(file, t);
    }

    private static String describeFound(Token t) {
        if (t.getType() == Token.EOF) return "end of file";
        String text = t.getText();
        if (text.length() > 40) text = text.substring(0, 40) + "…";
        return "`" + text.replace("\n", "\\n") + "`";
    }

    /** The nearest block around the error, for "in `host k8s-1`" and "opened at 12:1". */
    private Block enclosingBlock(ParserRuleContext ctx) {
        for (ParserRuleContext c = ctx; c != null; c = c.getParent()) {
            String kind = switch (c.getRuleIndex()) {
                case HomeLabParser.RULE_siteDecl -> "site";
                case HomeLabParser.RULE_networkDecl -> "network";
                case HomeLabParser.RULE_clusterDecl -> "cluster";
                case HomeLabParser.RULE_hostDecl -> "host";
                case HomeLabParser.RULE_deviceDecl -> "device";
                case HomeLabParser.RULE_cephDecl -> "ceph";
                case HomeLabParser.RULE_storageClassDecl -> "storage-class";
                case HomeLabParser.RULE_serviceDecl -> "service";
                case HomeLabParser.RULE_backupDecl -> "backup";
                case HomeLabParser.RULE_appDecl -> "app";
                default -> null;
            };
            if (c instanceof HomeLabParser.CephPoolContext) kind = "pool";
            if (c instanceof HomeLabParser.ClusterFluxContext) kind = "flux";
            if (kind == null) continue;
            String name = c.getChildCount() > 1 && c.getChild(1) instanceof HomeLabParser.NameContext n
                    && !Literals.missing(n) ? " " + n.getText() : "";
            Token start = c.getStart();
            return new Block("`" + kind + name + "`", TokenSpans.of(file, start));
        }
        return null;
    }

    private static List<String> describe(IntervalSet expected, Parser parser) {
        TreeSet<String> keywords = new TreeSet<>();
        TreeSet<String> others = new TreeSet<>();
        for (int type : expected.toList()) {
            if (type == Token.EOF) others.add("end of file");
            else if (TOKEN_WORDS.containsKey(type)) others.add(TOKEN_WORDS.get(type));
            else {
                String literal = parser.getVocabulary().getLiteralName(type);
                if (literal != null) keywords.add("`" + literal.substring(1, literal.length() - 1) + "`");
            }
        }
        // A "name" slot also accepts every keyword (names may be spelled like keywords): do not list them all.
        if (others.contains("a name") && keywords.size() > 12) keywords.clear();
        List<String> all = new ArrayList<>(others);
        all.addAll(keywords);
        return all;
    }

    private static List<String> keywords(IntervalSet expected, Parser parser) {
        if (expected.contains(HomeLabLexer.IDENT)) return List.of();
        TreeSet<String> out = new TreeSet<>();
        for (int type : expected.toList()) {
            String literal = parser.getVocabulary().getLiteralName(type);
            if (literal != null && Character.isLetter(literal.charAt(1))) {
                out.add("`" + literal.substring(1, literal.length() - 1) + "`");
            }
        }
        return new ArrayList<>(out);
    }

    private static List<String> plain(List<String> quoted) {
        return quoted.stream().map(s -> s.replace("`", "")).toList();
    }

    private static String join(List<String> words) {
        if (words.isEmpty()) return "something else";
        if (words.size() == 1) return words.get(0);
        if (words.size() > 8) return String.join(", ", words.subList(0, 8)) + ", …";
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }

    private record Block(String title, Span at) {}
}

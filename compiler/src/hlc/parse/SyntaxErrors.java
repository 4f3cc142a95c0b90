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
        String closest = null; // a keyword the found word is a likely typo of, suggested in its place
        Token glued = gluedNumber(parser, found);
        if (glued != null) {
            // `every 6hours` lexes as the duration `6h` and the word `ours`: say it of what was written.
            String written = glued.getText() + found.getText();
            boolean size = glued.getType() == HomeLabLexer.SIZE;
            IntervalSet as = IntervalSet.of(size ? HomeLabLexer.SIZE : HomeLabLexer.DURATION);
            reporter.error(Code.HL001, new Span(file, glued.getLine(), glued.getCharPositionInLine() + 1, written.length()),
                            "`" + written + "` is not a " + (size ? "size" : "duration") + ": hlc knows no unit `"
                                    + written.replaceFirst("^[0-9.]+", "") + "`")
                    .hint(unitHint(as, written)).emit();
            return;
        }
        if (closes && found.getType() != Token.EOF && BlockRecovery.startsDeclaration(parser)) {
            message = "expected `}` to close " + block.title + " opened at " + block.at.line() + ":" + block.at.column()
                    + " before the next `" + found.getText() + "` block";
            hint = "add `}` after the last attribute of " + block.title;
        } else if (found.getType() == Token.EOF && closes) {
            message = "expected `}` to close " + block.title + " opened at " + block.at.line() + ":" + block.at.column();
            hint = "add `}` after the last attribute of " + block.title;
        } else if (found.getType() == HomeLabLexer.UNKNOWN_CHAR && found.getText().equals("\"")) {
            message = "unterminated string: a string must close with `\"` on the same line";
        } else if (closes && interfaceOnLineOf(ctx, found) instanceof HomeLabParser.HostInterfaceContext iface) {
            // `interface eth0 on lan adress …`: the word was meant for the interface, not for the host around it
            List<String> attrs = keywords(parser.getATN().nextTokens(parser.getATN().ruleToStartState[HomeLabParser.RULE_interfaceAttr]), parser);
            String title = "`interface " + iface.dnsName().getText() + "`";
            message = "unexpected " + foundText + " in " + title + " of " + block.title + ": an interface takes "
                    + String.join(", ", attrs);
            closest = Suggest.closest(found.getText(), plain(attrs));
            hint = closest != null ? null : "an interface's attributes follow its name on its line, e.g. `interface eth0 on lan address 192.168.5.11`";
        } else if (closes && !keywords.isEmpty()) {
            message = "unexpected " + foundText + " in " + block.title + ": expected one of "
                    + String.join(", ", keywords) + ", or `}`";
            closest = Suggest.closest(found.getText(), plain(keywords));
            hint = closest != null ? null : "a block closes with `}`; check the line above for a missing value or brace";
        } else {
            message = "expected " + join(words) + ", found " + foundText;
            if (block != null) message += " (in " + block.title + ")";
            if (!keywords.isEmpty()) closest = Suggest.closest(found.getText(), plain(keywords));
            String units = unitHint(expected, found.getText());
            if (units != null) {
                hint = units;
                closest = null;
            }
        }
        var d = reporter.error(Code.HL001, at, message);
        if (block != null && (found.getType() == Token.EOF || message.startsWith("expected `}`"))) d.label(block.at, "opened here");
        if (hint != null) d.hint(hint);
        if (closest != null) d.suggest(at, closest, "did you mean `" + closest + "`?");
        d.emit();
    }

    private static final List<String> DURATION_UNITS = List.of("ms", "s", "m", "h", "d");
    private static final List<String> SIZE_UNITS = List.of("B", "KB", "MB", "GB", "TB", "PB", "KiB", "MiB", "GiB", "TiB", "PiB");

    /**
     * A number with a unit hlc does not know where a duration or size stands ({@code every 6hours}): the
     * units there are, and the spelling meant when the unit starts like one ({@code 6h}).
     */
    static String unitHint(IntervalSet expected, String found) {
        var m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)([A-Za-z]+)").matcher(found);
        if (!m.matches()) return null;
        String number = m.group(1), unit = m.group(2);
        if (expected.contains(HomeLabLexer.DURATION)) {
            String meant = DURATION_UNITS.stream().filter(unit::startsWith).max((a, b) -> Integer.compare(a.length(), b.length())).orElse(null);
            return (meant != null ? "did you mean `" + number + meant + "`? " : "")
                    + "a duration is a whole number and a unit, ms, s, m, h or d, repeated as needed: 6h, 1h30m, 7d";
        }
        if (expected.contains(HomeLabLexer.SIZE)) {
            String meant = SIZE_UNITS.stream().filter(u -> u.equalsIgnoreCase(unit)).findFirst().orElse(null);
            return (meant != null ? "did you mean `" + number + meant + "`? " : "")
                    + "a size is a number and a unit, " + String.join(", ", SIZE_UNITS) + ": 64GiB, 1.92TB";
        }
        return null;
    }

    /**
     * The duration or size just before {@code found} when the two touch ({@code 6h} + {@code ours}): a unit the
     * lexer did not know, split at the longest unit it did. Null otherwise.
     */
    private static Token gluedNumber(Parser parser, Token found) {
        if (found.getType() != HomeLabLexer.IDENT || found.getText().isEmpty() || !Character.isLetter(found.getText().charAt(0))) return null;
        Token prev = parser.getInputStream().LT(-1);
        if (prev == null || prev.getStopIndex() + 1 != found.getStartIndex()) return null;
        return prev.getType() == HomeLabLexer.DURATION || prev.getType() == HomeLabLexer.SIZE ? prev : null;
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

    /**
     * The interface line {@code found} stands on, when the error is in a host's attributes right after one: the
     * last attribute read is {@code interface …} and it ends on the line of {@code found}. Null otherwise.
     */
    private static ParserRuleContext interfaceOnLineOf(ParserRuleContext ctx, Token found) {
        if (!(ctx instanceof HomeLabParser.HostDeclContext host) || found.getType() == Token.EOF) return null;
        List<HomeLabParser.HostAttrContext> attrs = host.hostAttr();
        if (attrs.isEmpty()) return null;
        HomeLabParser.HostAttrContext last = attrs.get(attrs.size() - 1);
        return last instanceof HomeLabParser.HostInterfaceContext && last.getStop() != null
                && last.getStop().getLine() == found.getLine() ? last : null;
    }

    /** The nearest block around the error, for "in `host k8s-1`" and "opened at 12:1". */
    private Block enclosingBlock(ParserRuleContext ctx) {
        for (ParserRuleContext c = ctx; c != null; c = c.getParent()) {
            // A top-level block is named by its keyword, its first token: every kind the grammar has, with no list.
            String kind = c.getParent() instanceof HomeLabParser.DeclarationContext && c.getStart() != null
                    ? c.getStart().getText() : null;
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

package hlc.parse;

import hlc.diag.Acknowledgement;
import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.diag.Severity;
import hlc.diag.Span;
import hlc.parse.gen.HomeLabLexer;
import hlc.parse.gen.HomeLabParser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the acknowledgements of a spec's files: a comment {@code # hlc:allow HL061 "five nodes are coming"} (or
 * with {@code //}) accepts the warnings of that code inside the block or attribute that follows it, or, written
 * at the end of a line, inside the one that ends there. A comment and not an attribute, so that any warning can be accepted where it is
 * reported, whatever block or attribute that is, and the formatter keeps it where it was written. One without a
 * reason, with an unknown code or with an error's code is HL121: errors are never accepted.
 */
public final class AcknowledgementReader {
    private static final Pattern ALLOW = Pattern.compile("^(?:#|//)\\s*hlc:allow\\b(.*)$");
    private static final Pattern BODY = Pattern.compile("^\\s+(HL\\d{3})(?:\\s+\"([^\"]*)\")?\\s*$");

    private AcknowledgementReader() {}

    public static List<Acknowledgement> read(List<ParsedFile> files, Reporter reporter) {
        List<Acknowledgement> out = new ArrayList<>();
        for (ParsedFile f : files) read(f, reporter, out);
        return out;
    }

    private static void read(ParsedFile file, Reporter reporter, List<Acknowledgement> out) {
        if (!file.source().text().contains("hlc:allow")) return;
        List<Token> tokens = SpecTokens.all(file.source().text());
        Elements elements = new Elements(file.tree());
        int lastCodeLine = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.getType() != HomeLabLexer.LINE_COMMENT) {
                if (t.getChannel() == Token.DEFAULT_CHANNEL) lastCodeLine = t.getLine();
                continue;
            }
            Matcher allow = ALLOW.matcher(t.getText());
            if (!allow.matches()) continue;
            Span at = TokenSpans.of(file.source(), t);
            Matcher body = BODY.matcher(allow.group(1));
            if (!body.matches()) {
                reporter.error(Code.HL121, at, "`hlc:allow` needs a code and a reason")
                        .hint("write `# hlc:allow HL061 \"why this is deliberate\"` on the line before the warning").emit();
                continue;
            }
            String code = body.group(1);
            Code known = known(code);
            if (known == null) {
                reporter.error(Code.HL121, at, "`hlc:allow " + code + "`: there is no code " + code)
                        .hint("`hlc explain` lists the codes").emit();
                continue;
            }
            if (known == Code.HL120) {
                reporter.error(Code.HL121, at, "`hlc:allow HL120`: a stale acknowledgement is deleted, not acknowledged").emit();
                continue;
            }
            if (known.severity() == Severity.ERROR) {
                reporter.error(Code.HL121, at, "`hlc:allow " + code + "`: " + code + " is an error, and errors cannot be acknowledged")
                        .hint("only warnings can be accepted; an error means the cluster would not work as written").emit();
                continue;
            }
            String reason = body.group(2);
            if (reason == null || reason.isBlank()) {
                reporter.error(Code.HL121, at, "`hlc:allow " + code + "` gives no reason")
                        .hint("say why the warning is deliberate, in quotes: `# hlc:allow " + code + " \"…\"`").emit();
                continue;
            }
            ParserRuleContext element = lastCodeLine == t.getLine() ? elements.endingAt(previousCode(tokens, i))
                    : elements.startingAt(nextCode(tokens, i));
            int first = element == null ? t.getLine() + 1 : element.getStart().getLine();
            int last = element == null ? first : element.getStop().getLine();
            out.add(new Acknowledgement(code, reason.strip(), at, file.source().displayPath(), first, last));
        }
    }

    /** The offset of the first spec token after token {@code i}, or -1. */
    private static int nextCode(List<? extends Token> tokens, int i) {
        for (int j = i + 1; j < tokens.size(); j++) {
            if (tokens.get(j).getChannel() == Token.DEFAULT_CHANNEL) return tokens.get(j).getStartIndex();
        }
        return -1;
    }

    /** The offset of the last character of the spec token before token {@code i}, or -1. */
    private static int previousCode(List<? extends Token> tokens, int i) {
        for (int j = i - 1; j >= 0; j--) {
            if (tokens.get(j).getChannel() == Token.DEFAULT_CHANNEL) return tokens.get(j).getStopIndex();
        }
        return -1;
    }

    /**
     * The blocks and attributes of a file by where they start and end: an acknowledgement accepts the warnings
     * inside the outermost element that starts right after it (or ends right before it, at the end of a line),
     * so it keeps its meaning when the formatter spreads a one-line block over several lines.
     */
    private static final class Elements {
        private final java.util.Map<Integer, ParserRuleContext> byStart = new java.util.HashMap<>();
        private final java.util.Map<Integer, ParserRuleContext> byStop = new java.util.HashMap<>();

        Elements(ParserRuleContext tree) {
            if (tree != null) walk(tree);
        }

        private void walk(ParserRuleContext ctx) {
            boolean whole = ctx instanceof HomeLabParser.SpecContext;
            if (!whole && ctx.getStart() != null && ctx.getStop() != null && ctx.getStop().getTokenIndex() >= ctx.getStart().getTokenIndex()) {
                byStart.putIfAbsent(ctx.getStart().getStartIndex(), ctx);
                byStop.putIfAbsent(ctx.getStop().getStopIndex(), ctx);
            }
            for (int c = 0; c < ctx.getChildCount(); c++) {
                if (ctx.getChild(c) instanceof ParserRuleContext child) walk(child);
            }
        }

        ParserRuleContext startingAt(int offset) {
            return byStart.get(offset);
        }

        ParserRuleContext endingAt(int offset) {
            return byStop.get(offset);
        }
    }

    private static Code known(String code) {
        try {
            return Code.valueOf(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

package hlc.parse;

import hlc.diag.Reporter;
import hlc.diag.SourceFile;
import hlc.parse.gen.HomeLabParser;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CodePointBuffer;
import org.antlr.v4.runtime.CodePointCharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.CommonTokenFactory;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.UnbufferedTokenStream;
import org.antlr.v4.runtime.misc.Pair;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.ParseTreeListener;
import org.antlr.v4.runtime.tree.TerminalNode;

import java.util.function.Consumer;

/**
 * Text → parse tree, the one way every command does it (check and compile through {@link SpecLoader}, the
 * formatter through {@link FileParser}), so syntax errors read the same everywhere: one pass, with the error
 * recovery of {@link BlockRecovery} and the reporting of {@link SyntaxErrors}. (ANTLR's two-stage SLL-then-LL
 * parse was tried and measured: no difference at 10,000 hosts, since the grammar is close to LL(1).)
 */
final class TreeParser {
    private TreeParser() {}

    record Result(HomeLabParser.SpecContext tree, CommonTokenStream tokens) {}

    /** The tree and every token, comments and white space included: what the formatter and the outline read. */
    static Result parse(SourceFile source, Reporter reporter) {
        return parse(source, reporter, new CommonTokenStream(lexer(source)), false);
    }

    /**
     * The tree alone, for the model ({@link SpecLoader}): the parser never sees comments and white space (they are
     * on the hidden channel), so they are dropped as they are lexed instead of being kept in the token buffer
     * until the file is parsed (half the tokens of a spec, a quarter of its parse-time heap), and each node's list
     * of children is trimmed to its size as the node is finished (ANTLR's lists start with room for ten). The tree,
     * the findings and their places are the same as {@link #parse}'s.
     */
    static HomeLabParser.SpecContext tree(SourceFile source, Reporter reporter) {
        return parse(source, reporter, new CommonTokenStream(new DefaultChannelOnly(lexer(source))), true).tree();
    }

    /**
     * {@link #tree}, handing each top-level declaration to {@code each} once it is parsed, for the model to be
     * built from it, instead of keeping the whole file's tree (at 10,000 hosts the tree and its tokens were most
     * of the parse's heap, and the collector copied them again and again while the parse went on). The same
     * grammar rule, error recovery and findings as {@link #tree}: only what is kept differs. Tokens are read
     * through an unbuffered stream (only those the parser may still look at are held), and a declaration is
     * dropped from the returned tree when it is handed over unless {@code keep} (the acknowledgements read the
     * whole tree). A declaration is handed over when the next top-level one (or import) starts, or at the end:
     * by then every syntax error inside it has been reported, which its builder looks for. Null when the file
     * was too broken to read ({@link SyntaxErrors} gave up); the declarations handed over then are not used.
     */
    static HomeLabParser.SpecContext stream(SourceFile source, Reporter reporter, boolean keep,
                                             Consumer<HomeLabParser.DeclarationContext> each) {
        return stream(source, reporter, keep, each, new UnbufferedTokenStream<>(new DefaultChannelOnly(lexer(source))));
    }

    /**
     * {@link #stream} of the top-level blocks written in {@code [from, to)} of a file, without keeping them, lexed
     * in place as {@link #range} lexes a piece: every token has the line, column and offset it has in the whole
     * file. {@code chars} is the whole file's text, which pieces read on other threads share (each reads it through
     * a stream of its own). {@code line} (1-based) and {@code column} (0-based) are where {@code from} is. Null
     * when a token runs past {@code to} (then {@code to} is not between two blocks) or the piece was too broken to
     * read. {@code charsAreCodePoints}: {@link FastLexer#handles} the text, which the caller asks once per file.
     */
    static HomeLabParser.SpecContext streamPiece(SourceFile source, CodePointBuffer chars, boolean charsAreCodePoints,
                                                 int from, int to, int line, int column, Reporter reporter,
                                                 Consumer<HomeLabParser.DeclarationContext> each) {
        Bounded tokens = new Bounded(SpecTokens.lexer(CodePointCharStream.fromBuffer(chars, source.displayPath()), source.text(),
                charsAreCodePoints, from, line, column), to);
        HomeLabParser.SpecContext tree = stream(source, reporter, false, each, new UnbufferedTokenStream<>(tokens));
        return tokens.crossed ? null : tree;
    }

    private static HomeLabParser.SpecContext stream(SourceFile source, Reporter reporter, boolean keep,
                                                    Consumer<HomeLabParser.DeclarationContext> each, TokenStream tokens) {
        // a tree dropped as soon as it is built is not worth trimming; one kept whole is, as in tree()
        HomeLabParser parser = parser(source, reporter, tokens, keep);
        Handoff handoff = new Handoff(keep, each);
        parser.addParseListener(handoff);
        try {
            HomeLabParser.SpecContext tree = parser.spec();
            handoff.flush();
            return tree;
        } catch (ParseCancellationException tooBroken) {
            return null;
        }
    }

    /** Hands each finished top-level declaration on when the next top-level item starts (see {@link #stream}). */
    private static final class Handoff implements ParseTreeListener {
        private final boolean keep;
        private final Consumer<HomeLabParser.DeclarationContext> each;
        private HomeLabParser.DeclarationContext pending;

        Handoff(boolean keep, Consumer<HomeLabParser.DeclarationContext> each) {
            this.keep = keep;
            this.each = each;
        }

        @Override
        public void enterEveryRule(ParserRuleContext ctx) {
            if (ctx.getParent() instanceof HomeLabParser.SpecContext) flush();
        }

        @Override
        public void exitEveryRule(ParserRuleContext ctx) {
            if (ctx instanceof HomeLabParser.DeclarationContext d && d.getParent() instanceof HomeLabParser.SpecContext spec) {
                // the last child: nothing after it has been added to the spec yet
                if (!keep) spec.children.remove(spec.children.size() - 1);
                pending = d;
            }
        }

        void flush() {
            if (pending == null) return;
            HomeLabParser.DeclarationContext d = pending;
            pending = null;
            each.accept(d);
        }

        @Override
        public void visitTerminal(TerminalNode node) {}

        @Override
        public void visitErrorNode(ErrorNode node) {}
    }

    /**
     * The top-level blocks written in {@code [from, to)} of a file's text, parsed as {@link #tree} parses a file
     * but lexed in place: every token has its line, column and offset in the whole file. Null when a token runs
     * past {@code to} (a string or a comment left open, or a name that continues into the next block): then the
     * piece is not a list of blocks on its own. {@code line} (1-based) and {@code column} (0-based) are where
     * {@code from} is. Offsets are code points, as ANTLR counts them.
     */
    static HomeLabParser.SpecContext range(SourceFile source, int from, int to, int line, int column, Reporter reporter) {
        String text = source.text();
        Bounded tokens = new Bounded(SpecTokens.lexer(CharStreams.fromString(text, source.displayPath()), text,
                FastLexer.handles(text), from, line, column), to);
        HomeLabParser.SpecContext tree = parse(source, reporter, new CommonTokenStream(tokens), true).tree();
        return tokens.crossed ? null : tree;
    }

    private static TokenSource lexer(SourceFile source) {
        return SpecTokens.lexer(source.text(), source.displayPath());
    }

    private static HomeLabParser parser(SourceFile source, Reporter reporter, TokenStream tokens, boolean trim) {
        HomeLabParser parser = new HomeLabParser(tokens);
        parser.setTrimParseTree(trim);
        parser.removeErrorListeners();
        parser.setErrorHandler(new BlockRecovery());
        parser.addErrorListener(new SyntaxErrors(source, reporter));
        return parser;
    }

    private static Result parse(SourceFile source, Reporter reporter, CommonTokenStream tokens, boolean trim) {
        HomeLabParser parser = parser(source, reporter, tokens, trim);
        try {
            return new Result(parser.spec(), tokens);
        } catch (ParseCancellationException tooBroken) {
            // The syntax-error listener gives up on a hopeless file; its findings are already reported and
            // nothing of the file is used.
            return new Result(new HomeLabParser.SpecContext(null, 0), tokens);
        }
    }

    /** The default-channel tokens that start before {@code to}, then end of file; notes a token that runs past it. */
    private static final class Bounded extends DefaultChannelOnly {
        private final int to;
        boolean crossed;
        private Token eof;

        Bounded(TokenSource lexer, int to) {
            super(lexer);
            this.to = to;
        }

        @Override
        void hidden(Token t) {
            if (t.getStartIndex() < to && t.getStopIndex() >= to) crossed = true;
        }

        @Override
        Token next() {
            if (eof != null) return eof;
            Token t = super.next();
            if (t.getType() != Token.EOF && t.getStartIndex() < to && t.getStopIndex() >= to) crossed = true;
            if (t.getType() == Token.EOF || t.getStartIndex() >= to) {
                org.antlr.v4.runtime.CommonToken end = new org.antlr.v4.runtime.CommonToken(Token.EOF, "<EOF>");
                end.setLine(t.getLine());
                end.setCharPositionInLine(t.getCharPositionInLine());
                end.setStartIndex(to);
                end.setStopIndex(to - 1);
                eof = end;
            }
            return eof != null ? eof : t;
        }
    }

    /**
     * Tokens as ANTLR's default factory makes them, except that every hidden one (white space, comments: half the
     * tokens of a spec) is one object, rewritten: {@link DefaultChannelOnly} looks at a hidden token once, as it
     * is lexed, and drops it.
     */
    private static final class HiddenRecycled implements TokenFactory<CommonToken> {
        private CommonToken hidden;

        @Override
        public CommonToken create(Pair<TokenSource, CharStream> source, int type, String text, int channel, int start,
                                  int stop, int line, int charPositionInLine) {
            if (channel == Token.DEFAULT_CHANNEL || type == Token.EOF) {
                return CommonTokenFactory.DEFAULT.create(source, type, text, channel, start, stop, line, charPositionInLine);
            }
            if (hidden == null) hidden = new CommonToken(source, type, channel, start, stop);
            hidden.setType(type);
            hidden.setChannel(channel);
            hidden.setStartIndex(start);
            hidden.setStopIndex(stop);
            hidden.setLine(line);
            hidden.setCharPositionInLine(charPositionInLine);
            hidden.setText(text);
            return hidden;
        }

        @Override
        public CommonToken create(int type, String text) {
            return CommonTokenFactory.DEFAULT.create(type, text);
        }
    }

    /** The lexer's tokens without those on the hidden channel. */
    private static class DefaultChannelOnly implements TokenSource {
        private final TokenSource lexer;

        DefaultChannelOnly(TokenSource lexer) {
            this.lexer = lexer;
            lexer.setTokenFactory(new HiddenRecycled());
        }

        @Override
        public final Token nextToken() {
            return next();
        }

        Token next() {
            Token t = lexer.nextToken();
            while (t.getChannel() != Token.DEFAULT_CHANNEL && t.getType() != Token.EOF) {
                hidden(t);
                t = lexer.nextToken();
            }
            return t;
        }

        /** A token on the hidden channel, dropped. */
        void hidden(Token t) {}

        @Override
        public int getLine() {
            return lexer.getLine();
        }

        @Override
        public int getCharPositionInLine() {
            return lexer.getCharPositionInLine();
        }

        @Override
        public CharStream getInputStream() {
            return lexer.getInputStream();
        }

        @Override
        public String getSourceName() {
            return lexer.getSourceName();
        }

        @Override
        public void setTokenFactory(TokenFactory<?> factory) {
            lexer.setTokenFactory(factory);
        }

        @Override
        public TokenFactory<?> getTokenFactory() {
            return lexer.getTokenFactory();
        }
    }
}

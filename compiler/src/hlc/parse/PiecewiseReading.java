package hlc.parse;

import hlc.concurrent.OnThreads;
import hlc.diag.Diagnostic;
import hlc.diag.Reporter;
import hlc.diag.SourceFile;
import hlc.parse.gen.HomeLabParser;
import org.antlr.v4.runtime.CodePointBuffer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A large file read on every core: its text cut into pieces between top-level blocks ({@link TopLevelCuts}),
 * each piece lexed in place (its tokens have the lines, columns and offsets they have in the whole file), parsed
 * and built block by block as {@link BuiltDeclarations#read} does, and the pieces' blocks and findings put back
 * together in source order. Lexing, parsing and building are most of a large spec's check (a 10,000-host spec is
 * one file of 340,000 lines), and a file's top-level blocks do not depend on each other.
 *
 * <p>Only a clean read is used: when a token runs past its piece's end (the cut was not between two blocks), or
 * any piece has a syntax error, {@link #read} returns null and the file is read again the ordinary way, so that
 * syntax errors, the recovery after them and the builders' "left out after a syntax error" are exactly those of
 * one pass. A file without syntax errors gives the same blocks, findings and places either way: the builders read
 * one block at a time and keep nothing between blocks.
 */
final class PiecewiseReading {
    private PiecewiseReading() {}

    /**
     * The smallest piece worth a thread of its own, in characters: about 2,000 lines, some 7 ms of reading. A
     * homelab-sized spec (the bundled one is 415 lines) is read on the calling thread, with no thread started.
     */
    static final int MIN_PIECE_CHARS = 64 * 1024;

    /** Pieces per thread: the threads take the next piece as they finish one, so a slow piece holds up little. */
    static final int PIECES_PER_THREAD = 4;

    /** One thread per core for a file of at least two pieces' worth of text, else one (read it the ordinary way). */
    static int threadsFor(SourceFile source) {
        int pieces = source.text().length() / MIN_PIECE_CHARS;
        return pieces < 2 ? 1 : Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), pieces));
    }

    /** What one piece gave: its blocks, its builders' findings, what a builder threw, its tree's imports and end. */
    private record Piece(List<Object> declarations, List<Diagnostic> findings, Throwable failure,
                         HomeLabParser.SpecContext tree) {}

    /**
     * The file read in up to {@code pieces} pieces on {@code threads} threads (the calling one among them), or null
     * when it must be read the ordinary way: no cut found, a cut that is not between two blocks, a syntax error in
     * any piece, or anything thrown by the lexer or the parser (which the ordinary reading throws again, on the
     * calling thread). The file must have no acknowledgement ({@code hlc:allow}: its whole tree is kept) and no
     * character outside the BMP.
     */
    static ParsedFile read(SourceFile source, int threads, int pieces) {
        String text = source.text();
        List<TopLevelCuts.Cut> cuts = TopLevelCuts.of(text, pieces);
        if (cuts.isEmpty()) return null;
        int n = cuts.size() + 1;
        // the file's characters once, as CharStreams.fromString holds them; every piece reads them in place
        CharBuffer utf16 = CharBuffer.allocate(text.length());
        utf16.put(text);
        utf16.flip();
        CodePointBuffer.Builder builder = CodePointBuffer.builder(text.length());
        builder.append(utf16);
        CodePointBuffer chars = builder.build();
        boolean charsAreCodePoints = FastLexer.handles(text);

        Piece[] done = new Piece[n];
        AtomicInteger next = new AtomicInteger();
        Runnable work = () -> {
            for (int i; (i = next.getAndIncrement()) < n; ) {
                TopLevelCuts.Cut start = i == 0 ? new TopLevelCuts.Cut(0, 1, 0) : cuts.get(i - 1);
                int end = i == n - 1 ? text.length() : cuts.get(i).offset();
                done[i] = piece(source, chars, charsAreCodePoints, start, end);
                if (done[i] == null) next.set(n); // read the ordinary way anyway: the rest is not worth reading
            }
        };
        OnThreads.run(work, Math.min(threads, n), "hlc-read", "reading " + source.displayPath());
        for (Piece p : done) if (p == null) return null;
        return joined(source, done);
    }

    /** One piece read as {@link BuiltDeclarations#read} reads a file; null when it was not clean (see {@link #read}). */
    private static Piece piece(SourceFile source, CodePointBuffer chars, boolean charsAreCodePoints, TopLevelCuts.Cut start, int end) {
        Reporter syntax = new Reporter();
        Reporter own = new Reporter();
        Function<HomeLabParser.DeclarationContext, Object> builder = ModelBuilder.builderOf(source, own);
        List<Object> out = new ArrayList<>();
        Throwable[] failure = {null};
        HomeLabParser.SpecContext tree;
        try {
            tree = TreeParser.streamPiece(source, chars, charsAreCodePoints, start.offset(), end, start.line(), start.column(), syntax, d -> {
                if (failure[0] != null) return; // as BuiltDeclarations: the model phase fails anyway
                try {
                    out.add(builder.apply(d));
                } catch (RuntimeException | StackOverflowError e) {
                    failure[0] = e;
                }
            });
        } catch (RuntimeException | StackOverflowError e) {
            return null;
        }
        if (tree == null || !syntax.reported().isEmpty()) return null;
        return new Piece(out, own.reported(), failure[0], tree);
    }

    /**
     * The pieces' blocks and findings in source order, and one tree with their imports. A builder that threw ends
     * the file there, as in one pass: nothing of the pieces after it is used.
     */
    private static ParsedFile joined(SourceFile source, Piece[] pieces) {
        List<Object> declarations = new ArrayList<>();
        List<Diagnostic> findings = new ArrayList<>();
        Throwable failure = null;
        HomeLabParser.SpecContext tree = new HomeLabParser.SpecContext(null, 0);
        tree.start = pieces[0].tree().start;
        tree.stop = pieces[pieces.length - 1].tree().stop;
        for (int i = 0; i < pieces.length; i++) {
            Piece p = pieces[i];
            declarations.addAll(p.declarations());
            findings.addAll(p.findings());
            if (p.tree().children != null) {
                for (ParseTree child : p.tree().children) {
                    // each piece's end of file but the last is only where the piece ends
                    boolean end = child instanceof TerminalNode t && t.getSymbol().getType() == Token.EOF;
                    if (!end || i == pieces.length - 1) tree.addAnyChild(child);
                }
            }
            if (p.failure() != null) {
                failure = p.failure();
                break;
            }
        }
        return new ParsedFile(source, tree, new BuiltDeclarations(declarations, findings, failure));
    }
}

package hlc.lsp;

import hlc.diag.Diagnostic;
import hlc.diag.Reporter;
import hlc.diag.SourceFile;
import hlc.parse.IncrementalParse;
import hlc.parse.ModelBuilder;
import hlc.parse.ParsedFile;
import hlc.parse.SpecLoader;
import hlc.parse.gen.HomeLabParser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The front end of the language server's checks, doing only the work an edit asks for. A spec is a list of
 * top-level blocks, each built into the model on its own; so for each file this keeps what its blocks were
 * built into (and what their builders reported), and after an edit parses again only the text from the end of
 * the last block before the edit to the start of the first block after it, and builds only the blocks in it.
 * The blocks around it keep their model, moved to the new text ({@link Relocation}). A file whose text did not
 * change (an imported file) keeps everything, its {@link SourceFile} included.
 *
 * <p>What {@code hlc check} makes of the text is the measure: when the piece does not parse cleanly on its own
 * (a block left open, a string that runs on), when the file had syntax errors before, or in the rare cases
 * where the kept blocks cannot be moved (an import, or a block reading a patch file, below a change of the
 * number of lines), the whole file is parsed and built again, as the CLI does.
 */
final class IncrementalFront implements SpecLoader.Reading {
    /** One top-level block (or import) of a file: where it is, and what it was built into once asked for. */
    private static final class Block {
        final int start;
        final int end;
        final int firstLine;
        final int lastLine;
        final HomeLabParser.ImportDeclContext importDecl;
        /** The block's tree until it is built; kept after that only by a block that reads another file. */
        HomeLabParser.DeclarationContext tree;
        /** A block with a {@code patch} may read a patch file, which can change on disk: built every time. */
        final boolean rereads;
        boolean built;
        Object model;
        List<Diagnostic> findings = List.of();

        Block(int start, int end, int firstLine, int lastLine, HomeLabParser.ImportDeclContext importDecl,
              HomeLabParser.DeclarationContext tree, boolean rereads) {
            this.start = start;
            this.end = end;
            this.firstLine = firstLine;
            this.lastLine = lastLine;
            this.importDecl = importDecl;
            this.tree = tree;
            this.rereads = rereads;
        }
    }

    /** What a file was read into: its text and tree, the findings of reading it, and its blocks. */
    private record FileState(byte[] bytes, String display, ParsedFile parsed, List<Diagnostic> readFindings,
                             List<Block> blocks, boolean reusable) {}

    private final Map<Path, FileState> files = new HashMap<>();
    /** How each file was last read, for the tests: "same", "blocks" (the blocks an edit touched) or "whole". */
    private final Map<Path, String> readings = new HashMap<>();

    @Override
    public synchronized ParsedFile read(Path path, String display, byte[] bytes, Reporter reporter) {
        FileState old = files.get(path);
        FileState next;
        if (old != null && old.display.equals(display) && Arrays.equals(old.bytes, bytes)) {
            next = old;
            readings.put(path, "same");
        } else {
            next = old == null ? null : edited(old, path, display, bytes);
            readings.put(path, next == null ? "whole" : "blocks");
            if (next == null) next = whole(path, display, bytes);
            files.put(path, next);
        }
        reporter.addAll(next.readFindings);
        return next.parsed;
    }

    /**
     * The model objects of a file's blocks in order (null for a block left out), their builders' findings added
     * to {@code reporter}. {@code file} is one this front end read.
     */
    synchronized List<Object> declarations(ParsedFile file, Reporter reporter) {
        FileState state = files.get(file.source().path());
        if (state == null || state.parsed != file) throw new IllegalStateException(file.source().path() + " was not read here");
        List<Object> out = new ArrayList<>(state.blocks.size());
        for (Block b : state.blocks) {
            if (b.importDecl != null) continue;
            if (!b.built || b.rereads) {
                // A builder leaves out "missing attribute" where a syntax error was reported inside the block: it
                // looks for the file's syntax errors among the findings so far.
                Reporter own = new Reporter();
                own.addAll(state.readFindings);
                b.model = ModelBuilder.buildOne(file.source(), b.tree, own);
                List<Diagnostic> all = own.reported();
                b.findings = List.copyOf(all.subList(state.readFindings.size(), all.size()));
                b.built = true;
                if (!b.rereads) b.tree = null;
            }
            reporter.addAll(b.findings);
            out.add(b.model);
        }
        return out;
    }

    /** Forgets the files no open spec reads any more. */
    synchronized void retain(Set<Path> paths) {
        files.keySet().retainAll(paths);
        readings.keySet().retainAll(paths);
    }

    synchronized String readingOf(Path file) {
        return readings.getOrDefault(file, "");
    }

    private static FileState whole(Path path, String display, byte[] bytes) {
        Reporter findings = new Reporter();
        SourceFile source = IncrementalParse.decode(path, display, bytes, findings);
        HomeLabParser.SpecContext tree = IncrementalParse.tree(source, findings);
        List<Block> blocks = blocks(source, tree);
        boolean allow = source.text().contains("hlc:allow");
        boolean reusable = findings.reported().isEmpty() && !source.hasAstral() && !allow;
        // The acknowledgements are read from the whole tree; otherwise only the imports are read from it.
        ParsedFile parsed = new ParsedFile(source, allow ? tree : importsOnly(blocks));
        return new FileState(bytes, display, parsed, findings.reported(), blocks, reusable);
    }

    /** The new state of an edited file, made from the old one; null when the whole file must be read again. */
    private static FileState edited(FileState old, Path path, String display, byte[] bytes) {
        if (!old.reusable || !old.display.equals(display)) return null;
        Reporter findings = new Reporter();
        SourceFile source = IncrementalParse.decode(path, display, bytes, findings);
        String was = old.parsed.source().text();
        String now = source.text();
        if (!findings.reported().isEmpty() || source.hasAstral() || now.contains("hlc:allow")) return null;
        // The edit, as one replaced range: the text before it and after it are the same in both.
        int same = 0;
        int shorter = Math.min(was.length(), now.length());
        while (same < shorter && was.charAt(same) == now.charAt(same)) same++;
        int tail = 0;
        while (tail < shorter - same && was.charAt(was.length() - 1 - tail) == now.charAt(now.length() - 1 - tail)) tail++;
        int wasEnd = was.length() - tail;
        int nowEnd = now.length() - tail;
        int firstLine = 1 + newlines(was, 0, same);
        int lastLine = firstLine + newlines(was, same, wasEnd);
        int lineDelta = newlines(now, same, nowEnd) - newlines(was, same, wasEnd);
        int charDelta = now.length() - was.length();

        List<Block> before = new ArrayList<>();
        List<Block> after = new ArrayList<>();
        for (Block b : old.blocks) {
            if (b.lastLine < firstLine) before.add(b);
            else if (b.firstLine > lastLine) after.add(b);
        }
        if (lineDelta != 0) {
            // An import's tokens and a kept tree say where they are in the old text: they cannot move lines.
            for (Block b : after) if (b.importDecl != null || b.rereads) return null;
        }
        int from = before.isEmpty() ? 0 : before.get(before.size() - 1).end;
        int to = after.isEmpty() ? now.length() : after.get(0).start + charDelta;
        int line = 1 + newlines(now, 0, from);
        int column = from - (now.lastIndexOf('\n', from - 1) + 1);
        Reporter syntax = new Reporter();
        HomeLabParser.SpecContext piece = IncrementalParse.range(source, from, to, line, column, syntax);
        if (piece == null || !syntax.reported().isEmpty()) return null;

        Relocation move = new Relocation(old.parsed.source(), source, lastLine, lineDelta);
        List<Block> blocks = new ArrayList<>(old.blocks.size() + 2);
        for (Block b : before) blocks.add(moved(b, move, 0, 0));
        blocks.addAll(blocks(source, piece));
        for (Block b : after) {
            // A block never built (its check was cancelled) has only its tree, whose tokens cannot move lines.
            if (!b.built && lineDelta != 0) return null;
            blocks.add(moved(b, move, charDelta, lineDelta));
        }
        return new FileState(bytes, display, new ParsedFile(source, importsOnly(blocks)), List.of(), blocks, true);
    }

    /** A kept block in the new text: {@code chars} and {@code lines} further on, its model moved along. */
    private static Block moved(Block b, Relocation move, int chars, int lines) {
        Block n = new Block(b.start + chars, b.end + chars, b.firstLine + lines, b.lastLine + lines, b.importDecl, b.tree, b.rereads);
        if (b.built) {
            n.model = move.move(b.model);
            n.findings = move.move(b.findings);
            n.built = true;
        }
        return n;
    }

    private static List<Block> blocks(SourceFile source, HomeLabParser.SpecContext tree) {
        List<Block> out = new ArrayList<>();
        if (tree.children == null) return out;
        String text = source.text();
        for (ParseTree child : tree.children) {
            if (!(child instanceof ParserRuleContext ctx)) continue;
            // A block broken by a syntax error may lack an end; its file is read whole next time anyway.
            boolean placed = ctx.getStart() != null && ctx.getStop() != null;
            int start = placed ? ctx.getStart().getStartIndex() : -1;
            int end = placed ? Math.max(start, ctx.getStop().getStopIndex() + 1) : -1;
            int firstLine = placed ? ctx.getStart().getLine() : -1;
            int lastLine = placed ? ctx.getStop().getLine() : -1;
            if (ctx instanceof HomeLabParser.ImportDeclContext imp) {
                out.add(new Block(start, end, firstLine, lastLine, imp, null, false));
            } else if (ctx instanceof HomeLabParser.DeclarationContext d) {
                boolean rereads = !placed || end > text.length() || text.substring(start, end).contains("patch");
                out.add(new Block(start, end, firstLine, lastLine, null, d, rereads));
            }
        }
        return out;
    }

    /** A tree holding only the imports, which is all {@link SpecLoader} reads of it. */
    private static HomeLabParser.SpecContext importsOnly(List<Block> blocks) {
        HomeLabParser.SpecContext tree = new HomeLabParser.SpecContext(null, 0);
        for (Block b : blocks) if (b.importDecl != null) tree.addAnyChild(b.importDecl);
        return tree;
    }

    private static int newlines(String s, int from, int to) {
        int n = 0;
        for (int i = s.indexOf('\n', from); i >= 0 && i < to; i = s.indexOf('\n', i + 1)) n++;
        return n;
    }
}

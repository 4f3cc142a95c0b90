package hlc.parse;

import hlc.diag.Reporter;
import hlc.diag.SourceFile;
import hlc.parse.gen.HomeLabParser;

import java.nio.file.Path;

/**
 * The pieces of {@link SpecLoader}'s reading of one file, for the language server, which re-parses only the
 * blocks an edit touched: the bytes decoded as every command decodes them, a whole file parsed, or the blocks
 * of a part of a file parsed in place. Nothing else of the front end has a second way in.
 */
public final class IncrementalParse {
    private IncrementalParse() {}

    /** The bytes of a file as text, with the findings {@code hlc check} makes of them (HL002). */
    public static SourceFile decode(Path path, String displayPath, byte[] bytes, Reporter reporter) {
        return SourceReader.decode(path, displayPath, bytes, reporter);
    }

    /** The tree of a whole file, as {@link SpecLoader} parses it. */
    public static HomeLabParser.SpecContext tree(SourceFile source, Reporter reporter) {
        return TreeParser.tree(source, reporter);
    }

    /**
     * The blocks written in {@code [from, to)} of the file's text, each token at its place in the whole file; null
     * when a token runs past {@code to}. {@code line} (1-based) and {@code column} (0-based) are the place of
     * {@code from}. See {@link TreeParser#range}.
     */
    public static HomeLabParser.SpecContext range(SourceFile source, int from, int to, int line, int column, Reporter reporter) {
        return TreeParser.range(source, from, to, line, column, reporter);
    }
}

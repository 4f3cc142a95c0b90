package hlc.parse;

import hlc.diag.Reporter;
import hlc.diag.SourceFile;
import hlc.parse.gen.HomeLabParser;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;

import java.nio.file.Path;
import java.util.List;

/**
 * Reads one spec file for tools that work on its text rather than its meaning (the formatter): the parse tree
 * and every token, comments and whitespace included. Imports are not followed. Bytes that are not UTF-8 and
 * syntax errors are reported exactly as {@code hlc check} reports them, with the same decoder, error recovery
 * and wording as {@link SpecLoader}.
 */
public final class FileParser {
    private FileParser() {}

    /** One file: its text, all its tokens in order (hidden ones included, EOF last) and its tree. */
    public record Parsed(SourceFile source, List<Token> tokens, HomeLabParser.SpecContext tree) {}

    public static Parsed parse(Path path, String displayPath, byte[] bytes, Reporter reporter) {
        SourceFile source = SourceReader.decode(path, displayPath, bytes, reporter);
        TreeParser.Result r = TreeParser.parse(source, reporter);
        CommonTokenStream tokens = r.tokens();
        HomeLabParser.SpecContext tree = r.tree();
        tokens.fill();
        return new Parsed(source, List.copyOf(tokens.getTokens()), tree);
    }
}

package hlc.parse;

import hlc.diag.Reporter;
import hlc.diag.SourceFile;
import hlc.parse.gen.HomeLabLexer;
import hlc.parse.gen.HomeLabParser;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Text → parse tree, the one way every command does it (check and compile through {@link SpecLoader}, the
 * formatter through {@link FileParser}), so syntax errors read the same everywhere: one pass, with the error
 * recovery of {@link BlockRecovery} and the reporting of {@link SyntaxErrors}. (ANTLR's two-stage SLL-then-LL
 * parse was tried and measured: no difference at 10,000 hosts, since the grammar is close to LL(1).)
 */
final class TreeParser {
    private TreeParser() {}

    record Result(HomeLabParser.SpecContext tree, CommonTokenStream tokens) {}

    static Result parse(SourceFile source, Reporter reporter) {
        HomeLabLexer lexer = new HomeLabLexer(CharStreams.fromString(source.text(), source.displayPath()));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        HomeLabParser parser = new HomeLabParser(tokens);
        parser.removeErrorListeners();
        parser.setErrorHandler(new BlockRecovery());
        parser.addErrorListener(new SyntaxErrors(source, reporter));
        try {
            return new Result(parser.spec(), tokens);
        } catch (ParseCancellationException tooBroken) {
            // The syntax-error listener gives up on a hopeless file; its findings are already reported and
            // nothing of the file is used.
            return new Result(new HomeLabParser.SpecContext(null, 0), tokens);
        }
    }
}

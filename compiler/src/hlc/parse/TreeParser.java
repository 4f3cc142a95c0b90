package hlc.parse;

import hlc.diag.Reporter;
import hlc.diag.SourceFile;
import hlc.parse.gen.HomeLabLexer;
import hlc.parse.gen.HomeLabParser;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Text → parse tree, the one way every command does it (check and compile through {@link SpecLoader}, the
 * formatter through {@link FileParser}), so syntax errors read the same everywhere.
 *
 * <p>Two stages, as ANTLR's authors recommend: first the fast SLL prediction that gives up at the first syntax
 * error; only a file with an error (or one SLL cannot decide) is parsed again with full LL prediction, the
 * error recovery of {@link BlockRecovery} and the reporting of {@link SyntaxErrors}. A correct file, the common
 * case, never pays for the slower mode.
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
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        try {
            return new Result(parser.spec(), tokens);
        } catch (ParseCancellationException | org.antlr.v4.runtime.RecognitionException firstError) {
            // fall through: parse again, slowly and with the user's diagnostics
        }
        tokens.seek(0);
        parser.reset();
        parser.getInterpreter().setPredictionMode(PredictionMode.LL);
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

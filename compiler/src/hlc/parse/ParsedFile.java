package hlc.parse;

import hlc.diag.SourceFile;
import hlc.parse.gen.HomeLabParser;

/**
 * One spec file and its parse tree. When the file was read by {@link SpecLoader#read}, its declarations were
 * built into model objects as the parser finished each ({@code built}) and the tree holds only its imports
 * (all of it when the file has acknowledgements, which are read from the tree); otherwise {@code built} is
 * null and {@link ModelBuilder} builds them from the tree.
 */
public record ParsedFile(SourceFile source, HomeLabParser.SpecContext tree, BuiltDeclarations built) {
    /** A file whose declarations are built from its tree. */
    public ParsedFile(SourceFile source, HomeLabParser.SpecContext tree) {
        this(source, tree, null);
    }
}

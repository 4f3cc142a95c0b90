package hlc.parse;

import hlc.diag.SourceFile;
import hlc.parse.gen.HomeLabParser;

/** One spec file and its parse tree. */
public record ParsedFile(SourceFile source, HomeLabParser.SpecContext tree) {}

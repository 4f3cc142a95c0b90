package hlc.model;

import hlc.diag.SourceFile;
import hlc.diag.Span;

/**
 * YAML the spec gives inline between triple quotes or in a file beside it: {@code yaml} is its text,
 * {@code source} the file it is in, {@code lineOffset} and {@code columnOffset} place the text's first line and
 * column in that file, and {@code at} is the attribute that gives it.
 */
public record YamlBlock(String yaml, SourceFile source, int lineOffset, int columnOffset, Span at) implements PlacedYaml {
    @Override
    public Span place(int line, int column, int length) {
        return new Span(source, lineOffset + line, columnOffset + column, length);
    }
}

package hlc.model;

import hlc.diag.SourceFile;
import hlc.diag.Span;

/**
 * A Talos config patch the spec gives (strategic merge, as {@code talosctl --config-patch} applies it): for every
 * node, for the nodes of one {@code role} (null: every node), or for one host (where it is written). {@code yaml}
 * is its text; {@code source} the file it is in (the spec for an inline patch, the patch file for a file beside
 * the spec); {@code lineOffset} and {@code columnOffset} place the text's first line and column in that file, so
 * a finding about a key points at the key. {@code at} is the {@code patch} attribute in the spec.
 */
public record TalosPatch(Name role, String yaml, SourceFile source, int lineOffset, int columnOffset, Span at) implements PlacedYaml {
    /** The place of a 1-based line and column of the patch text, in its file. */
    @Override
    public Span place(int line, int column, int length) {
        return new Span(source, lineOffset + line, columnOffset + column, length);
    }
}

package hlc.model;

import hlc.diag.Span;

/**
 * YAML text the spec carries (a Talos patch, an app's raw Kustomization fields), inline or in a file beside it,
 * that knows where each of its lines is: a finding about a key points at the key, in the .hl file or the file.
 */
public interface PlacedYaml {
    /** The text. */
    String yaml();

    /** The attribute in the spec that gives it. */
    Span at();

    /** The place of a 1-based line and column of the text, in its file. */
    Span place(int line, int column, int length);
}

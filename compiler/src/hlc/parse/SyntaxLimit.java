package hlc.parse;

/** How many syntax errors one file may report before hlc stops reading it. */
public final class SyntaxLimit {
    public static final int MAX = 50;

    private SyntaxLimit() {}
}

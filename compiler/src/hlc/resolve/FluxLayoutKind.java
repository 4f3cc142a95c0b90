package hlc.resolve;

/**
 * How the app Kustomizations are laid out: {@code flat} (all in flux-system under {@code flux/apps/<ns>/}, the
 * default) or {@code namespaced} (each in its app's namespace, in the folder of its path, as home-ops
 * repositories lay them out).
 */
public enum FluxLayoutKind {
    FLAT("flat"), NAMESPACED("namespaced");

    private final String word;

    FluxLayoutKind(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    /** The layout a spelling names, or null for a word the parser has already reported (HL005). */
    public static FluxLayoutKind of(String word) {
        for (FluxLayoutKind k : values()) if (k.word.equals(word)) return k;
        return null; // the parser has reported the word (HL005); nothing is emitted from such a spec
    }
}

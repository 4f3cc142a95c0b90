package hlc.resolve;

/**
 * A Ceph pool's CRUSH failure domain, spelled as Rook's {@code failureDomain} spells it. Hosts and OSDs are
 * described by the spec and can be counted; racks and zones are not ({@code countable} is false).
 */
public enum FailureDomain {
    HOST("host", true), OSD("osd", true), RACK("rack", false), ZONE("zone", false);

    private final String word;
    private final boolean countable;

    FailureDomain(String word, boolean countable) {
        this.word = word;
        this.countable = countable;
    }

    /** The spelling of the spec and of Rook's CephBlockPool. */
    public String word() {
        return word;
    }

    public boolean countable() {
        return countable;
    }

    /** The domain a spelling names, or null for a word the parser has already reported (HL005). */
    public static FailureDomain of(String word) {
        for (FailureDomain d : values()) if (d.word.equals(word)) return d;
        return null; // the parser has reported the word (HL005); nothing is emitted from such a spec
    }
}

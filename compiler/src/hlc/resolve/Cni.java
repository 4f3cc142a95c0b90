package hlc.resolve;

/**
 * The cluster's CNI and what Talos is told about it: Talos installs Flannel itself; Cilium and Calico are
 * installed by Flux, so Talos must install none ({@code cluster.network.cni.name: none}).
 */
public enum Cni {
    FLANNEL("flannel", "flannel"), CILIUM("cilium", "none"), CALICO("calico", "none"), NONE("none", "none");

    private final String word;
    private final String talosName;

    Cni(String word, String talosName) {
        this.word = word;
        this.talosName = talosName;
    }

    /** The spelling of the spec ({@code cni cilium}). */
    public String word() {
        return word;
    }

    /** The value of Talos's {@code cluster.network.cni.name}. */
    public String talosName() {
        return talosName;
    }

    /** Cilium replaces kube-proxy (kube-proxy-replacement), so Talos leaves it out unless the spec says otherwise. */
    public boolean replacesKubeProxy() {
        return this == CILIUM;
    }

    /** The choice a spelling names, or null for a word the parser has already reported (HL005). */
    public static Cni of(String word) {
        for (Cni c : values()) if (c.word.equals(word)) return c;
        return null; // the parser has reported the word (HL005); nothing is emitted from such a spec
    }
}

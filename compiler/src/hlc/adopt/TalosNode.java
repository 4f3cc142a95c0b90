package hlc.adopt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a node's Talos configuration says that the spec language can say too, read from whichever form the
 * repository has (talhelper, Jinja templates with patches, plain machine configs), plus, as {@link #unsaid},
 * what it cannot: each a note naming the source file and line, which the spec keeps as a comment.
 */
public final class TalosNode {
    public String hostname;
    public String role;
    public String installDisk;
    /** machine.install.diskSelector (talhelper's installDiskSelector): Talos's field → value, in its order. */
    public final Map<String, String> installDiskSelector = new LinkedHashMap<>();
    public String installImage;
    public String kubeletImage;
    public final Map<String, Link> links = new LinkedHashMap<>();
    public final Map<String, String> labels = new LinkedHashMap<>();
    public final Map<String, String> taints = new LinkedHashMap<>();
    public final List<String> extensions = new ArrayList<>();
    public final List<String> kernelArgs = new ArrayList<>();
    public final List<String> kernelModules = new ArrayList<>();
    public final Map<String, Volume> volumes = new LinkedHashMap<>();
    public final List<String> unsaid = new ArrayList<>();
    /** Where the node's facts were read from (the file that names it). */
    public String source;
    /** The documents read for this node (templates, patches), to name the line a setting came from. */
    public final List<YamlDoc> docs = new ArrayList<>();

    /** {@code file:line} of the first line of the node's documents that mentions {@code text}, else {@link #source}. */
    public String where(String text) {
        return Where.first(docs, text, source);
    }

    /** A network link: a physical interface, a bond or a VLAN sub-interface. */
    public static final class Link {
        public final String name;
        public final List<String> addresses = new ArrayList<>();
        public boolean dhcp;
        public Integer mtu;
        public String driver;
        public String hardwareAddr;
        /** The deviceSelector's busPath: a PCI one, or a Thunderbolt one ({@code 0-1.0}), which the spec says with `thunderbolt`. */
        public String busPath;
        /** The link's static routes other than its default route ({@link #gateway}). */
        public final List<Route> routes = new ArrayList<>();
        public String bondMode;
        public final List<String> bondLinks = new ArrayList<>();
        public Integer vlanId;
        public String parent;
        public String gateway;

        public Link(String name) {
            this.name = name;
        }
    }

    /** A static route: destination, gateway (null: a link-scope route), metric (null: none). */
    public record Route(String network, String gateway, Integer metric) {
        /** As the spec says it: {@code 169.254.255.11/32 metric 2048}, {@code 10.9.0.0/16 via 192.168.10.1}. */
        public String text() {
            return network + (gateway == null ? "" : " via " + gateway) + (metric == null ? "" : " metric " + metric);
        }
    }

    /** A Talos volume (EPHEMERAL) or user volume, with its disk selector and sizes. */
    public record Volume(String name, boolean user, String disk, String minSize, String maxSize, boolean grow) {}
}

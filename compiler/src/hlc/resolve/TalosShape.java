package hlc.resolve;

import hlc.diag.Span;
import hlc.model.Cluster;
import hlc.model.Host;
import hlc.model.Version;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The shape of Talos machine configuration a release takes, and what hlc can write in it. Talos changed shape
 * over releases (v1.12 moved hostname, links, bonds and VIPs out of the v1alpha1 document into documents of
 * their own). The emitter writes each shape; the check reports, at {@code hlc check} time and at the spec's
 * place, a release with no shape and every fact a shape has no place for, so a spec that checks compiles.
 */
public enum TalosShape {
    CLASSIC_V1ALPHA1("v1.10 and v1.11 (single-document v1alpha1)", 10, 11),
    MULTI_DOCUMENT("v1.12 and v1.13 (multi-document)", 12, 13);

    /**
     * A kernel argument yaml.v3 writes as a plain scalar, so that the schematic's canonical YAML, and the ID hlc
     * computes from it, are exact: no quoting, no character YAML reads as syntax, and nothing YAML would read as
     * a number, boolean or null. A leading {@code -} is the Image Factory's way to remove a default argument
     * ({@code -init_on_alloc}); yaml.v3 writes it plain too, as a dash only starts a list before a space.
     */
    private static final Pattern PLAIN_ARG = Pattern.compile("-?[A-Za-z_][A-Za-z0-9_.,=/+-]*");
    private static final Pattern NOT_A_STRING = Pattern.compile("(?i)y|n|yes|no|on|off|true|false|null");

    private final String releases;
    private final int firstMinor;
    private final int lastMinor;

    TalosShape(String releases, int firstMinor, int lastMinor) {
        this.releases = releases;
        this.firstMinor = firstMinor;
        this.lastMinor = lastMinor;
    }

    /** The releases this shape covers, for messages ("v1.10 and v1.11 (single-document v1alpha1)"). */
    public String releases() {
        return releases;
    }

    public boolean supports(Version v) {
        return v.major() == 1 && v.minor() >= firstMinor && v.minor() <= lastMinor;
    }

    /** The shape of a release, or null when hlc writes none for it (HL096). */
    public static TalosShape of(Version v) {
        for (TalosShape s : values()) if (s.supports(v)) return s;
        return null;
    }

    /** Every shape's releases, for the message of a release with none. */
    public static List<String> allReleases() {
        return java.util.Arrays.stream(values()).map(TalosShape::releases).toList();
    }

    /**
     * What the spec says that this shape has no place for in hlc, each at its place: reported rather than left
     * out, since a config that silently drops a VLAN or a taint is a node that is not what the spec says.
     */
    public List<Unwritable> unwritable(Cluster cluster, List<Host> hosts) {
        if (this != CLASSIC_V1ALPHA1) return List.of();
        List<Unwritable> out = new ArrayList<>();
        for (Host h : hosts) {
            String of = " of host `" + h.name().text() + "`";
            for (Host.Interface i : h.interfaces()) {
                if (i.vlan() != null) out.add(new Unwritable(i.vlan().id().span(), "the VLAN sub-interface `" + i.name().text() + "`"));
            }
            h.labels().forEach(l -> out.add(new Unwritable(l.written().span(), "the node labels" + of)));
            h.taints().forEach(t -> out.add(new Unwritable(t.written().span(), "the node taints" + of)));
            h.volumes().forEach(v -> out.add(new Unwritable(v.name().span(), "the volume `" + v.name().text() + "`" + of)));
            h.userVolumes().forEach(v -> out.add(new Unwritable(v.name().span(), "the user volume `" + v.name().text() + "`" + of)));
        }
        return out;
    }

    /**
     * The Kubernetes minor releases a Talos release supports, first and last: each Talos 1.N supports six,
     * 1.(N+18) to 1.(N+23) (Talos's support matrix: 1.11 runs 1.29 to 1.34, 1.12 runs 1.30 to 1.35, 1.13 runs
     * 1.31 to 1.36). Null for a release outside 1.x.
     */
    public static int[] kubernetesMinors(Version talos) {
        if (talos.major() != 1) return null;
        return new int[]{talos.minor() + 18, talos.minor() + 23};
    }

    /** True when hlc can write this kernel argument into a schematic whose ID it computes itself. */
    public static boolean isPlainKernelArg(String arg) {
        return PLAIN_ARG.matcher(arg).matches() && !NOT_A_STRING.matcher(arg).matches();
    }

    /** A fact of the spec a shape cannot write: where it is and what it is ("the VLAN sub-interface bond0.107"). */
    public record Unwritable(Span at, String what) {}
}

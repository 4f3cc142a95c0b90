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
 * over releases: v1.9 to v1.11 take the classic v1alpha1 document with volume documents beside it, v1.12
 * moved hostname, links, bonds and VIPs out of the v1alpha1 document into documents of their own, and v1.14
 * moved the kubelet, install, node and cluster settings too (the {@code k8s.*} documents, UnattendedInstallConfig,
 * DiscoveryServiceConfig…), leaving the v1alpha1 document little more than the machine's PKI. The emitter
 * writes each shape; the check reports, at {@code hlc check} time and at the spec's place, a release with no
 * shape and every fact a shape has no place for, so a spec that checks compiles.
 */
public enum TalosShape {
    CLASSIC_V1ALPHA1("v1.9 to v1.11 (v1alpha1, with volume documents beside it)", 9, 11),
    MULTI_DOCUMENT("v1.12 and v1.13 (multi-document)", 12, 13),
    KUBERNETES_DOCUMENTS("v1.14 (multi-document, with the k8s.* documents)", 14, 14);

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

    /** The releases this shape covers, for messages ("v1.9 to v1.11 (v1alpha1, with volume documents beside it)"). */
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
     * out, since a config that silently drops a VLAN or a taint is a node that is not what the spec says. The
     * classic releases take system and user volumes as documents beside the v1alpha1 one (VolumeConfig since
     * v1.8, UserVolumeConfig since v1.10: see {@link #acceptsBeside}) and labels, taints and kernel modules in
     * the v1alpha1 document, and VLAN sub-interfaces in their parent interface's {@code vlans}. A link selected by
     * MAC is written as the deviceSelector's {@code permanentAddr}, which v1.10 introduced (v1.9's schema,
     * v1alpha1.NetworkDeviceSelector, has busPath, hardwareAddr, pciID, driver and physical only).
     */
    public List<Unwritable> unwritable(Cluster cluster, List<Host> hosts) {
        if (this != CLASSIC_V1ALPHA1) return List.of();
        List<Unwritable> out = new ArrayList<>();
        for (Host h : hosts) {
            String of = " of host `" + h.name().text() + "`";
            if (cluster.talos().minor() < PERMANENT_ADDR_SINCE) {
                for (Host.Interface i : h.interfaces()) {
                    if (i.match().mac() == null) continue;
                    out.add(new Unwritable(i.match().mac().span(), "the MAC selector of interface `" + i.name().text() + "`" + of
                            + " (a deviceSelector's permanentAddr)", "v1." + PERMANENT_ADDR_SINCE));
                }
            }
            if (!acceptsBeside("VolumeConfig", cluster.talos())) {
                h.volumes().forEach(v -> out.add(new Unwritable(v.name().span(), "the volume `" + v.name().text() + "`" + of, "v1." + DOCUMENT_SINCE.get("VolumeConfig"))));
            }
            if (!acceptsBeside("UserVolumeConfig", cluster.talos())) {
                h.userVolumes().forEach(v -> out.add(new Unwritable(v.name().span(), "the user volume `" + v.name().text() + "`" + of, "v1." + DOCUMENT_SINCE.get("UserVolumeConfig"))));
            }
        }
        return out;
    }

    /**
     * The first Talos minor release of each document kind hlc writes beside a classic v1alpha1 document, as
     * Talos's configuration reference of each release lists them (reference/configuration/block: v1.9 has
     * VolumeConfig alone; v1.10 adds UserVolumeConfig, and its schema has both; v1.11 adds RawVolumeConfig,
     * ExistingVolumeConfig, SwapVolumeConfig and ZswapConfig, which hlc has no words for yet).
     */
    /** The first minor release whose deviceSelector takes {@code permanentAddr} (v1.10's schema has it, v1.9's not). */
    private static final int PERMANENT_ADDR_SINCE = 10;

    private static final java.util.Map<String, Integer> DOCUMENT_SINCE = java.util.Map.of(
            "VolumeConfig", 8, "UserVolumeConfig", 10);

    /** True when a release takes a document of this kind beside its v1alpha1 document. */
    public static boolean acceptsBeside(String kind, Version talos) {
        Integer since = DOCUMENT_SINCE.get(kind);
        return since != null && talos.major() == 1 && talos.minor() >= since;
    }

    /** True when hlc can write this kernel argument into a schematic whose ID it computes itself. */
    public static boolean isPlainKernelArg(String arg) {
        return PLAIN_ARG.matcher(arg).matches() && !NOT_A_STRING.matcher(arg).matches();
    }

    // ------------------------------------------------------------------ Talos's own schema for each release

    /**
     * Talos v1.9's config schema (siderolabs/talos website/content/v1.9/schemas/config.schema.json; schemas/UPSTREAM.md):
     * v1.9's patches are held to it. It has no UserVolumeConfig, no deviceSelector {@code permanentAddr}, and still
     * {@code machine.disks}, which v1.10 dropped.
     */
    public static final String TALOS_SCHEMA_V19 = "talos-config-v1.9";
    /** Talos v1.10's config schema, a copy of ../shared/schemas/talos-config.v1.10.schema.json (schemas/UPSTREAM.md). */
    public static final String TALOS_SCHEMA_V110 = "talos-config-v1.10";
    /** Talos v1.14's config schema, a copy of ../shared/schemas/talos-config.schema.json (schemas/UPSTREAM.md). */
    public static final String TALOS_SCHEMA_V114 = "talos-config-v1.14";

    /**
     * The shipped Talos schema that holds this shape's v1alpha1 document, for what a patch may set in it: v1.10's
     * for v1.10 and v1.11 (v1.9 has its own, {@link #machineSchema(Version)}), and for v1.12 and v1.13 too, whose v1alpha1 document still takes every field v1.10's
     * does (deprecated, not removed: ../shared/schemas has no v1.12 or v1.13 schema, and v1.14's has dropped them);
     * v1.14's for v1.14, where the document is little more than the machine's PKI.
     */
    public String machineSchema() {
        return this == KUBERNETES_DOCUMENTS ? TALOS_SCHEMA_V114 : TALOS_SCHEMA_V110;
    }

    /** {@link #machineSchema()}, but v1.9's own for a v1.9 release (its v1alpha1 document differs from v1.10's). */
    public String machineSchema(Version talos) {
        return isV19(talos) ? TALOS_SCHEMA_V19 : machineSchema();
    }

    /** {@link #kindSchema()}, but v1.9's own for a v1.9 release (whose only volume document is VolumeConfig). */
    public String kindSchema(Version talos) {
        return isV19(talos) ? TALOS_SCHEMA_V19 : kindSchema();
    }

    private boolean isV19(Version talos) {
        return this == CLASSIC_V1ALPHA1 && talos != null && talos.major() == 1 && talos.minor() == 9;
    }

    /**
     * The shipped Talos schema that holds this shape's other documents (HostnameConfig, LinkConfig…): v1.10's for
     * the classic releases, v1.14's for v1.12 to v1.14 (the network and volume documents came in v1.12), less the
     * kinds v1.14 introduced ({@link #hasKind}).
     */
    public String kindSchema() {
        return this == CLASSIC_V1ALPHA1 ? TALOS_SCHEMA_V110 : TALOS_SCHEMA_V114;
    }

    /**
     * The kinds Talos v1.14 introduced with its {@code k8s.*} documents: the Kubernetes settings moved out of the
     * v1alpha1 document ({@code k8s.} definitions in the v1.14 schema), the install settings and the discovery
     * service. A v1.12 or v1.13 patch that names one names a document its release does not read.
     */
    private static final java.util.Set<String> SINCE_V114 = java.util.Set.of(
            "UnattendedInstall", "UnattendedInstallConfig", "DiscoveryIdentityConfig", "DiscoveryServiceConfig");

    /** False when the kind is one of {@link #kindSchema}'s that this shape's releases do not have yet. */
    public boolean hasKind(String kind, String schemaDefinition) {
        if (this != MULTI_DOCUMENT) return true;
        return !SINCE_V114.contains(kind) && !schemaDefinition.startsWith("k8s.");
    }

    /**
     * True when a release's unpatched configs are held to Talos's own schema of the release too, beside hlc's: where
     * hlc's own schemas of the form say more than the release takes. The classic ones follow v1.10's fields (a
     * deviceSelector's {@code permanentAddr}, the UserVolumeConfig document), so v1.9's configs are; the others'
     * releases take all hlc writes (UpstreamSchemaTest), and holding thousands of nodes to Talos's large schema
     * twice would cost the compile time for nothing. A patched config always is.
     */
    public boolean heldToItsOwnSchema(Version talos) {
        return isV19(talos);
    }

    /**
     * The definition of Talos's own schema that holds one document of a patched config of this release, as
     * "schema#definition" ({@code talos-config-v1.9#v1alpha1.Config}, {@code talos-config-v1.14#network.LinkConfigV1Alpha1}):
     * the v1alpha1 document ({@code kind} null) by {@link #machineSchema(Version)}, another by its kind in
     * {@link #kindSchema(Version)}; null for a kind the release does not have. The patch check holds each patch to
     * it and the compile each patched config, so both read one release's rules (v1.9's own for v1.9).
     */
    public static String documentSchema(Version talos, String kind) {
        TalosShape shape = nearest(talos);
        if (kind == null) return shape.machineSchema(talos) + "#v1alpha1.Config";
        String schema = shape.kindSchema(talos);
        String def = TalosSchemas.definitionOfKind(schema, kind);
        return def == null || !shape.hasKind(kind, def) ? null : schema + "#" + def;
    }

    /** The shape whose schemas a release's patches are held to: its own, or the nearest one hlc has (HL096 says the rest). */
    public static TalosShape nearest(Version v) {
        if (v == null) return CLASSIC_V1ALPHA1; // no `talos` (HL007): the oldest form's schema, as before releases mattered
        TalosShape s = of(v);
        if (s != null) return s;
        return v.major() == 1 && v.minor() < 12 ? CLASSIC_V1ALPHA1 : KUBERNETES_DOCUMENTS;
    }

    /**
     * A fact of the spec a shape cannot write: where it is, what it is ("the user volume `data` of host `k8s-0`"),
     * and the first release that takes it ("v1.10").
     */
    public record Unwritable(Span at, String what, String since) {}
}

package hlc.diag;

/**
 * The catalogue of diagnostic codes. A code never changes meaning once published: scripts, CI annotations and
 * {@code // ERROR HL0xx} test expectations rely on it. The long explanation of each code, with a failing and a
 * fixed example, is {@code compiler/resources/explain/HL0xx.md}, which {@code hlc explain HL0xx} prints.
 */
public enum Code {
    HL001("syntax error"),
    HL002("file cannot be read as UTF-8 text"),
    HL003("import problem: missing file, cycle, or a path outside the spec's folder"),
    HL004("value out of range or of the wrong kind"),
    HL005("unknown value for an attribute with a fixed set of choices"),
    HL006("attribute given twice in one block"),
    HL007("required attribute missing"),
    HL010("reference to something that is not declared"),
    HL011("name declared twice"),
    HL012("interface name used twice on one host"),
    HL020("malformed address or CIDR"),
    HL021("CIDR with host bits set"),
    HL022("overlapping networks"),
    HL023("address outside its network"),
    HL024("address is the network or broadcast address"),
    HL025("static address inside the DHCP range"),
    HL026("address used twice"),
    HL027("load-balancer address outside a load-balancer pool"),
    HL028("load-balancer address at the first or last address of its pool"),
    HL029("load-balancer pool block that holds addresses in use or overlaps another"),
    HL030("VIP network not reachable by every control-plane node"),
    HL031("ASN out of range"),
    HL032("BGP peer not on a network the nodes have"),
    HL033("API endpoint name that resolves to no known address"),
    HL034("L2 announcement on a network no node is on"),
    HL040("more Ceph replicas than failure domains"),
    HL041("Ceph min size greater than replicas"),
    HL042("Ceph pool that risks data loss (replicas 2, min size 1)", Severity.WARNING),
    HL043("OSD host without an interface on the Ceph cluster network"),
    HL044("volume size bounds that cannot hold"),
    HL045("more Longhorn replicas than nodes that can hold one"),
    HL046("OSDs given both by a ceph block's osd-filter and by hosts' osd lines"),
    HL050("not exactly one default storage class"),
    HL051("storage-class option its backend does not read"),
    HL060("no control-plane node"),
    HL061("even number of control-plane nodes", Severity.WARNING),
    HL062("host, app or Ceph cluster that does not say which of several clusters it belongs to"),
    HL063("address used by two clusters"),
    HL064("pod or service subnets of two clusters overlap without `shared-with`"),
    HL065("reference to another cluster's app, storage class or load balancer"),
    HL070("app dependency cycle"),
    HL071("app dependency in the wrong namespace"),
    HL076("Flux sync path where the output folder is not"),
    HL077("Kustomize component missing from the repository"),
    HL078("app folder missing from the repository"),
    HL080("invalid DNS name"),
    HL081("DNS name outside the site's domains"),
    HL082("DNS name with two different targets"),
    HL083("name that cannot be a Kubernetes or DNS name"),
    HL084("invalid node label or taint"),
    HL085("host or device named in a public domain", Severity.WARNING),
    HL090("VLAN id out of range"),
    HL091("VLAN id used by two networks"),
    HL092("MTU out of range"),
    HL093("VLAN sub-interface without a parent link on its host, or on a network of another VLAN"),
    HL095("secret value written in the spec"),
    HL096("Talos version hlc cannot emit configs for"),
    HL097("two outputs with one file name"),
    HL098("emitted file failed its template or schema (internal)"),
    HL099("internal error"),
    HL120("acknowledgement that accepts no warning", Severity.WARNING),
    HL121("malformed acknowledgement: no reason, an unknown code, or an error's code"),
    HL122("Talos config patch that Talos would refuse: unreadable, not YAML, or a key or value its schema rejects"),
    HL123("Talos config patch that overrides what the spec states"),
    HL124("one address on several links of one host", Severity.WARNING),
    HL125("TPM disk encryption on a node that cannot seal a key: no SecureBoot, or a single-board computer"),
    HL130("health check of a kind hlc knows no apiVersion for"),
    HL131("health checks on an app that waits for everything it applies (Flux ignores them)", Severity.WARNING),
    HL132("health check given twice", Severity.WARNING),
    HL133("flux-spec that Flux would refuse: unreadable, not YAML, or a field or value the Kustomization schema rejects"),
    HL134("flux-spec field that the app's own words set");

    private final String title;
    private final Severity severity;

    Code(String title) {
        this(title, Severity.ERROR);
    }

    Code(String title, Severity severity) {
        this.title = title;
        this.severity = severity;
    }

    public String title() {
        return title;
    }

    /**
     * The severity of every finding with this code. It belongs to the code, not to the check that reports it,
     * so SARIF's rule list (written before any check runs) and the findings can never disagree.
     */
    public Severity severity() {
        return severity;
    }
}

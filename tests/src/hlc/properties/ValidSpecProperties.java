package hlc.properties;

import hlc.Compiler;
import hlc.diag.Diagnostic;
import hlc.diag.Span;
import hlc.diag.TextRenderer;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.statistics.Statistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random specs that are valid by construction check clean; the order of top-level declarations does not change
 * the findings; and a finding points at the text it is about.
 *
 * <p>The generator draws a {@link Plan} (counts, flags and preferred numbers, all of which jqwik can shrink) and
 * {@link Builder} turns it into spec text, repairing what would make it invalid instead of filtering:
 * <ul>
 *   <li>a site with a domain (sometimes written as an FQDN with its final dot) and maybe a local domain;</li>
 *   <li>1..6 IPv4 networks on distinct 10.x.y.0 regions (each a /24, or for all but the first a /28, /30, /31 or
 *       /32, whose ends are usable), maybe an IPv6 /64 with IPv6 addresses spelled canonically, in full or in
 *       capitals; VLAN ids unique; DHCP pools that no static address falls into;</li>
 *   <li>a cluster whose pod and service /16s come from 10.200-255 (so disjoint from every network), an optional
 *       VIP on a network every control plane is moved onto, load balancers with addresses of their own;</li>
 *   <li>1, 3 or 5 control planes plus workers, with uniquely named interfaces (bonds, links without addresses,
 *       two interfaces on one network) and unique addresses that are never the network or broadcast address;</li>
 *   <li>a Ceph block whose pools ask for no more replicas than there are failure domains (and never replicas 2
 *       with min size 1, a warning) and whose cluster network every OSD host is on;</li>
 *   <li>storage classes with exactly one default; services, vault secrets, NAS exports and backups that reference
 *       what exists; apps that depend only on earlier apps, with routes inside the site's domains (apex,
 *       wildcard, capitals, final dot, the same name twice via the same load balancer) via a load balancer;</li>
 *   <li>the further features of a {@link FeaturePlan}, each on in about half the specs and dropped first when
 *       shrinking: dual stack (an `ipv6` /64 on IPv4 networks, maybe with its router, hosts' `ipv6` addresses, IPv6
 *       pod and service subnets), load-balancer pools (a whole network no node is on, or `range`/`block` parts of
 *       the first network clear of its DHCP range and of every other address; `announce l2` or `bgp`) from which
 *       every load balancer then takes its address, a `bgp` block whose peer is on a network every control plane is
 *       on, an `endpoint` (a load balancer's `dns` name or address) instead of a VIP, node labels and taints, system
 *       and user volumes, install-disk selectors, links chosen by MAC, static routes through the network's gateway,
 *       bond options, NTP, sysctls, kernel settings, `arch arm64`, the namespaced Flux layout (with `app@namespace`
 *       where a bare name would mean another namespace), a Multus address, DNS providers (a public one serving a
 *       zone no machine is named in), Longhorn, ZFS, democratic-csi and CephFS classes, an app's Flux fields
 *       (a health check where it does not `wait`, retry interval, SOPS decryption, its own substitute-from, a
 *       `flux-spec`), disk encryption (static keys by name; the TPM on a host with `secure-boot`), a ceph block's
 *       `osd-filter` instead of the hosts' `osd` lines (replicas then counted over the nodes Rook's useAllNodes
 *       places OSDs on), and a routed Thunderbolt ring of two or three nodes (`thunderbolt "N-1.0"` ports sharing the
 *       node's /32 address, MTUs up to 65522, link-scope host routes to the peers);
 *       {@link GeneratorCoverageTest} shows each appears;</li>
 *   <li>names that are random labels or keywords (`network on`, `app default`), sometimes shared between kinds
 *       (an app and a Ceph cluster both called `rook-ceph`); descriptions with accents, CJK and emoji; one-line or
 *       multi-line blocks, comments, and every list punctuation the grammar allows.</li>
 * </ul>
 */
class ValidSpecProperties {

    /** A valid spec checks with no diagnostic at all (not even a warning). */
    @Property(tries = 500)
    void validSpecsCheckClean(@ForAll("validSpecs") GeneratedSpec spec) {
        Compiler.Result r = Compiler.checkText("valid.hl", spec.text());
        List<Diagnostic> ds = r.reporter().sorted();
        assertEquals(List.of(), ds.stream().map(d -> d.code() + ": " + d.message()).toList(),
                () -> new TextRenderer(false).render(ds, r.reporter().errorCount(), r.reporter().warningCount()));
        Statistics.label("hosts").collect(spec.hosts());
        Statistics.label("networks").collect(spec.networks());
    }

    /**
     * Shuffling the top-level declarations of a spec with one deliberate error keeps the multiset of (code,
     * message): every reference is resolved over the whole spec, whatever comes first. The deliberate errors are
     * ones whose message cannot name "the first" of two declarations (two interfaces of one host sharing an
     * address, a VIP reused by a load balancer, an address outside its network, a broadcast address, an even number
     * of control planes, an unknown dependency, an OSD host off the Ceph network, a name outside the site's domain,
     * a min size above replicas, an app declared twice), so the messages themselves must not change. The finding
     * must also be the expected one, and the only kind of finding.
     */
    @Property(tries = 300)
    void declarationOrderDoesNotChangeFindings(@ForAll("faultySpecsInTwoOrders") Tuple2<GeneratedSpec, List<String>> s) {
        GeneratedSpec spec = s.get1();
        String shuffled = String.join("\n", s.get2());
        Map<String, Integer> original = findings(spec.text());
        Map<String, Integer> reordered = findings(shuffled);
        assertEquals(Set.of(spec.fault().code), original.keySet().stream().map(k -> k.substring(0, 5)).collect(Collectors.toSet()),
                () -> "the deliberate " + spec.fault() + " should give " + spec.fault().code + " only, got " + original.keySet());
        assertEquals(original, reordered, () -> "shuffled spec:\n" + shuffled);
        Statistics.label("fault").collect(spec.fault());
    }

    /**
     * A finding is placed on the text it is about: the characters under its span (line, column, length, read
     * from the line as {@link hlc.diag.SourceFile#line} returns it, which is what the renderer underlines) are
     * exactly the address, name, number or string that the deliberate error is in.
     */
    @Property(tries = 300)
    void findingsPointAtTheTextTheyAreAbout(@ForAll("faultySpecs") GeneratedSpec spec) {
        Compiler.Result r = Compiler.checkText("faulty.hl", spec.text());
        List<Diagnostic> ds = r.reporter().sorted();
        assertTrue(!ds.isEmpty(), "no finding for " + spec.fault());
        for (Diagnostic d : ds) {
            String under = under(d.span());
            assertTrue(spec.faultTexts().contains(under), () -> d.code() + " \"" + d.message() + "\" at " + d.span()
                    + " underlines `" + under + "`, expected one of " + spec.faultTexts() + "\n"
                    + new TextRenderer(false).render(ds, r.reporter().errorCount(), r.reporter().warningCount()));
        }
    }

    private static String under(Span s) {
        String line = s.file().line(s.line());
        int from = Math.min(line.length(), s.column() - 1);
        return line.substring(from, Math.min(line.length(), from + s.length()));
    }

    private static Map<String, Integer> findings(String text) {
        Map<String, Integer> out = new TreeMap<>();
        for (Diagnostic d : Compiler.checkText("shuffle.hl", text).reporter().sorted()) {
            out.merge(d.code() + ": " + d.message(), 1, Integer::sum);
        }
        return out;
    }

    // ================================================================== generated specs

    /**
     * The text of a spec as its top-level declarations (each with its comments), what went into it, and for a
     * deliberate error the texts its findings must underline.
     */
    record GeneratedSpec(List<String> declarations, Fault fault, Set<String> faultTexts, int hosts, int networks) {
        String text() {
            return String.join("\n", declarations);
        }

        @Override
        public String toString() {
            return fault + " " + faultTexts + "\n" + text();
        }
    }

    /** A deliberate error whose message does not depend on declaration order. */
    enum Fault {
        NONE("-----"),
        DUPLICATE_ADDRESS_IN_HOST("HL124"), // two links of one host: a warning of its own (a Thunderbolt ring does it on purpose)
        VIP_REUSED_BY_LOAD_BALANCER("HL026"),
        ADDRESS_OUTSIDE_NETWORK("HL023"),
        BROADCAST_ADDRESS("HL024"),
        EVEN_CONTROL_PLANES("HL061"),
        UNKNOWN_DEPENDENCY("HL010"),
        OSD_HOST_OFF_CEPH_NETWORK("HL043"),
        NAME_OUTSIDE_DOMAIN("HL081"),
        MIN_SIZE_ABOVE_REPLICAS("HL041"),
        APP_DECLARED_TWICE("HL011");

        final String code;

        Fault(String code) {
            this.code = code;
        }
    }

    @Provide
    Arbitrary<GeneratedSpec> validSpecs() {
        return plans().map(p -> new Builder(p, Fault.NONE).build());
    }

    @Provide
    Arbitrary<GeneratedSpec> faultySpecs() {
        Arbitrary<Fault> faults = Arbitraries.of(Fault.values()).filter(f -> f != Fault.NONE);
        return Combinators.combine(plans(), faults).as((p, f) -> new Builder(p, f).build());
    }

    @Provide
    Arbitrary<Tuple2<GeneratedSpec, List<String>>> faultySpecsInTwoOrders() {
        return faultySpecs().flatMap(spec -> Arbitraries.shuffle(spec.declarations()).map(order -> Tuple.of(spec, order)));
    }

    // ------------------------------------------------------------------ plans: what jqwik draws and shrinks

    record SitePlan(int domain, int local, boolean timezone, int description, int fqdn) {}

    record NetPlan(int subnet, int vlan, int mtu, int gateway, int dhcp, boolean dns, int description, int prefix) {}

    record HostPlan(boolean controlPlane, int netMask, List<Integer> octets, int osds, boolean bond, int extras, int more) {}

    record LbPlan(int net, int octet) {}

    record ClusterPlan(boolean vip, int vipNet, int vipOctet, List<LbPlan> lbs, int cni, int kubeProxy, boolean flux,
                       int subnets) {}

    record PoolPlan(int replicas, int minSize, int domain, boolean compression) {}

    record CephPlan(boolean present, int clusterNet, int publicNet, List<PoolPlan> pools) {}

    record DevicePlan(boolean gateway, boolean nas, int exports, int extra, int net, int octet, int more) {}

    record ClassPlan(int backend, int filesystem, int reclaim, boolean expandable) {}

    record ServicePlan(int kinds, boolean secret, boolean endpoint, boolean purpose) {}

    record BackupPlan(int source, int target, boolean every) {}

    record AppPlan(int depends, int storage, int uses, int routes, int vars, int extras, int lb, int more) {}

    record Infra(List<NetPlan> nets, int v6, List<HostPlan> hosts, ClusterPlan cluster, CephPlan ceph, DevicePlan devices) {}

    record Workloads(List<ClassPlan> classes, int defaultClass, boolean vault, List<ServicePlan> services,
                     List<BackupPlan> backups, List<AppPlan> apps) {}

    /**
     * Which of the language's further features the spec uses ({@link Feature}, one bit each, so that shrinking
     * drops features) and three numbers that choose among their forms.
     */
    record FeaturePlan(int flags, int a, int b, int c) {
        boolean has(Feature f) {
            return (flags >> f.ordinal() & 1) != 0;
        }
    }

    /** The features a {@link FeaturePlan} turns on, beside what every plan has. */
    enum Feature {
        DUAL_STACK_NETWORKS, DUAL_STACK_CLUSTER, LOAD_BALANCER_POOL, BGP, ENDPOINT, LABELS_AND_TAINTS, VOLUMES,
        NAMESPACED_LAYOUT, MULTUS, DNS_PROVIDERS, INSTALL_DISK_SELECTOR, LINK_BY_MAC, ROUTES, NTP, SYSCTL, ARM64,
        OTHER_BACKENDS, NODE_SETTINGS, FLUX_FIELDS, DISK_ENCRYPTION, OSD_FILTER, THUNDERBOLT_RING
    }

    record Plan(SitePlan site, List<String> names, boolean shareNames, Infra infra, Workloads workloads,
                FeaturePlan features, long style) {}

    /** Every top-level name comes from one pool of unique names, in fixed slices (see {@link Builder}). */
    static final int POOL = 60;

    private static Arbitrary<Plan> plans() {
        Arbitrary<Integer> any = Arbitraries.integers().between(0, 1 << 30);
        Arbitrary<SitePlan> site = Combinators.combine(any, Arbitraries.integers().between(0, 5), bool(),
                Arbitraries.integers().between(0, 9), Arbitraries.integers().between(0, 7)).as(SitePlan::new);
        Arbitrary<NetPlan> net = Combinators.combine(Arbitraries.integers().between(0, 200 * 256 - 1),
                Arbitraries.integers().between(0, 4100), Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 12000), bool(),
                Arbitraries.integers().between(0, 9), Arbitraries.integers().between(0, 8)).as(NetPlan::new);
        Arbitrary<HostPlan> host = Combinators.combine(bool(), any, any.list().ofSize(4),
                Arbitraries.integers().between(0, 2), bool(), any, any).as(HostPlan::new);
        Arbitrary<LbPlan> lb = Combinators.combine(any, any).as(LbPlan::new);
        Arbitrary<ClusterPlan> cluster = Combinators.combine(bool(), any, any, lb.list().ofMaxSize(3),
                Arbitraries.integers().between(-1, 3), Arbitraries.integers().between(0, 2), bool(), any)
                .as(ClusterPlan::new);
        Arbitrary<PoolPlan> pool = Combinators.combine(Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 4), bool()).as(PoolPlan::new);
        Arbitrary<CephPlan> ceph = Combinators.combine(bool(), Arbitraries.integers().between(-1, 6),
                Arbitraries.integers().between(-1, 6), pool.list().ofMinSize(1).ofMaxSize(2)).as(CephPlan::new);
        Arbitrary<DevicePlan> devices = Combinators.combine(bool(), bool(), Arbitraries.integers().between(1, 2),
                Arbitraries.integers().between(0, 2), any, any, any).as(DevicePlan::new);
        Arbitrary<Infra> infra = Combinators.combine(
                net.list().ofMinSize(1).ofMaxSize(6).uniqueElements(NetPlan::subnet),
                Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(-1)), Tuple.of(1, any)),
                host.list().ofMinSize(1).ofMaxSize(8), cluster, ceph, devices).as(Infra::new);

        Arbitrary<ClassPlan> sc = Combinators.combine(Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 2), bool()).as(ClassPlan::new);
        Arbitrary<ServicePlan> service = Combinators.combine(any, bool(), bool(), bool()).as(ServicePlan::new);
        Arbitrary<BackupPlan> backup = Combinators.combine(Arbitraries.integers().between(0, 2), any, bool())
                .as(BackupPlan::new);
        Arbitrary<AppPlan> app = Combinators.combine(any, any, any, Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 2), any, any, any).as(AppPlan::new);
        Arbitrary<Workloads> workloads = Combinators.combine(sc.list().ofMaxSize(3), any, bool(),
                service.list().ofMaxSize(4), backup.list().ofMaxSize(2), app.list().ofMaxSize(10)).as(Workloads::new);

        // Uniform, not jqwik's default bias towards small numbers: each feature bit is on in half the specs.
        Arbitrary<Integer> bits = Arbitraries.integers().between(0, Integer.MAX_VALUE).withDistribution(RandomDistribution.uniform());
        Arbitrary<FeaturePlan> features = Combinators.combine(
                Arbitraries.integers().between(0, (1 << Feature.values().length) - 1).withDistribution(RandomDistribution.uniform()),
                bits, bits, bits).as(FeaturePlan::new);
        Arbitrary<List<String>> names = name().list().uniqueElements().ofSize(POOL);
        // No edge cases: they mean nothing for a whole spec, and combining those of every part takes seconds.
        // The name pool and the layout seed come last: jqwik shrinks the parts in order, and shrinking the structure
        // first gives much smaller counterexamples.
        return Combinators.combine(site, infra, workloads, features, bool(), names, Arbitraries.longs())
                .as((s, i, w, f, share, ns, style) -> new Plan(s, ns, share, i, w, f, style))
                .withoutEdgeCases();
    }

    private static Arbitrary<Boolean> bool() {
        return Arbitraries.of(false, true);
    }

    /** The grammar's keywords: a name may be spelled like one. All are valid DNS-1123 labels. */
    static final List<String> KEYWORDS = List.of("site", "domain", "local-domain", "timezone", "description",
            "network", "cidr", "gateway", "dns", "vlan", "mtu", "dhcp", "to", "cluster", "talos", "kubernetes", "vip",
            "on", "cni", "kube-proxy", "pods", "services", "loadbalancer", "flux", "repository", "branch", "path",
            "interval", "host", "model", "cpu", "memory", "role", "install-disk", "gpu", "osd", "size", "interface",
            "address", "driver", "bond", "speed", "device", "kind", "serves", "controller", "export", "ceph",
            "public-network", "cluster-network", "pool", "replicas", "min-size", "failure-domain", "compression",
            "storage-class", "hostpath", "nfs", "default", "filesystem", "reclaim", "expandable", "service", "purpose",
            "usage", "endpoint", "secret", "from", "backup", "tool", "method", "source", "every", "schedule", "pvcs",
            "postgres", "app", "namespace", "depends", "storage", "route", "via", "var", "wait", "prune", "timeout",
            "uses", "import", "secrets", "ipv6", "node-network", "bgp", "asn", "peer", "cluster-dns", "cluster-domain",
            "kubeprism", "control-plane-workloads", "coredns", "kernel-arg", "kernel-module", "extension", "layout",
            "substitute-from", "components", "label", "taint", "usb", "volume", "user-volume", "max-size", "disk", "grow",
            "of", "static", "binding", "mount-option", "keep", "retention", "for", "multus", "version", "dns-provider",
            "target", "domains", "sources", "txt-prefix", "owner", "policy", "webhook", "public", "range", "block",
            "announce", "object-store", "longhorn", "data-locality", "recurring", "retain", "zfs", "democratic-csi",
            "cephfs", "bucket", "nfs-volume", "at", "ntp", "sysctl", "mirror", "serial", "type", "wwid", "bus-path", "mac",
            "physical", "lacp-rate", "xmit-hash-policy", "miimon", "updelay", "downdelay", "metric", "dhcp-metric", "arch",
            "overlay", "secure-boot", "shared-with", "decrypt", "patch");

    /**
     * A DNS-1123 label that lexes as one name: a letter, then letters, digits and inner hyphens; or a keyword.
     * (`true` and `false` are the only words of the grammar that are not keywords a name may be spelled as.)
     */
    private static Arbitrary<String> name() {
        Arbitrary<String> ident = Combinators.combine(Arbitraries.chars().range('a', 'z'),
                        Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars('-').ofMaxLength(10))
                .as((c, rest) -> c + rest)
                .filter(s -> !s.endsWith("-"));
        return Arbitraries.frequencyOf(Tuple.of(8, ident), Tuple.of(1, Arbitraries.of(KEYWORDS)))
                .filter(s -> !s.equals("true") && !s.equals("false"));
    }

    // ------------------------------------------------------------------ from a plan to spec text

    /** A network and the addresses handed out in it (host numbers relative to its first address). */
    static final class Net {
        static final long TOP = -1; // the IPv6 /64's all-ones address: usable, there is no broadcast in IPv6
        final String name;
        final boolean v6;
        final String base; // "10.3.7." or a canonical "fd12:3456::"
        final int prefix;
        final int dhcpLo;
        final int dhcpHi;
        final Set<Long> used = new HashSet<>();
        /** The IPv6 prefix of a dual-stack IPv4 network (`ipv6 CIDR`), as a network of its own to allocate from. */
        Net six;
        /** The gateway written as an address, the one a static route may go through. */
        String gatewayAddress;
        /** Load-balancer pool blocks inside the network, as host-number ranges: no other address is taken there. */
        final List<long[]> poolBlocks = new ArrayList<>();

        Net(String name, boolean v6, String base, int prefix, int dhcpLo, int dhcpHi) {
            this.name = name;
            this.v6 = v6;
            this.base = base;
            this.prefix = prefix;
            this.dhcpLo = dhcpLo;
            this.dhcpHi = dhcpHi;
        }

        String cidr() {
            return v6 ? base + "/64" : base + "0/" + prefix;
        }

        int size() {
            return 1 << (32 - prefix);
        }

        boolean roomy() {
            return v6 || prefix <= 24;
        }

        String address(long host) {
            if (!v6) return base + host;
            if (host == TOP) {
                return new IPAddressString(base + "/64").getAddress().toPrefixBlock().getUpper().withoutPrefixLength()
                        .toCanonicalString();
            }
            return canonical(base + Long.toHexString(host));
        }

        boolean inPoolBlock(long h) {
            for (long[] b : poolBlocks) if (h >= b[0] && h <= b[1]) return true;
            return false;
        }

        /** A fresh address inside the pool blocks (any of them), near the preferred one; null when they are full. */
        String allocateInPool(int preferred) {
            long n = 0;
            for (long[] b : poolBlocks) n += b[1] - b[0] + 1;
            long k = Math.floorMod(preferred, n);
            for (long tries = 0; tries < n; tries++, k = (k + 1) % n) {
                long left = k;
                for (long[] b : poolBlocks) {
                    long size = b[1] - b[0] + 1;
                    if (left < size) {
                        if (used.add(b[0] + left)) return address(b[0] + left);
                        break;
                    }
                    left -= size;
                }
            }
            return null;
        }

        String broadcast() {
            return base + (size() - 1);
        }

        /** A fresh usable address, as close to the preferred one as possible; null when the network is full. */
        String allocate(int preferred) {
            if (v6 && Math.floorMod(preferred, 97) == 0 && used.add(TOP)) return address(TOP);
            // /31 and /32 have no network or broadcast address; everything else keeps its two ends free.
            long first = v6 ? 1 : prefix >= 31 ? 0 : 1;
            long last = v6 ? 65535 : prefix >= 31 ? size() - 1 : size() - 2;
            long n = last - first + 1;
            long h = first + Math.floorMod(preferred, n);
            for (long i = 0; i < n; i++) {
                boolean inPool = h >= dhcpLo && h <= dhcpHi || inPoolBlock(h);
                if (!inPool && used.add(h)) return address(h);
                h = h == last ? first : h + 1;
            }
            return null;
        }
    }

    /**
     * Reserves the block [first, last] of host numbers for load balancers, when it is clear of the DHCP range and of
     * what is taken; false when it is not.
     */
    static boolean reservePool(Net net, long first, long last) {
        if (first <= net.dhcpHi && net.dhcpLo <= last) return false;
        for (long h = first; h <= last; h++) if (net.used.contains(h) || net.inPoolBlock(h)) return false;
        net.poolBlocks.add(new long[]{first, last});
        return true;
    }

    static String canonical(String address) {
        return new IPAddressString(address).getAddress().toCanonicalString();
    }

    static final List<String> TLDS = List.of("com", "org", "net", "io", "co", "dev");
    static final List<String> LOCAL_DOMAINS = List.of("internal", "lan", "home.arpa", "local-net", "home");
    static final List<String> CNIS = List.of("cilium", "calico", "flannel", "none");
    /** Releases hlc writes (HL096), classic and multi-document ones. */
    static final List<String> TALOS = List.of("v1.10.7", "v1.11.3", "v1.11.0", "v1.10.0-beta.1", "v1.12.0", "v1.13.8");
    static final List<String> KUBERNETES = List.of("v1.33.3", "v1.32.0", "v1.31.4"); // run by every Talos in TALOS
    static final List<String> BOND_MODES = List.of("active-backup", "balance-rr", "balance-xor", "broadcast", "802.3ad",
            "balance-tlb", "balance-alb");
    static final List<String> GPUS = List.of("i915", "xe", "nvidia", "amdgpu");
    static final List<String> DOMAINS = List.of("host", "osd", "rack", "zone");
    static final List<String> SERVICE_KINDS = List.of("dns", "tunnel", "object-storage", "notifications", "email", "vpn",
            "identity", "monitoring", "vps", "other");
    static final List<String> DEVICE_KINDS = List.of("switch", "access-point", "server", "other");
    static final List<Integer> MTUS = List.of(576, 1500, 9000, 9216);
    static final List<String> TAINT_EFFECTS = List.of("NoSchedule", "PreferNoSchedule", "NoExecute");
    /** Device filters of Rook's: a device name regex (deviceFilter) or one with a `/`, a path regex (devicePathFilter). */
    static final List<String> OSD_FILTERS = List.of("^nvme", "^sd[b-z]", "^/dev/disk/by-id/nvme-.*", "^/dev/disk/by-id/ata-SAMSUNG_.*");
    /** A Thunderbolt ring port's MTU: none (Talos's default), thunderbolt-net's usual and highest, one over Ethernet's top. */
    static final List<String> THUNDERBOLT_MTUS = List.of("", " mtu 65520", " mtu 65522", " mtu 16000");
    /** Talos install disk selectors: every property given must hold; one of the three sizes at most. */
    static final List<List<String>> DISK_SELECTORS = List.of(List.of("type nvme"), List.of("type ssd", "min-size 100GB"),
            List.of("model \"Samsung SSD 980*\"", "size 1TB"), List.of("serial \"S5GXNX0T\"", "max-size 2TB"),
            List.of("wwid \"naa.5000c500a0b1c2d3\""), List.of("bus-path \"/pci0000:00/0000:00:17.0/*\"", "type hdd"));
    /** Descriptions: plain, accented, emoji and other characters outside the BMP, CJK, escapes and fake syntax. */
    static final List<String> DESCRIPTIONS = List.of("plain words", "caf\u00e9, Gr\u00fc\u00dfe, na\u00efve",
            "emoji \ud83d\ude00 and a clef \ud834\udd1e", "\u4e2d\u6587 \u043e\u043f\u0438\u0441\u0430\u043d\u0438\u0435",
            "a \\\"quoted\\\" word, { braces }, [brackets] and // slashes # hashes", "\ud83d\udda5\ufe0f\ud83d\udda5\ufe0f\ud83d\udda5\ufe0f");
    /** Variable names that are not secret-looking (MONKEY and PASSTHROUGH are documented as not secret). */
    static final List<String> VARS = List.of("APP", "TZ", "LOG_LEVEL", "REPLICAS", "SUBDOMAIN", "MONKEY", "PASSTHROUGH",
            "PORT", "CLUSTER_DOMAIN", "retention");
    static final List<String> VALUES = List.of("\"plex\"", "3", "5m", "true", "false", "v1.2.3", "10GiB", "plex.internal",
            "192.168.1.1", "10.0.0.0/8", "info", "\"with \\\"quotes\\\" and // no comment\"", "fd00::1");

    /** Turns a plan into declarations, repairing whatever would make the spec invalid, then adds the fault. */
    static final class Builder {
        // Slices of the name pool. With shareNames, hosts and apps take names of other kinds too.
        static final int NETS = 0, HOSTS = 7, CLUSTER = 17, CEPH = 18, POOLS = 19, CLASSES = 21, DEVICES = 24,
                EXPORTS = 28, SERVICES = 30, BACKUPS = 34, LBS = 36, SITE = 40, FRESH = 41, APPS = 44,
                POOL_NET = 55, PROVIDERS = 56, FILESYSTEM = 58, ZPOOL = 59;

        final Plan p;
        final Fault fault;
        final List<String> names;
        final Random style;
        final int hostSlice;
        final int appSlice;
        final List<String> decls = new ArrayList<>();
        final Set<String> faultTexts = new LinkedHashSet<>();
        final List<Net> nets = new ArrayList<>();
        final Set<Integer> vlans = new HashSet<>();
        String domain;
        String local;
        /** The further features of the plan. */
        final FeaturePlan fp;
        /** A whole network that is a load-balancer pool (no node on it), or null. */
        Net poolNet;
        /** Whether load balancers take their addresses from pools (a whole network, or blocks of the first one). */
        boolean pools;

        Builder(Plan p, Fault fault) {
            this.p = p;
            this.fault = fault;
            this.names = p.names();
            this.style = new Random(p.style());
            this.hostSlice = p.shareNames() ? CLASSES + 1 : HOSTS;
            this.appSlice = p.shareNames() ? CEPH : APPS;
            this.fp = p.features();
        }

        boolean has(Feature f) {
            return fp.has(f);
        }

        String n(int slot) {
            return names.get(slot);
        }

        GeneratedSpec build() {
            Infra in = p.infra();
            Workloads w = p.workloads();

            // ---------------------------------------------------------- site
            SitePlan sp = p.site();
            domain = label(sp.domain()) + "." + TLDS.get(Math.floorMod(sp.domain() >> 4, TLDS.size()));
            if (sp.domain() % 5 == 0) domain = label(sp.domain() >> 8) + "." + domain;
            local = sp.local() < LOCAL_DOMAINS.size() ? LOCAL_DOMAINS.get(sp.local()) : null;
            List<String> site = new ArrayList<>();
            // An FQDN with its final dot is a valid way to write a domain (a single label cannot take one).
            site.add("domain " + domain + (sp.fqdn() == 1 ? "." : ""));
            if (local != null) site.add("local-domain " + local + (sp.fqdn() == 2 && local.contains(".") ? "." : ""));
            if (sp.timezone()) site.add("timezone \"Europe/Berlin\"");
            if (sp.description() < DESCRIPTIONS.size()) site.add("description \"" + DESCRIPTIONS.get(sp.description()) + "\"");
            emit(block("site " + n(SITE), site));

            // ---------------------------------------------------------- networks (their gateways come later)
            for (int i = 0; i < in.nets().size(); i++) {
                NetPlan np = in.nets().get(i);
                int x = np.subnet() / 256, y = np.subnet() % 256;
                int prefix = i == 0 || np.prefix() < 5 ? 24 : List.of(28, 30, 31, 32).get(np.prefix() - 5);
                int lo = np.dhcp() == 0 || prefix != 24 ? 0 : 1 + np.dhcp() % 200;
                int hi = lo == 0 ? -1 : Math.min(254, lo + np.dhcp() / 200 % 50);
                nets.add(new Net(n(NETS + i), false, "10." + x + "." + y + ".", prefix, lo, hi));
            }
            if (in.v6() >= 0) {
                int s = in.v6() & 0xfffff;
                boolean dhcp = (in.v6() >> 20 & 1) != 0;
                nets.add(new Net(n(NETS + 6), true, canonical("fd" + hex2(s >> 16) + ":" + Integer.toHexString(s & 0xffff) + "::"),
                        64, dhcp ? 0x1000 : 0, dhcp ? 0x1fff : -1));
            }
            int v4Count = in.nets().size();
            List<Net> roomy = nets.stream().filter(Net::roomy).toList();
            Net first = nets.get(0); // always a /24
            if (has(Feature.DUAL_STACK_NETWORKS)) {
                // ULA /64s under fdff::/16, clear of the IPv6-only network (fd00::/12) and the pod/service prefixes
                for (int i = 0; i < v4Count; i++) {
                    if (i > 0 && (fp.a() >> i & 1) == 0) continue;
                    Net net = nets.get(i);
                    net.six = new Net(net.name, true, canonical("fdff:" + Integer.toHexString(i + 1) + ":"
                            + Integer.toHexString(fp.a() >>> 8 & 0xffff) + "::"), 64, 0, -1);
                }
            }
            // Load-balancer pools: a whole network of its own that no node is on, or one or two blocks of the first
            // network (each 16 addresses on a 16-boundary, clear of its DHCP range; nothing else is allocated there).
            // A load balancer on the VIP's address is then also outside the pools (HL027): not with that fault.
            pools = has(Feature.LOAD_BALANCER_POOL) && fault != Fault.VIP_REUSED_BY_LOAD_BALANCER;
            int poolForm = fp.b() & 3;
            List<String> poolBlocks = new ArrayList<>();
            if (pools && poolForm == 0) {
                Set<Integer> regions = new HashSet<>();
                for (NetPlan np : in.nets()) regions.add(np.subnet());
                int r = Math.floorMod(fp.b() >> 2, 200 * 256);
                while (regions.contains(r)) r = (r + 1) % (200 * 256);
                poolNet = new Net(n(POOL_NET), false, "10." + r / 256 + "." + r % 256 + ".", 24, 0, -1);
            } else if (pools) {
                int start = Math.floorMod(fp.b() >> 2, 14);
                for (int k = 0; k < 14 && poolBlocks.size() < (poolForm == 3 ? 2 : 1); k++) {
                    long lo = 16L * (1 + (start + k) % 14);
                    boolean range = poolForm == 1 || poolForm == 3 && poolBlocks.isEmpty();
                    long from = range ? lo + 1 : lo, to = range ? lo + 14 : lo + 15;
                    if (!reservePool(first, from, to)) continue;
                    poolBlocks.add(range ? "range " + first.address(from) + " to " + first.address(to)
                            : "block " + first.address(lo) + "/28");
                }
                if (poolBlocks.isEmpty()) pools = false;
            }
            boolean bgp = has(Feature.BGP);

            // ---------------------------------------------------------- structure decided before rendering
            DevicePlan dp = in.devices();
            String gatewayDevice = dp.gateway() ? n(DEVICES) : null;
            String nas = dp.nas() ? n(DEVICES + 1) : null;
            List<String> exports = new ArrayList<>();
            if (nas != null) for (int e = 0; e < dp.exports(); e++) exports.add(n(EXPORTS + e));

            ClusterPlan cp = in.cluster();
            boolean vip = cp.vip() || fault == Fault.VIP_REUSED_BY_LOAD_BALANCER;
            Net vipNet = vip ? pick(roomy, cp.vipNet()) : null;

            List<HostPlan> hostPlans = new ArrayList<>(in.hosts());
            if (fault == Fault.EVEN_CONTROL_PLANES && hostPlans.size() < 2) hostPlans.add(hostPlans.get(0));
            boolean[] control = roles(hostPlans);

            CephPlan ceph = in.ceph();
            boolean cephPresent = ceph.present() || fault == Fault.OSD_HOST_OFF_CEPH_NETWORK
                    || fault == Fault.MIN_SIZE_ABOVE_REPLICAS;
            int[] osds = new int[hostPlans.size()];
            for (int i = 0; i < osds.length; i++) osds[i] = hostPlans.get(i).osds();
            if (cephPresent && Arrays.stream(osds).allMatch(o -> o == 0)) osds[0] = 1;
            // Or Rook's useAllNodes with a device filter instead of the hosts' osd lines (HL046: not both): OSDs on
            // every node that runs pods and no NoSchedule/NoExecute taint keeps Rook's pods off (ResolvedSpec#osdHosts),
            // one device each as far as the spec knows; the replica arithmetic below counts those nodes. Not with the
            // fault whose extra host lists an OSD of its own, nor when no node would hold one.
            boolean cpWorkloads = has(Feature.NODE_SETTINGS) && (fp.a() >> 6 & 1) != 0;
            boolean[] filtered = new boolean[hostPlans.size()];
            String osdFilter = null;
            if (cephPresent && has(Feature.OSD_FILTER) && fault != Fault.OSD_HOST_OFF_CEPH_NETWORK) {
                boolean anyWorker = false;
                for (boolean cpNode : control) anyWorker |= !cpNode;
                boolean any = false;
                for (int i = 0; i < filtered.length; i++) {
                    String effect = taintEffect(i, hostPlans.get(i), control[i]);
                    boolean runsPods = !control[i] || cpWorkloads || !anyWorker;
                    filtered[i] = runsPods && (effect == null || effect.equals("PreferNoSchedule"));
                    any |= filtered[i];
                }
                if (any) {
                    osdFilter = OSD_FILTERS.get(Math.floorMod(fp.c() >> 25, OSD_FILTERS.size()));
                    Arrays.fill(osds, 0);
                } else {
                    Arrays.fill(filtered, false);
                }
            }
            int clusterNetIndex = ceph.clusterNet() >= 0 ? ceph.clusterNet()
                    : fault == Fault.OSD_HOST_OFF_CEPH_NETWORK ? 0 : -1;
            Net cephNet = cephPresent && clusterNetIndex >= 0 ? pick(roomy, clusterNetIndex) : null;

            // ---------------------------------------------------------- networks rendered, gateways placed
            List<Net> deviceGatewayNets = new ArrayList<>();
            for (int i = 0; i < nets.size(); i++) {
                Net net = nets.get(i);
                NetPlan np = i < v4Count ? in.nets().get(i) : new NetPlan(in.v6() >> 8, 0, 2, 1, 0, false, 9, 0);
                List<String> a = new ArrayList<>();
                a.add("cidr " + net.cidr());
                int g = np.gateway();
                // A gateway by name has an address on the network it routes (HL023): the device gets one there
                // below; the first host always has its first interface on the first network.
                if (g == 2 && (gatewayDevice == null || !net.roomy())) g = 1;
                if (g == 3 && i != 0) g = 1;
                String gatewayAddress = g == 1 ? net.allocate(np.subnet() + 1) : null;
                if (gatewayAddress != null) a.add("gateway " + spell(gatewayAddress));
                net.gatewayAddress = gatewayAddress;
                if (net.six != null) {
                    // its router, written as `via`, is where a host's IPv6 default route and routes go
                    net.six.gatewayAddress = (fp.c() >> (24 + i) & 1) != 0 ? net.six.allocate(1) : null;
                    a.add("ipv6 " + net.six.cidr() + (net.six.gatewayAddress == null ? "" : " via " + spell(net.six.gatewayAddress)));
                }
                if (net == first && !poolBlocks.isEmpty()) {
                    a.add("pool loadbalancer " + String.join(" ", poolBlocks));
                    int announce = Math.floorMod(fp.b() >> 20, 3);
                    if (announce == 1) a.add("announce l2");
                    if (announce == 2 && bgp) a.add("announce bgp");
                }
                if (g == 2) {
                    a.add("gateway " + gatewayDevice);
                    deviceGatewayNets.add(net);
                }
                if (g == 3) a.add("gateway " + n(hostSlice));
                if (np.dns()) a.add("dns " + list(gatewayDevice == null ? List.of("1.1.1.1", "2606:4700:4700::1111")
                        : List.of(gatewayDevice, "1.1.1.1")));
                if (np.vlan() > 0 && !net.v6) a.add("vlan " + uniqueVlan(np.vlan() > 4094 ? 4094 : np.vlan()));
                if (np.mtu() > 0) a.add("mtu " + MTUS.get(np.mtu() - 1));
                if (net.dhcpHi >= net.dhcpLo) a.add("dhcp " + spell(net.address(net.dhcpLo)) + " to " + spell(net.address(net.dhcpHi)));
                if (np.description() < DESCRIPTIONS.size()) a.add("description \"" + DESCRIPTIONS.get(np.description()) + "\"");
                emit(block("network " + net.name, a));
            }
            if (poolNet != null) {
                List<String> a = new ArrayList<>(List.of("cidr " + poolNet.cidr(), "pool loadbalancer"));
                if ((fp.b() >> 20 & 1) != 0) a.add("announce bgp"); // the default of a whole-network pool
                a.add("description \"Cilium LB IPAM: each address announced by BGP as a /32\"");
                emit(block("network " + poolNet.name, a));
            }

            // ---------------------------------------------------------- devices
            if (gatewayDevice != null) {
                List<String> a = new ArrayList<>(List.of("kind gateway", "model \"UniFi Dream Machine Pro\""));
                a.add(placedAddress(dp.net(), dp.octet()));
                if ((dp.more() & 1) != 0) a.add(placedAddress(dp.net() + 1, dp.octet() + 1));
                for (Net net : deviceGatewayNets) {
                    if (a.stream().anyMatch(x -> x.startsWith("address ") && x.endsWith(" on " + net.name))) continue;
                    String address = net.allocate(dp.octet() + 2);
                    if (address == null) throw new IllegalStateException("no address left for the gateway on " + net.name);
                    a.add("address " + spell(address) + " on " + net.name);
                }
                a.addAll(List.of("serves " + list(List.of("router", "dns")), "controller \"https://192.168.1.1\"",
                        "dns " + gatewayDevice + ".hosts." + domain));
                emit(block("device " + gatewayDevice, a));
            }
            if (nas != null) {
                List<String> a = new ArrayList<>(List.of("kind nas", placedAddress(dp.net() + 1, dp.octet() + 7),
                        "dns " + nas + ".hosts." + (local != null ? local : domain), "serves " + list(List.of("nfs", "backup"))));
                if ((dp.more() & 2) != 0) a.add("dns " + nas + "-alias.hosts." + domain);
                for (String e : exports) a.add("export " + e + " \"/volume1/" + e + "\"");
                emit(block("device " + nas, a));
            }
            for (int d = 0; d < dp.extra(); d++) {
                String name = n(DEVICES + 2 + d);
                List<String> a = new ArrayList<>(List.of("kind " + DEVICE_KINDS.get(Math.floorMod(dp.octet() + d, DEVICE_KINDS.size()))));
                if ((dp.more() >> (2 + d) & 1) == 0) a.add(placedAddress(dp.net() + d + 2, dp.octet() + 31 * d + 3));
                if ((dp.more() >> (4 + d) & 1) == 0) a.add("dns " + name + ".hosts." + domain);
                a.add("description \"" + DESCRIPTIONS.get(Math.floorMod(dp.more() >> 6, DESCRIPTIONS.size())) + "\"");
                emit(block("device " + name, a));
            }
            if (fault == Fault.NAME_OUTSIDE_DOMAIN) {
                emit(block("device " + n(FRESH), List.of("kind other", "dns printer.outside.invalid")));
                faultTexts.add("printer.outside.invalid");
            }

            // ---------------------------------------------------------- a Thunderbolt ring's networks
            for (int r = 0; r < ringSize(hostPlans.size()); r++) {
                emit(block("network " + ringNet(r), List.of("cidr " + ringAddress(r) + "/32",
                        "description \"thunderbolt-net ring: node " + r + "'s one address on both its ports\"")));
            }

            // ---------------------------------------------------------- hosts
            int osdHosts = 0, osdCount = 0;
            for (int i = 0; i < hostPlans.size(); i++) {
                HostPlan hp = hostPlans.get(i);
                int extras = hp.extras(), more = hp.more();
                Set<Net> on = new LinkedHashSet<>();
                if (i == 0) on.add(nets.get(0)); // the first host always has an address on a /24 (faults use it)
                for (int b = 0; b < nets.size(); b++) if ((hp.netMask() >> b & 1) != 0) on.add(nets.get(b));
                if (on.isEmpty()) on.add(pick(roomy, i));
                if (control[i] && vipNet != null) on.add(vipNet);
                if (control[i] && bgp) on.add(first); // the BGP peer is on a network every control plane has (HL032)
                if ((osds[i] > 0 || filtered[i]) && cephNet != null) on.add(cephNet);
                List<String> a = new ArrayList<>();
                a.add("role " + (control[i] ? "controlplane" : "worker"));
                // A description first, so that on a one-line block it stands before the interfaces.
                if ((more & 7) < DESCRIPTIONS.size()) a.add("description \"" + DESCRIPTIONS.get(more & 7) + "\"");
                if ((extras & 1) != 0) a.add("model \"Lenovo ThinkCentre M70q\"");
                if ((extras & 2) != 0) a.add("cpu \"Intel Core i7-12700T\"");
                if ((extras & 4) != 0) a.add("memory " + List.of("64GB", "32GiB", "1.5TB", "512MiB").get(extras >> 8 & 3));
                // The further features, host by host: fb says which hosts have them, fx how.
                boolean fb = (fp.b() >> (i % 12) & 1) != 0 || i == 0;
                int fx = hp.octets().get(2);
                if ((extras & 8) != 0) {
                    a.add(has(Feature.INSTALL_DISK_SELECTOR) && fb ? nested("install-disk", DISK_SELECTORS.get(Math.floorMod(fx, DISK_SELECTORS.size())))
                            : "install-disk \"/dev/nvme0n1\"");
                }
                if ((extras & 16) != 0) a.add("gpu " + GPUS.get(extras >> 10 & 3) + ((extras & 32) != 0 ? " \"a GPU\"" : ""));
                // arm64: no amd64-only GPU driver (HL004)
                if (has(Feature.ARM64) && fb && ((extras & 16) == 0 || GPUS.get(extras >> 10 & 3).equals("nvidia"))) a.add("arch arm64");
                if (has(Feature.LABELS_AND_TAINTS) && fb) {
                    a.add("label \"topology.kubernetes.io/zone=zone-" + i % 3 + "\"");
                    if ((fx >> 4 & 1) != 0) a.add("label \"example.com/rack=" + label(fx >> 5) + "\"");
                    if ((fx >> 6 & 1) != 0) a.add("label \"node.kubernetes.io/gpu=\""); // an empty value
                    String effect = taintEffect(i, hp, control[i]);
                    if (effect != null) a.add("taint \"dedicated=" + label(fx >> 8) + ":" + effect + "\"");
                }
                if (has(Feature.VOLUMES) && fb) {
                    if ((fx >> 14 & 1) != 0) a.add(nested("volume EPHEMERAL", List.of("max-size 400GiB", "disk \"disk.transport == 'nvme'\"")));
                    a.add(nested("user-volume local-data", List.of("min-size 50GiB", "max-size 200GiB",
                            "disk \"disk.rotational\" size 1TB", "grow " + ((fx >> 15 & 1) != 0))));
                }
                if (has(Feature.NODE_SETTINGS) && fb) {
                    a.add("kernel-arg \"pcie_aspm=off\"");
                    a.add("kernel-module zfs");
                    a.add("extension \"siderolabs/zfs\"");
                    a.add("usb \"Zigbee USB stick\"");
                }
                if (has(Feature.SYSCTL) && fb) {
                    a.add("sysctl \"vm.nr_hugepages\" \"1024\"");
                    if ((fx >> 16 & 1) != 0) a.add("sysctl net.core.rmem_max 2500000"); // the cluster's too: this one wins
                }
                if (has(Feature.DISK_ENCRYPTION) && fb) {
                    a.add("encrypt STATE key \"state-" + i + "\"");
                    // sealing to the TPM needs SecureBoot (HL125); no arm64 board here has a TPM
                    if ((fx >> 17 & 1) != 0 && !a.contains("arch arm64")) {
                        a.add("secure-boot");
                        a.add("encrypt EPHEMERAL tpm");
                    }
                }
                boolean byMac = has(Feature.LINK_BY_MAC) && fb;
                boolean routed = has(Feature.ROUTES) && fb;
                List<String> ifaceNames = interfaceNames(i);
                String link = hp.bond() ? ifaceNames.get(ifaceNames.size() - 1) : null;
                if (link != null) a.add("interface " + link + " driver e1000e speed \"1GbE\"" + (byMac ? " mac " + mac(i, 255) : ""));
                int k = 0;
                String firstAddress = null;
                Net firstNet = null;
                List<Net> attached = new ArrayList<>(on);
                if ((more >> 3 & 1) != 0) attached.add(attached.get(0)); // a second interface on the same network
                for (Net net : attached) {
                    boolean bare = k > 0 && (more >> (4 + k) & 1) != 0; // an interface on a network, without address
                    String address = bare ? null : net.allocate(hp.octets().get(k % hp.octets().size()) + 17 * k);
                    boolean unaddressed = address == null;
                    StringBuilder iface = new StringBuilder("interface " + ifaceNames.get(k) + " on " + net.name);
                    if (!unaddressed) iface.append(" address ").append(spell(address));
                    String six = unaddressed || net.six == null || (fx >> (17 + k) & 1) != 0 ? null : net.six.allocate(fx + k);
                    if (six != null) iface.append(" ipv6 ").append(spell(six));
                    if (k == 0 && link != null) {
                        String mode = BOND_MODES.get(Math.floorMod(extras >> 12, BOND_MODES.size()));
                        iface.append(" bond ").append(mode).append(' ').append(list(List.of(link)));
                        if (has(Feature.NODE_SETTINGS) && fb) { // the bond's options
                            if (mode.equals("802.3ad")) iface.append(" lacp-rate fast xmit-hash-policy \"layer3+4\"");
                            iface.append(" miimon 100 updelay 200 downdelay 200");
                        }
                    }
                    if ((extras >> (14 + k) & 1) != 0) iface.append(" mtu ").append(MTUS.get(Math.floorMod(more >> 12, 4)));
                    if ((extras >> (15 + k) & 1) != 0) iface.append(" driver r8169 speed \"2.5GbE\"");
                    if (byMac && !(k == 0 && link != null)) iface.append(" mac ").append(mac(i, k)); // a bond is no physical link
                    if (routed && !unaddressed && net.gatewayAddress != null) {
                        iface.append(net.v6 ? " route fd98:" + Integer.toHexString(i + 1) + "::/64" : " route 172.16." + i + ".0/24")
                                .append(" via ").append(spell(net.gatewayAddress));
                        if ((fx >> 24 & 1) != 0) iface.append(" metric 1024");
                    }
                    if (routed && six != null && net.six.gatewayAddress != null) {
                        iface.append(" route fd99:").append(Integer.toHexString(i + 1)).append("::/64 via ").append(spell(net.six.gatewayAddress));
                    }
                    a.add(iface.toString());
                    if (firstAddress == null && !unaddressed) {
                        firstAddress = address;
                        firstNet = net;
                    }
                    k++;
                }
                if (control[i] && vipNet == null && firstAddress == null) {
                    // Without a VIP the API is at a control plane's address (HL033 when none has one).
                    String address = nets.get(0).allocate(hp.octets().get(0) + 3);
                    if (address == null) throw new IllegalStateException("the first network is full");
                    a.add("interface " + ifaceNames.get(k) + " on " + nets.get(0).name + " address " + spell(address));
                    firstAddress = address;
                    firstNet = nets.get(0);
                }
                for (int o = 0; o < osds[i]; o++) {
                    a.add("osd \"/dev/disk/by-id/ata-SAMSUNG_" + o + "*\"" + ((extras >> (6 + o) & 1) != 0 ? " size 1.92TB" : ""));
                }
                if (osds[i] > 0 || filtered[i]) {
                    osdHosts++;
                    osdCount += Math.max(1, osds[i]);
                }
                a.addAll(thunderboltPorts(i, hostPlans.size()));
                if (i == 0) {
                    String fresh = ifaceNames.get(ifaceNames.size() - 2);
                    switch (fault) {
                        case DUPLICATE_ADDRESS_IN_HOST -> {
                            String again = spell(firstAddress);
                            a.add("interface " + fresh + " on " + firstNet.name + " address " + again);
                            faultTexts.add(again);
                        }
                        case ADDRESS_OUTSIDE_NETWORK -> {
                            Net other = nets.size() > 1 ? nets.get((nets.indexOf(firstNet) + 1) % nets.size()) : null;
                            String elsewhere = other == null ? null : other.allocate(hp.octets().get(0) + 99);
                            String written = elsewhere == null ? "192.0.2.77" : spell(elsewhere);
                            a.add("interface " + fresh + " on " + firstNet.name + " address " + written);
                            faultTexts.add(written);
                        }
                        case BROADCAST_ADDRESS -> {
                            Net v4 = nets.get(0);
                            String written = (extras & 1) == 0 ? v4.broadcast() : v4.base + "0";
                            a.add("interface " + fresh + " on " + v4.name + " address " + written);
                            faultTexts.add(written);
                        }
                        default -> { }
                    }
                }
                emit(block("host " + n(hostSlice + i), a));
            }
            if (fault == Fault.OSD_HOST_OFF_CEPH_NETWORK) {
                String victim = n(hostSlice + hostPlans.size());
                List<String> a = new ArrayList<>(List.of("role worker", "osd \"/dev/sdb\""));
                Net elsewhere = nets.stream().filter(x -> x != cephNet).findFirst().orElse(null);
                String address = elsewhere == null ? null : elsewhere.allocate(200);
                if (elsewhere != null) a.add("interface eth0 on " + elsewhere.name + (address == null ? "" : " address " + spell(address)));
                else a.add("interface eth0 driver e1000e");
                emit(block("host " + victim, a));
                faultTexts.add("\"/dev/sdb\"");
                osdHosts++;
                osdCount++;
            }

            // ---------------------------------------------------------- cluster
            List<String> c = new ArrayList<>();
            c.add("talos " + TALOS.get(Math.floorMod(cp.subnets() >> 12, TALOS.size())));
            c.add("kubernetes " + KUBERNETES.get(Math.floorMod(cp.subnets() >> 14, KUBERNETES.size())));
            String vipAddress = null;
            if (vip) {
                vipAddress = vipNet.allocate(cp.vipOctet());
                c.add("vip " + spell(vipAddress) + " on " + vipNet.name);
            }
            if (cp.cni() >= 0) c.add("cni " + CNIS.get(cp.cni()));
            if (cp.kubeProxy() > 0) c.add("kube-proxy " + (cp.kubeProxy() == 1));
            int podsAt = Math.floorMod(cp.subnets(), 56);
            int servicesAt = (podsAt + 1 + Math.floorMod(cp.subnets() >> 6, 55)) % 56;
            // dual stack: an IPv6 /56 for pods and a /112 for services, under prefixes no network uses
            boolean dual = has(Feature.DUAL_STACK_CLUSTER);
            c.add("pods 10." + (200 + podsAt) + ".0.0/16" + (dual ? " fdfe:" + Integer.toHexString(fp.c() & 0xffff) + "::/56" : ""));
            c.add("services 10." + (200 + servicesAt) + ".0.0/16" + (dual ? " fdfd:" + Integer.toHexString(fp.c() >> 8 & 0xffff) + "::/112" : ""));
            boolean endpoint = has(Feature.ENDPOINT) && !vip && !cp.lbs().isEmpty();
            List<String> lbs = new ArrayList<>();
            String firstLbAddress = null;
            for (int l = 0; l < cp.lbs().size(); l++) {
                LbPlan lp = cp.lbs().get(l);
                lbs.add(n(LBS + l));
                String at = lbAddress(lp.net(), lp.octet());
                if (l == 0) firstLbAddress = at.substring(0, at.indexOf(' '));
                boolean named = endpoint && l == 0 || (lp.octet() >> 20 & 1) != 0;
                c.add("loadbalancer " + n(LBS + l) + " " + at + (named ? " dns lb" + l + "." + domain : ""));
            }
            // The API behind a load balancer, by its dns name or its address (HL033: it must be one's)
            if (endpoint) c.add("endpoint " + ((fp.c() >> 20 & 1) != 0 ? "lb0." + domain : firstLbAddress));
            if (bgp) {
                String peer = gatewayDevice != null && deviceGatewayNets.contains(first) && (fp.c() >> 21 & 1) != 0 ? gatewayDevice
                        : first.gatewayAddress != null ? spell(first.gatewayAddress) : spell(first.allocate(fp.c() >> 3));
                List<String> b = new ArrayList<>(List.of("asn " + (64512 + (fp.a() & 7)), "peer " + peer + " asn 64500"));
                if ((fp.c() >> 22 & 1) != 0) b.add("peer " + spell(first.allocate(fp.c() >> 5)) + " asn 4200000001");
                c.add(nested("bgp", b));
            }
            if (has(Feature.NTP)) {
                c.add("ntp " + switch (Math.floorMod(fp.a() >> 4, 3)) {
                    case 0 -> list(List.of("162.159.200.1", "time.cloudflare.com"));
                    case 1 -> gatewayDevice != null ? list(List.of(gatewayDevice)) : "time.cloudflare.com";
                    default -> list(List.of("2606:4700:f1::1"));
                });
            }
            if (has(Feature.SYSCTL)) c.add("sysctl net.core.rmem_max 7500000");
            if (has(Feature.DISK_ENCRYPTION) && (fp.a() >> 9 & 1) != 0) c.add("encrypt worker EPHEMERAL key \"workers\"");
            if (has(Feature.NODE_SETTINGS)) {
                c.add("cluster-dns 10." + (200 + servicesAt) + ".0.10");
                c.add("cluster-domain cluster.local");
                c.add("kubeprism 7445");
                c.add("kernel-arg \"mitigations=off\"");
                c.add("kernel-module nbd");
                c.add("extension \"siderolabs/nfsrahead\"");
                c.add("mirror docker.io \"https://mirror.gcr.io\"");
                if ((fp.a() >> 6 & 1) != 0) c.add("control-plane-workloads true");
            }
            if (fault == Fault.VIP_REUSED_BY_LOAD_BALANCER) {
                String again = spell(vipAddress);
                c.add("loadbalancer " + n(LBS + 3) + " " + again + " on " + vipNet.name);
                faultTexts.add(again);
            }
            if (fault == Fault.NAME_OUTSIDE_DOMAIN && lbs.isEmpty()) {
                lbs.add(n(LBS));
                c.add("loadbalancer " + n(LBS) + " " + lbAddress(0, cp.vipOctet() + 5));
            }
            List<String> flux = new ArrayList<>();
            if (cp.flux()) {
                flux.addAll(List.of("repository \"https://github.com/example/home-ops\"", "branch main",
                        "path \"./kubernetes/flux/cluster\"", "interval " + List.of("1h", "10m", "1h30m", "30s").get(podsAt % 4)));
            }
            if (has(Feature.NAMESPACED_LAYOUT)) {
                flux.add("layout namespaced");
                // the components and description of the first app's namespace folder
                if (!w.apps().isEmpty()) {
                    flux.add("namespace " + n(appSlice % POOL) + " { components [alerts] description \"" + DESCRIPTIONS.get(0) + "\" }");
                }
            }
            if (has(Feature.FLUX_FIELDS) && (fp.a() >> 10 & 1) != 0) flux.add("decryption sops"); // every app's, unless its own
            if (has(Feature.FLUX_FIELDS) && (fp.a() >> 11 & 1) != 0) {
                // a root of the user's own beside cluster-apps (the chart sources, say), all its fields or only its path
                List<String> root = new ArrayList<>(List.of("path \"./kubernetes/flux/repositories\""));
                if ((fp.a() >> 12 & 1) != 0) root.addAll(List.of("namespace flux-system", "wait true", "prune false", "interval 30m"));
                flux.add(nested("root repositories", root));
                if ((fp.a() >> 13 & 1) != 0) flux.add("apps-depend [repositories]");
            }
            if (!flux.isEmpty()) c.add(nested("flux", flux));
            if (cp.vip() && cp.flux()) c.add("secrets \"talos/secrets.yaml\"");
            emit(block("cluster " + n(CLUSTER), c));
            if (fault == Fault.EVEN_CONTROL_PLANES) faultTexts.add(n(CLUSTER));

            // ---------------------------------------------------------- ceph
            List<String> pools = new ArrayList<>();
            String cephFilesystem = null;
            if (cephPresent) {
                List<String> a = new ArrayList<>();
                if (cephNet != null) a.add("cluster-network " + cephNet.name);
                if (osdFilter != null) a.add("osd-filter \"" + osdFilter + "\"");
                if (ceph.publicNet() >= 0) a.add("public-network " + pick(nets, ceph.publicNet()).name);
                for (int q = 0; q < ceph.pools().size(); q++) {
                    PoolPlan pp = ceph.pools().get(q);
                    String fd = pp.domain() == 0 ? null : DOMAINS.get(pp.domain() - 1);
                    int domains = fd == null || fd.equals("host") ? osdHosts : fd.equals("osd") ? osdCount : 5;
                    // replicas: as planned, but never more than the failure domains; omitted means 3.
                    Integer replicas = pp.replicas() == 0 ? null : Math.min(pp.replicas(), domains);
                    if (replicas == null && domains < 3) replicas = domains;
                    int r = replicas == null ? 3 : replicas;
                    Integer min = pp.minSize() == 0 ? null : Math.min(pp.minSize(), r);
                    if (r == 2 && (min == null || min == 1)) min = 2; // replicas 2, min size 1 is a warning (HL042)
                    if (q == 0 && fault == Fault.MIN_SIZE_ABOVE_REPLICAS) {
                        min = r + 1;
                        faultTexts.add(String.valueOf(min));
                    }
                    List<String> pa = new ArrayList<>();
                    if (replicas != null) pa.add("replicas " + replicas);
                    if (min != null) pa.add("min-size " + min);
                    if (fd != null) pa.add("failure-domain " + fd);
                    if (pp.compression()) pa.add("compression aggressive zstd");
                    pools.add(n(POOLS + q));
                    a.add(nested("pool " + n(POOLS + q), pa));
                }
                if (has(Feature.OTHER_BACKENDS)) {
                    // a CephFS for `cephfs` classes: no more replicas than hosts with OSDs, never 2 with min size 1
                    int r = Math.min(3, osdHosts);
                    cephFilesystem = n(FILESYSTEM);
                    a.add(nested("filesystem " + cephFilesystem, r == 2 ? List.of("replicas 2", "min-size 2") : List.of("replicas " + r)));
                }
                emit(block("ceph " + n(CEPH), a));
            }

            // ---------------------------------------------------------- storage classes
            List<String> classes = new ArrayList<>();
            // Longhorn keeps at most one replica per node that runs workloads (HL045): the workers, or the control
            // planes when there is none or they run workloads too
            // (the extra host of the OSD fault is a worker too: without it, a spec of control planes alone runs
            // workloads on all of them, with it only on that host)
            int workers = fault == Fault.OSD_HOST_OFF_CEPH_NETWORK ? 1 : 0;
            for (boolean cpNode : control) if (!cpNode) workers++;
            int workloadNodes = workers == 0 || cpWorkloads ? control.length : workers;
            for (int s = 0; s < w.classes().size(); s++) {
                ClassPlan sc = w.classes().get(s);
                List<String> a = new ArrayList<>();
                int backend = has(Feature.OTHER_BACKENDS) ? Math.floorMod(fp.c() >> (3 * s), 7) : sc.backend();
                if (backend == 0 && pools.isEmpty()) backend = 1;
                if ((backend == 2 || backend == 5) && exports.isEmpty()) backend = 1;
                if (backend == 6 && cephFilesystem == null) backend = 3;
                int longhorn = Math.min(3, workloadNodes);
                a.add(switch (backend) {
                    case 0 -> "ceph " + pools.get(s % pools.size());
                    case 2 -> "nfs " + exports.get(s % exports.size()) + " on " + nas;
                    case 3 -> longhorn == 3 && (sc.reclaim() & 1) == 0 ? "longhorn" : "longhorn replicas " + longhorn;
                    case 4 -> "zfs " + n(ZPOOL) + ((sc.filesystem() & 1) != 0 ? " on " + list(List.of(n(hostSlice))) : "");
                    case 5 -> (sc.filesystem() & 1) != 0 ? "democratic-csi nfs export " + exports.get(s % exports.size()) + " on " + nas
                            : "democratic-csi iscsi on " + nas;
                    case 6 -> "cephfs " + cephFilesystem;
                    default -> "hostpath \"/var/mnt/local-" + s + "\"";
                });
                if (backend == 3) {
                    if (longhorn == 1 && sc.expandable()) a.add("data-locality strict-local");
                    else if (sc.expandable()) a.add("data-locality best-effort");
                    if (sc.reclaim() == 2) a.add("recurring snapshot \"0 3 * * *\" retain 7");
                }
                if ((sc.filesystem() >> 1 & 1) != 0) a.add("binding wait-for-first-consumer");
                if (Math.floorMod(w.defaultClass(), w.classes().size()) == s) a.add("default");
                if (sc.filesystem() > 0) a.add("filesystem " + List.of("ext4", "xfs").get(sc.filesystem() - 1));
                if (sc.reclaim() > 0) a.add("reclaim " + List.of("delete", "retain").get(sc.reclaim() - 1));
                if (sc.expandable()) a.add("expandable");
                classes.add(n(CLASSES + s));
                emit(block("storage-class " + n(CLASSES + s), a));
            }

            // ---------------------------------------------------------- services and backups
            List<String> services = new ArrayList<>();
            String vault = w.vault() ? n(SERVICES) : null;
            int serviceCount = Math.max(w.services().size(), vault != null ? 1 : 0);
            for (int s = 0; s < serviceCount; s++) {
                ServicePlan sv = s < w.services().size() ? w.services().get(s) : new ServicePlan(0, false, false, false);
                List<String> kinds = new ArrayList<>();
                if (s == 0 && vault != null) kinds.add("vault");
                for (int b = 0; b < SERVICE_KINDS.size(); b++) if ((sv.kinds() >> b & 1) != 0 && kinds.size() < 3) kinds.add(SERVICE_KINDS.get(b));
                if (kinds.isEmpty()) kinds.add("other");
                List<String> a = new ArrayList<>(List.of("kind " + list(kinds)));
                if (sv.purpose()) a.add("purpose \"Secrets Management\"");
                if (sv.purpose()) a.add("usage \"Central vault, reached through https://api.example.com\"");
                if (sv.endpoint()) a.add("endpoint \"https://api." + label(sv.kinds()) + ".com/v4\"");
                if (has(Feature.DNS_PROVIDERS) && sv.purpose()) a.add("dns svc" + s + "." + domain);
                if (has(Feature.DNS_PROVIDERS) && sv.endpoint()) a.add("description \"" + DESCRIPTIONS.get(s % DESCRIPTIONS.size()) + "\"");
                if (sv.secret() && vault != null) a.add("secret \"" + n(SERVICES + s) + "/api-token\" from " + vault);
                services.add(n(SERVICES + s));
                emit(block("service " + n(SERVICES + s), a));
            }
            // ---------------------------------------------------------- DNS providers
            if (has(Feature.DNS_PROVIDERS)) {
                // LAN records in the gateway (a device: not public, so any domain), public ones in a service. A public
                // provider serving a domain a host or device is named in is HL085: it serves a zone of its own.
                if (gatewayDevice != null) {
                    List<String> a = new ArrayList<>(List.of("target " + gatewayDevice,
                            "domains " + list(local != null ? List.of(domain, local) : List.of(domain)),
                            "sources " + list(List.of("gateway-httproute", "service")), "txt-prefix \"k8s.main.\"", "owner main",
                            "policy " + List.of("sync", "upsert-only", "create-only").get(Math.floorMod(fp.a() >> 7, 3)),
                            "webhook \"kashalls/external-dns-unifi-webhook v0.9.0\""));
                    emit(block("dns-provider " + n(PROVIDERS), a));
                }
                if (!services.isEmpty()) {
                    List<String> a = new ArrayList<>(List.of("target " + services.get(0), "domains " + list(List.of("pub." + domain, "\"${SECRET_DOMAIN}\"")),
                            "description \"public records\""));
                    if ((fp.a() >> 9 & 1) != 0) a.add("sources " + list(List.of("crd", "gateway-httproute")));
                    if ((fp.a() >> 10 & 1) != 0) a.add("policy sync");
                    emit(block("dns-provider " + n(PROVIDERS + 1), a));
                }
            }

            List<String> targets = new ArrayList<>(services);
            if (gatewayDevice != null) targets.add(gatewayDevice);
            if (nas != null) targets.add(nas);
            for (int b = 0; b < w.backups().size() && !targets.isEmpty(); b++) {
                BackupPlan bp = w.backups().get(b);
                List<String> a = new ArrayList<>(List.of("tool volsync", "method restic"));
                int source = bp.source() == 2 && exports.isEmpty() ? 0 : bp.source();
                a.add("source " + switch (source) {
                    case 1 -> "postgres";
                    case 2 -> "export " + exports.get(0) + " on " + nas;
                    default -> "pvcs";
                });
                a.add("to " + targets.get(Math.floorMod(bp.target(), targets.size())));
                a.add(bp.every() ? "every 6h" : "schedule \"0 6 * * *\"");
                if (has(Feature.NODE_SETTINGS)) a.addAll(List.of("keep daily 7", "keep weekly 4", "retention 30d", "description \"nightly\""));
                emit(block("backup " + n(BACKUPS + b), a));
            }

            // ---------------------------------------------------------- apps
            List<AppPlan> appPlans = new ArrayList<>(w.apps());
            boolean needsApp = fault == Fault.UNKNOWN_DEPENDENCY || fault == Fault.APP_DECLARED_TWICE
                    || fault == Fault.NAME_OUTSIDE_DOMAIN;
            if (needsApp && appPlans.isEmpty()) appPlans.add(new AppPlan(0, 0, 0, 0, 0, 0, 0, 0));
            List<String> apps = new ArrayList<>();
            List<String> appNamespaces = new ArrayList<>();
            boolean namespaced = has(Feature.NAMESPACED_LAYOUT);
            String firstRoute = null;
            for (int i = 0; i < appPlans.size(); i++) {
                AppPlan ap = appPlans.get(i);
                int extras = ap.extras(), more = ap.more();
                // `namespace` is a keyword a name may be spelled as, but not an app's: its file would be the
                // namespace folder's namespace.yaml (HL097).
                String name = n(appSlice + i).equals("namespace") ? "namespace-app" : n(appSlice + i);
                String ns = n((appSlice + i * 7) % POOL);
                List<String> a = new ArrayList<>();
                a.add("namespace " + ns);
                if ((extras & 1) != 0) a.add("path \"./kubernetes/apps/" + ns + "/" + name + "/app\"");
                List<String> deps = new ArrayList<>();
                for (int j = 0; j < i; j++) {
                    if ((ap.depends() >> j & 1) == 0) continue;
                    // `app@namespace`: needed in the namespaced layout for an app of another namespace (a bare name
                    // means one of the same namespace, HL071), allowed anywhere
                    boolean elsewhere = !appNamespaces.get(j).equals(ns);
                    boolean qualified = elsewhere && namespaced || (more >> (9 + j % 8) & 1) != 0;
                    deps.add(apps.get(j) + (qualified ? "@" + appNamespaces.get(j) : ""));
                }
                if (i == 0 && fault == Fault.UNKNOWN_DEPENDENCY) {
                    deps.add(n(FRESH + 1));
                    faultTexts.add(n(FRESH + 1));
                }
                if (deps.size() > 1 && (more & 1) != 0) { // `depends` may be given more than once
                    a.add("depends " + list(deps.subList(0, 1)));
                    a.add("depends " + list(deps.subList(1, deps.size())));
                } else if (!deps.isEmpty()) {
                    a.add("depends " + list(deps));
                }
                for (int s = 0; s < classes.size(); s++) if ((ap.storage() >> s & 1) != 0) a.add("storage " + classes.get(s));
                List<String> uses = new ArrayList<>();
                for (int s = 0; s < services.size(); s++) if ((ap.uses() >> s & 1) != 0) uses.add(services.get(s));
                if (!uses.isEmpty()) a.add("uses " + list(uses));
                if (!lbs.isEmpty()) {
                    for (int r = 0; r < ap.routes(); r++) {
                        String zone = (extras >> (8 + r) & 1) != 0 && local != null ? local : domain;
                        String host = ((extras >> (10 + r) & 1) != 0 ? "*." : "") + name + "-" + r + "." + zone;
                        if (i == 0 && r == 0 && (more >> 1 & 3) == 1) host = zone; // the apex
                        if ((extras >> 12 & 7) == 1) host = host.toUpperCase(Locale.ROOT);
                        if ((extras >> 12 & 7) == 2 && host.contains(".")) host = host + ".";
                        String via = lbs.get(Math.floorMod(ap.lb() + r, lbs.size()));
                        if (firstRoute == null) firstRoute = host + " via " + via;
                        a.add("route " + host + " via " + via);
                    }
                    // The same name twice through the same load balancer is one record: allowed.
                    if (i > 0 && firstRoute != null && (more >> 3 & 3) == 1) a.add("route " + firstRoute);
                    if (i == 0 && fault == Fault.NAME_OUTSIDE_DOMAIN) {
                        a.add("route " + name + ".outside.invalid via " + lbs.get(0));
                        faultTexts.add(name + ".outside.invalid");
                    }
                }
                for (int v = 0; v < ap.vars(); v++) {
                    String var = VARS.get(Math.floorMod((extras >> 16) + v, VARS.size()));
                    boolean secret = vault != null && (extras >> (20 + v) & 1) != 0;
                    a.add("var " + (secret ? var + "_X" : var) + " "
                            + (secret ? "secret \"" + name + "/password\" from " + vault : VALUES.get(Math.floorMod(ap.lb() + v, VALUES.size()))));
                }
                if ((extras & 2) != 0) a.add(List.of("wait", "wait true", "wait false").get(Math.floorMod(ap.lb(), 3)));
                if ((extras & 4) != 0) a.add("prune " + ((extras & 8) != 0));
                if ((extras & 16) != 0) a.add("interval 10m");
                if ((extras & 32) != 0) a.add("timeout 5m");
                if ((extras & 64) != 0) a.add("description \"" + DESCRIPTIONS.get(Math.floorMod(more >> 5, DESCRIPTIONS.size())) + "\"");
                if (has(Feature.FLUX_FIELDS)) {
                    // Flux ignores health checks of an app that waits for everything (HL131): only beside no `wait`
                    boolean waits = (extras & 2) != 0 && Math.floorMod(ap.lb(), 3) != 2;
                    if (!waits && (more >> 8 & 1) != 0) a.add("health-check HelmRelease " + name);
                    if ((more >> 9 & 1) != 0) a.add("retry-interval 2m");
                    if ((more >> 10 & 1) != 0) a.add((more >> 11 & 1) != 0 ? "decryption sops secret sops-age" : "decryption sops");
                    if ((more >> 12 & 1) != 0) a.add("substitute-from " + ((more >> 13 & 1) != 0 ? "configmap " : "secret ") + name + "-settings"
                            + ((more >> 14 & 1) != 0 ? " optional" : ""));
                    if ((more >> 15 & 1) != 0) a.add("flux-spec \"\"\"\n    force: true\n    \"\"\"");
                }
                if (i == 0 && has(Feature.MULTUS)) {
                    // a static pod address on the first network, which every spec's first host is on (the macvlan's master)
                    Net net = nets.get(0);
                    String address = net.allocate(ap.lb() + 40);
                    if (address != null) {
                        a.add("multus " + spell(address) + " on " + net.name
                                + (net.gatewayAddress != null && (more >> 6 & 1) != 0 ? " via " + spell(net.gatewayAddress) : ""));
                    }
                }
                if (i == 0 && has(Feature.NAMESPACED_LAYOUT) && (more >> 7 & 1) != 0) a.add("components " + list(List.of("alerts", "kopiur/backup")));
                apps.add(name);
                appNamespaces.add(ns);
                emit(block("app " + name, a));
            }
            if (fault == Fault.APP_DECLARED_TWICE) {
                String twice = apps.get(apps.size() - 1);
                emit(block("app " + twice, List.of("namespace " + n(FRESH + 2))));
                faultTexts.add(twice);
            }
            int hostCount = hostPlans.size() + (fault == Fault.OSD_HOST_OFF_CEPH_NETWORK ? 1 : 0);
            return new GeneratedSpec(List.copyOf(decls), fault, Set.copyOf(faultTexts), hostCount, nets.size());
        }

        /** A load balancer's `A on N`: from the pools once there are some, else as {@link #placedAddress}. */
        String lbAddress(int planned, int preferred) {
            Net net = poolNet != null ? poolNet : pools ? nets.get(0) : null;
            String address = net == null ? null : poolNet != null ? net.allocate(preferred) : net.allocateInPool(preferred);
            if (address != null) return spell(address) + " on " + net.name;
            if (pools) throw new IllegalStateException("the load-balancer pool is full");
            return placedAddress(planned, preferred).substring("address ".length());
        }

        /** `address A on N` on the planned network, or on the next one with room (tiny networks fill up). */
        String placedAddress(int planned, int preferred) {
            for (int i = 0; i < nets.size(); i++) {
                Net net = pick(nets, planned + i);
                String address = net.allocate(preferred);
                if (address != null) return "address " + spell(address) + " on " + net.name;
            }
            throw new IllegalStateException("every network is full");
        }

        /**
         * Which hosts are control planes: those the plan marks first, then others, until the count is odd and at
         * most 5 (valid), or even and at least 2 (the EVEN_CONTROL_PLANES fault).
         */
        boolean[] roles(List<HostPlan> hosts) {
            int h = hosts.size();
            int want = (int) hosts.stream().filter(HostPlan::controlPlane).count();
            if (fault == Fault.EVEN_CONTROL_PLANES) {
                want = Math.max(2, Math.min(4, want));
                if (want % 2 == 1) want = want + 1 <= Math.min(h, 4) ? want + 1 : want - 1;
            } else {
                want = Math.max(1, Math.min(5, want));
                if (want % 2 == 0) want--;
            }
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < h; i++) order.add(i);
            order.sort(Comparator.comparing((Integer i) -> !hosts.get(i).controlPlane()).thenComparing(Function.identity()));
            boolean[] control = new boolean[h];
            for (int i = 0; i < want; i++) control[order.get(i)] = true;
            return control;
        }

        /** Interface names of host i: unique within the host, drawn from the pool (so sometimes keywords). */
        List<String> interfaceNames(int host) {
            List<String> out = new ArrayList<>();
            for (int k = 0; k < nets.size() + 3; k++) {
                // a link's name is the kernel's, at most 15 characters (HL004); the pool's keywords reach 16
                String name = n((host * 5 + k + 11) % POOL);
                out.add(name.length() <= 15 ? name : name.substring(0, 12) + k);
            }
            return out;
        }

        /** The taint a host's plan gives it (workers only, with LABELS_AND_TAINTS), by its effect; null for none. */
        String taintEffect(int i, HostPlan hp, boolean controlPlane) {
            boolean fb = (fp.b() >> (i % 12) & 1) != 0 || i == 0;
            int fx = hp.octets().get(2);
            if (!has(Feature.LABELS_AND_TAINTS) || !fb || controlPlane || (fx >> 7 & 1) == 0) return null;
            return TAINT_EFFECTS.get(Math.floorMod(fx >> 12, 3));
        }

        /**
         * How many hosts a routed Thunderbolt ring joins: the first two or three (none without the feature or with a
         * single host). Each has one address, a /32 network of its own, on every port; a port's cable reaches one peer,
         * by a link-scope host route (no `via`: the peer is at the cable's other end).
         */
        int ringSize(int hosts) {
            return has(Feature.THUNDERBOLT_RING) && hosts >= 2 ? Math.min(3, hosts) : 0;
        }

        /** A ring network's name: longer than any pool name (at most 11 characters), so never one of them. */
        static String ringNet(int r) {
            return "thunderbolt-ring-" + r;
        }

        static String ringAddress(int r) {
            return "169.254.255." + (10 + r);
        }

        /**
         * The Thunderbolt ports of ring member {@code i}: in a ring of three, port 0 to the next node and port 1 to the
         * one before, both with the node's address (not HL124: two Thunderbolt links); in a ring of two, one port.
         * An MTU up to thunderbolt-net's 65522 (HL092's range for a `thunderbolt` link), sometimes a route metric.
         */
        List<String> thunderboltPorts(int i, int hosts) {
            int size = ringSize(hosts);
            if (i >= size) return List.of();
            String mtu = THUNDERBOLT_MTUS.get(Math.floorMod(fp.c() >> 27, THUNDERBOLT_MTUS.size()));
            String metric = (fp.b() >> 24 & 1) != 0 ? " metric 2048" : "";
            List<String> out = new ArrayList<>();
            for (int port = 0; port < size - 1; port++) {
                int peer = (i + 1 + port) % size;
                out.add("interface thunderbolt" + port + " on " + ringNet(i) + " address " + ringAddress(i)
                        + " thunderbolt \"" + port + "-1.0\"" + mtu + " route " + ringAddress(peer) + "/32" + metric);
            }
            return out;
        }

        /** VLAN ids must differ between networks: the planned id, or the next free one. */
        int uniqueVlan(int planned) {
            int v = planned;
            while (!vlans.add(v)) v = v % 4094 + 1;
            return v;
        }

        /** An IPv6 address in one of its spellings (canonical, capitals, uncompressed, full); IPv4 as it is. */
        String spell(String address) {
            if (address == null || !address.contains(":")) return address;
            IPAddress a = new IPAddressString(address).getAddress();
            return switch (style.nextInt(6)) {
                case 0 -> address.toUpperCase(Locale.ROOT);
                case 1 -> a.toNormalizedString();
                case 2 -> a.toFullString();
                default -> address;
            };
        }

        // ------------------------------------------------------------------ layout

        void emit(String decl) {
            String d = decl;
            int c = style.nextInt(6);
            if (c == 0) d = "// " + d.substring(0, d.indexOf(' ')) + " follows\n" + d;
            if (c == 1) d = "# ----\n" + d;
            decls.add(d);
        }

        String block(String head, List<String> attrs) {
            int s = style.nextInt(4);
            if (s == 0 || attrs.isEmpty()) return head + " { " + String.join("  ", attrs) + " }";
            StringBuilder b = new StringBuilder(head).append(s == 1 ? "\n{\n" : " {\n");
            String indent = s == 3 ? "\t" : "  ";
            for (String a : attrs) {
                b.append(indent).append(a.replace("\n", "\n" + indent));
                if (style.nextInt(8) == 0) b.append("   // why: ").append(style.nextInt(100));
                b.append('\n');
            }
            return b.append("}").toString();
        }

        String nested(String head, List<String> attrs) {
            if (style.nextBoolean()) return head + " { " + String.join(" ", attrs) + " }";
            StringBuilder b = new StringBuilder(head).append(" {\n");
            for (String a : attrs) b.append("  ").append(a).append('\n');
            return b.append("}").toString();
        }

        /** A bracketed list with varying punctuation, or a bare name when there is one element. */
        String list(List<String> items) {
            int s = style.nextInt(5);
            if (items.size() == 1 && s == 0) return items.get(0);
            return switch (s) {
                case 1 -> "[" + String.join(" ", items) + "]";
                case 2 -> "[" + String.join(", ", items) + ",]";
                case 3 -> "[ " + String.join(" , ", items) + " ]";
                default -> "[" + String.join(", ", items) + "]";
            };
        }
    }

    static <T> T pick(List<T> items, int i) {
        return items.get(Math.floorMod(i, items.size()));
    }

    /** A DNS label from a number: a letter, then letters and digits. */
    static String label(int seed) {
        String letters = "abcdefghijklmnopqrstuvwxyz";
        int x = Math.floorMod(seed, 1 << 20);
        StringBuilder b = new StringBuilder().append(letters.charAt(x % 26));
        x /= 26;
        while (x > 0) {
            b.append("abcdefghijklmnopqrstuvwxyz0123456789".charAt(x % 36));
            x /= 36;
        }
        return b.toString();
    }

    /** A locally administered MAC address, unique per host and link. */
    static String mac(int host, int link) {
        return "02:00:" + hex2(host) + ":" + hex2(link) + ":00:01";
    }

    static String hex2(int x) {
        return String.format("%02x", x & 0xff);
    }
}

package hlc.resolve;

import hlc.diag.SourceFile;
import hlc.diag.Span;
import hlc.model.App;
import hlc.model.Ceph;
import hlc.model.Cidr;
import hlc.model.Cluster;
import hlc.model.Device;
import hlc.model.Host;
import hlc.model.Ip;
import hlc.model.Name;
import hlc.model.Network;
import hlc.model.Service;
import hlc.model.Spec;
import hlc.model.StorageClass;
import hlc.model.Target;

import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The spec as every back end reads it: declarations indexed by name, hlc's defaults applied (each a
 * {@link Defaulted} that knows it is one), and the facts several places need worked out once (a device's
 * address on a network, the load balancer of a route, the failure domains of a pool, the API endpoint). The
 * checks read it, and so do the emitters, {@code whatif} and {@code graph}: what is checked is what is written.
 *
 * <p>Where a name is declared twice, the first declaration wins here (the duplicate is HL011). Immutable; the
 * maps keep declaration order. Built by {@link Resolver#resolve}.
 */
public final class ResolvedSpec {
    /** The subnets Talos gives pods and services when the spec names none (Talos's own defaults). */
    public static final String DEFAULT_POD_SUBNET = "10.244.0.0/16";
    public static final String DEFAULT_SERVICE_SUBNET = "10.96.0.0/12";
    public static final String DEFAULT_INSTALL_DISK = "/dev/sda";
    public static final int DEFAULT_KUBEPRISM_PORT = 7445;
    public static final String DEFAULT_CLUSTER_DOMAIN = "cluster.local";
    public static final java.time.Duration DEFAULT_FLUX_INTERVAL = java.time.Duration.ofHours(1);

    private final Spec spec;
    private final Map<String, Network> networks;
    private final Map<String, Host> hosts;
    private final Map<String, Device> devices;
    private final Map<String, Ceph.Pool> pools;
    private final Map<String, StorageClass> storageClasses;
    private final Map<String, Service> services;
    private final Map<String, App> apps;
    private final Map<String, Cluster.LoadBalancer> loadBalancers;
    private final Map<SourceFile, Integer> fileOrder = new HashMap<>();
    private final ClusterSettings cluster;
    /** Facts the back ends derive from the whole spec, each worked out once per spec: see {@link #derived}. */
    private final Map<Fact<?>, Object> derived = new java.util.concurrent.ConcurrentHashMap<>();
    private final ResolvedSpec whole;
    private final String outputFolder;
    private final List<ResolvedSpec> perCluster;
    private final List<PlacedAddress> placedAddresses;

    /** Prefer {@link Resolver#resolve}; public so that code written against the old index is re-pointed by an import. */
    public ResolvedSpec(Spec spec) {
        this(spec, null, "");
    }

    /** {@code whole} is the spec this one cluster's view is part of (null: this is the whole spec). */
    private ResolvedSpec(Spec spec, ResolvedSpec whole, String outputFolder) {
        this.spec = spec;
        this.whole = whole == null ? this : whole;
        this.outputFolder = outputFolder;
        networks = byName(spec.networks(), Network::name);
        hosts = byName(spec.hosts(), Host::name);
        devices = byName(spec.devices(), Device::name);
        pools = byName(spec.pools(), Ceph.Pool::name);
        storageClasses = byName(spec.storageClasses(), StorageClass::name);
        services = byName(spec.services(), Service::name);
        apps = byName(spec.apps(), App::name);
        loadBalancers = byName(spec.cluster() == null ? List.of() : spec.cluster().loadBalancers(),
                Cluster.LoadBalancer::name);
        for (int i = 0; i < spec.files().size(); i++) fileOrder.putIfAbsent(spec.files().get(i), i);
        cluster = spec.cluster() == null ? null : ClusterSettings.of(spec.cluster(), this);
        placedAddresses = List.copyOf(PlacedAddress.collect(spec));
        perCluster = whole != null || ClusterView.names(spec) < 2 ? List.of(this) : views(spec);
    }

    /** One view per cluster name (a second cluster of one name is HL011 and gets none), each in its own folder. */
    private List<ResolvedSpec> views(Spec spec) {
        List<ResolvedSpec> out = new java.util.ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Cluster c : spec.clusters()) {
            if (seen.add(c.name().text())) out.add(new ResolvedSpec(ClusterView.of(spec, c), this, c.name().text()));
        }
        return List.copyOf(out);
    }

    /**
     * The spec cluster by cluster, as checks and emitters read it: itself when it has one cluster (or none), else
     * one view per cluster ({@link ClusterView}) in declaration order. A view's {@link #whole} is this.
     */
    public List<ResolvedSpec> perCluster() {
        return perCluster;
    }

    /** The whole spec this is a view of; itself when it is the whole. */
    public ResolvedSpec whole() {
        return whole;
    }

    /** True when the spec has more than one cluster (checks across them apply, each has its own folder). */
    public boolean severalClusters() {
        return ClusterView.names(whole.spec) > 1;
    }

    /**
     * The folder of the output this view is written into: empty for a spec with one cluster (the output folder
     * itself, as always), else the cluster's name ({@code out/edge/...}).
     */
    public String outputFolder() {
        return outputFolder;
    }

    /** Every address the spec places on a network, in declaration order: what the address checks see. */
    public List<PlacedAddress> placedAddresses() {
        return placedAddresses;
    }

    public Spec spec() {
        return spec;
    }

    public Map<String, Network> networks() {
        return networks;
    }

    public Map<String, Host> hosts() {
        return hosts;
    }

    public Map<String, Device> devices() {
        return devices;
    }

    public Map<String, Ceph.Pool> pools() {
        return pools;
    }

    public Map<String, StorageClass> storageClasses() {
        return storageClasses;
    }

    public Map<String, Service> services() {
        return services;
    }

    public Map<String, App> apps() {
        return apps;
    }

    public Map<String, Cluster.LoadBalancer> loadBalancers() {
        return loadBalancers;
    }

    /** The cluster's settings with hlc's defaults applied; null when the spec has no cluster. */
    public ClusterSettings cluster() {
        return cluster;
    }

    /**
     * The network a host is known by (its DNS record, the Talos node IP, the default route): the cluster's
     * {@code node-network}, else the VIP's network; null when the spec names neither.
     */
    public String nodeNetworkName() {
        Cluster c = spec.cluster();
        if (c == null) return null;
        if (c.nodeNetwork() != null) return c.nodeNetwork().text();
        return c.vip() != null ? c.vip().network().text() : null;
    }

    /**
     * The address a host is known by (its DNS record, the Talos node IP): its interface on the cluster's node
     * network, else its first address; null when it has none (a plain DHCP node).
     */
    public Ip primaryAddress(Host h) {
        Host.Interface i = primaryInterface(h);
        return i == null ? null : i.address();
    }

    /** The interface whose address is {@link #primaryAddress}; null when the host has no address. */
    public Host.Interface primaryInterface(Host h) {
        String nodeNet = nodeNetworkName();
        Host.Interface first = null;
        for (Host.Interface i : h.interfaces()) {
            if (i.address() == null) continue;
            if (nodeNet != null && i.network() != null && i.network().text().equals(nodeNet)) return i;
            if (first == null) first = i;
        }
        return first;
    }

    /** The address a host has on a network (its first interface there with one), or null. */
    public Ip addressOn(Host h, String network) {
        for (Host.Interface i : h.interfaces()) {
            if (i.address() != null && i.network() != null && i.network().text().equals(network)) return i.address();
        }
        return null;
    }

    /** The address a device has on a network, or null when it has none there. */
    public Ip addressOn(Device d, String network) {
        for (Device.Address a : d.addresses()) {
            if (a.network() != null && a.network().text().equals(network)) return a.address();
        }
        return null;
    }

    /**
     * What a gateway or DNS server of a network is: the literal address, or the address on that network of the
     * device or host it names. Null when the name is unknown (HL010) or the holder has no address on the
     * network: a node cannot route through an address on another network.
     */
    public Ip addressOn(Target t, String network) {
        if (t.address() != null) return t.address();
        Device d = devices.get(t.ref().text());
        if (d != null) return addressOn(d, network);
        Host h = hosts.get(t.ref().text());
        return h == null ? null : addressOn(h, network);
    }

    /**
     * The address a target has in one prefix of a network (the IPv4 {@code cidr} or the {@code ipv6} beside it):
     * the literal, or the holder's address on that network inside the prefix. Null when the holder has none
     * there: a device with an IPv4 and an IPv6 address on one LAN routes each family through its own.
     */
    public Ip addressIn(Target t, Network n, Cidr prefix) {
        if (t.address() != null) return t.address();
        if (prefix == null) return null;
        String network = n.name().text();
        Device d = devices.get(t.ref().text());
        if (d != null) {
            for (Device.Address a : d.addresses()) {
                if (a.network() != null && a.network().text().equals(network) && prefix.contains(a.address())) return a.address();
            }
            return null;
        }
        Host h = hosts.get(t.ref().text());
        if (h == null) return null;
        for (Host.Interface i : h.interfaces()) {
            if (i.network() == null || !i.network().text().equals(network)) continue;
            if (i.address() != null && prefix.contains(i.address())) return i.address();
            if (i.ipv6() != null && prefix.contains(i.ipv6())) return i.ipv6();
        }
        return null;
    }

    /** The router of a network's {@code cidr}, as the nodes' default route gets it; null when it has none. */
    public Ip gatewayOf(Network n) {
        return n.gateway() == null ? null : addressIn(n.gateway(), n, n.cidr());
    }

    /** The router of a network's {@code ipv6} prefix (the IPv6 default route); null when the spec states none. */
    public Ip ipv6GatewayOf(Network n) {
        return n.ipv6Gateway() == null ? null : addressIn(n.ipv6Gateway(), n, n.ipv6());
    }

    /**
     * The address a DNS server of a network is reached at: the holder's address on that network, else (DNS is
     * routed, unlike a gateway) the address it is known by.
     */
    public Ip dnsServerAddress(Target t, String network) {
        Ip on = addressOn(t, network);
        if (on != null || t.ref() == null) return on;
        Device d = devices.get(t.ref().text());
        if (d != null) return primaryAddress(d);
        Host h = hosts.get(t.ref().text());
        return h == null ? null : primaryAddress(h);
    }

    /**
     * The domain machines are named in: the site's {@code local-domain} when it has one (the names only the LAN's
     * DNS serves), else its {@code domain}; null without a site domain. A host's record is {@code <host>.<this>},
     * as is a device's without {@code dns} names.
     */
    public String machineDomain() {
        hlc.model.Site site = spec.site();
        if (site == null) return null;
        if (site.localDomain() != null) return site.localDomain().text();
        return site.domain() == null ? null : site.domain().text();
    }

    /** The DNS name of a host ({@code k8s-1.internal}); null without a site domain. */
    public String machineName(Host h) {
        String d = machineDomain();
        return d == null ? null : h.name().text() + "." + d;
    }

    /**
     * Whether an external-dns instance publishes to the internet: its {@code target} is a service (Cloudflare),
     * not a device of the LAN (the UniFi gateway).
     */
    public boolean isPublic(hlc.model.DnsProvider p) {
        return p.target() != null && services.containsKey(p.target().text());
    }

    /** The address a device is known by when no network is in question (its DNS record): its first. */
    public Ip primaryAddress(Device d) {
        return d.addresses().isEmpty() ? null : d.addresses().get(0).address();
    }

    /**
     * The load balancer an app's DNS name points through: the one it names with {@code via}, else the cluster's
     * only load balancer; null when neither exists (an unknown {@code via} is HL010).
     */
    public Cluster.LoadBalancer loadBalancerOf(App.Route r) {
        if (r.via() != null) return loadBalancers.get(r.via().text());
        Cluster c = spec.cluster();
        return c != null && c.loadBalancers().size() == 1 ? c.loadBalancers().get(0) : null;
    }

    /**
     * How a load-balancer pool's addresses reach the network: what {@code announce} says, else {@code bgp} for a
     * whole-network pool (a routed block no node is on) and, for a pool of blocks inside a node network, BGP
     * when the cluster has a {@code bgp} block, L2 announcements otherwise. Null for a network that is no pool.
     */
    public Defaulted<String> announcement(Network n) {
        if (!n.isLoadBalancerPool()) return null;
        if (n.announce() != null) return Defaulted.written(n.announce().text(), n.announce().span());
        boolean bgp = spec.cluster() != null && spec.cluster().bgp() != null;
        return Defaulted.byDefault(n.isPartialPool() && !bgp ? "l2" : "bgp");
    }
    /**
     * The hosts with OSDs, in declaration order: the same for every pool, so listed once (a pool per 50 hosts).
     * Those with {@code osd} lines, and, when a ceph block has an {@code osd-filter}, every node Rook's
     * {@code useAllNodes} places OSDs on: the nodes that run pods (workers, and control planes when they run
     * workloads), as {@link #podNodes} counts them, but those a NoSchedule or NoExecute taint keeps Rook's OSD
     * pods off (the chart gives them no tolerations: a GPU node tainted for its GPU pods gets no OSD).
     */
    private static final Fact<List<Host>> OSD_HOSTS = new Fact<>(ix -> {
        boolean filtered = ix.spec.cephs().stream().anyMatch(c -> c.osdFilter() != null);
        List<Host> pods = filtered ? ix.podNodes().stream().filter(h -> h.taints().stream()
                .noneMatch(t -> t.effect() != null && !t.effect().value().equals("PreferNoSchedule"))).toList() : List.of();
        return List.copyOf(ix.spec.hosts().stream().filter(h -> !h.osds().isEmpty() || pods.contains(h)).toList());
    });
    /** Their OSDs, counted once too: counting per pool made the replica check grow with pools × hosts. */
    private static final Fact<Integer> OSD_COUNT =
            new Fact<>(ix -> ix.derived(OSD_HOSTS).stream().mapToInt(PoolPlacement::osdsOf).sum());

    /** The hosts that run pods: the workers, and the control planes when they run workloads. */
    public List<Host> podNodes() {
        List<Host> hosts = spec.hosts();
        boolean hasWorkers = hosts.stream().anyMatch(h -> !h.isControlPlane());
        boolean onControlPlanes = spec.cluster() == null ? !hasWorkers : spec.cluster().workloadsOnControlPlanes(hasWorkers);
        return hosts.stream().filter(h -> !h.isControlPlane() || onControlPlanes).toList();
    }

    /** The hosts with OSDs (see {@link #OSD_HOSTS}). */
    public List<Host> osdHosts() {
        return derived(OSD_HOSTS);
    }

    /**
     * The load balancer that is the API's and holds the VIP's own address, when the spec says so: the cluster's
     * {@code endpoint} is one of its {@code dns} names and its address is the {@code vip}. Talos's VIP answers
     * for that address; Cilium must not announce it too. Null otherwise.
     */
    public Cluster.LoadBalancer apiLoadBalancerOnVip() {
        Cluster c = spec.cluster();
        if (c == null || c.vip() == null || c.endpoint() == null) return null;
        for (Cluster.LoadBalancer lb : c.loadBalancers()) {
            if (!lb.address().text().equals(c.vip().address().text())) continue;
            if (lb.dnsNames().stream().anyMatch(n -> n.dnsKey().equals(c.endpoint().dnsKey()))) return lb;
        }
        return null;
    }

    /** Where a pool's copies can go, with the defaults Rook applies (3 replicas, failure domain host). */
    public PoolPlacement placement(Ceph.Pool p) {
        List<Host> osdHosts = derived(OSD_HOSTS);
        Defaulted<Integer> replicas = p.replicas() == null ? Defaulted.byDefault(3)
                : Defaulted.written(p.replicas().value(), p.replicas().span());
        return new PoolPlacement(FailureDomain.of(p.effectiveFailureDomain()), p.effectiveFailureDomain(), replicas,
                p.effectiveMinSize(), osdHosts, derived(OSD_COUNT));
    }

    /**
     * The install disk by path: as written, or {@code /dev/sda} by default (what {@code talosctl gen config}
     * writes when it is not told); null when the spec chooses the disk by a selector instead.
     */
    public Defaulted<String> installDisk(Host h) {
        if (h.installDiskSelector() != null && h.installDisk() == null) return null;
        return h.installDisk() == null ? Defaulted.byDefault(DEFAULT_INSTALL_DISK)
                : Defaulted.written(h.installDisk().value(), h.installDisk().span());
    }

    /** The key by which DNS compares a name (lower case, no root dot): one definition for checks and emitters. */
    public static String dnsKey(Name n) {
        return n.dnsKey();
    }

    /**
     * Source order across files (import order, then line and column), so "first declared here" always points
     * at the earlier of two places, whatever order the checks visit them in.
     */
    public Comparator<Span> sourceOrder() {
        // written out, not Comparator.comparingInt(...).thenComparingInt(...): the JDK's combinator lambdas are
        // spun at run time on every start (no start-up archive holds them), milliseconds each
        return (a, b) -> {
            int c = Integer.compare(fileOrder.getOrDefault(a.file(), Integer.MAX_VALUE),
                    fileOrder.getOrDefault(b.file(), Integer.MAX_VALUE));
            if (c == 0) c = Integer.compare(a.line(), b.line());
            return c != 0 ? c : Integer.compare(a.column(), b.column());
        };
    }

    /**
     * A fact derived from the whole spec, named by a constant of the class that derives it, e.g.
     * {@code static final Fact<List<Variant>> VARIANTS = new Fact<>(VolsyncComponent::computeVariants)}. Asking for
     * it per app or per file would make a pass over every app once per app; {@link #derived} works it out once.
     * The function must read nothing but the spec (the spec is immutable, so the cached value stays true).
     */
    public static final class Fact<T> {
        private final Function<ResolvedSpec, T> compute;

        public Fact(Function<ResolvedSpec, T> compute) {
            this.compute = compute;
        }
    }

    /**
     * The value of a derived fact for this spec, worked out on first use. Safe when emitters run in parallel: two
     * threads may both work it out, and the first to finish wins (the function is pure, so both values agree).
     * Not {@code computeIfAbsent}: a fact may ask for another one while it is being worked out.
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(Fact<T> fact) {
        Object v = derived.get(fact);
        if (v == null) {
            v = fact.compute.apply(this);
            Object earlier = derived.putIfAbsent(fact, v);
            if (earlier != null) v = earlier;
        }
        return (T) v;
    }

    private static <T> Map<String, T> byName(List<T> items, Function<T, Name> name) {
        Map<String, T> map = new LinkedHashMap<>();
        for (T item : items) map.putIfAbsent(name.apply(item).text(), item);
        return Collections.unmodifiableMap(map);
    }

    static Cidr defaultCidr(String text, Span at) {
        return new Cidr(new inet.ipaddr.IPAddressString(text).getAddress().toPrefixBlock(), at);
    }
}

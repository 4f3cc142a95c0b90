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
    private final List<PlacedAddress> placedAddresses;

    /** Prefer {@link Resolver#resolve}; public so that code written against the old index is re-pointed by an import. */
    public ResolvedSpec(Spec spec) {
        this.spec = spec;
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

    /** Where a pool's copies can go, with the defaults Rook applies (3 replicas, failure domain host). */
    public PoolPlacement placement(Ceph.Pool p) {
        List<Host> osdHosts = spec.hosts().stream().filter(h -> !h.osds().isEmpty()).toList();
        Defaulted<Integer> replicas = p.replicas() == null ? Defaulted.byDefault(3)
                : Defaulted.written(p.replicas().value(), p.replicas().span());
        return new PoolPlacement(FailureDomain.of(p.effectiveFailureDomain()), p.effectiveFailureDomain(), replicas, p.effectiveMinSize(), osdHosts);
    }

    /** The disk Talos installs to: the host's, else /dev/sda (Talos's own default). */
    public Defaulted<String> installDisk(Host h) {
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
        return Comparator.comparingInt((Span s) -> fileOrder.getOrDefault(s.file(), Integer.MAX_VALUE))
                .thenComparingInt(Span::line)
                .thenComparingInt(Span::column);
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

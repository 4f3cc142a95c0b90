package hlc.check;

import hlc.model.App;
import hlc.model.Ceph;
import hlc.model.Cluster;
import hlc.model.Device;
import hlc.model.Host;
import hlc.model.Name;
import hlc.model.Network;
import hlc.model.Service;
import hlc.model.Spec;
import hlc.model.StorageClass;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The model with its declarations indexed by name, built once per run so that no check searches a list. Where
 * a name is declared twice, the first declaration wins here (the duplicate is reported by its own check).
 */
public final class SpecIndex {
    private final Spec spec;
    public final Map<String, Network> networks;
    public final Map<String, Host> hosts;
    public final Map<String, Device> devices;
    public final Map<String, Ceph.Pool> pools;
    public final Map<String, StorageClass> storageClasses;
    public final Map<String, Service> services;
    public final Map<String, App> apps;
    public final Map<String, Cluster.LoadBalancer> loadBalancers;

    public SpecIndex(Spec spec) {
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
    }

    public Spec spec() {
        return spec;
    }

    /**
     * The address a host is known by (its DNS record, the Talos node IP): its interface on the cluster's node
     * network, else on the VIP's network when the cluster has a VIP, else its first address; null when it has
     * none (a plain DHCP node).
     */
    public hlc.model.Ip primaryAddress(hlc.model.Host h) {
        Cluster c = spec.cluster();
        String vipNet = c == null ? null : c.nodeNetwork() != null ? c.nodeNetwork().text()
                : c.vip() != null ? c.vip().network().text() : null;
        hlc.model.Ip first = null;
        for (hlc.model.Host.Interface i : h.interfaces()) {
            if (i.address() == null) continue;
            if (vipNet != null && i.network() != null && i.network().text().equals(vipNet)) return i.address();
            if (first == null) first = i.address();
        }
        return first;
    }

    /**
     * Source order across files (import order, then line and column), so "first declared here" always points
     * at the earlier of two places, whatever order the checks visit them in.
     */
    public java.util.Comparator<hlc.diag.Span> sourceOrder() {
        Map<hlc.diag.SourceFile, Integer> order = new java.util.HashMap<>();
        for (int i = 0; i < spec.files().size(); i++) order.putIfAbsent(spec.files().get(i), i);
        return java.util.Comparator.comparingInt((hlc.diag.Span s) -> order.getOrDefault(s.file(), Integer.MAX_VALUE))
                .thenComparingInt(hlc.diag.Span::line)
                .thenComparingInt(hlc.diag.Span::column);
    }

    private static <T> Map<String, T> byName(List<T> items, Function<T, Name> name) {
        Map<String, T> map = new LinkedHashMap<>();
        for (T item : items) map.putIfAbsent(name.apply(item).text(), item);
        return map;
    }
}

package hlc.resolve;

import hlc.model.Ceph;
import hlc.model.Cluster;
import hlc.model.Host;
import hlc.model.Name;
import hlc.model.Spec;
import hlc.model.StorageClass;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The part of a spec with several clusters that one of them is made of: its own hosts, apps and Ceph clusters
 * (each says {@code cluster NAME}), the storage classes it names or whose backend it has (a Ceph pool of its own
 * Ceph, a static class on one of its hosts, and every other hostpath or NFS class), and everything the clusters share as it
 * is: the site, networks, devices, services, backups and DNS providers. Every check and emitter reads such a
 * view as if it were a one-cluster spec, so each cluster is checked and written by the code that does one.
 */
public final class ClusterView {
    private ClusterView() {}

    /** Whether a block that says {@code cluster member} (null: says none) belongs to {@code c} in {@code spec}. */
    public static boolean belongs(Name member, Cluster c, Spec spec) {
        if (member == null) return names(spec) == 1;
        return member.text().equals(c.name().text());
    }

    /** How many clusters the spec has, by name (a second of one name is HL011, not a second cluster). */
    public static long names(Spec spec) {
        return spec.clusters().stream().map(x -> x.name().text()).distinct().count();
    }

    /** The spec {@code c} is made of, in declaration order, with {@code c} as its only cluster. */
    static Spec of(Spec spec, Cluster c) {
        List<Host> hosts = spec.hosts().stream().filter(h -> belongs(h.cluster(), c, spec)).toList();
        List<Ceph> cephs = spec.cephs().stream().filter(x -> belongs(x.cluster(), c, spec)).toList();
        Set<String> pools = new HashSet<>();
        cephs.forEach(x -> x.pools().forEach(p -> pools.add(p.name().text())));
        Set<String> hostNames = new HashSet<>();
        hosts.forEach(h -> hostNames.add(h.name().text()));
        List<StorageClass> classes = spec.storageClasses().stream().filter(sc -> {
            if (sc.cluster() != null) return belongs(sc.cluster(), c, spec);
            if (sc.backend() instanceof StorageClass.CephPool p) {
                return pools.contains(p.pool().text()) || !declaredPool(spec, p.pool());
            }
            if (sc.backend() instanceof StorageClass.Static s) {
                return hostNames.contains(s.host().text()) || spec.hosts().stream().noneMatch(h -> h.name().text().equals(s.host().text()));
            }
            return true;
        }).toList();
        return new Spec(spec.files(), spec.sites(), List.of(c), spec.networks(), hosts, spec.devices(), cephs,
                classes, spec.services(), spec.backups(),
                spec.apps().stream().filter(a -> belongs(a.cluster(), c, spec)).toList(), spec.dnsProviders());
    }

    /** An unknown pool stays in every view, where the reference check reports it (HL010) as it does for one cluster. */
    private static boolean declaredPool(Spec spec, Name pool) {
        return spec.pools().stream().anyMatch(p -> p.name().text().equals(pool.text()));
    }
}

package hlc.model;

import hlc.diag.SourceFile;

import java.util.List;

/**
 * The whole checked-or-to-be-checked description of a homelab: the contract between the front end (parse,
 * build) and the back end (check, emit). Immutable; lists keep declaration order. A spec describes one site and
 * one cluster; {@code sites} and {@code clusters} keep every one written, so that a second is reported (HL011)
 * by the check that reports every other duplicate, and {@link #site()} and {@link #cluster()} are the first.
 */
public record Spec(List<SourceFile> files, List<Site> sites, List<Cluster> clusters, List<Network> networks, List<Host> hosts,
                   List<Device> devices, List<Ceph> cephs, List<StorageClass> storageClasses,
                   List<Service> services, List<Backup> backups, List<App> apps,
                   List<DnsProvider> dnsProviders) {

    public Spec {
        files = List.copyOf(files);
        sites = List.copyOf(sites);
        clusters = List.copyOf(clusters);
        networks = List.copyOf(networks);
        hosts = List.copyOf(hosts);
        devices = List.copyOf(devices);
        cephs = List.copyOf(cephs);
        storageClasses = List.copyOf(storageClasses);
        services = List.copyOf(services);
        backups = List.copyOf(backups);
        apps = List.copyOf(apps);
        dnsProviders = List.copyOf(dnsProviders);
    }

    /** The site, or null when none is declared. */
    public Site site() {
        return sites.isEmpty() ? null : sites.get(0);
    }

    /** The cluster, or null when none is declared. */
    public Cluster cluster() {
        return clusters.isEmpty() ? null : clusters.get(0);
    }

    public List<Ceph.Pool> pools() {
        return cephs.stream().flatMap(c -> c.pools().stream()).toList();
    }
}

package hlc.model;

import hlc.diag.SourceFile;

import java.util.List;

/**
 * The whole checked-or-to-be-checked description of a homelab: the contract between the front end (parse,
 * build) and the back end (check, emit). Immutable; lists keep declaration order.
 */
public record Spec(List<SourceFile> files, Site site, Cluster cluster, List<Network> networks, List<Host> hosts,
                   List<Device> devices, List<Ceph> cephs, List<StorageClass> storageClasses,
                   List<Service> services, List<Backup> backups, List<App> apps,
                   List<DnsProvider> dnsProviders) {

    public Spec {
        files = List.copyOf(files);
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

    public List<Ceph.Pool> pools() {
        return cephs.stream().flatMap(c -> c.pools().stream()).toList();
    }
}

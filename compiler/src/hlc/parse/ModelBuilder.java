package hlc.parse;

import hlc.diag.Reporter;
import hlc.diag.SourceFile;
import hlc.model.App;
import hlc.model.Backup;
import hlc.model.Ceph;
import hlc.model.Cluster;
import hlc.model.Device;
import hlc.model.DnsProvider;
import hlc.model.Host;
import hlc.model.Network;
import hlc.model.Service;
import hlc.model.Site;
import hlc.model.Spec;
import hlc.model.StorageClass;
import hlc.parse.gen.HomeLabParser.DeclarationContext;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the typed model from parse trees: hands each declaration to the builder of its block kind
 * ({@link NetworkBuilder}, {@link HostBuilder}, ...) and collects what they return into one {@link Spec}.
 * The builders check only what belongs to a single attribute or block; everything that relates two
 * declarations is a check in {@code hlc.check}.
 */
public final class ModelBuilder {
    private final Reporter reporter;
    private final List<SourceFile> files = new ArrayList<>();
    private final List<Site> sites = new ArrayList<>();
    private final List<Cluster> clusters = new ArrayList<>();
    private final List<Network> networks = new ArrayList<>();
    private final List<Host> hosts = new ArrayList<>();
    private final List<Device> devices = new ArrayList<>();
    private final List<Ceph> cephs = new ArrayList<>();
    private final List<StorageClass> storageClasses = new ArrayList<>();
    private final List<Service> services = new ArrayList<>();
    private final List<Backup> backups = new ArrayList<>();
    private final List<App> apps = new ArrayList<>();
    private final List<DnsProvider> dnsProviders = new ArrayList<>();

    public ModelBuilder(Reporter reporter) {
        this.reporter = reporter;
    }

    public Spec build(List<ParsedFile> parsed) {
        for (ParsedFile f : parsed) {
            files.add(f.source());
            Builders builders = new Builders(reporter, new Literals(f.source(), reporter));
            for (DeclarationContext d : f.tree().declaration()) declaration(d, builders);
        }
        return new Spec(files, sites, clusters, networks, hosts, devices, cephs, storageClasses, services, backups,
                apps, dnsProviders);
    }

    private void declaration(DeclarationContext d, Builders b) {
        if (d.siteDecl() != null) addIfBuilt(sites, b.site.build(d.siteDecl()));
        else if (d.networkDecl() != null) addIfBuilt(networks, b.network.build(d.networkDecl()));
        else if (d.clusterDecl() != null) addIfBuilt(clusters, b.cluster.build(d.clusterDecl()));
        else if (d.hostDecl() != null) addIfBuilt(hosts, b.host.build(d.hostDecl()));
        else if (d.deviceDecl() != null) addIfBuilt(devices, b.device.build(d.deviceDecl()));
        else if (d.cephDecl() != null) addIfBuilt(cephs, b.ceph.build(d.cephDecl()));
        else if (d.storageClassDecl() != null) addIfBuilt(storageClasses, b.storageClass.build(d.storageClassDecl()));
        else if (d.serviceDecl() != null) addIfBuilt(services, b.service.build(d.serviceDecl()));
        else if (d.backupDecl() != null) addIfBuilt(backups, b.backup.build(d.backupDecl()));
        else if (d.appDecl() != null) addIfBuilt(apps, b.app.build(d.appDecl()));
        else if (d.dnsProviderDecl() != null) addIfBuilt(dnsProviders, b.dnsProvider.build(d.dnsProviderDecl()));
    }

    /** A block without a name has been reported by the parser and is left out of the model. */
    private static <T> void addIfBuilt(List<T> list, T value) {
        if (value != null) list.add(value);
    }

    /** One builder per block kind, all reading the same file. */
    private static final class Builders {
        final SiteBuilder site;
        final NetworkBuilder network;
        final ClusterBuilder cluster;
        final HostBuilder host;
        final DeviceBuilder device;
        final CephBuilder ceph;
        final StorageClassBuilder storageClass;
        final ServiceBuilder service;
        final BackupBuilder backup;
        final AppBuilder app;
        final DnsProviderBuilder dnsProvider;

        Builders(Reporter reporter, Literals lit) {
            site = new SiteBuilder(reporter, lit);
            network = new NetworkBuilder(reporter, lit);
            cluster = new ClusterBuilder(reporter, lit);
            host = new HostBuilder(reporter, lit);
            device = new DeviceBuilder(reporter, lit);
            ceph = new CephBuilder(reporter, lit);
            storageClass = new StorageClassBuilder(reporter, lit);
            service = new ServiceBuilder(reporter, lit);
            backup = new BackupBuilder(reporter, lit);
            app = new AppBuilder(reporter, lit);
            dnsProvider = new DnsProviderBuilder(reporter, lit);
        }
    }
}

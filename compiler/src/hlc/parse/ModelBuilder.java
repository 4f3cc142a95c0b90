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
            if (f.built() != null) {
                // built as it was parsed (SpecLoader's reading): its findings join here, where building them would
                reporter.addAll(f.built().findings());
                f.built().rethrowFailure();
                for (Object o : f.built().declarations()) add(o);
                continue;
            }
            Builders builders = new Builders(reporter, new Literals(f.source(), reporter));
            for (DeclarationContext d : f.tree().declaration()) add(one(d, builders));
        }
        return spec();
    }

    /**
     * One declaration's model object (a {@link Site}, {@link Network}, {@link Host}, …), or null for a block the
     * parser reported without a name: the language server builds only the blocks an edit touched and keeps the
     * others ({@link #assemble}). Each block is built on its own, whatever the others say, so this is what
     * {@link #build} makes of it.
     */
    public static Object buildOne(SourceFile file, DeclarationContext d, Reporter reporter) {
        return one(d, new Builders(reporter, new Literals(file, reporter)));
    }

    /** Builds declarations of {@code file} one by one, all with the same builders, reporting to {@code reporter}. */
    static java.util.function.Function<DeclarationContext, Object> builderOf(SourceFile file, Reporter reporter) {
        Builders builders = new Builders(reporter, new Literals(file, reporter));
        return d -> one(d, builders);
    }

    /** The spec of the declarations of {@code files}, built one by one ({@link #buildOne}), in file and block order. */
    public static Spec assemble(List<SourceFile> files, List<Object> declarations) {
        ModelBuilder m = new ModelBuilder(null);
        m.files.addAll(files);
        for (Object o : declarations) m.add(o);
        return m.spec();
    }

    private Spec spec() {
        return new Spec(files, sites, clusters, networks, hosts, devices, cephs, storageClasses, services, backups,
                apps, dnsProviders);
    }

    private static Object one(DeclarationContext d, Builders b) {
        if (d.siteDecl() != null) return b.site.build(d.siteDecl());
        if (d.networkDecl() != null) return b.network.build(d.networkDecl());
        if (d.clusterDecl() != null) return b.cluster.build(d.clusterDecl());
        if (d.hostDecl() != null) return b.host.build(d.hostDecl());
        if (d.deviceDecl() != null) return b.device.build(d.deviceDecl());
        if (d.cephDecl() != null) return b.ceph.build(d.cephDecl());
        if (d.storageClassDecl() != null) return b.storageClass.build(d.storageClassDecl());
        if (d.serviceDecl() != null) return b.service.build(d.serviceDecl());
        if (d.backupDecl() != null) return b.backup.build(d.backupDecl());
        if (d.appDecl() != null) return b.app.build(d.appDecl());
        if (d.dnsProviderDecl() != null) return b.dnsProvider.build(d.dnsProviderDecl());
        return null;
    }

    /** A block without a name has been reported by the parser and is left out of the model (null). */
    private void add(Object o) {
        if (o instanceof Site x) sites.add(x);
        else if (o instanceof Network x) networks.add(x);
        else if (o instanceof Cluster x) clusters.add(x);
        else if (o instanceof Host x) hosts.add(x);
        else if (o instanceof Device x) devices.add(x);
        else if (o instanceof Ceph x) cephs.add(x);
        else if (o instanceof StorageClass x) storageClasses.add(x);
        else if (o instanceof Service x) services.add(x);
        else if (o instanceof Backup x) backups.add(x);
        else if (o instanceof App x) apps.add(x);
        else if (o instanceof DnsProvider x) dnsProviders.add(x);
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

package hlc.parse;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.diag.SourceFile;
import hlc.diag.Span;
import hlc.model.App;
import hlc.model.Backup;
import hlc.model.Ceph;
import hlc.model.Cluster;
import hlc.model.Device;
import hlc.model.DnsProvider;
import hlc.model.Duration;
import hlc.model.Host;
import hlc.model.Ip;
import hlc.model.Located;
import hlc.model.Name;
import hlc.model.Network;
import hlc.model.Role;
import hlc.model.SecretRef;
import hlc.model.Service;
import hlc.model.Site;
import hlc.model.Spec;
import hlc.model.StorageClass;
import hlc.model.Target;
import hlc.model.Version;
import hlc.model.Cidr;
import hlc.model.Size;
import hlc.parse.gen.HomeLabParser.*;
import org.antlr.v4.runtime.ParserRuleContext;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the typed model from parse trees. It checks only what belongs to a single attribute (its value's
 * range, its fixed choices, given once) and to a single block (required attributes); everything that relates
 * two declarations is a check in {@code hlc.check}. The fixed choices are public: the language server offers
 * them in completion.
 */
public final class ModelBuilder {
    public static final List<String> ROLES = List.of("controlplane", "worker");
    public static final List<String> CNIS = List.of("cilium", "calico", "flannel", "none");
    public static final List<String> DEVICE_KINDS = List.of("gateway", "nas", "switch", "access-point", "server", "other");
    public static final List<String> FAILURE_DOMAINS = List.of("host", "osd", "rack", "zone");
    public static final List<String> COMPRESSION_MODES = List.of("none", "passive", "aggressive", "force");
    public static final List<String> COMPRESSION_ALGORITHMS = List.of("zstd", "snappy", "zlib", "lz4");
    public static final List<String> FILESYSTEMS = List.of("ext4", "xfs");
    public static final List<String> RECLAIM = List.of("delete", "retain");
    public static final List<String> BOND_MODES = List.of("active-backup", "balance-rr", "balance-xor", "broadcast",
            "802.3ad", "balance-tlb", "balance-alb");
    public static final List<String> GPU_DRIVERS = List.of("i915", "xe", "nvidia", "amdgpu");
    public static final List<String> FLUX_LAYOUTS = List.of("flat", "namespaced");
    public static final List<String> POOL_KINDS = List.of("loadbalancer");
    public static final List<String> BINDING_MODES = List.of("immediate", "wait-for-first-consumer");
    public static final List<String> DNS_POLICIES = List.of("sync", "upsert-only", "create-only");
    public static final List<String> SYSTEM_VOLUMES = List.of("EPHEMERAL", "IMAGECACHE");
    public static final List<String> SERVICE_KINDS = List.of("dns", "tunnel", "vault", "object-storage", "notifications",
            "email", "vpn", "identity", "monitoring", "vps", "other");

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
    private Literals lit;
    private DualStack dual;

    public ModelBuilder(Reporter reporter) {
        this.reporter = reporter;
    }

    public Spec build(List<ParsedFile> parsed) {
        for (ParsedFile f : parsed) {
            files.add(f.source());
            lit = new Literals(f.source(), reporter);
            dual = new DualStack(lit, reporter);
            for (DeclarationContext d : f.tree().declaration()) declaration(d);
        }
        Site site = sites.isEmpty() ? null : sites.get(0);
        Cluster cluster = clusters.isEmpty() ? null : clusters.get(0);
        singleton(sites.stream().map(Site::name).toList(), "site");
        singleton(clusters.stream().map(Cluster::name).toList(), "cluster");
        return new Spec(files, site, cluster, networks, hosts, devices, cephs, storageClasses, services, backups, apps,
                dnsProviders);
    }

    private static Cidr first(DualStack.Subnets s) {
        return s == null ? null : s.first();
    }

    private static Cidr ipv6(DualStack.Subnets s) {
        return s == null ? null : s.ipv6();
    }

    private void singleton(List<Name> names, String kind) {
        for (int i = 1; i < names.size(); i++) {
            if (names.get(i) == null || names.get(0) == null) continue;
            reporter.error(Code.HL011, names.get(i).span(), "a spec describes one " + kind + "; this is a second")
                    .label(names.get(0).span(), "the first " + kind + " is declared here")
                    .hint("merge the two " + kind + " blocks").emit();
        }
    }

    private void declaration(DeclarationContext d) {
        if (d.siteDecl() != null) site(d.siteDecl());
        else if (d.networkDecl() != null) network(d.networkDecl());
        else if (d.clusterDecl() != null) cluster(d.clusterDecl());
        else if (d.hostDecl() != null) host(d.hostDecl());
        else if (d.deviceDecl() != null) device(d.deviceDecl());
        else if (d.cephDecl() != null) ceph(d.cephDecl());
        else if (d.storageClassDecl() != null) storageClass(d.storageClassDecl());
        else if (d.serviceDecl() != null) service(d.serviceDecl());
        else if (d.backupDecl() != null) backup(d.backupDecl());
        else if (d.appDecl() != null) app(d.appDecl());
        else if (d.dnsProviderDecl() != null) dnsProvider(d.dnsProviderDecl());
    }

    private String title(String kind, Name name) {
        return "`" + kind + " " + (name == null ? "?" : name.text()) + "`";
    }

    private void require(Slot<?> slot, Name owner, String kind, String attribute, String example) {
        if (slot.given() || owner == null) return;
        reporter.error(Code.HL007, owner.span(), title(kind, owner) + " has no `" + attribute + "`")
                .hint("add e.g. `" + example + "` inside the block").emit();
    }

    // ------------------------------------------------------------------ site
    private void site(SiteDeclContext ctx) {
        Name name = lit.name(ctx.name());
        String t = title("site", name);
        Slot<Name> domain = new Slot<>("domain", t);
        Slot<Name> local = new Slot<>("local-domain", t);
        Slot<Located<String>> tz = new Slot<>("timezone", t);
        Slot<String> desc = new Slot<>("description", t);
        for (SiteAttrContext a : ctx.siteAttr()) {
            Span at = lit.span(a);
            if (a instanceof SiteDomainContext c) domain.set(reporter, at, lit.name(c.dnsName()));
            else if (a instanceof SiteLocalDomainContext c) local.set(reporter, at, lit.name(c.dnsName()));
            else if (a instanceof SiteTimezoneContext c) tz.set(reporter, at, lit.string(c.STRING()));
            else if (a instanceof SiteDescriptionContext c) desc.set(reporter, at, text(lit.string(c.STRING())));
        }
        require(domain, name, "site", "domain", "domain example.com");
        if (name != null) sites.add(new Site(name, domain.get(), local.get(), tz.get(), desc.get()));
    }

    // ------------------------------------------------------------------ networks
    private void network(NetworkDeclContext ctx) {
        Name name = lit.name(ctx.name());
        String t = title("network", name);
        Slot<Cidr> cidr = new Slot<>("cidr", t);
        Slot<Target> gateway = new Slot<>("gateway", t);
        Slot<List<Target>> dns = new Slot<>("dns", t);
        Slot<Located<Integer>> vlan = new Slot<>("vlan", t);
        Slot<Located<Integer>> mtu = new Slot<>("mtu", t);
        Slot<Network.DhcpRange> dhcp = new Slot<>("dhcp", t);
        Slot<String> desc = new Slot<>("description", t);
        Slot<Cidr> ipv6 = new Slot<>("ipv6", t);
        Target ipv6Gateway = null;
        Slot<Name> pool = new Slot<>("pool", t);
        for (NetworkAttrContext a : ctx.networkAttr()) {
            Span at = lit.span(a);
            if (a instanceof NetCidrContext c) cidr.set(reporter, at, lit.cidr(c.cidr()));
            else if (a instanceof NetGatewayContext c) gateway.set(reporter, at, target(c.target()));
            else if (a instanceof NetDnsContext c) dns.set(reporter, at, targets(c.targetList()));
            else if (a instanceof NetVlanContext c) vlan.set(reporter, at, lit.number(c.number(), 1, 4094, "VLAN id"));
            else if (a instanceof NetMtuContext c) mtu.set(reporter, at, lit.number(c.number(), 576, 9216, "MTU"));
            else if (a instanceof NetDhcpContext c) dhcp.set(reporter, at, dhcpRange(c));
            else if (a instanceof NetDescriptionContext c) desc.set(reporter, at, text(lit.string(c.STRING())));
            else if (a instanceof NetIpv6Context c) {
                boolean first = !ipv6.given();
                ipv6.set(reporter, at, ipv6Cidr(c));
                if (first && c.target() != null) ipv6Gateway = dual.ipv6Gateway(target(c.target()));
            }
            else if (a instanceof NetPoolContext c) pool.set(reporter, at, lit.choice(c.name(), POOL_KINDS, "address pool"));
        }
        require(cidr, name, "network", "cidr", "cidr 192.168.5.0/24");
        if (name != null) {
            networks.add(new Network(name, cidr.get(), gateway.get(), dns.get() == null ? List.of() : dns.get(),
                    vlan.get(), mtu.get(), dhcp.get(), desc.get(), ipv6.get(), pool.get(), ipv6Gateway));
        }
    }

    private Cidr ipv6Cidr(NetIpv6Context c) {
        Cidr v6 = lit.cidr(c.cidr());
        if (v6 != null && v6.isIpv4()) {
            reporter.error(Code.HL004, v6.span(), "`ipv6` takes an IPv6 prefix; " + v6 + " is IPv4")
                    .hint("write the IPv4 prefix with `cidr`, the IPv6 one (e.g. a ULA fd00:5::/64) with `ipv6`").emit();
            return null;
        }
        return v6;
    }

    private Network.DhcpRange dhcpRange(NetDhcpContext c) {
        if (c.address().size() < 2) return null;
        Ip first = lit.ip(c.address(0));
        Ip last = lit.ip(c.address(1));
        if (first == null || last == null) return null;
        if (first.value().getIPVersion() != last.value().getIPVersion() || first.value().compareTo(last.value()) > 0) {
            reporter.error(Code.HL004, lit.span(c), "DHCP range " + first + " to " + last + " is empty or mixes IPv4 and IPv6")
                    .hint("write the lower address first").emit();
            return null;
        }
        return new Network.DhcpRange(first, last);
    }

    private Target target(TargetContext c) {
        if (Literals.missing(c)) return null;
        if (c.address() != null) {
            Ip ip = lit.ip(c.address());
            return ip == null ? null : Target.of(ip);
        }
        Name n = lit.name(c.name());
        return n == null ? null : Target.of(n);
    }

    private List<Target> targets(TargetListContext c) {
        List<Target> out = new ArrayList<>();
        if (c == null) return out;
        for (TargetContext t : c.target()) {
            Target x = target(t);
            if (x != null) out.add(x);
        }
        return out;
    }

    private List<Name> names(NameListContext c) {
        List<Name> out = new ArrayList<>();
        if (c == null) return out;
        for (NameContext n : c.name()) {
            Name x = lit.name(n);
            if (x != null) out.add(x);
        }
        return out;
    }

    // ------------------------------------------------------------------ cluster
    private void cluster(ClusterDeclContext ctx) {
        Name name = lit.name(ctx.name());
        String t = title("cluster", name);
        Slot<Version> talos = new Slot<>("talos", t);
        Slot<Version> kubernetes = new Slot<>("kubernetes", t);
        Slot<Cluster.Vip> vip = new Slot<>("vip", t);
        Slot<Name> cni = new Slot<>("cni", t);
        Slot<Located<Boolean>> kubeProxy = new Slot<>("kube-proxy", t);
        Slot<DualStack.Subnets> pods = new Slot<>("pods", t);
        Slot<DualStack.Subnets> services = new Slot<>("services", t);
        Slot<Cluster.Flux> flux = new Slot<>("flux", t);
        Slot<Located<String>> secrets = new Slot<>("secrets", t);
        Slot<Name> endpoint = new Slot<>("endpoint", t);
        Slot<Name> nodeNetwork = new Slot<>("node-network", t);
        Slot<Cluster.Bgp> bgp = new Slot<>("bgp", t);
        Slot<Ip> clusterDns = new Slot<>("cluster-dns", t);
        Slot<Name> clusterDomain = new Slot<>("cluster-domain", t);
        Slot<Located<Integer>> kubePrism = new Slot<>("kubeprism", t);
        Slot<Located<Boolean>> cpWorkloads = new Slot<>("control-plane-workloads", t);
        Slot<Located<Boolean>> coreDns = new Slot<>("coredns", t);
        List<Located<String>> kernelArgs = new ArrayList<>();
        List<Name> kernelModules = new ArrayList<>();
        List<Located<String>> extensions = new ArrayList<>();
        List<Cluster.LoadBalancer> lbs = new ArrayList<>();
        for (ClusterAttrContext a : ctx.clusterAttr()) {
            Span at = lit.span(a);
            if (a instanceof ClusterTalosContext c) talos.set(reporter, at, lit.version(c.VERSION()));
            else if (a instanceof ClusterKubernetesContext c) kubernetes.set(reporter, at, lit.version(c.VERSION()));
            else if (a instanceof ClusterVipContext c) {
                Ip ip = lit.ip(c.address());
                Name net = lit.name(c.name());
                vip.set(reporter, at, ip == null || net == null ? null : new Cluster.Vip(ip, net));
            } else if (a instanceof ClusterCniContext c) cni.set(reporter, at, lit.choice(c.name(), CNIS, "CNI"));
            else if (a instanceof ClusterKubeProxyContext c) kubeProxy.set(reporter, at, lit.bool(c.bool()));
            else if (a instanceof ClusterControlPlaneWorkloadsContext c) cpWorkloads.set(reporter, at, lit.bool(c.bool()));
            else if (a instanceof ClusterCoreDnsContext c) coreDns.set(reporter, at, lit.bool(c.bool()));
            else if (a instanceof ClusterPodsContext c) pods.set(reporter, at, dual.subnets(c.cidr(), "pods"));
            else if (a instanceof ClusterServicesContext c) services.set(reporter, at, dual.subnets(c.cidr(), "services"));
            else if (a instanceof ClusterLoadBalancerContext c && c.name().size() == 2) {
                Name lbName = lit.name(c.name(0));
                Ip ip = lit.ip(c.address());
                Name net = lit.name(c.name(1));
                List<Name> dns = new ArrayList<>();
                for (DnsNameContext d : c.dnsName()) {
                    Name n = lit.name(d);
                    if (n != null) dns.add(n);
                }
                if (lbName != null && ip != null && net != null) lbs.add(new Cluster.LoadBalancer(lbName, ip, net, dns));
            } else if (a instanceof ClusterFluxContext c) flux.set(reporter, at, flux(c));
            else if (a instanceof ClusterSecretsContext c) secrets.set(reporter, at, lit.string(c.STRING()));
            else if (a instanceof ClusterEndpointContext c) endpoint.set(reporter, at, lit.name(c.dnsName()));
            else if (a instanceof ClusterNodeNetworkContext c) nodeNetwork.set(reporter, at, lit.name(c.name()));
            else if (a instanceof ClusterBgpContext c) bgp.set(reporter, at, bgp(c));
            else if (a instanceof ClusterDnsContext c) clusterDns.set(reporter, at, lit.ip(c.address()));
            else if (a instanceof ClusterDomainContext c) clusterDomain.set(reporter, at, lit.name(c.dnsName()));
            else if (a instanceof ClusterKubePrismContext c) kubePrism.set(reporter, at, lit.number(c.number(), 1, 65535, "KubePrism port"));
            else if (a instanceof ClusterKernelArgContext c) addIfPresent(kernelArgs, lit.nonEmpty(c.STRING(), "kernel argument"));
            else if (a instanceof ClusterKernelModuleContext c) addIfPresent(kernelModules, lit.name(c.name()));
            else if (a instanceof ClusterExtensionContext c) addIfPresent(extensions, lit.nonEmpty(c.STRING(), "system extension"));
        }
        require(talos, name, "cluster", "talos", "talos v1.10.7");
        require(kubernetes, name, "cluster", "kubernetes", "kubernetes v1.33.3");
        if (name != null) {
            clusters.add(new Cluster(name, talos.get(), kubernetes.get(), vip.get(), cni.get(), kubeProxy.get(),
                    first(pods.get()), first(services.get()), lbs, flux.get(), secrets.get(), endpoint.get(), nodeNetwork.get(),
                    bgp.get(), clusterDns.get(), clusterDomain.get(), kubePrism.get(), kernelArgs, kernelModules,
                    extensions, cpWorkloads.get(), coreDns.get(), ipv6(pods.get()), ipv6(services.get())));
        }
    }

    private static <T> void addIfPresent(List<T> list, T value) {
        if (value != null) list.add(value);
    }

    private Cluster.Bgp bgp(ClusterBgpContext ctx) {
        Slot<Located<Long>> asn = new Slot<>("asn", "`bgp`");
        List<Cluster.Peer> peers = new ArrayList<>();
        for (BgpAttrContext a : ctx.bgpAttr()) {
            Span at = lit.span(a);
            if (a instanceof BgpAsnContext c) asn.set(reporter, at, lit.asn(c.number()));
            else if (a instanceof BgpPeerContext c) {
                Target peer = target(c.target());
                Located<Long> peerAsn = lit.asn(c.number());
                if (peer != null) peers.add(new Cluster.Peer(peer, peerAsn));
            }
        }
        if (!asn.given()) {
            reporter.error(Code.HL007, lit.span(ctx), "`bgp` has no `asn`")
                    .hint("give the cluster's own ASN, e.g. `asn 64514`").emit();
        }
        return new Cluster.Bgp(asn.get(), peers);
    }

    private Cluster.Flux flux(ClusterFluxContext ctx) {
        String t = "`flux`";
        Slot<Located<String>> repo = new Slot<>("repository", t);
        Slot<Name> branch = new Slot<>("branch", t);
        Slot<Located<String>> path = new Slot<>("path", t);
        Slot<Duration> interval = new Slot<>("interval", t);
        Slot<Name> layout = new Slot<>("layout", t);
        Slot<Name> substituteFrom = new Slot<>("substitute-from", t);
        List<Name> substituteVariables = new ArrayList<>();
        List<Cluster.Namespace> namespaces = new ArrayList<>();
        for (FluxAttrContext a : ctx.fluxAttr()) {
            Span at = lit.span(a);
            if (a instanceof FluxRepositoryContext c) repo.set(reporter, at, lit.nonEmpty(c.STRING(), "Flux repository"));
            else if (a instanceof FluxBranchContext c) branch.set(reporter, at, lit.name(c.name()));
            else if (a instanceof FluxPathContext c) path.set(reporter, at, lit.nonEmpty(c.STRING(), "Flux path"));
            else if (a instanceof FluxIntervalContext c) interval.set(reporter, at, lit.duration(c.DURATION()));
            else if (a instanceof FluxLayoutContext c) layout.set(reporter, at, lit.choice(c.name(), FLUX_LAYOUTS, "Flux layout"));
            else if (a instanceof FluxSubstituteFromContext c) {
                substituteFrom.set(reporter, at, lit.name(c.name()));
                substituteVariables.addAll(names(c.nameList()));
            } else if (a instanceof FluxNamespaceContext c) {
                Cluster.Namespace ns = fluxNamespace(c);
                if (ns != null) namespaces.add(ns);
            }
        }
        return new Cluster.Flux(repo.get(), branch.get(), path.get(), interval.get(), layout.get(),
                substituteFrom.get(), substituteVariables, namespaces);
    }

    private Cluster.Namespace fluxNamespace(FluxNamespaceContext ctx) {
        Name name = lit.name(ctx.name());
        if (name == null) return null;
        String t = "`namespace " + name.text() + "` of `flux`";
        Slot<List<Located<String>>> components = new Slot<>("components", t);
        Slot<String> desc = new Slot<>("description", t);
        for (FluxNamespaceAttrContext a : ctx.fluxNamespaceAttr()) {
            Span at = lit.span(a);
            if (a instanceof FluxNamespaceComponentsContext c) components.set(reporter, at, components(c.componentList()));
            else if (a instanceof FluxNamespaceDescriptionContext c) desc.set(reporter, at, text(lit.string(c.STRING())));
        }
        return new Cluster.Namespace(name, components.get() == null ? List.of() : components.get(), desc.get());
    }

    /** Component names as written, `kopiur/backup` included; the tokens are joined without spaces. */
    private List<Located<String>> components(ComponentListContext c) {
        List<Located<String>> out = new ArrayList<>();
        if (c == null) return out;
        for (ComponentContext comp : c.component()) {
            if (Literals.missing(comp)) continue;
            out.add(new Located<>(comp.getText(), lit.span(comp)));
        }
        return out;
    }

    private List<App.Dependency> appRefs(AppRefListContext c) {
        List<App.Dependency> out = new ArrayList<>();
        if (c == null) return out;
        for (AppRefContext r : c.appRef()) {
            if (r.name().isEmpty()) continue;
            Name app = lit.name(r.name(0));
            Name ns = r.name().size() > 1 ? lit.name(r.name(1)) : null;
            if (app != null && (r.name().size() == 1 || ns != null)) out.add(new App.Dependency(app, ns));
        }
        return out;
    }

    // ------------------------------------------------------------------ hosts
    private void host(HostDeclContext ctx) {
        Name name = lit.name(ctx.name());
        String t = title("host", name);
        Slot<Located<String>> model = new Slot<>("model", t);
        Slot<Located<String>> cpu = new Slot<>("cpu", t);
        Slot<Size> memory = new Slot<>("memory", t);
        Slot<Located<Role>> role = new Slot<>("role", t);
        Slot<Located<String>> disk = new Slot<>("install-disk", t);
        Slot<Host.Gpu> gpu = new Slot<>("gpu", t);
        Slot<String> desc = new Slot<>("description", t);
        List<Host.Osd> osds = new ArrayList<>();
        List<Host.Interface> interfaces = new ArrayList<>();
        List<Host.Label> labels = new ArrayList<>();
        List<Host.Taint> taints = new ArrayList<>();
        List<Located<String>> extensions = new ArrayList<>();
        List<Located<String>> usb = new ArrayList<>();
        List<Host.Volume> volumes = new ArrayList<>();
        List<Host.Volume> userVolumes = new ArrayList<>();
        for (HostAttrContext a : ctx.hostAttr()) {
            Span at = lit.span(a);
            if (a instanceof HostModelContext c) model.set(reporter, at, lit.string(c.STRING()));
            else if (a instanceof HostCpuContext c) cpu.set(reporter, at, lit.string(c.STRING()));
            else if (a instanceof HostMemoryContext c) memory.set(reporter, at, lit.size(c.SIZE()));
            else if (a instanceof HostRoleContext c) {
                Name r = lit.choice(c.name(), ROLES, "role");
                role.set(reporter, at, r == null ? null
                        : new Located<>(r.text().equals("worker") ? Role.WORKER : Role.CONTROLPLANE, r.span()));
            } else if (a instanceof HostInstallDiskContext c) disk.set(reporter, at, lit.absolutePath(c.STRING(), "install disk", "/dev/", "/dev/nvme0n1"));
            else if (a instanceof HostGpuContext c) {
                Name driver = lit.choice(c.name(), GPU_DRIVERS, "GPU driver");
                gpu.set(reporter, at, driver == null ? null : new Host.Gpu(driver, lit.string(c.STRING())));
            } else if (a instanceof HostOsdContext c) {
                Located<String> sel = lit.absolutePath(c.STRING(), "OSD device selector", "/dev/", "/dev/disk/by-id/ata-SAMSUNG*");
                if (sel != null) osds.add(new Host.Osd(sel, lit.size(c.SIZE())));
            } else if (a instanceof HostInterfaceContext c) {
                Host.Interface i = iface(c, name);
                if (i != null) interfaces.add(i);
            } else if (a instanceof HostDescriptionContext c) desc.set(reporter, at, text(lit.string(c.STRING())));
            else if (a instanceof HostLabelContext c) addIfPresent(labels, label(lit.string(c.STRING())));
            else if (a instanceof HostTaintContext c) addIfPresent(taints, taint(lit.string(c.STRING())));
            else if (a instanceof HostExtensionContext c) addIfPresent(extensions, lit.nonEmpty(c.STRING(), "system extension"));
            else if (a instanceof HostUsbContext c) addIfPresent(usb, lit.nonEmpty(c.STRING(), "USB device"));
            else if (a instanceof HostVolumeContext c) {
                Name v = lit.choice(c.name(), SYSTEM_VOLUMES, "Talos system volume");
                if (v != null) volumes.add(volume(v, c.volumeAttr(), name));
            } else if (a instanceof HostUserVolumeContext c) {
                Name v = lit.name(c.name());
                if (v != null) userVolumes.add(volume(v, c.volumeAttr(), name));
            }
        }
        require(role, name, "host", "role", "role controlplane");
        if (name != null) {
            hosts.add(new Host(name, model.get(), cpu.get(), memory.get(), role.get(), disk.get(), gpu.get(), osds,
                    interfaces, desc.get(), labels, taints, extensions, usb, volumes, userVolumes));
        }
    }

    private Host.Volume volume(Name name, List<VolumeAttrContext> attrs, Name host) {
        String t = "volume `" + name.text() + "` of " + title("host", host);
        Slot<Size> min = new Slot<>("min-size", t);
        Slot<Size> max = new Slot<>("max-size", t);
        Slot<Located<String>> disk = new Slot<>("disk", t);
        Slot<Size> diskSize = new Slot<>("disk size", t);
        Slot<Located<Boolean>> grow = new Slot<>("grow", t);
        for (VolumeAttrContext a : attrs) {
            Span at = lit.span(a);
            if (a instanceof VolumeMinSizeContext c) min.set(reporter, at, lit.size(c.SIZE()));
            else if (a instanceof VolumeMaxSizeContext c) max.set(reporter, at, lit.size(c.SIZE()));
            else if (a instanceof VolumeDiskContext c) {
                disk.set(reporter, at, lit.nonEmpty(c.STRING(), "disk selector"));
                if (c.SIZE() != null) diskSize.set(reporter, at, lit.size(c.SIZE()));
            } else if (a instanceof VolumeGrowContext c) grow.set(reporter, at, lit.bool(c.bool()));
        }
        return new Host.Volume(name, min.get(), max.get(), disk.get(), diskSize.get(), grow.get());
    }

    /** `key=value`, split where the user wrote it; checked by the label check, not here. */
    private Host.Label label(Located<String> written) {
        if (written == null) return null;
        String s = written.value();
        int eq = s.indexOf('=');
        Located<String> key = part(written, 0, eq < 0 ? s.length() : eq);
        Located<String> value = eq < 0 ? null : part(written, eq + 1, s.length());
        return new Host.Label(key, value, written);
    }

    /** `key=value:Effect` or `key:Effect`. */
    private Host.Taint taint(Located<String> written) {
        if (written == null) return null;
        String s = written.value();
        int colon = s.lastIndexOf(':');
        int end = colon < 0 ? s.length() : colon;
        int eq = s.substring(0, end).indexOf('=');
        Located<String> key = part(written, 0, eq < 0 ? end : eq);
        Located<String> value = eq < 0 ? null : part(written, eq + 1, end);
        Located<String> effect = colon < 0 ? null : part(written, colon + 1, s.length());
        return new Host.Taint(key, value, effect, written);
    }

    /** A piece of a quoted string, with the span of just that piece (column after the opening quote). */
    private static Located<String> part(Located<String> whole, int from, int to) {
        Span w = whole.span();
        return new Located<>(whole.value().substring(from, to),
                new Span(w.file(), w.line(), w.column() + 1 + from, Math.max(1, to - from)));
    }

    private Host.Interface iface(HostInterfaceContext ctx, Name host) {
        Name name = lit.name(ctx.dnsName());
        if (name == null) return null;
        String t = "interface `" + name.text() + "` of " + title("host", host);
        Slot<Name> on = new Slot<>("on", t);
        Slot<Ip> address = new Slot<>("address", t);
        Slot<Ip> ipv6 = new Slot<>("ipv6", t);
        Slot<Name> driver = new Slot<>("driver", t);
        Slot<Host.Bond> bond = new Slot<>("bond", t);
        Slot<Located<Integer>> mtu = new Slot<>("mtu", t);
        Slot<Located<String>> speed = new Slot<>("speed", t);
        Slot<Located<Boolean>> dhcp = new Slot<>("dhcp", t);
        Slot<Host.Vlan> vlan = new Slot<>("vlan", t);
        for (InterfaceAttrContext a : ctx.interfaceAttr()) {
            Span at = lit.span(a);
            if (a instanceof IfaceOnContext c) on.set(reporter, at, lit.name(c.name()));
            else if (a instanceof IfaceAddressContext c) address.set(reporter, at, lit.ip(c.address()));
            else if (a instanceof IfaceIpv6Context c) ipv6.set(reporter, at, dual.ipv6(lit.ip(c.address()), "`ipv6`",
                    "write the IPv4 address with `address`, the IPv6 one with `ipv6`"));
            else if (a instanceof IfaceDriverContext c) driver.set(reporter, at, lit.name(c.name()));
            else if (a instanceof IfaceBondContext c) {
                Name mode = lit.choice(lit.name(c.dnsName()), BOND_MODES, "bond mode");
                bond.set(reporter, at, mode == null ? null : new Host.Bond(mode, names(c.nameList())));
            } else if (a instanceof IfaceMtuContext c) mtu.set(reporter, at, lit.number(c.number(), 576, 9216, "MTU"));
            else if (a instanceof IfaceSpeedContext c) speed.set(reporter, at, lit.string(c.STRING()));
            else if (a instanceof IfaceDhcpContext) dhcp.set(reporter, at, new Located<>(true, at));
            else if (a instanceof IfaceVlanContext c) {
                Located<Integer> id = lit.number(c.number(), 1, 4094, "VLAN id");
                Name parent = lit.name(c.dnsName());
                vlan.set(reporter, at, id == null || parent == null ? null : new Host.Vlan(id, parent));
            }
        }
        if (address.get() == null && ipv6.get() != null && on.get() == null) {
            reporter.error(Code.HL007, ipv6.get().span(), "address " + ipv6.get() + " of " + t + " has no network")
                    .hint("say which network it is on: `on lan ipv6 " + ipv6.get() + "`").emit();
        }
        if (address.get() != null && on.get() == null) {
            reporter.error(Code.HL007, address.get().span(), "address " + address.get() + " of " + t + " has no network")
                    .hint("say which network it is on: `on lan address " + address.get() + "`").emit();
        }
        return new Host.Interface(name, on.get(), address.get(), driver.get(), bond.get(), mtu.get(), speed.get(),
                dhcp.get(), vlan.get(), ipv6.get());
    }

    // ------------------------------------------------------------------ devices
    private void device(DeviceDeclContext ctx) {
        Name name = lit.name(ctx.name());
        String t = title("device", name);
        Slot<Name> kind = new Slot<>("kind", t);
        Slot<Located<String>> model = new Slot<>("model", t);
        Slot<List<Name>> serves = new Slot<>("serves", t);
        Slot<Located<String>> controller = new Slot<>("controller", t);
        Slot<String> desc = new Slot<>("description", t);
        List<Device.Address> addresses = new ArrayList<>();
        List<Name> dnsNames = new ArrayList<>();
        List<Device.Export> exports = new ArrayList<>();
        for (DeviceAttrContext a : ctx.deviceAttr()) {
            Span at = lit.span(a);
            if (a instanceof DeviceKindContext c) kind.set(reporter, at, lit.choice(c.name(), DEVICE_KINDS, "device kind"));
            else if (a instanceof DeviceModelContext c) model.set(reporter, at, lit.string(c.STRING()));
            else if (a instanceof DeviceAddressContext c) {
                Ip ip = lit.ip(c.address());
                Name net = lit.name(c.name());
                if (ip != null && net != null) addresses.add(new Device.Address(ip, net));
            } else if (a instanceof DeviceDnsNameContext c) {
                Name n = lit.name(c.dnsName());
                if (n != null) dnsNames.add(n);
            } else if (a instanceof DeviceServesContext c) serves.set(reporter, at, names(c.nameList()));
            else if (a instanceof DeviceControllerContext c) controller.set(reporter, at, lit.string(c.STRING()));
            else if (a instanceof DeviceExportContext c) {
                Name ex = lit.name(c.name());
                Located<String> path = lit.absolutePath(c.STRING(), "NFS export path", "/", "/volume1/media");
                if (ex != null && path != null) exports.add(new Device.Export(ex, path));
            } else if (a instanceof DeviceDescriptionContext c) desc.set(reporter, at, text(lit.string(c.STRING())));
        }
        require(kind, name, "device", "kind", "kind nas");
        if (name != null) {
            devices.add(new Device(name, kind.get(), model.get(), addresses, dnsNames,
                    serves.get() == null ? List.of() : serves.get(), controller.get(), exports, desc.get()));
        }
    }

    // ------------------------------------------------------------------ Ceph
    private void ceph(CephDeclContext ctx) {
        Name name = lit.name(ctx.name());
        String t = title("ceph", name);
        Slot<Name> pub = new Slot<>("public-network", t);
        Slot<Name> cluster = new Slot<>("cluster-network", t);
        List<Ceph.Pool> pools = new ArrayList<>();
        for (CephAttrContext a : ctx.cephAttr()) {
            Span at = lit.span(a);
            if (a instanceof CephPublicNetworkContext c) pub.set(reporter, at, lit.name(c.name()));
            else if (a instanceof CephClusterNetworkContext c) cluster.set(reporter, at, lit.name(c.name()));
            else if (a instanceof CephPoolContext c) {
                Ceph.Pool p = pool(c);
                if (p != null) pools.add(p);
            }
        }
        if (name != null) cephs.add(new Ceph(name, pub.get(), cluster.get(), pools));
    }

    private Ceph.Pool pool(CephPoolContext ctx) {
        Name name = lit.name(ctx.name());
        if (name == null) return null;
        String t = title("pool", name);
        Slot<Located<Integer>> replicas = new Slot<>("replicas", t);
        Slot<Located<Integer>> minSize = new Slot<>("min-size", t);
        Slot<Name> domain = new Slot<>("failure-domain", t);
        Slot<Name[]> compression = new Slot<>("compression", t);
        for (PoolAttrContext a : ctx.poolAttr()) {
            Span at = lit.span(a);
            if (a instanceof PoolReplicasContext c) replicas.set(reporter, at, lit.number(c.number(), 1, 100, "replicas"));
            else if (a instanceof PoolMinSizeContext c) minSize.set(reporter, at, lit.number(c.number(), 1, 100, "min size"));
            else if (a instanceof PoolFailureDomainContext c) {
                // An unknown domain is reported and kept as written: defaulting it to `host` would add a
                // replica finding about a domain the user never chose.
                Name d = lit.name(c.name());
                lit.choice(d, FAILURE_DOMAINS, "failure domain");
                domain.set(reporter, at, d);
            }
            else if (a instanceof PoolCompressionContext c && c.name().size() == 2) {
                compression.set(reporter, at, new Name[]{
                        lit.choice(c.name(0), COMPRESSION_MODES, "compression mode"),
                        lit.choice(c.name(1), COMPRESSION_ALGORITHMS, "compression algorithm")});
            }
        }
        Name[] comp = compression.get() == null ? new Name[2] : compression.get();
        return new Ceph.Pool(name, replicas.get(), minSize.get(), domain.get(), comp[0], comp[1]);
    }

    // ------------------------------------------------------------------ storage classes
    private void storageClass(StorageClassDeclContext ctx) {
        Name name = lit.name(ctx.name());
        String t = title("storage-class", name);
        Slot<StorageClass.Backend> backend = new Slot<>("backend (ceph, hostpath, nfs or static)", t);
        Slot<Span> isDefault = new Slot<>("default", t);
        Slot<Name> fs = new Slot<>("filesystem", t);
        Slot<Name> reclaim = new Slot<>("reclaim", t);
        Slot<Boolean> expandable = new Slot<>("expandable", t);
        Slot<Name> binding = new Slot<>("binding", t);
        List<Located<String>> mountOptions = new ArrayList<>();
        for (StorageClassAttrContext a : ctx.storageClassAttr()) {
            Span at = lit.span(a);
            if (a instanceof ScCephContext c) {
                Name pool = lit.name(c.name());
                backend.set(reporter, at, pool == null ? null : new StorageClass.CephPool(pool, at));
            } else if (a instanceof ScHostpathContext c) {
                Located<String> path = lit.absolutePath(c.STRING(), "hostpath", "/", "/var/openebs/local");
                backend.set(reporter, at, path == null ? null : new StorageClass.Hostpath(path, at));
            } else if (a instanceof ScNfsContext c && c.name().size() == 2) {
                Name export = lit.name(c.name(0));
                Name device = lit.name(c.name(1));
                backend.set(reporter, at, export == null || device == null ? null : new StorageClass.Nfs(export, device, at));
            } else if (a instanceof ScDefaultContext) isDefault.set(reporter, at, at);
            else if (a instanceof ScFilesystemContext c) fs.set(reporter, at, lit.choice(c.name(), FILESYSTEMS, "filesystem"));
            else if (a instanceof ScReclaimContext c) reclaim.set(reporter, at, lit.choice(c.name(), RECLAIM, "reclaim policy"));
            else if (a instanceof ScExpandableContext) expandable.set(reporter, at, true);
            else if (a instanceof ScStaticContext c) {
                Name host = lit.name(c.name());
                backend.set(reporter, at, host == null ? null : new StorageClass.Static(host, lit.size(c.SIZE()), at));
            } else if (a instanceof ScBindingContext c) binding.set(reporter, at, lit.choice(c.name(), BINDING_MODES, "volume binding mode"));
            else if (a instanceof ScMountOptionContext c) addIfPresent(mountOptions, lit.nonEmpty(c.STRING(), "mount option"));
        }
        if (!backend.given() && name != null) {
            reporter.error(Code.HL007, name.span(), t + " has no backend")
                    .hint("add one of `ceph <pool>`, `hostpath \"/var/mnt/local\"`, `nfs <export> on <nas>`, `static on <host>`").emit();
        }
        if (name != null) {
            storageClasses.add(new StorageClass(name, backend.get(), isDefault.get(), fs.get(), reclaim.get(),
                    expandable.given(), binding.get(), mountOptions));
        }
    }

    // ------------------------------------------------------------------ external services
    private void service(ServiceDeclContext ctx) {
        Name name = lit.name(ctx.name());
        String t = title("service", name);
        Slot<List<Name>> kinds = new Slot<>("kind", t);
        Slot<Located<String>> purpose = new Slot<>("purpose", t);
        Slot<Located<String>> usage = new Slot<>("usage", t);
        Slot<Located<String>> endpoint = new Slot<>("endpoint", t);
        List<SecretRef> secrets = new ArrayList<>();
        List<Name> dnsNames = new ArrayList<>();
        Slot<String> desc = new Slot<>("description", t);
        for (ServiceAttrContext a : ctx.serviceAttr()) {
            Span at = lit.span(a);
            if (a instanceof SvcKindContext c) {
                List<Name> ks = new ArrayList<>();
                if (c.nameList() != null) {
                    for (NameContext n : c.nameList().name()) {
                        Name k = lit.choice(n, SERVICE_KINDS, "service kind");
                        if (k != null) ks.add(k);
                    }
                }
                kinds.set(reporter, at, ks);
                if (c.nameList() != null && c.nameList().name().isEmpty()) {
                    reporter.error(Code.HL007, at, t + " has an empty `kind`")
                            .hint("say what it is, e.g. `kind [dns, tunnel]`").emit();
                }
            } else if (a instanceof SvcPurposeContext c) purpose.set(reporter, at, lit.string(c.STRING()));
            else if (a instanceof SvcUsageContext c) usage.set(reporter, at, lit.string(c.STRING()));
            else if (a instanceof SvcEndpointContext c) endpoint.set(reporter, at, lit.string(c.STRING()));
            else if (a instanceof SvcSecretContext c) {
                SecretRef s = secretRef(c.secretRef());
                if (s != null) secrets.add(s);
            } else if (a instanceof SvcDnsNameContext c) addIfPresent(dnsNames, lit.name(c.dnsName()));
            else if (a instanceof SvcDescriptionContext c) desc.set(reporter, at, text(lit.string(c.STRING())));
        }
        require(kinds, name, "service", "kind", "kind dns");
        if (name != null) {
            services.add(new Service(name, kinds.get() == null ? List.of() : kinds.get(), purpose.get(), usage.get(),
                    endpoint.get(), secrets, dnsNames, desc.get()));
        }
    }

    private SecretRef secretRef(SecretRefContext c) {
        if (Literals.missing(c)) return null;
        Located<String> key = lit.nonEmpty(c.STRING(), "secret key");
        Name vault = lit.name(c.name());
        return key == null || vault == null ? null : new SecretRef(key, vault, lit.span(c));
    }

    // ------------------------------------------------------------------ backups
    private void backup(BackupDeclContext ctx) {
        Name name = lit.name(ctx.name());
        String t = title("backup", name);
        Slot<Name> tool = new Slot<>("tool", t);
        Slot<Name> method = new Slot<>("method", t);
        Slot<Backup.Source> source = new Slot<>("source", t);
        Slot<Name> target = new Slot<>("to", t);
        Slot<Duration> every = new Slot<>("every", t);
        Slot<Located<String>> schedule = new Slot<>("schedule", t);
        Slot<String> desc = new Slot<>("description", t);
        Slot<Name> targetExport = new Slot<>("to ... export", t);
        Slot<Duration> retention = new Slot<>("retention", t);
        Slot<Name> compression = new Slot<>("compression", t);
        List<Backup.ScheduleFor> schedulesFor = new ArrayList<>();
        List<Backup.Keep> keeps = new ArrayList<>();
        for (BackupAttrContext a : ctx.backupAttr()) {
            Span at = lit.span(a);
            if (a instanceof BackupToolContext c) tool.set(reporter, at, lit.name(c.name()));
            else if (a instanceof BackupMethodContext c) method.set(reporter, at, lit.name(c.name()));
            else if (a instanceof BackupSourceAttrContext c) source.set(reporter, at, backupSource(c.backupSource()));
            else if (a instanceof BackupTargetContext c && !c.name().isEmpty()) {
                target.set(reporter, at, lit.name(c.name(0)));
                if (c.name().size() > 1) targetExport.set(reporter, at, lit.name(c.name(1)));
            }
            else if (a instanceof BackupEveryContext c) every.set(reporter, at, lit.duration(c.DURATION()));
            else if (a instanceof BackupScheduleContext c) schedule.set(reporter, at, lit.string(c.STRING()));
            else if (a instanceof BackupDescriptionContext c) desc.set(reporter, at, text(lit.string(c.STRING())));
            else if (a instanceof BackupScheduleForContext c) {
                Located<String> sched = lit.nonEmpty(c.STRING(), "schedule");
                if (sched != null) schedulesFor.add(new Backup.ScheduleFor(sched, names(c.nameList())));
            } else if (a instanceof BackupKeepContext c) {
                Name period = lit.name(c.name());
                Located<Integer> count = lit.number(c.number(), 1, 100000, "number of snapshots kept");
                if (period != null && count != null) keeps.add(new Backup.Keep(period, count));
            } else if (a instanceof BackupRetentionContext c) retention.set(reporter, at, lit.duration(c.DURATION()));
            else if (a instanceof BackupCompressionContext c) compression.set(reporter, at, lit.name(c.name()));
        }
        require(source, name, "backup", "source", "source pvcs");
        require(target, name, "backup", "to", "to b2");
        if (name != null && !every.given() && !schedule.given()) {
            reporter.error(Code.HL007, name.span(), t + " has no `every` or `schedule`")
                    .hint("say how often it runs, e.g. `every 6h` or `schedule \"0 3 * * *\"`").emit();
        }
        if (name != null) {
            backups.add(new Backup(name, tool.get(), method.get(), source.get(), target.get(), every.get(),
                    schedule.get(), desc.get(), targetExport.get(), schedulesFor, keeps, retention.get(),
                    compression.get()));
        }
    }

    private Backup.Source backupSource(BackupSourceContext c) {
        if (Literals.missing(c)) return null;
        Span at = lit.span(c);
        if (c instanceof SourcePvcsContext) return new Backup.Pvcs(at);
        if (c instanceof SourcePostgresContext) return new Backup.Postgres(at);
        if (c instanceof SourceExportContext e && e.name().size() == 2) {
            Name ex = lit.name(e.name(0));
            Name dev = lit.name(e.name(1));
            return ex == null || dev == null ? null : new Backup.Export(ex, dev, at);
        }
        if (c instanceof SourceBackupContext b) {
            Name other = lit.name(b.name());
            return other == null ? null : new Backup.Mirror(other, at);
        }
        return null;
    }

    // ------------------------------------------------------------------ apps
    private void app(AppDeclContext ctx) {
        Name name = lit.name(ctx.name());
        String t = title("app", name);
        Slot<Name> namespace = new Slot<>("namespace", t);
        Slot<Located<String>> path = new Slot<>("path", t);
        Slot<Located<Boolean>> wait = new Slot<>("wait", t);
        Slot<Located<Boolean>> prune = new Slot<>("prune", t);
        Slot<Duration> interval = new Slot<>("interval", t);
        Slot<Duration> timeout = new Slot<>("timeout", t);
        Slot<String> desc = new Slot<>("description", t);
        List<Name> depends = new ArrayList<>();
        List<Name> storage = new ArrayList<>();
        List<Name> uses = new ArrayList<>();
        List<App.Route> routes = new ArrayList<>();
        List<App.Var> vars = new ArrayList<>();
        List<App.Dependency> dependencies = new ArrayList<>();
        List<Located<String>> components = new ArrayList<>();
        List<App.Multus> multus = new ArrayList<>();
        Slot<Located<String>> version = new Slot<>("version", t);
        for (AppAttrContext a : ctx.appAttr()) {
            Span at = lit.span(a);
            if (a instanceof AppNamespaceContext c) namespace.set(reporter, at, lit.name(c.name()));
            else if (a instanceof AppPathContext c) path.set(reporter, at, lit.nonEmpty(c.STRING(), "app path"));
            else if (a instanceof AppDependsContext c) {
                List<App.Dependency> deps = appRefs(c.appRefList());
                dependencies.addAll(deps);
                deps.forEach(d -> depends.add(d.app()));
            }
            else if (a instanceof AppStorageContext c) {
                Name s = lit.name(c.name());
                if (s != null) storage.add(s);
            } else if (a instanceof AppRouteContext c) {
                Name dns = lit.name(c.dnsName());
                if (dns != null) routes.add(new App.Route(dns, c.name() == null ? null : lit.name(c.name())));
            } else if (a instanceof AppVarContext c) {
                App.Var v = variable(c);
                if (v != null) vars.add(v);
            } else if (a instanceof AppWaitContext c) {
                wait.set(reporter, at, c.bool() == null ? new Located<>(true, at) : lit.bool(c.bool()));
            } else if (a instanceof AppPruneContext c) prune.set(reporter, at, lit.bool(c.bool()));
            else if (a instanceof AppIntervalContext c) interval.set(reporter, at, lit.duration(c.DURATION()));
            else if (a instanceof AppTimeoutContext c) timeout.set(reporter, at, lit.duration(c.DURATION()));
            else if (a instanceof AppUsesContext c) uses.addAll(names(c.nameList()));
            else if (a instanceof AppDescriptionContext c) desc.set(reporter, at, text(lit.string(c.STRING())));
            else if (a instanceof AppComponentsContext c) components.addAll(components(c.componentList()));
            else if (a instanceof AppMultusContext c) {
                Ip ip = lit.ip(c.address(0));
                Name net = lit.name(c.name());
                Ip via = c.address().size() > 1 ? lit.ip(c.address(1)) : null;
                if (ip != null && net != null) multus.add(new App.Multus(ip, net, via));
            } else if (a instanceof AppVersionContext c) {
                String v = c.VERSION() != null ? c.VERSION().getText() : c.dnsName() == null ? null : c.dnsName().getText();
                version.set(reporter, at, v == null ? null : new Located<>(v, at));
            }
        }
        require(namespace, name, "app", "namespace", "namespace media");
        if (name != null) {
            apps.add(new App(name, namespace.get(), path.get(), depends, storage, routes, vars, wait.get(),
                    prune.get(), interval.get(), timeout.get(), uses, desc.get(), dependencies, components, multus,
                    version.get()));
        }
    }

    // ------------------------------------------------------------------ DNS providers
    private void dnsProvider(DnsProviderDeclContext ctx) {
        Name name = lit.name(ctx.name());
        String t = title("dns-provider", name);
        Slot<Name> target = new Slot<>("target", t);
        Slot<List<Located<String>>> domains = new Slot<>("domains", t);
        Slot<List<Name>> sources = new Slot<>("sources", t);
        Slot<Located<String>> txtPrefix = new Slot<>("txt-prefix", t);
        Slot<Name> owner = new Slot<>("owner", t);
        Slot<Name> policy = new Slot<>("policy", t);
        Slot<Located<String>> webhook = new Slot<>("webhook", t);
        Slot<String> desc = new Slot<>("description", t);
        for (DnsProviderAttrContext a : ctx.dnsProviderAttr()) {
            Span at = lit.span(a);
            if (a instanceof DnsTargetContext c) target.set(reporter, at, lit.name(c.name()));
            else if (a instanceof DnsDomainsContext c) domains.set(reporter, at, domains(c.domainList()));
            else if (a instanceof DnsSourcesContext c) sources.set(reporter, at, names(c.nameList()));
            else if (a instanceof DnsTxtPrefixContext c) txtPrefix.set(reporter, at, lit.string(c.STRING()));
            else if (a instanceof DnsOwnerContext c) owner.set(reporter, at, lit.name(c.name()));
            else if (a instanceof DnsPolicyContext c) policy.set(reporter, at, lit.choice(c.name(), DNS_POLICIES, "external-dns policy"));
            else if (a instanceof DnsWebhookContext c) webhook.set(reporter, at, lit.nonEmpty(c.STRING(), "webhook"));
            else if (a instanceof DnsDescriptionContext c) desc.set(reporter, at, text(lit.string(c.STRING())));
        }
        require(target, name, "dns-provider", "target", "target cloudflare");
        if (name != null) {
            dnsProviders.add(new DnsProvider(name, target.get(), domains.get() == null ? List.of() : domains.get(),
                    sources.get() == null ? List.of() : sources.get(), txtPrefix.get(), owner.get(), policy.get(),
                    webhook.get(), desc.get()));
        }
    }

    private List<Located<String>> domains(DomainListContext c) {
        List<Located<String>> out = new ArrayList<>();
        if (c == null) return out;
        for (DomainContext d : c.domain()) {
            if (Literals.missing(d)) continue;
            if (d.STRING() != null) addIfPresent(out, lit.nonEmpty(d.STRING(), "domain"));
            else out.add(new Located<>(d.getText(), lit.span(d)));
        }
        return out;
    }

    private App.Var variable(AppVarContext c) {
        Name name = lit.name(c.name());
        ValueContext v = c.value();
        if (name == null || Literals.missing(v)) return null;
        if (v.secretRef() != null) {
            SecretRef s = secretRef(v.secretRef());
            return s == null ? null : new App.Var(name, null, s);
        }
        String text = v.STRING() != null ? Strings.unquote(v.getText()) : v.getText();
        return new App.Var(name, new Located<>(text, lit.span(v)), null);
    }

    private static String text(Located<String> s) {
        return s == null ? null : s.value();
    }

    @SuppressWarnings("unused")
    private static boolean present(ParserRuleContext c) {
        return !Literals.missing(c);
    }
}

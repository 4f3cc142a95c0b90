package hlc.parse;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.diag.Span;
import hlc.model.*;
import hlc.parse.gen.HomeLabParser.*;

import java.util.ArrayList;
import java.util.List;

import static hlc.parse.Choices.*;

/** Builds the `cluster` block: versions, API endpoint, CNI, subnets, load balancers, BGP and node-wide Talos settings; `flux` is read by {@link FluxBuilder}. */
final class ClusterBuilder extends BlockBuilder {
    ClusterBuilder(Reporter reporter, Literals lit) {
        super(reporter, lit);
    }

    /** The block's value, or null when its name is missing (the parser has reported that). */
    Cluster build(ClusterDeclContext ctx) {
        Name name = lit.name(ctx.name());
        String t = title("cluster", name);
        Slot<Version> talos = new Slot<>("talos", t);
        Slot<Version> kubernetes = new Slot<>("kubernetes", t);
        Slot<Cluster.Vip> vip = new Slot<>("vip", t);
        Slot<Name> cni = new Slot<>("cni", t);
        Slot<Located<Boolean>> kubeProxy = new Slot<>("kube-proxy", t);
        DualStack dual = new DualStack(lit, reporter);
        Slot<DualStack.Subnets> pods = new Slot<>("pods", t);
        Slot<DualStack.Subnets> services = new Slot<>("services", t);
        Slot<Cluster.Flux> flux = new Slot<>("flux", t);
        Slot<Located<String>> secrets = new Slot<>("secrets", t);
        Located<String> decrypt = null;
        List<TalosPatch> patches = new ArrayList<>();
        List<DiskEncryption> encryptions = new ArrayList<>();
        Slot<Name> endpoint = new Slot<>("endpoint", t);
        Ip[] endpointAddress = {null};
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
        Slot<List<Cluster.TimeServer>> ntp = new Slot<>("ntp", t);
        List<Sysctl> sysctls = new ArrayList<>();
        List<Cluster.Mirror> mirrors = new ArrayList<>();
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
                Span pub = c.pub == null ? null : lit.span(c.pub);
                if (pub != null && dns.isEmpty()) {
                    reporter.error(Code.HL007, pub, "public load balancer `" + lbName + "` has no `dns` name")
                            .hint("write the name the internet reaches it by before `public` (`dns external.example.com public`):"
                                    + " routes through it are published as CNAMEs to that name").emit();
                }
                if (lbName != null && ip != null && net != null) lbs.add(new Cluster.LoadBalancer(lbName, ip, net, dns, pub));
            } else if (a instanceof ClusterFluxContext c) flux.set(reporter, at, new FluxBuilder(reporter, lit).build(c));
            else if (a instanceof ClusterSecretsContext c) secrets.set(reporter, at, lit.string(c.STRING()));
            else if (a instanceof ClusterPatchContext c) {
                Name role = c.name() == null ? null : lit.choice(c.name(), ROLES, "role");
                if (c.name() == null || role != null) addIfPresent(patches, new PatchReader(reporter, lit).read(c.patchBody(), role, at));
            } else if (a instanceof ClusterSecretsDecryptContext c && c.STRING().size() == 2) {
                secrets.set(reporter, at, lit.string(c.STRING(0)));
                decrypt = lit.nonEmpty(c.STRING(1), "decryption command");
            }
            else if (a instanceof ClusterEndpointContext c) endpoint.set(reporter, at, lit.name(c.dnsName()));
            else if (a instanceof ClusterEndpointAddressContext c) {
                Ip ip = lit.ip(c.address());
                endpoint.set(reporter, at, null); // one endpoint: a second, of either kind, is HL006
                if (endpoint.get() == null && ip != null && endpointAddress[0] == null) endpointAddress[0] = ip;
            }
            else if (a instanceof ClusterNodeNetworkContext c) nodeNetwork.set(reporter, at, lit.name(c.name()));
            else if (a instanceof ClusterBgpContext c) bgp.set(reporter, at, bgp(c));
            else if (a instanceof ClusterDnsContext c) clusterDns.set(reporter, at, lit.ip(c.address()));
            else if (a instanceof ClusterDomainContext c) clusterDomain.set(reporter, at, lit.name(c.dnsName()));
            else if (a instanceof ClusterKubePrismContext c) kubePrism.set(reporter, at, lit.number(c.number(), 1, 65535, "KubePrism port"));
            else if (a instanceof ClusterKernelArgContext c) addIfPresent(kernelArgs, lit.nonEmpty(c.STRING(), "kernel argument"));
            else if (a instanceof ClusterKernelModuleContext c) addIfPresent(kernelModules, lit.name(c.name()));
            else if (a instanceof ClusterExtensionContext c) addIfPresent(extensions, lit.nonEmpty(c.STRING(), "system extension"));
            else if (a instanceof ClusterNtpContext c) ntp.set(reporter, at, timeServers(c.ntpServerList()));
            else if (a instanceof ClusterSysctlContext c) addSysctl(sysctls, sysctl(c.sysctlKey(), c.sysctlValue()), t);
            else if (a instanceof ClusterMirrorContext c) addIfPresent(mirrors, mirror(c));
            else if (a instanceof ClusterEncryptContext c) {
                Name role = c.role == null ? null : lit.choice(c.role, ROLES, "role");
                if (c.role == null || role != null) {
                    addIfPresent(encryptions, new EncryptionReader(reporter, lit).read(role, c.volume, c.encryptionKey(), at, encryptions));
                }
            }
        }
        require(ctx, talos, name, "cluster", "talos", "talos v1.10.7");
        require(ctx, kubernetes, name, "cluster", "kubernetes", "kubernetes v1.33.3");
        return name == null ? null : new Cluster(name, talos.get(), kubernetes.get(), vip.get(), cni.get(), kubeProxy.get(),
                    first(pods.get()), first(services.get()), lbs, flux.get(), secrets.get(), endpoint.get(), nodeNetwork.get(),
                    bgp.get(), clusterDns.get(), clusterDomain.get(), kubePrism.get(), kernelArgs, kernelModules,
                    extensions, cpWorkloads.get(), coreDns.get(), ipv6(pods.get()), ipv6(services.get()),
                    ntp.get() == null ? List.of() : ntp.get(), sysctls, mirrors, endpointAddress[0],
                    sharedWith(ctx, true), sharedWith(ctx, false), decrypt, patches, encryptions);
    }

    /** NTP servers: an address, a device or host by a bare name, or a DNS name the nodes look up. */
    private List<Cluster.TimeServer> timeServers(NtpServerListContext ctx) {
        List<Cluster.TimeServer> out = new ArrayList<>();
        if (ctx == null) return out;
        for (NtpServerContext s : ctx.ntpServer()) {
            if (Literals.missing(s)) continue;
            if (s.address() != null) {
                Ip ip = lit.ip(s.address());
                if (ip != null) out.add(new Cluster.TimeServer(Target.of(ip), null));
            } else {
                Name n = lit.name(s.dnsName());
                if (n == null) continue;
                boolean dotted = n.text().contains(".");
                out.add(dotted ? new Cluster.TimeServer(null, n) : new Cluster.TimeServer(Target.of(n), null));
            }
        }
        return out;
    }

    /** A registry mirror's URL is where containerd pulls from: it must be an http(s) URL. */
    private Cluster.Mirror mirror(ClusterMirrorContext c) {
        Name registry = lit.name(c.dnsName());
        Located<String> url = lit.nonEmpty(c.STRING(), "mirror URL");
        if (registry == null || url == null) return null;
        if (!url.value().isBlank() && !url.value().matches("https?://[^\\s/]+.*")) {
            reporter.error(Code.HL004, url.span(), "mirror URL `" + url.value() + "` is not an http or https URL")
                    .hint("write the mirror's endpoint, e.g. \"https://mirror.gcr.io\"").emit();
            return null;
        }
        return new Cluster.Mirror(registry, url);
    }

    /** The clusters named after {@code shared-with} on the (first) pods or services attribute. */
    private List<Name> sharedWith(ClusterDeclContext ctx, boolean pods) {
        for (ClusterAttrContext a : ctx.clusterAttr()) {
            SharedWithContext s = a instanceof ClusterPodsContext c && pods ? c.sharedWith()
                    : a instanceof ClusterServicesContext c && !pods ? c.sharedWith() : null;
            if (s != null) return names(s.nameList());
            if (pods ? a instanceof ClusterPodsContext : a instanceof ClusterServicesContext) return List.of();
        }
        return List.of();
    }

    private static Cidr first(DualStack.Subnets s) {
        return s == null ? null : s.first();
    }

    private static Cidr ipv6(DualStack.Subnets s) {
        return s == null ? null : s.ipv6();
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
                Name via = c.name() == null ? null : lit.name(c.name());
                if (peer != null) peers.add(new Cluster.Peer(peer, peerAsn, via));
            }
        }
        if (!asn.given() && !syntaxErrorInside(ctx)) {
            reporter.error(Code.HL007, lit.span(ctx), "`bgp` has no `asn`")
                    .hint("give the cluster's own ASN, e.g. `asn 64514`").emit();
        }
        return new Cluster.Bgp(asn.get(), peers);
    }
}

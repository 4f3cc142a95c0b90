package hlc.resolve;

import hlc.diag.Span;
import hlc.model.Cidr;
import hlc.model.Cluster;
import hlc.model.Host;
import hlc.model.Ip;


/**
 * The cluster's settings as the Talos and Flux files get them: every value the spec may leave out is here with
 * hlc's default applied, as a {@link Defaulted} that says whether it was written. A default subnet carries the
 * cluster's name as its place, the nearest thing to "where it would be written". {@code podSubnetIpv6} and
 * {@code serviceSubnetIpv6} are the IPv6 subnets of a dual-stack cluster, only ever written (hlc picks no IPv6
 * range for the user); null on a single-stack cluster.
 */
public record ClusterSettings(Cluster cluster, Defaulted<Cidr> podSubnet, Defaulted<Cidr> serviceSubnet,
                              ApiEndpoint apiEndpoint, Defaulted<Cni> cni, Defaulted<Boolean> kubeProxy,
                              Defaulted<Integer> kubePrismPort, Defaulted<String> clusterDomain,
                              Defaulted<FluxLayoutKind> fluxLayout,
                              Defaulted<java.time.Duration> fluxInterval, Cidr podSubnetIpv6,
                              Cidr serviceSubnetIpv6) {

    static ClusterSettings of(Cluster c, ResolvedSpec rs) {
        Span named = c.name().span();
        Defaulted<Cidr> pods = c.pods() != null ? Defaulted.written(c.pods(), c.pods().span())
                : Defaulted.byDefault(ResolvedSpec.defaultCidr(ResolvedSpec.DEFAULT_POD_SUBNET, named));
        Defaulted<Cidr> services = c.services() != null ? Defaulted.written(c.services(), c.services().span())
                : Defaulted.byDefault(ResolvedSpec.defaultCidr(ResolvedSpec.DEFAULT_SERVICE_SUBNET, named));
        Defaulted<Cni> cni = c.cni() != null ? Defaulted.written(orElse(Cni.of(c.cni().text()), Cni.NONE), c.cni().span())
                : Defaulted.byDefault(Cni.FLANNEL);
        Defaulted<Boolean> kubeProxy = c.kubeProxy() != null ? Defaulted.written(c.kubeProxy().value(), c.kubeProxy().span())
                : Defaulted.byDefault(!cni.value().replacesKubeProxy());
        Defaulted<Integer> prism = c.kubePrism() != null ? Defaulted.written(c.kubePrism().value(), c.kubePrism().span())
                : Defaulted.byDefault(ResolvedSpec.DEFAULT_KUBEPRISM_PORT);
        Defaulted<String> domain = c.clusterDomain() != null ? Defaulted.written(c.clusterDomain().text(), c.clusterDomain().span())
                : Defaulted.byDefault(ResolvedSpec.DEFAULT_CLUSTER_DOMAIN);
        Cluster.Flux f = c.flux();
        Defaulted<FluxLayoutKind> layout = f != null && f.layout() != null
                ? Defaulted.written(orElse(FluxLayoutKind.of(f.layout().text()), FluxLayoutKind.FLAT), f.layout().span())
                : Defaulted.byDefault(FluxLayoutKind.FLAT);
        Defaulted<java.time.Duration> interval = f != null && f.interval() != null
                ? Defaulted.written(f.interval().value(), f.interval().span())
                : Defaulted.byDefault(ResolvedSpec.DEFAULT_FLUX_INTERVAL);
        return new ClusterSettings(c, pods, services, endpoint(c, rs), cni, kubeProxy, prism, domain, layout,
                interval, c.podsIpv6(), c.servicesIpv6());
    }

    /**
     * The VIP, else the endpoint name, else the first control plane by name that has an address (by name: the
     * order of host blocks must not change the configs); NONE when there is none of these.
     */
    private static ApiEndpoint endpoint(Cluster c, ResolvedSpec rs) {
        if (c.vip() != null) return new ApiEndpoint(c.vip().address().text(), ApiEndpoint.Source.VIP, c.vip().address().span());
        if (c.endpoint() != null) return new ApiEndpoint(c.endpoint().text(), ApiEndpoint.Source.NAME, c.endpoint().span());
        if (c.endpointAddress() != null) {
            return new ApiEndpoint(c.endpointAddress().text(), ApiEndpoint.Source.ADDRESS, c.endpointAddress().span());
        }
        return rs.spec().hosts().stream().filter(Host::isControlPlane)
                .filter(h -> rs.primaryAddress(h) != null)
                .min((a, b) -> a.name().text().compareTo(b.name().text()))
                .map(h -> {
                    Ip ip = rs.primaryAddress(h);
                    return new ApiEndpoint(ip.text(), ApiEndpoint.Source.CONTROL_PLANE, ip.span());
                })
                .orElse(new ApiEndpoint(null, ApiEndpoint.Source.NONE, c.name().span()));
    }

    /** An unknown word is HL005 and nothing is emitted; the resolved model still needs a value to be whole. */
    private static <T> T orElse(T value, T fallback) {
        return value != null ? value : fallback;
    }

    /** The pod subnets the Talos configs get, in the written order: the first family is the primary one. */
    public java.util.List<Cidr> podSubnets() {
        return podSubnetIpv6 == null ? java.util.List.of(podSubnet.value()) : java.util.List.of(podSubnet.value(), podSubnetIpv6);
    }

    /** The service subnets the Talos configs get, as {@link #podSubnets}. */
    public java.util.List<Cidr> serviceSubnets() {
        return serviceSubnetIpv6 == null ? java.util.List.of(serviceSubnet.value())
                : java.util.List.of(serviceSubnet.value(), serviceSubnetIpv6);
    }

    /** True when the cluster states an IPv6 pod or service subnet beside the IPv4 one. */
    public boolean dualStack() {
        return podSubnetIpv6 != null || serviceSubnetIpv6 != null;
    }

    public boolean namespacedFlux() {
        return fluxLayout.value() == FluxLayoutKind.NAMESPACED;
    }
}

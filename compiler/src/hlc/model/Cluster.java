package hlc.model;

import java.util.List;

/**
 * The Talos/Kubernetes cluster: versions, the control-plane VIP or endpoint name, CNI, pod/service subnets, BGP,
 * Flux settings, what every node's image and kernel get, and where its secrets bundle is (a path relative to
 * the spec, never the secrets themselves). {@code secretsDecrypt} is the command that prints an encrypted bundle
 * (or one a reference such as {@code op://…} names) in plaintext; null for a plain bundle. {@code podsIpv6} and {@code servicesIpv6} are the second, IPv6 subnets
 * of a dual-stack cluster ({@code pods 10.244.0.0/16 fd00:10:244::/56}); {@code pods} alone may be of either family.
 */
public record Cluster(Name name, Version talos, Version kubernetes, Vip vip, Name cni, Located<Boolean> kubeProxy,
                      Cidr pods, Cidr services, List<LoadBalancer> loadBalancers, Flux flux,
                      Located<String> secrets, Name endpoint, Name nodeNetwork, Bgp bgp, Ip clusterDns,
                      Name clusterDomain, Located<Integer> kubePrism, List<Located<String>> kernelArgs,
                      List<Name> kernelModules, List<Located<String>> extensions,
                      Located<Boolean> controlPlaneWorkloads, Located<Boolean> coreDns, Cidr podsIpv6,
                      Cidr servicesIpv6, Located<String> secretsDecrypt, List<TalosPatch> patches) {
    public Cluster {
        patches = List.copyOf(patches);
        loadBalancers = List.copyOf(loadBalancers);
        kernelArgs = List.copyOf(kernelArgs);
        kernelModules = List.copyOf(kernelModules);
        extensions = List.copyOf(extensions);
    }

    /**
     * Whether the control planes run workloads too (Talos allowSchedulingOnControlPlanes): as the spec says, or
     * else only when there is no worker to run them.
     */
    public boolean workloadsOnControlPlanes(boolean hasWorkers) {
        return controlPlaneWorkloads != null ? controlPlaneWorkloads.value() : !hasWorkers;
    }

    /** The floating control-plane address and the network it is announced on. */
    public record Vip(Ip address, Name network) {}

    /**
     * A fixed load-balancer address (a Gateway, the API, an app) on a network, and the DNS names that point at
     * it.
     */
    public record LoadBalancer(Name name, Ip address, Name network, List<Name> dnsNames) {
        public LoadBalancer {
            dnsNames = List.copyOf(dnsNames);
        }
    }

    /**
     * Where Flux pulls the cluster from, and how the app Kustomizations are laid out: {@code flat} (all in
     * flux-system, the default) or {@code namespaced} (each in its app's namespace, with per-namespace shared
     * components). {@code substituteFrom} is the Secret every app substitutes variables from.
     */
    public record Flux(Located<String> repository, Name branch, Located<String> path, Duration interval,
                       Name layout, Name substituteFrom, List<Name> substituteVariables,
                       List<Namespace> namespaces) {
        public Flux {
            substituteVariables = List.copyOf(substituteVariables);
            namespaces = List.copyOf(namespaces);
        }

        public boolean namespaced() {
            return layout != null && layout.text().equals("namespaced");
        }
    }

    /** The components every app of one namespace gets (the namespace's kustomization.yaml). */
    public record Namespace(Name name, List<Located<String>> components, String description) {
        public Namespace {
            components = List.copyOf(components);
        }
    }

    /** The cluster's BGP speaker (Cilium): its ASN, and the routers it peers with. */
    public record Bgp(Located<Long> asn, List<Peer> peers) {
        public Bgp {
            peers = List.copyOf(peers);
        }
    }

    /** A BGP neighbour: an address or a device by name, and its ASN. */
    public record Peer(Target address, Located<Long> asn) {}
}

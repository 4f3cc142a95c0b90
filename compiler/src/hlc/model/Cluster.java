package hlc.model;

import java.util.List;

/**
 * The Talos/Kubernetes cluster: versions, the control-plane VIP or endpoint name, CNI, pod/service subnets, BGP,
 * Flux settings, what every node's image and kernel get, and where its secrets bundle is (a path relative to
 * the spec, never the secrets themselves). {@code secretsDecrypt} is the command that prints an encrypted bundle
 * (or one a reference such as {@code op://…} names) in plaintext; null for a plain bundle. {@code podsIpv6} and {@code servicesIpv6} are the second, IPv6 subnets
 * of a dual-stack cluster ({@code pods 10.244.0.0/16 fd00:10:244::/56}); {@code pods} alone may be of either family.
 * {@code endpointAddress} is the API endpoint given as an address ({@code endpoint 192.168.5.11}: a single-node
 * cluster's own address, or a load balancer's), instead of a VIP or a name.
 * {@code podsSharedWith} and {@code servicesSharedWith} name the other clusters of the spec whose subnets these
 * may overlap ({@code pods 10.42.0.0/16 shared-with [edge]}): each cluster routes its own, so reuse is a choice.
 * {@code encryptions} are the system volumes every node, or every node of a role, encrypts ({@code encrypt STATE tpm}).
 */
public record Cluster(Name name, Version talos, Version kubernetes, Vip vip, Name cni, Located<Boolean> kubeProxy,
                      Cidr pods, Cidr services, List<LoadBalancer> loadBalancers, Flux flux,
                      Located<String> secrets, Name endpoint, Name nodeNetwork, Bgp bgp, Ip clusterDns,
                      Name clusterDomain, Located<Integer> kubePrism, List<Located<String>> kernelArgs,
                      List<Name> kernelModules, List<Located<String>> extensions,
                      Located<Boolean> controlPlaneWorkloads, Located<Boolean> coreDns, Cidr podsIpv6,
                      Cidr servicesIpv6, List<TimeServer> timeServers, List<Sysctl> sysctls,
                      List<Mirror> mirrors, Ip endpointAddress, List<Name> podsSharedWith,
                      List<Name> servicesSharedWith, Located<String> secretsDecrypt,
                      List<TalosPatch> patches, List<DiskEncryption> encryptions) implements Named {
    public Cluster {
        patches = List.copyOf(patches);
        encryptions = List.copyOf(encryptions);
        timeServers = List.copyOf(timeServers);
        sysctls = List.copyOf(sysctls);
        mirrors = List.copyOf(mirrors);
        podsSharedWith = List.copyOf(podsSharedWith);
        servicesSharedWith = List.copyOf(servicesSharedWith);
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

    /**
     * An NTP server of every node: an address or a device (or host) by name ({@code target}), or a host name the
     * nodes look up ({@code hostname}, {@code time.cloudflare.com}); exactly one of the two is set.
     */
    public record TimeServer(Target target, Name hostname) {
        public hlc.diag.Span span() {
            return target != null ? target.span() : hostname.span();
        }
    }

    /** A registry mirror: the registry ({@code docker.io}) and one URL its images are pulled through instead. */
    public record Mirror(Name registry, Located<String> url) {}

    /** The floating control-plane address and the network it is announced on. */
    public record Vip(Ip address, Name network) {}

    /**
     * A fixed load-balancer address (a Gateway, the API, an app) on a network, and the DNS names that point at
     * it.
     */
    /**
     * A fixed load-balancer address; {@code publicAt} is where the spec says {@code public} (null when it does
     * not): the internet reaches it as its first {@code dns} name, so the routes through it are published to public
     * DNS as CNAMEs to that name, never as its private address.
     */
    public record LoadBalancer(Name name, Ip address, Name network, List<Name> dnsNames, hlc.diag.Span publicAt) implements Named {
        public LoadBalancer {
            dnsNames = List.copyOf(dnsNames);
        }

        public boolean isPublic() {
            return publicAt != null;
        }

        /** The name the internet reaches a public load balancer by (null when it is not public or has no name). */
        public Name publicName() {
            return publicAt == null || dnsNames.isEmpty() ? null : dnsNames.get(0);
        }
    }

    /**
     * Where Flux pulls the cluster from, and how the app Kustomizations are laid out: {@code flat} (all in
     * flux-system, the default) or {@code namespaced} (each in its app's namespace, with per-namespace shared
     * components). {@code substituteFrom} is the Secret every app substitutes variables from; {@code decryption}
     * how every app's manifests are decrypted, unless the app says otherwise (null: not at all).
     */
    public record Flux(Located<String> repository, Name branch, Located<String> path, Duration interval,
                       Name layout, Name substituteFrom, List<Name> substituteVariables,
                       List<Namespace> namespaces, Decryption decryption, List<Root> roots, List<Name> appsDepend) {
        public Flux {
            substituteVariables = List.copyOf(substituteVariables);
            namespaces = List.copyOf(namespaces);
            roots = List.copyOf(roots);
            appsDepend = List.copyOf(appsDepend);
        }

        public boolean namespaced() {
            return layout != null && layout.text().equals("namespaced");
        }
    }

    /** The components every app of one namespace gets (the namespace's kustomization.yaml). */
    public record Namespace(Name name, List<Located<String>> components, String description) implements Named {
        public Namespace {
            components = List.copyOf(components);
        }
    }

    /**
     * A root Kustomization of the user's own in the sync folder, beside hlc's {@code cluster-apps}: the
     * repository folder it applies ({@code path}), the namespace what it applies lands in (its targetNamespace,
     * none when null), and Flux's wait, prune and interval (null: not said; prune then true, as hlc writes
     * every root, and the interval the flux block's).
     */
    public record Root(Name name, Located<String> path, Name namespace, Located<Boolean> waitReady,
                       Located<Boolean> prune, Duration interval) {}

    /** The cluster's BGP speaker (Cilium): its ASN, and the routers it peers with. */
    public record Bgp(Located<Long> asn, List<Peer> peers) {
        public Bgp {
            peers = List.copyOf(peers);
        }
    }

    /**
     * A BGP neighbour: an address or a device by name, and its ASN; {@code via} (null: not said) is the node
     * network whose router the neighbour is, peered at an address the router holds on another network, which the
     * nodes reach through their default route on that network.
     */
    public record Peer(Target address, Located<Long> asn, Name via) {}
}

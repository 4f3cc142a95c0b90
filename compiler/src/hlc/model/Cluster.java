package hlc.model;

import java.util.List;

/**
 * The Talos/Kubernetes cluster: versions, the control-plane VIP, CNI, pod/service subnets, Flux settings, and
 * where its secrets bundle is (a path relative to the spec, never the secrets themselves).
 */
public record Cluster(Name name, Version talos, Version kubernetes, Vip vip, Name cni, Located<Boolean> kubeProxy,
                      Cidr pods, Cidr services, List<LoadBalancer> loadBalancers, Flux flux,
                      Located<String> secrets) {

    /** The floating control-plane address and the network it is announced on. */
    public record Vip(Ip address, Name network) {}

    /** A fixed load-balancer address (a Gateway, the API, an app) on a network. */
    public record LoadBalancer(Name name, Ip address, Name network) {}

    /** Where Flux pulls the cluster from. */
    public record Flux(Located<String> repository, Name branch, Located<String> path, Duration interval) {}
}

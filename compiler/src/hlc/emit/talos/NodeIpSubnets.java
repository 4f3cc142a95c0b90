package hlc.emit.talos;

import hlc.model.Network;
import hlc.resolve.ClusterSettings;

import java.util.ArrayList;
import java.util.List;

/**
 * The subnets the kubelet picks a node's IPs from ({@code machine.kubelet.nodeIP.validSubnets}): the node
 * network's IPv4 CIDR, and on a dual-stack cluster its IPv6 prefix too. Talos's reference: "for dual stack
 * configuration, there should be two subnets: one for IPv4, another for IPv6"; with only the IPv4 one, the node
 * registers a single address and the IPv6 half of the cluster has no node address to route pods to.
 */
final class NodeIpSubnets {
    private NodeIpSubnets() {}

    static List<String> of(ClusterSettings cluster, Network nodeNetwork) {
        List<String> out = new ArrayList<>();
        if (nodeNetwork == null) return out;
        if (nodeNetwork.cidr() != null) out.add(nodeNetwork.cidr().text());
        if (cluster.dualStack() && nodeNetwork.ipv6() != null) out.add(nodeNetwork.ipv6().text());
        return List.copyOf(out);
    }
}

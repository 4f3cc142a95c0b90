package hlc.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the Cilium manifests of the Flux tree say that the language has words for: each
 * CiliumLoadBalancerIPPool block given as a CIDR becomes a network with {@code pool loadbalancer}, the
 * CiliumBGPClusterConfig's local ASN and peers the cluster's {@code bgp} block, and each LoadBalancer Service
 * whose address Cilium's LB IPAM pins ({@code lbipam.cilium.io/ips}) a {@code loadbalancer}. Pools given as
 * start/stop ranges, and a second BGP instance, are kept as comments. The Service that selects the
 * kube-apiserver pods is the API's load balancer: the Talos API endpoint's name is given to it (see
 * {@link #apiLoadBalancer}).
 */
final class CiliumNetworking {
    /** Pool network name → CIDR. */
    final Map<String, String> pools = new LinkedHashMap<>();
    Long asn;
    /** Peer address → peer ASN. */
    final Map<String, Long> peers = new LinkedHashMap<>();
    /** Service name → its pinned address. */
    final Map<String, String> loadBalancers = new LinkedHashMap<>();
    final List<String> unsaid = new ArrayList<>();
    /** The LoadBalancer Service in front of the kube-apiserver pods ({@code k8s-app: kube-apiserver}), or null. */
    private String apiService;
    /** The DNS name the Talos configs reach the API at, given to {@link #apiService} by the importer, or null. */
    private String apiName;

    CiliumNetworking(FluxTree tree) {
        for (YamlDoc d : tree.manifests()) {
            JsonNode n = d.node();
            String kind = n.path("kind").asText();
            if (kind.equals("CiliumLoadBalancerIPPool") && n.path("apiVersion").asText().startsWith("cilium.io/")) pool(d);
            else if (kind.equals("CiliumBGPClusterConfig")) bgp(d);
            else if (kind.equals("Service") && n.at("/spec/type").asText().equals("LoadBalancer")) service(d);
            else if (kind.equals("CiliumL2AnnouncementPolicy")) unsaid.add("CiliumL2AnnouncementPolicy " + n.at("/metadata/name").asText() + " (" + d.where("kind") + ")");
        }
    }

    private void pool(YamlDoc d) {
        String name = d.node().at("/metadata/name").asText("pool");
        int i = 0;
        for (JsonNode b : d.node().at("/spec/blocks")) {
            IPAddress cidr = b.has("cidr") ? new IPAddressString(b.path("cidr").asText()).getAddress() : null;
            if (cidr == null || cidr.getNetworkPrefixLength() == null) {
                unsaid.add("load-balancer pool " + name + " block " + b + " (" + d.where("blocks") + "): the language names a pool by its CIDR");
                continue;
            }
            String net = "lb-" + (SpecText.isName(name) ? name : "pool") + (i++ == 0 ? "" : "-" + i);
            pools.put(net, cidr.toPrefixBlock().toCanonicalString());
        }
    }

    private void bgp(YamlDoc d) {
        JsonNode instances = d.node().at("/spec/bgpInstances");
        for (int i = 0; i < instances.size(); i++) {
            JsonNode inst = instances.get(i);
            if (i > 0 || asn != null) {
                unsaid.add("BGP instance " + inst.path("name").asText() + " (" + d.where("bgpInstances") + "): the cluster has one BGP speaker");
                continue;
            }
            if (inst.path("localASN").canConvertToLong()) asn = inst.path("localASN").asLong();
            for (JsonNode p : inst.path("peers")) {
                if (p.path("peerAddress").isTextual() && p.path("peerASN").canConvertToLong()) {
                    peers.put(p.path("peerAddress").asText(), p.path("peerASN").asLong());
                }
            }
        }
    }

    private void service(YamlDoc d) {
        JsonNode ann = d.node().at("/metadata/annotations");
        String ips = ann.path("lbipam.cilium.io/ips").asText(ann.path("io.cilium/lb-ipam-ips").asText(null));
        String name = d.node().at("/metadata/name").asText();
        if (ips == null || !SpecText.isName(name)) return;
        String first = ips.split(",")[0].strip();
        if (new IPAddressString(first).getAddress() == null) return;
        loadBalancers.put(name, first);
        if (d.node().at("/spec/selector/k8s-app").asText().equals("kube-apiserver") && apiService == null) apiService = name;
    }

    /**
     * The load balancer of the API, when it has an address in a pool the spec declares: the Talos endpoint name
     * can be that load balancer's {@code dns} name, which is what makes {@code endpoint NAME} check (HL033).
     */
    String apiLoadBalancer() {
        return apiService != null && poolOf(loadBalancers.get(apiService)) != null ? apiService : null;
    }

    /** Gives the API's load balancer the endpoint's name (a record the repository keeps outside it). */
    void nameTheApi(String name) {
        apiName = name;
    }

    /** The pool network holding an address, or null. */
    String poolOf(String address) {
        IPAddress a = new IPAddressString(address).getAddress();
        for (var e : pools.entrySet()) {
            IPAddress n = new IPAddressString(e.getValue()).getAddress();
            if (a != null && n != null && n.contains(a)) return e.getKey();
        }
        return null;
    }

    void networks(SpecText t) {
        for (var e : pools.entrySet()) {
            t.blank();
            t.line(0, "network " + e.getKey() + " {");
            t.line(1, "cidr " + e.getValue());
            t.line(1, "pool loadbalancer");
            t.line(0, "}");
        }
    }

    /**
     * @param reachable whether every control-plane node is on a network of the spec holding an address: a peer
     *                  that is not (the nodes take their addresses by DHCP, so the repository does not say their
     *                  network) stays a comment rather than become HL032 on a cluster that works
     */
    void clusterAttributes(SpecText t, java.util.function.Predicate<String> reachable) {
        if (asn != null) {
            t.line(1, "bgp {");
            t.line(2, "asn " + asn);
            peers.forEach((addr, peerAsn) -> {
                if (reachable.test(addr)) t.line(2, "peer " + addr + " asn " + peerAsn);
                else t.notImported(2, "peer " + addr + " asn " + peerAsn + ": the repository does not say which network of the nodes reaches it (add it, then the peer)");
            });
            t.line(1, "}");
        }
        loadBalancers.forEach((name, addr) -> {
            String pool = poolOf(addr);
            if (pool != null && name.equals(apiService) && apiName != null) {
                t.comment(1, "The API's load balancer (it selects the kube-apiserver pods); the Talos configs reach the API at "
                        + apiName + ", so that name is its `dns` name here: check that your DNS record points at " + addr + ".");
                t.line(1, "loadbalancer " + name + " " + addr + " on " + pool + " dns " + apiName);
            } else if (pool != null) t.line(1, "loadbalancer " + name + " " + addr + " on " + pool);
            else t.notImported(1, "load balancer " + name + " " + addr + ": in no load-balancer pool of the repository");
        });
        for (String u : unsaid) t.notImported(1, u);
    }
}

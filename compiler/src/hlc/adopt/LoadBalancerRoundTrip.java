package hlc.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import hlc.Compiler;
import hlc.emit.cilium.CiliumEmitter;
import hlc.model.Cluster;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Cilium's side of the load balancers in the round trip. hlc writes no Service (the apps' own manifests keep
 * their pinned address), but it writes the CiliumLoadBalancerIPPools, and Cilium's LB IPAM gives a Service its
 * pinned address only when a pool holds it: otherwise the Service stays without an external address. So the fact
 * compared is, for each load balancer of the repository, {@code loadbalancer envoy-internal 192.168.42.31 in a
 * pool}: held by one of the repository's pools, against held by one of the pools {@code hlc compile} writes for
 * the spec's load balancer of that name and address. An address no pool of the repository holds gives no fact
 * (the import keeps it as a comment: Cilium gives it nothing today either).
 */
public final class LoadBalancerRoundTrip {
    private LoadBalancerRoundTrip() {}

    public static TreeSet<String> repositoryFacts(FluxTree tree) {
        CiliumNetworking cilium = new CiliumNetworking(tree);
        new LoadBalancerImport(tree).addTo(cilium);
        List<IPAddress[]> pools = new ArrayList<>();
        for (YamlDoc d : tree.manifests()) {
            JsonNode n = d.node();
            if (n.path("kind").asText().equals("CiliumLoadBalancerIPPool") && n.path("apiVersion").asText().startsWith("cilium.io/")) blocks(n, pools);
        }
        TreeSet<String> f = new TreeSet<>();
        cilium.loadBalancers.forEach((name, address) -> {
            if (holds(pools, address)) f.add(fact(name, address));
        });
        return f;
    }

    public static TreeSet<String> compiledFacts(Compiler.Result checked, Path rootSpec) {
        TreeSet<String> f = new TreeSet<>();
        if (checked.resolved() == null || checked.spec().cluster() == null) return f;
        List<IPAddress[]> pools = new ArrayList<>();
        for (EmittedDocuments.Document doc : EmittedDocuments.of(checked.resolved(), rootSpec, List.of(new CiliumEmitter()))) {
            if (doc.node().path("kind").asText().equals("CiliumLoadBalancerIPPool")) blocks(doc.node(), pools);
        }
        for (Cluster.LoadBalancer lb : checked.spec().cluster().loadBalancers()) {
            if (holds(pools, lb.address().text())) f.add(fact(lb.name().text(), lb.address().text()));
        }
        return f;
    }

    private static String fact(String name, String address) {
        return "loadbalancer " + name + " " + address + " in a pool";
    }

    /** A pool's blocks as first–last address pairs (a CIDR is its whole prefix: what Cilium can hand out of it). */
    private static void blocks(JsonNode pool, List<IPAddress[]> out) {
        for (JsonNode b : pool.at("/spec/blocks")) {
            if (b.has("cidr")) {
                IPAddress c = new IPAddressString(b.path("cidr").asText()).getAddress();
                if (c != null) out.add(new IPAddress[]{c.toPrefixBlock().getLower().withoutPrefixLength(), c.toPrefixBlock().getUpper().withoutPrefixLength()});
            } else {
                IPAddress start = new IPAddressString(b.path("start").asText()).getAddress();
                IPAddress stop = new IPAddressString(b.path("stop").asText()).getAddress();
                if (start != null && stop != null && start.getIPVersion() == stop.getIPVersion()) out.add(new IPAddress[]{start, stop});
            }
        }
    }

    private static boolean holds(List<IPAddress[]> pools, String address) {
        IPAddress a = new IPAddressString(address).getAddress();
        if (a == null) return false;
        for (IPAddress[] r : pools) {
            if (r[0].getIPVersion() == a.getIPVersion() && r[0].compareTo(a) <= 0 && a.compareTo(r[1]) <= 0) return true;
        }
        return false;
    }
}

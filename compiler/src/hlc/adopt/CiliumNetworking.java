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
 * CiliumLoadBalancerIPPool block given as a CIDR becomes a network with {@code pool loadbalancer} (the whole
 * network); a pool with start/stop ranges becomes {@code pool loadbalancer range A to B block CIDR …} on the node
 * network that holds it, or else on a network of its own, the smallest CIDR covering its blocks; the
 * CiliumBGPClusterConfig's local ASN and peers the cluster's {@code bgp} block, and each LoadBalancer Service
 * whose address Cilium's LB IPAM pins ({@code lbipam.cilium.io/ips}) a {@code loadbalancer}. Pools given as
 * A second BGP instance is kept as a comment. The Service that selects the
 * kube-apiserver pods is the API's load balancer: the Talos API endpoint's name is given to it (see
 * {@link #apiLoadBalancer}).
 */
final class CiliumNetworking {
    /**
     * A load-balancer pool as the spec says it: the network and its CIDR, and the {@code range}/{@code block}
     * words of a pool that is part of its network (empty: the whole network is the pool).
     */
    record Pool(String network, String cidr, List<String> blocks) {}

    /** Pool network name → pool. */
    final Map<String, Pool> pools = new LinkedHashMap<>();
    Long asn;
    /** Peer address → peer ASN. */
    final Map<String, Long> peers = new LinkedHashMap<>();
    /** Service name → its pinned address. */
    final Map<String, String> loadBalancers = new LinkedHashMap<>();
    /** Service name → the file and line its address is written at (HelmRelease values: {@link LoadBalancerImport}). */
    final Map<String, String> sources = new java.util.HashMap<>();
    /** The policy announcing load-balancer addresses over L2, until a node network that is the pool says it. */
    private String l2Note;
    /** Node networks that are a pool as a whole (cluster-template's: the node subnet is the LB IPAM pool). */
    private final java.util.Set<String> wholeNodePools = new java.util.HashSet<>();
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
            else if (kind.equals("CiliumBGPPeerConfig")) unsaid.addAll(BgpRoundTrip.sessionSettings(d));
            else if (kind.equals("Service") && n.at("/spec/type").asText().equals("LoadBalancer")) service(d);
            else if (kind.equals("CiliumL2AnnouncementPolicy")) l2Policy(d);
            else if (kind.equals("Gateway") && n.path("apiVersion").asText().startsWith("gateway.networking.k8s.io/")) pinned(d, n.at("/spec/infrastructure/annotations"));
        }
    }

    /** An L2 announcement policy: said by a node network that is the pool ({@code announce l2}), else a comment. */
    private void l2Policy(YamlDoc d) {
        String note = "CiliumL2AnnouncementPolicy " + d.node().at("/metadata/name").asText() + " (" + d.where("kind") + ")";
        if (d.node().at("/spec/loadBalancerIPs").asBoolean(false) && l2Note == null) l2Note = note;
        else unsaid.add(note);
    }

    /**
     * A Gateway whose infrastructure annotations pin a Cilium LB IPAM address: a load balancer of that name (the
     * Service Envoy Gateway makes for it). Addresses in HelmRelease values are {@link LoadBalancerImport}'s.
     */
    private void pinned(YamlDoc d, JsonNode ann) {
        String ips = ann.path("lbipam.cilium.io/ips").asText(ann.path("io.cilium/lb-ipam-ips").asText(null));
        String name = d.node().at("/metadata/name").asText();
        if (ips == null || !SpecText.isName(name)) return;
        String first = ips.split(",")[0].strip();
        if (new IPAddressString(first).getAddress() != null && loadBalancers.putIfAbsent(name, first) == null) sources.put(name, d.where("lbipam.cilium.io/ips"));
    }

    private void pool(YamlDoc d) {
        String name = d.node().at("/metadata/name").asText("pool");
        String base = "lb-" + (SpecText.isName(name) ? name : "pool");
        List<IPAddress> cidrs = new ArrayList<>();
        List<String> written = new ArrayList<>();
        List<IPAddress[]> ranges = new ArrayList<>();
        for (JsonNode b : d.node().at("/spec/blocks")) {
            IPAddress cidr = b.has("cidr") ? new IPAddressString(b.path("cidr").asText()).getAddress() : null;
            IPAddress start = b.has("start") ? new IPAddressString(b.path("start").asText()).getAddress() : null;
            IPAddress stop = b.has("stop") ? new IPAddressString(b.path("stop").asText()).getAddress() : null;
            if (cidr != null && cidr.getNetworkPrefixLength() != null) {
                cidrs.add(cidr.toPrefixBlock());
                written.add(cidr.isPrefixBlock() ? cidr.toPrefixBlock().toCanonicalString() : b.path("cidr").asText().strip());
            }
            else if (start != null && stop != null && start.getIPVersion() == stop.getIPVersion() && start.compareTo(stop) <= 0) {
                ranges.add(new IPAddress[] {start.withoutPrefixLength(), stop.withoutPrefixLength()});
            } else {
                unsaid.add("load-balancer pool " + name + " block " + b + " (" + d.where("blocks") + "): neither a CIDR nor a start/stop range");
            }
        }
        if (ranges.isEmpty()) {
            // CIDR blocks only: each is a network that is the pool as a whole, as Cilium hands it out; a CIDR written
            // with host bits set is kept as written, so the checks report it (HL021) rather than the import mending it
            for (int i = 0; i < cidrs.size(); i++) {
                String net = base + (i == 0 ? "" : "-" + (i + 1));
                pools.put(net, new Pool(net, written.get(i), List.of()));
            }
            return;
        }
        // ranges (and any CIDR beside them): one network covering them all, its pool exactly these blocks, per
        // IP family (a network's cidr is IPv4; an IPv6 range goes to its `ipv6` prefix, which the import does not
        // derive, so it stays a comment)
        IPAddress cover = null;
        List<String> words = new ArrayList<>();
        for (IPAddress[] r : ranges) {
            if (!r[0].isIPv4()) {
                unsaid.add("load-balancer pool " + name + " range " + r[0] + " to " + r[1] + " (" + d.where("blocks") + "): an IPv6 range needs the network's `ipv6` prefix");
                continue;
            }
            words.add("range " + r[0].toCanonicalString() + " to " + r[1].toCanonicalString());
            cover = cover == null ? r[0].coverWithPrefixBlock(r[1]) : cover.coverWithPrefixBlock(r[0]).coverWithPrefixBlock(r[1]);
        }
        for (IPAddress c : cidrs) {
            if (!c.isIPv4()) {
                unsaid.add("load-balancer pool " + name + " block " + c + " (" + d.where("blocks") + "): an IPv6 block needs the network's `ipv6` prefix");
                continue;
            }
            words.add("block " + c.toCanonicalString());
            cover = cover == null ? c : cover.coverWithPrefixBlock(c);
        }
        if (cover != null) pools.put(base, new Pool(base, cover.toPrefixBlock().toCanonicalString(), words));
    }

    /**
     * Moves each pool of blocks that lies inside one of the node networks onto that network (a pool beside the
     * nodes): a network of its own would overlap it.
     *
     * @param nodeNetworks network name → CIDR, as the Talos side writes them
     */
    void placeIn(Map<String, String> nodeNetworks) {
        for (var e : List.copyOf(pools.entrySet())) {
            Pool p = e.getValue();
            if (p.blocks().isEmpty()) {
                // a pool that is a node network's whole CIDR: that network is the pool, its addresses announced
                // beside the nodes' (hlc hands out only the addresses no node, VIP or gateway holds)
                for (var n : nodeNetworks.entrySet()) {
                    if (!n.getValue().equals(p.cidr())) continue;
                    pools.put(e.getKey(), new Pool(n.getKey(), n.getValue(), List.of()));
                    wholeNodePools.add(n.getKey());
                    break;
                }
                continue;
            }
            IPAddress cover = new IPAddressString(p.cidr()).getAddress();
            for (var n : nodeNetworks.entrySet()) {
                IPAddress net = new IPAddressString(n.getValue()).getAddress();
                if (net != null && cover != null && net.getIPVersion() == cover.getIPVersion() && net.contains(cover)) {
                    pools.put(e.getKey(), new Pool(n.getKey(), n.getValue(), p.blocks()));
                    break;
                }
            }
        }
    }

    /** The pool words a node network takes ({@code pool loadbalancer range …}), or null. */
    String poolWordsOn(String network) {
        if (wholeNodePools.contains(network)) return "pool loadbalancer announce " + (l2Note != null || asn == null ? "l2" : "bgp");
        for (Pool p : pools.values()) {
            if (p.network().equals(network) && !p.blocks().isEmpty()) return "pool loadbalancer " + String.join(" ", p.blocks());
        }
        return null;
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
        sources.put(name, d.where("lbipam.cilium.io/ips"));
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

    /** The pool network holding an address (inside one of its blocks when it has blocks), or null. */
    String poolOf(String address) {
        IPAddress a = new IPAddressString(address).getAddress();
        if (a == null) return null;
        for (Pool p : pools.values()) {
            if (p.blocks().isEmpty()) {
                IPAddress n = new IPAddressString(p.cidr()).getAddress();
                if (n != null && n.contains(a)) return p.network();
                continue;
            }
            for (String b : p.blocks()) {
                String[] w = b.split(" ");
                boolean in = w[0].equals("range")
                        ? new IPAddressString(w[1]).getAddress().toSequentialRange(new IPAddressString(w[3]).getAddress()).contains(a)
                        : new IPAddressString(w[1]).getAddress().contains(a);
                if (in) return p.network();
            }
        }
        return null;
    }

    /** The pools that are networks of their own (not placed on a node network). */
    void networks(SpecText t, java.util.Set<String> nodeNetworks) {
        for (Pool p : pools.values()) {
            if (nodeNetworks.contains(p.network())) continue;
            t.blank();
            if (!p.blocks().isEmpty()) {
                t.comment(0, "The repository gives this pool as its blocks only: " + p.cidr() + " is the smallest CIDR holding them (rename the network, widen the CIDR to the real subnet).");
            }
            t.line(0, "network " + p.network() + " {");
            t.line(1, "cidr " + p.cidr());
            t.line(1, p.blocks().isEmpty() ? "pool loadbalancer" : "pool loadbalancer " + String.join(" ", p.blocks()));
            t.line(0, "}");
        }
    }

    /**
     * @param reachable whether every control-plane node is on a network of the spec holding an address: a peer
     *                  that is not (the nodes take their addresses by DHCP, so the repository does not say their
     *                  network) is reached {@code via} the node network that routes to it, or else stays a
     *                  comment rather than become HL032 on a cluster that works
     * @param routed    the node network every control plane has its default route on (null: none), which reaches
     *                  a peer off the nodes' networks: the router, at its address on another network
     */
    void clusterAttributes(SpecText t, java.util.function.Predicate<String> reachable, String routed) {
        if (asn != null) {
            t.line(1, "bgp {");
            t.line(2, "asn " + asn);
            peers.forEach((addr, peerAsn) -> {
                if (reachable.test(addr)) t.line(2, "peer " + addr + " asn " + peerAsn);
                else if (routed != null) t.line(2, "peer " + addr + " asn " + peerAsn + " via " + routed);
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
            else t.notImported(1, "load balancer " + name + " " + addr + " (" + sources.getOrDefault(name, "?")
                    + "): in no load-balancer pool of the repository, so Cilium gives the Service no address today and the spec no network to put it on");
        });
        if (l2Note != null && wholeNodePools.isEmpty()) t.notImported(1, l2Note);
        for (String u : unsaid) t.notImported(1, u);
    }
}

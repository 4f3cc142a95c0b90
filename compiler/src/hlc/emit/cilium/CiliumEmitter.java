package hlc.emit.cilium;

import hlc.resolve.ResolvedSpec;
import hlc.emit.AppliedFolder;
import hlc.emit.EmitProblems;
import hlc.emit.Emitter;
import hlc.emit.FileSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cilium LB IPAM and its announcement, under {@code network/cilium/}: a {@code CiliumLoadBalancerIPPool} per
 * load-balancer pool, a {@code CiliumL2AnnouncementPolicy} for load balancers on a node network, and the BGP
 * trio ({@code CiliumBGPClusterConfig}, {@code CiliumBGPPeerConfig}, {@code CiliumBGPAdvertisement}) when the
 * cluster has a {@code bgp} block. Cluster-scoped resources, applied once the {@code cilium} app (its CRDs) is ready.
 */
public final class CiliumEmitter implements Emitter {
    static final String FOLDER = "network/cilium";
    /** The label the peer config selects advertisements by, as Cilium's examples and the home-ops repositories use. */
    static final String ADVERTISE_LABEL = "advertise";
    static final String PEER_CONFIG = "bgp-peer-config";

    @Override
    public List<FileSpec> files(ResolvedSpec ix, EmitProblems problems) {
        CiliumFacts facts = CiliumFacts.of(ix);
        List<FileSpec> files = new ArrayList<>();
        for (CiliumFacts.Pool p : facts.pools()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", p.name());
            List<Map<String, String>> blocks = new ArrayList<>();
            for (CiliumFacts.Block b : p.blocks()) {
                Map<String, String> m = new LinkedHashMap<>();
                m.put("cidr", b.cidr() == null ? "" : b.cidr());
                m.put("start", b.start() == null ? "" : b.start());
                m.put("stop", b.stop() == null ? "" : b.stop());
                blocks.add(m);
            }
            c.put("blocks", blocks);
            c.put("reserve_first_last", p.reserveFirstLast());
            files.add(new FileSpec(FOLDER + "/pool-" + p.name() + ".yaml", "cilium-lb-pool.yaml.j2", c, false));
        }
        for (CiliumFacts.L2Announcement a : facts.l2()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", "l2-" + a.network());
            c.put("interfaces", a.interfaces().stream().map(CiliumEmitter::exactly).toList());
            c.put("hosts", a.allHosts() ? List.of() : a.hosts());
            files.add(new FileSpec(FOLDER + "/l2-" + a.network() + ".yaml", "cilium-l2-policy.yaml.j2", c, false));
        }
        if (facts.bgp() != null) {
            List<Map<String, Object>> peers = new ArrayList<>();
            for (CiliumFacts.Peer p : facts.bgp().peers()) {
                peers.add(Map.of("name", p.name(), "address", p.address(), "asn", p.asn()));
            }
            Map<String, Object> cluster = new LinkedHashMap<>();
            cluster.put("asn", facts.bgp().asn());
            cluster.put("instance", "instance-" + facts.bgp().asn());
            cluster.put("peers", peers);
            cluster.put("peer_config", PEER_CONFIG);
            files.add(new FileSpec(FOLDER + "/bgp-cluster-config.yaml", "cilium-bgp-cluster.yaml.j2", cluster, false));
            files.add(new FileSpec(FOLDER + "/bgp-peer-config.yaml", "cilium-bgp-peer.yaml.j2",
                    Map.of("name", PEER_CONFIG, "label", ADVERTISE_LABEL, "families", facts.bgp().families()), false));
            files.add(new FileSpec(FOLDER + "/bgp-advertisement.yaml", "cilium-bgp-advertisement.yaml.j2",
                    Map.of("name", "bgp-loadbalancer-ips", "label", ADVERTISE_LABEL), false));
        }
        return files;
    }

    @Override
    public List<AppliedFolder> appliedFolders(ResolvedSpec ix) {
        CiliumFacts facts = CiliumFacts.of(ix);
        if (facts.pools().isEmpty() && facts.bgp() == null) return List.of();
        return List.of(new AppliedFolder("hlc-cilium", FOLDER, ix.apps().containsKey("cilium") ? List.of("cilium") : List.of()));
    }

    /** Cilium takes interface names as regular expressions: one that matches this name alone ({@code ^bond0\.107$}). */
    static String exactly(String name) {
        StringBuilder b = new StringBuilder("^");
        for (char ch : name.toCharArray()) {
            if ("\\.[]{}()*+?^$|".indexOf(ch) >= 0) b.append('\\');
            b.append(ch);
        }
        return b.append('$').toString();
    }
}

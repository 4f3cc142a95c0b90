package hlc.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import hlc.Compiler;
import hlc.emit.cilium.CiliumEmitter;
import hlc.model.Host;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Cilium BGP's side of the round trip: what the repository's CiliumBGPClusterConfig, CiliumBGPPeerConfig and
 * CiliumBGPAdvertisement say, against the same facts of what {@code hlc compile} writes. One fact a line: the
 * speaker's ASN ({@code bgp localASN 64514}), each peer's address and ASN ({@code bgp peer 192.168.1.1 asn 64513}),
 * the families and session settings of the peer config it refers to, what those families advertise, and which
 * nodes speak (the cluster config's node selector, evaluated on the spec's hosts: the repository's nodes).
 */
final class BgpRoundTrip {
    private BgpRoundTrip() {}

    private record Docs(List<JsonNode> clusters, Map<String, JsonNode> peerConfigs, List<JsonNode> advertisements) {}

    /** The facts of the repository's BGP resources; {@code hosts} are the nodes a node selector picks from. */
    static TreeSet<String> repositoryFacts(FluxTree tree, List<Host> hosts) {
        List<JsonNode> docs = new ArrayList<>();
        for (YamlDoc d : tree.manifests()) docs.add(d.node());
        return facts(docs, hosts);
    }

    /** The same facts of what the spec compiles to (nothing when it does not check far enough to have a model). */
    static TreeSet<String> compiledFacts(Compiler.Result checked, Path rootSpec) {
        if (checked.resolved() == null) return new TreeSet<>();
        List<JsonNode> docs = new ArrayList<>();
        for (EmittedDocuments.Document d : EmittedDocuments.of(checked.resolved(), rootSpec, List.of(new CiliumEmitter()))) docs.add(d.node());
        return facts(docs, checked.spec().hosts());
    }

    /**
     * The session settings of a peer config that hlc writes no word for (Cilium's defaults then apply): the
     * import's comments, each naming where it is.
     */
    static List<String> sessionSettings(YamlDoc d) {
        List<String> out = new ArrayList<>();
        String name = d.node().at("/metadata/name").asText();
        for (String key : List.of("timers", "ebgpMultihop", "transport", "gracefulRestart", "authSecretRef")) {
            if (d.node().path("spec").has(key)) {
                out.add("BGP peer config " + name + " " + key + " " + d.node().path("spec").path(key) + " (" + d.where(key) + "): hlc writes Cilium's default");
            }
        }
        return out;
    }

    private static TreeSet<String> facts(List<JsonNode> docs, List<Host> hosts) {
        Docs d = new Docs(new ArrayList<>(), new java.util.HashMap<>(), new ArrayList<>());
        for (JsonNode n : docs) {
            if (!n.path("apiVersion").asText().startsWith("cilium.io/")) continue;
            switch (n.path("kind").asText()) {
                case "CiliumBGPClusterConfig" -> d.clusters().add(n);
                case "CiliumBGPPeerConfig" -> d.peerConfigs().put(n.at("/metadata/name").asText(), n);
                case "CiliumBGPAdvertisement" -> d.advertisements().add(n);
                default -> { }
            }
        }
        TreeSet<String> f = new TreeSet<>();
        for (JsonNode c : d.clusters()) {
            for (String h : speakers(c.at("/spec/nodeSelector"), hosts)) f.add("bgp speaker " + h);
            for (JsonNode inst : c.at("/spec/bgpInstances")) {
                f.add("bgp localASN " + inst.path("localASN").asText());
                for (JsonNode p : inst.path("peers")) peer(f, p, d);
            }
        }
        return f;
    }

    private static void peer(TreeSet<String> f, JsonNode p, Docs d) {
        String k = "bgp peer " + p.path("peerAddress").asText().replaceAll("/\\d+$", "") + " ";
        f.add(k + "asn " + p.path("peerASN").asText());
        JsonNode cfg = d.peerConfigs().get(p.at("/peerConfigRef/name").asText());
        if (cfg == null) return;
        JsonNode s = cfg.path("spec");
        // Cilium's defaults, said or not: a TTL of 1, the hold and keepalive timers of 90 and 30 seconds, port 179
        f.add(k + "ebgpMultihop " + s.path("ebgpMultihop").asInt(1));
        f.add(k + "holdTimeSeconds " + s.at("/timers/holdTimeSeconds").asInt(90));
        f.add(k + "keepAliveTimeSeconds " + s.at("/timers/keepAliveTimeSeconds").asInt(30));
        f.add(k + "peerPort " + s.at("/transport/peerPort").asInt(179));
        if (s.path("gracefulRestart").path("enabled").asBoolean(false)) f.add(k + "gracefulRestart");
        if (s.has("authSecretRef")) f.add(k + "authSecretRef " + s.path("authSecretRef").asText());
        for (JsonNode fam : s.path("families")) {
            String family = fam.path("afi").asText() + "/" + fam.path("safi").asText();
            f.add(k + "family " + family);
            for (JsonNode adv : d.advertisements()) {
                if (!selects(fam.path("advertisements"), adv.at("/metadata/labels"))) continue;
                for (JsonNode a : adv.at("/spec/advertisements")) f.add(k + "family " + family + " advertises " + advertisement(a));
            }
        }
    }

    /**
     * What one advertisement announces: its type, the service addresses, and whether its selector takes every
     * service (the home-ops spellings of "all": an empty selector, or a NotIn of a value no service has).
     */
    private static String advertisement(JsonNode a) {
        StringBuilder s = new StringBuilder(a.path("advertisementType").asText());
        for (JsonNode addr : a.at("/service/addresses")) s.append(' ').append(addr.asText());
        if (a.path("advertisementType").asText().equals("Service")) {
            JsonNode sel = a.path("selector");
            boolean all = sel.isMissingNode() || sel.path("matchLabels").isEmpty() && allNotIn(sel.path("matchExpressions"));
            s.append(all ? " of every service" : " of services " + sel);
        }
        return s.toString();
    }

    private static boolean allNotIn(JsonNode expressions) {
        for (JsonNode e : expressions) if (!e.path("operator").asText().equals("NotIn")) return false;
        return true;
    }

    /** Whether a label selector ({@code matchLabels} only, as these resources use it) selects these labels. */
    private static boolean selects(JsonNode selector, JsonNode labels) {
        if (selector.isMissingNode() || selector.isNull()) return false; // no advertisements for this family
        var it = selector.path("matchLabels").fields();
        while (it.hasNext()) {
            var e = it.next();
            if (!labels.path(e.getKey()).asText("\0").equals(e.getValue().asText())) return false;
        }
        return true;
    }

    /**
     * The hosts a cluster config's node selector picks: every node without one; a {@code matchLabels} of
     * {@code kubernetes.io/os: linux} (every Talos node), the control-plane role label (the control planes), or a
     * label a host carries ({@code label "k=v"}).
     */
    private static List<String> speakers(JsonNode selector, List<Host> hosts) {
        List<String> out = new ArrayList<>();
        for (Host h : hosts) {
            boolean picked = true;
            var it = selector.path("matchLabels").fields();
            while (it.hasNext()) {
                var e = it.next();
                String key = e.getKey(), value = e.getValue().asText();
                boolean has = switch (key) {
                    case "kubernetes.io/os" -> value.equals("linux");
                    case "node-role.kubernetes.io/control-plane" -> h.isControlPlane();
                    default -> h.labels().stream().anyMatch(l -> l.key().value().equals(key) && l.value().value().equals(value));
                };
                picked &= has;
            }
            if (picked) out.add(h.name().text());
        }
        return out;
    }
}

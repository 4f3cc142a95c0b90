package hlc.emit.talos;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static hlc.emit.talos.MultiDocumentTest.ofKind;
import static hlc.emit.talos.MultiDocumentTest.texts;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a node's Talos config says about its network, read back from either form into one comparable shape:
 * hostname, nameservers, and per link (by kernel name, or {@code driver:X} when selected by driver) its addresses,
 * MTU, default route, bond mode and members, and VIP. For tests that the two forms of one spec agree.
 */
public final class NetworkFacts {
    private NetworkFacts() {}

    /** The facts of a classic single-document config. */
    public static Map<String, String> ofClassic(JsonNode config) {
        Map<String, String> facts = new TreeMap<>();
        JsonNode net = config.at("/machine/network");
        facts.put("hostname", net.path("hostname").asText());
        facts.put("nameservers", texts(net.path("nameservers")).toString());
        for (JsonNode i : net.path("interfaces")) {
            String key = i.has("interface") ? i.path("interface").asText() : "driver:" + i.at("/deviceSelector/driver").asText();
            List<String> members = new ArrayList<>(texts(i.at("/bond/interfaces")));
            i.at("/bond/deviceSelectors").forEach(d -> members.add("driver:" + d.path("driver").asText()));
            JsonNode route = i.at("/routes/0");
            if (!route.isMissingNode()) {
                String network = route.path("network").asText();
                assertTrue(network.equals("0.0.0.0/0") || network.equals("::/0"), "not a default route: " + network);
            }
            facts.put("link " + key, link(texts(i.path("addresses")), i.path("mtu").asInt(),
                    route.path("gateway").asText(), i.at("/bond/mode").asText(), members, i.at("/vip/ip").asText()));
        }
        return facts;
    }

    /** The facts of the documents of a multi-document config. */
    public static Map<String, String> ofMultiDocument(List<JsonNode> docs) {
        Map<String, String> facts = new TreeMap<>();
        facts.put("hostname", ofKind(docs, "HostnameConfig").get(0).path("hostname").asText());
        List<String> ns = new ArrayList<>();
        ofKind(docs, "ResolverConfig").forEach(r -> ns.addAll(r.path("nameservers").findValuesAsText("address")));
        facts.put("nameservers", ns.toString());
        Map<String, String> driverOf = new TreeMap<>();
        for (JsonNode a : ofKind(docs, "LinkAliasConfig")) {
            String match = a.at("/selector/match").asText();
            assertTrue(match.matches("link\\.driver == \"[^\"]+\""), match);
            driverOf.put(a.path("name").asText(), match.substring(match.indexOf('"') + 1, match.length() - 1));
        }
        Map<String, String> vipOn = new TreeMap<>();
        ofKind(docs, "Layer2VIPConfig").forEach(v -> vipOn.put(v.path("link").asText(), v.path("name").asText()));
        List<JsonNode> links = new ArrayList<>(ofKind(docs, "LinkConfig"));
        links.addAll(ofKind(docs, "BondConfig"));
        for (JsonNode l : links) {
            String name = l.path("name").asText();
            String key = driverOf.containsKey(name) && !l.has("bondMode") ? "driver:" + driverOf.get(name) : name;
            List<String> members = texts(l.path("links")).stream()
                    .map(m -> driverOf.containsKey(m) ? "driver:" + driverOf.get(m) : m).toList();
            JsonNode route = l.at("/routes/0");
            assertTrue(route.path("destination").isMissingNode(), "a default route has no destination");
            facts.put("link " + key, link(l.path("addresses").findValuesAsText("address"), l.path("mtu").asInt(),
                    route.path("gateway").asText(), l.path("bondMode").asText(), members, vipOn.getOrDefault(name, "")));
        }
        return facts;
    }

    private static String link(List<String> addresses, int mtu, String gateway, String bondMode, List<String> members, String vip) {
        return "addresses=" + addresses + " mtu=" + mtu + " gateway=" + gateway
                + (bondMode.isEmpty() ? "" : " bond=" + bondMode + members) + (vip.isEmpty() ? "" : " vip=" + vip);
    }
}

package hlc.emit.talos;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static hlc.emit.talos.MultiDocumentTest.ofKind;
import static hlc.emit.talos.MultiDocumentTest.texts;

/**
 * What a node's Talos config says about its network, read back from either form into one comparable shape:
 * hostname, nameservers, and per link (by kernel name, or {@code select:{…}} when selected by driver, MAC, bus path
 * or being physical) its addresses, MTU, routes (the default ones and static ones), bond mode and members, and VIP. For tests that the two forms of one spec agree.
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
            String key = i.has("interface") ? i.path("interface").asText() : "select:" + selector(i.path("deviceSelector"));
            List<String> members = new ArrayList<>(texts(i.at("/bond/interfaces")));
            i.at("/bond/deviceSelectors").forEach(d -> members.add("select:" + selector(d)));
            List<String> routes = new ArrayList<>();
            for (JsonNode r : i.path("routes")) {
                routes.add(route(r.path("network").asText(), r.path("gateway").asText(), r.path("metric").asInt()));
            }
            facts.put("link " + key, link(texts(i.path("addresses")), i.path("mtu").asInt(), routes,
                    i.at("/bond/mode").asText(), members, i.at("/vip/ip").asText()));
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
        Map<String, String> selectorOf = new TreeMap<>();
        for (JsonNode a : ofKind(docs, "LinkAliasConfig")) {
            selectorOf.put(a.path("name").asText(), selector(a.at("/selector/match").asText()));
        }
        Map<String, String> vipOn = new TreeMap<>();
        ofKind(docs, "Layer2VIPConfig").forEach(v -> vipOn.put(v.path("link").asText(), v.path("name").asText()));
        List<JsonNode> links = new ArrayList<>(ofKind(docs, "LinkConfig"));
        links.addAll(ofKind(docs, "BondConfig"));
        for (JsonNode l : links) {
            String name = l.path("name").asText();
            String key = selectorOf.containsKey(name) && !l.has("bondMode") ? "select:" + selectorOf.get(name) : name;
            List<String> members = texts(l.path("links")).stream()
                    .map(m -> selectorOf.containsKey(m) ? "select:" + selectorOf.get(m) : m).toList();
            List<String> routes = new ArrayList<>();
            for (JsonNode r : l.path("routes")) {
                String gateway = r.path("gateway").asText();
                String destination = r.has("destination") ? r.path("destination").asText() : gateway.contains(":") ? "::/0" : "0.0.0.0/0";
                routes.add(route(destination, gateway, r.path("metric").asInt()));
            }
            facts.put("link " + key, link(l.path("addresses").findValuesAsText("address"), l.path("mtu").asInt(), routes,
                    l.path("bondMode").asText(), members, vipOn.getOrDefault(name, "")));
        }
        return facts;
    }

    /** A classic deviceSelector, as the properties it names in a fixed order. */
    private static String selector(JsonNode s) {
        Map<String, String> m = new TreeMap<>();
        s.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return m.toString();
    }

    /** A LinkAliasConfig's CEL match, read back as the deviceSelector properties it tests. */
    private static String selector(String match) {
        Map<String, String> m = new TreeMap<>();
        for (String part : match.split(" && ")) {
            java.util.regex.Matcher x;
            if ((x = java.util.regex.Pattern.compile("link\\.driver == \"([^\"]+)\"").matcher(part)).matches()) m.put("driver", x.group(1));
            else if ((x = java.util.regex.Pattern.compile("mac\\(link\\.permanent_addr\\) == \"([^\"]+)\"").matcher(part)).matches()) m.put("permanentAddr", x.group(1));
            else if ((x = java.util.regex.Pattern.compile("glob\\(\"([^\"]+)\", link\\.bus_path\\)").matcher(part)).matches()) m.put("busPath", x.group(1));
            else if (part.equals("link.type == 1") || part.equals("link.kind == \"\"")) m.put("physical", "true");
            else throw new AssertionError("a link selector this test cannot read: " + match);
        }
        return m.toString();
    }

    private static String route(String destination, String gateway, int metric) {
        return destination + " via " + gateway + (metric == 0 ? "" : " metric " + metric);
    }

    private static String link(List<String> addresses, int mtu, List<String> routes, String bondMode, List<String> members, String vip) {
        return "addresses=" + addresses + " mtu=" + mtu + " routes=" + routes
                + (bondMode.isEmpty() ? "" : " bond=" + bondMode + members) + (vip.isEmpty() ? "" : " vip=" + vip);
    }
}

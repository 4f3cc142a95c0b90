package hlc.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import inet.ipaddr.IPAddressString;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fixed load-balancer addresses that Services get from their HelmRelease values and from the fields Cilium's
 * annotation reader ({@link CiliumNetworking}) does not look at, so that they become {@code loadbalancer} lines
 * and hlc's address checks (HL026 and the pool checks) run on them:
 * <ul>
 *   <li>app-template releases: each {@code service.<id>} of {@code type: LoadBalancer} (the Service is named
 *       after the release, or {@code <release>-<id>} beside others: app-template's naming);</li>
 *   <li>charts with one Service ({@code service.type: LoadBalancer}: k8s-gateway, blocky…) and ingress-nginx's
 *       {@code controller.service} ({@code <release>-controller});</li>
 *   <li>a Service's {@code spec.loadBalancerIP} (which Cilium's LB IPAM honours like its annotation), and a
 *       Gateway's {@code spec.addresses}.</li>
 * </ul>
 * The address is Cilium's annotation ({@code lbipam.cilium.io/ips}, {@code io.cilium/lb-ipam-ips}) or
 * {@code loadBalancerIP}. A {@code ${VAR}} in it is resolved from the substitutions of the app whose folder holds
 * the file (Flux substitutes them before Cilium sees the Service): its own, and the ConfigMaps it substitutes from
 * that the tree holds; one the repository does not give a value (a Secret's) stays a comment naming the file and
 * line, as does an address that is not one.
 */
final class LoadBalancerImport {
    /** One pinned address: the Service's name, its address (resolved), and the file and line it is written at. */
    record Pinned(String name, String address, String where) {}

    private static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::=([^}]*))?}");

    final List<Pinned> pinned = new ArrayList<>();
    /** What could not become a load balancer, with the reason and place: comments in the cluster block. */
    final List<String> unsaid = new ArrayList<>();
    private final FluxTree tree;

    LoadBalancerImport(FluxTree tree) {
        this.tree = tree;
        for (YamlDoc d : tree.manifests()) {
            JsonNode n = d.node();
            String kind = n.path("kind").asText(), name = n.at("/metadata/name").asText();
            if (kind.equals("HelmRelease")) release(d, name, n.at("/spec/values"));
            else if (kind.equals("Service") && n.at("/spec/type").asText().equals("LoadBalancer") && !hasCiliumAnnotation(n.at("/metadata/annotations"))) {
                add(d, name, n.at("/spec/loadBalancerIP"), "loadBalancerIP");
            } else if (kind.equals("Gateway") && n.path("apiVersion").asText().startsWith("gateway.networking.k8s.io/")) {
                for (JsonNode a : n.at("/spec/addresses")) {
                    if (a.path("type").asText("IPAddress").equals("IPAddress")) add(d, name, a.path("value"), "value");
                    else unsaid.add("address " + a.path("value").asText() + " of Gateway " + name + " (" + d.where("addresses") + "): a " + a.path("type").asText() + ", not an address");
                }
            }
        }
    }

    /** Gives each address to the load balancers Cilium's manifests already named (a name met there first wins). */
    void addTo(CiliumNetworking cilium) {
        for (Pinned p : pinned) {
            String name = p.name();
            String before = cilium.loadBalancers.get(name);
            if (before != null && before.equals(p.address())) continue;
            if (before != null) {
                unsaid.add("load balancer " + name + " " + p.address() + " (" + p.where() + "): the name is another load balancer's (" + before + ")");
                continue;
            }
            cilium.loadBalancers.put(name, p.address());
            cilium.sources.put(name, p.where());
        }
    }

    void write(SpecText t) {
        for (String u : unsaid) t.notImported(1, u);
    }

    private void release(YamlDoc d, String release, JsonNode values) {
        JsonNode service = values.path("service");
        if (service.path("type").isTextual()) {
            // a chart with one Service (k8s-gateway, blocky): the Service carries the release's name
            if (service.path("type").asText().equals("LoadBalancer")) service(d, release, service);
        } else if (service.isObject()) {
            // app-template: service.<identifier>, each a Service
            List<String> ids = new ArrayList<>();
            service.fieldNames().forEachRemaining(ids::add);
            for (String id : ids) {
                JsonNode s = service.path(id);
                if (!s.path("type").asText().equals("LoadBalancer")) continue;
                boolean primary = ids.size() == 1 || id.equals("app") || s.path("primary").asBoolean(false);
                service(d, primary ? release : release + "-" + id, s);
            }
        }
        JsonNode controller = values.at("/controller/service");
        if (controller.isObject() && controller.path("type").asText("LoadBalancer").equals("LoadBalancer")) {
            service(d, release + "-controller", controller); // ingress-nginx names it <release>-controller
        }
    }

    private void service(YamlDoc d, String name, JsonNode s) {
        JsonNode ann = s.path("annotations");
        for (String key : List.of("lbipam.cilium.io/ips", "io.cilium/lb-ipam-ips")) {
            if (ann.path(key).isTextual()) {
                add(d, name, ann.path(key), key);
                return;
            }
        }
        add(d, name, s.path("loadBalancerIP"), "loadBalancerIP");
    }

    private static boolean hasCiliumAnnotation(JsonNode ann) {
        return ann.has("lbipam.cilium.io/ips") || ann.has("io.cilium/lb-ipam-ips");
    }

    private void add(YamlDoc d, String name, JsonNode value, String key) {
        if (!value.isTextual() || value.asText().isBlank()) return;
        String raw = value.asText().strip();
        String where = d.file().displayPath() + ":" + d.spanOf(raw).line();
        String[] parts = raw.split(",");
        String first = parts[0].strip();
        if (parts.length > 1) unsaid.add("further addresses of load balancer " + name + " " + raw.substring(raw.indexOf(',') + 1).strip() + " (" + where + "): a load balancer has one address");
        String resolved = substitute(d, first);
        if (resolved == null) {
            unsaid.add("load balancer " + name + " " + first + " (" + where + "): the repository gives no value for its substitution");
            return;
        }
        if (!SpecText.isName(name)) {
            unsaid.add("load balancer " + name + " " + resolved + " (" + where + "): the language cannot spell its name");
            return;
        }
        if (new IPAddressString(resolved).getAddress() == null || new IPAddressString(resolved).getAddress().getNetworkPrefixLength() != null) {
            unsaid.add("load balancer " + name + " " + resolved + " (" + where + "): not an address");
            return;
        }
        pinned.add(new Pinned(name, new IPAddressString(resolved).getAddress().toCanonicalString(), where));
    }

    /**
     * The text with each {@code ${VAR}} (or {@code ${VAR:=default}}) replaced by the value the owning app's
     * Kustomization substitutes, or null when one has none there.
     */
    private String substitute(YamlDoc d, String text) {
        if (!text.contains("${")) return text;
        Map<String, String> vars = varsOf(d.file().displayPath());
        Matcher m = VAR.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = vars.get(m.group(1));
            if (v == null) v = m.group(2);
            if (v == null) return null;
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString().contains("${") ? null : out.toString();
    }

    /**
     * The substitutions of the Kustomization whose path holds the file (the longest such path): the data of the
     * ConfigMaps it substitutes from that the tree holds (a Secret's values are never read), then its own
     * {@code substitute}, which wins as in Flux.
     */
    private Map<String, String> varsOf(String file) {
        FluxKustomization owner = null;
        for (FluxKustomization k : tree.apps()) {
            if (k.path() == null || !file.startsWith(k.path() + "/")) continue;
            if (owner == null || k.path().length() > owner.path().length()) owner = k;
        }
        if (owner == null) return Map.of();
        Map<String, String> vars = new java.util.HashMap<>();
        for (FluxKustomization.SubstituteFrom from : owner.substituteFrom()) {
            if (!from.kind().equals("ConfigMap")) continue;
            for (YamlDoc d : tree.manifests()) {
                JsonNode n = d.node();
                if (!n.path("kind").asText().equals("ConfigMap") || !n.at("/metadata/name").asText().equals(from.name())) continue;
                n.path("data").fields().forEachRemaining(e -> vars.put(e.getKey(), e.getValue().asText()));
            }
        }
        if (owner.substitute() != null) vars.putAll(owner.substitute());
        return vars;
    }
}

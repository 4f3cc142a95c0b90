package hlc.adopt;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import hlc.diag.SourceFile;
import hlc.diag.Span;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values a cluster-template renders from: the user's data files ({@code cluster.toml}, or {@code cluster.yaml}
 * and {@code nodes.yaml}) merged as makejinja merges them, then the defaults and derived values the template's
 * plugin ({@code template/scripts/plugin.py}) adds, written again here because the template's filters and
 * functions run in Python. Each default is the one {@code cluster.sample.toml} (or {@code cluster.sample.yaml})
 * documents. Secrets in the files (the Cloudflare token) are reported, never passed on: no template the import
 * renders uses them.
 */
final class ClusterTemplateValues {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ClusterTemplateValues() {}

    /** The merged values of {@code files}, with the plugin's defaults; empty (with a finding) when a file cannot be read. */
    static Optional<Map<String, Object>> read(List<Path> files, RepositoryReader repo, Findings findings) throws IOException {
        Map<String, Object> data = new LinkedHashMap<>();
        for (Path f : files) {
            Optional<JsonNode> n = readOne(f, repo, findings);
            if (n.isEmpty()) return Optional.empty();
            if (!n.get().isObject()) continue;
            @SuppressWarnings("unchecked")
            Map<String, Object> m = JSON.convertValue(n.get(), LinkedHashMap.class);
            data.putAll(m);
        }
        if (data.containsKey("network") || data.containsKey("kubernetes")) tomlDefaults(data);
        else yamlDefaults(data);
        return Optional.of(data);
    }

    private static Optional<JsonNode> readOne(Path f, RepositoryReader repo, Findings findings) throws IOException {
        String name = f.getFileName().toString();
        if (name.endsWith(".toml")) {
            String text = Files.readString(f);
            SourceFile source = new SourceFile(f, repo.relative(f), text);
            if (Files.size(f) > RepositoryReader.MAX_BYTES) {
                findings.add(ImportCode.IMP02, new Span(source, 1, 1, 1), source.displayPath() + " is too large to be a configuration", "it is not read");
                return Optional.empty();
            }
            try {
                JsonNode n = new TomlMapper().readTree(text);
                secrets(n, source, findings);
                return Optional.of(n);
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation();
                int line = at != null && at.getLineNr() > 0 ? Math.min(at.getLineNr(), Math.max(1, source.lineCount())) : 1;
                int col = at != null && at.getColumnNr() > 0 ? at.getColumnNr() : 1;
                findings.add(ImportCode.IMP01, new Span(source, line, col, 1), source.displayPath() + " is not valid TOML: " + e.getOriginalMessage(),
                        "fix it (makejinja would refuse it too) and import again");
                return Optional.empty();
            }
        }
        // a file named by --values may live outside the checkout: it is read by a reader of its own folder
        RepositoryReader reader = f.startsWith(repo.root()) ? repo : new RepositoryReader(f.getParent(), findings);
        Optional<List<YamlDoc>> docs = reader.read(f, null);
        if (docs.isEmpty()) return Optional.empty();
        JsonNode merged = JSON.createObjectNode();
        for (YamlDoc d : docs.get()) if (d.node().isObject()) ((com.fasterxml.jackson.databind.node.ObjectNode) merged).setAll((com.fasterxml.jackson.databind.node.ObjectNode) d.node());
        if (!docs.get().isEmpty()) secrets(merged, docs.get().get(0).file(), findings);
        return Optional.of(merged);
    }

    /** The Cloudflare API token ({@code dns.token}, {@code cloudflare_token}): a secret, reported and never copied. */
    private static void secrets(JsonNode n, SourceFile source, Findings findings) {
        for (String[] key : List.of(new String[] {"dns", "token"}, new String[] {"cloudflare_token"})) {
            JsonNode v = key.length == 2 ? n.path(key[0]).path(key[1]) : n.path(key[0]);
            if (!v.isTextual() || v.asText().isEmpty()) continue;
            String leaf = key[key.length - 1];
            int line = 1, col = 1;
            for (int l = 1; l <= source.lineCount(); l++) {
                String s = source.line(l).strip();
                if (s.startsWith(leaf) && s.substring(leaf.length()).strip().matches("[=:].*")) {
                    line = l;
                    col = source.line(l).indexOf(v.asText()) + 1;
                    break;
                }
            }
            Span at = col > 0 ? new Span(source, line, col, v.asText().length()) : new Span(source, line, 1, 1);
            findings.addSensitive(ImportCode.IMP06, at, "`" + String.join(".", key) + "` is the Cloudflare API token: its value is not copied",
                    "the spec's Cloudflare `dns-provider` takes it from the vault; store it there (cluster-template writes it into SOPS files the import never reads)");
        }
    }

    /** cluster.toml (May 2026 on): the defaults cluster.sample.toml documents for each optional key. */
    @SuppressWarnings("unchecked")
    private static void tomlDefaults(Map<String, Object> d) {
        Map<String, Object> network = table(d, "network");
        String nodeCidr = String.valueOf(network.getOrDefault("node_cidr", ""));
        network.putIfAbsent("dns_servers", List.of("1.1.1.1", "1.0.0.1"));
        network.putIfAbsent("ntp_servers", List.of("162.159.200.1", "162.159.200.123"));
        putIfBlank(network, "default_gateway", nthHost(nodeCidr, 1));
        network.putIfAbsent("vlan_tag", "");
        Map<String, Object> k8s = table(d, "kubernetes");
        k8s.putIfAbsent("pod_cidr", "10.42.0.0/16");
        k8s.putIfAbsent("svc_cidr", "10.43.0.0/16");
        putIfBlank(k8s, "coredns_addr", nthHost(String.valueOf(k8s.get("svc_cidr")), 10));
        Map<String, Object> api = table(k8s, "api");
        api.putIfAbsent("addr", "");
        api.putIfAbsent("tls_sans", List.of());
        Map<String, Object> gateways = table(d, "gateways");
        gateways.putIfAbsent("external", "");
        Map<String, Object> repository = table(d, "repository");
        repository.putIfAbsent("url", "");
        repository.putIfAbsent("branch", "main");
        repository.putIfAbsent("webhook_provider", "github");
        repository.putIfAbsent("known_hosts", "");
        table(d, "domain").putIfAbsent("name", "");
        Map<String, Object> dns = table(d, "dns");
        dns.putIfAbsent("provider", "cloudflare");
        dns.put("token", "");
        Map<String, Object> ingress = table(d, "ingress");
        ingress.putIfAbsent("mode", "cloudflare".equals(dns.get("provider")) ? "cloudflare-tunnel" : "none");
        Map<String, Object> cilium = table(d, "cilium");
        cilium.putIfAbsent("loadbalancer_mode", "dsr");
        Map<String, Object> bgp = table(cilium, "bgp");
        for (String k : List.of("router_addr", "router_asn", "node_asn")) bgp.putIfAbsent(k, "");
        d.put("cilium_bgp_enabled", List.of("router_addr", "router_asn", "node_asn").stream().allMatch(k -> !String.valueOf(bgp.get(k)).isEmpty()));
        Map<String, Object> talos = table(d, "talos");
        talos.putIfAbsent("schematic_id", "");
        List<Map<String, Object>> nodes = nodes(d);
        for (Map<String, Object> n : nodes) {
            putIfBlank(n, "schematic_id", String.valueOf(talos.get("schematic_id")));
            n.putIfAbsent("mtu", 1500);
            n.putIfAbsent("secureboot", false);
            n.putIfAbsent("encrypt_disk", false);
            n.putIfAbsent("kernel_modules", List.of());
        }
        table(d, "spegel").putIfAbsent("enabled", nodes.size() > 1);
        d.put("controller_count", nodes.stream().filter(n -> Boolean.TRUE.equals(n.get("controller"))).count());
        List<Object> sans = new ArrayList<>(List.of("127.0.0.1", api.get("addr")));
        sans.addAll((List<Object>) api.get("tls_sans"));
        d.put("cert_sans", sans);
        // The ClusterIssuer the wildcard certificate comes from: Let's Encrypt through Cloudflare's DNS-01, else
        // the in-cluster self-signed CA (the issuer templates themselves are not in the reference copy).
        d.put("cluster_issuer", "cloudflare".equals(dns.get("provider")) ? "letsencrypt-production" : "selfsigned-ca");
    }

    /** cluster.yaml + nodes.yaml (before May 2026): the plugin's defaults of that time, flat keys. */
    private static void yamlDefaults(Map<String, Object> d) {
        String nodeCidr = String.valueOf(d.getOrDefault("node_cidr", ""));
        putIfBlank(d, "node_default_gateway", nthHost(nodeCidr, 1));
        d.putIfAbsent("node_dns_servers", List.of("1.1.1.1", "1.0.0.1"));
        d.putIfAbsent("node_ntp_servers", List.of("162.159.200.1", "162.159.200.123"));
        putIfBlank(d, "cluster_pod_cidr", "10.42.0.0/16");
        putIfBlank(d, "cluster_svc_cidr", "10.43.0.0/16");
        putIfBlank(d, "repository_branch", "main");
        putIfBlank(d, "repository_visibility", "public");
        putIfBlank(d, "cilium_loadbalancer_mode", "dsr");
        d.putIfAbsent("cluster_api_tls_sans", List.of());
        d.put("cilium_bgp_enabled", List.of("cilium_bgp_router_addr", "cilium_bgp_router_asn", "cilium_bgp_node_asn").stream()
                .allMatch(k -> d.get(k) != null && !String.valueOf(d.get(k)).isEmpty()));
        d.put("cloudflare_token", "");
        List<Map<String, Object>> nodes = nodes(d);
        d.putIfAbsent("spegel_enabled", nodes.size() > 1);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> nodes(Map<String, Object> d) {
        Object n = d.get("nodes");
        if (!(n instanceof List<?>)) {
            n = new ArrayList<>();
            d.put("nodes", n);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : (List<Object>) n) if (o instanceof Map<?, ?> m) out.add((Map<String, Object>) m);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> table(Map<String, Object> d, String key) {
        Object t = d.get(key);
        if (t instanceof Map<?, ?> m) return (Map<String, Object>) m;
        Map<String, Object> fresh = new LinkedHashMap<>();
        d.put(key, fresh);
        return fresh;
    }

    private static void putIfBlank(Map<String, Object> m, String key, Object value) {
        Object v = m.get(key);
        if (v == null || String.valueOf(v).isEmpty()) m.put(key, value);
    }

    /** The plugin's {@code nthhost}: the n-th address of a CIDR (host bits ignored), or "" when there is none. */
    static String nthHost(String cidr, int n) {
        IPAddress net = new IPAddressString(cidr).getAddress();
        if (net == null || net.getNetworkPrefixLength() == null) return "";
        IPAddress first = net.toPrefixBlock().getLower().withoutPrefixLength();
        if (BigInteger.valueOf(n).compareTo(net.toPrefixBlock().getCount()) >= 0) return "";
        return first.increment(n).toCanonicalString();
    }
}

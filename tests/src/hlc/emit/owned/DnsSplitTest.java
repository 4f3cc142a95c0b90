package hlc.emit.owned;

import com.fasterxml.jackson.databind.JsonNode;
import hlc.emit.EmitFixtures;
import hlc.emit.RenderedFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dns-provider blocks decide which records go where: the cluster as it runs today has a public Cloudflare
 * instance that reads DNSEndpoints and a UniFi instance that does not, so no LAN address may reach a DNSEndpoint;
 * what Cloudflare gets are the routes through the public load balancer (envoy-external), as CNAMEs to its name.
 */
class DnsSplitTest {
    private static EmitFixtures.Run today;
    private static EmitFixtures.Run unifiReadsCrd;
    private static EmitFixtures.Run noPublicBalancer;

    @BeforeAll
    static void compile() {
        today = Compiles.clean(Compiles.today());
        unifiReadsCrd = Compiles.changed(Compiles.today(), "home-ops-today.hl",
                "sources [gateway-httproute, service]", "sources [crd, gateway-httproute, service]");
        noPublicBalancer = Compiles.changed(Compiles.today(), "home-ops-today.hl",
                "on lb dns external.t0m.co public", "on lb dns external.t0m.co");
    }

    /** Every record of every DNSEndpoint, by the provider its label names: "name TYPE target". */
    private static Map<String, List<String>> recordsByProvider(EmitFixtures.Run run) {
        Map<String, List<String>> out = new TreeMap<>();
        for (RenderedFile f : run.files()) {
            for (JsonNode d : EmitFixtures.docs(f)) {
                if (!d.path("kind").asText().equals("DNSEndpoint")) continue;
                String provider = d.at("/metadata/labels/hlc.dev~1dns-provider").asText("(none)");
                for (JsonNode e : d.at("/spec/endpoints")) {
                    out.computeIfAbsent(provider, k -> new ArrayList<>()).add(e.path("dnsName").asText() + " "
                            + e.path("recordType").asText() + " " + e.at("/targets/0").asText());
                }
            }
        }
        out.values().forEach(l -> l.sort(null));
        return out;
    }

    @Test
    void noLanAddressGoesToThePublicProvider() {
        assertEquals(Map.of(), recordsByProvider(noPublicBalancer), "every address of the spec is private; Cloudflare is the only DNSEndpoint reader");
        assertFalse(noPublicBalancer.has("dns/dnsendpoints.yaml"));
    }

    /** The seven routes the page names on envoy-external, and nothing else: no A record, no LAN route. */
    @Test
    void routesThroughThePublicLoadBalancerAreCnamesToItsNameOnThePublicProvider() {
        List<String> expected = new ArrayList<>();
        for (String r : List.of("auth", "ha", "id", "img", "plex", "pw", "status")) expected.add(r + ".t0m.co CNAME external.t0m.co");
        assertEquals(Map.of("external-dns", expected), recordsByProvider(today));
    }

    @Test
    void publicWithoutADnsNameIsAFinding() {
        var r = hlc.Compiler.checkText("lb.hl", """
                network lan { cidr 192.168.5.0/24 }
                cluster main {
                  talos v1.10.7  kubernetes v1.33.3
                  loadbalancer envoy 192.168.5.230 on lan public
                }
                """);
        assertEquals(List.of("HL007 4:43"), r.reporter().sorted().stream().filter(d -> d.code().equals("HL007"))
                .map(d -> d.code() + " " + d.span().line() + ":" + d.span().column()).toList());
    }

    @Test
    void aLanProviderThatReadsDnsEndpointsGetsTheLanRecords() {
        Map<String, List<String>> byProvider = recordsByProvider(unifiReadsCrd);
        assertEquals(List.of("external-dns", "unifi-dns"), List.copyOf(byProvider.keySet()));
        List<String> lan = byProvider.get("unifi-dns");
        assertTrue(lan.contains("k8s-1.internal A 192.168.5.211"), "hosts are named in the local domain: " + lan);
        assertTrue(lan.contains("k8s.internal A 192.168.42.50"), "a load balancer's dns name gets its record: " + lan);
        assertTrue(lan.contains("grafana.t0m.co A 192.168.42.31"), lan.toString());
        assertTrue(lan.contains("plex.t0m.co A 192.168.42.41"), "the LAN resolves a public route to the private address: " + lan);
        assertFalse(lan.stream().anyMatch(x -> x.contains(" CNAME ")), "aliases are for public providers only: " + lan);
    }

    @Test
    void theUnifiStaticRecordsHoldTheLoadBalancerNames() throws Exception {
        JsonNode records = today.doc("dns/unifi-static-dns.json").path("records");
        List<String> keys = new ArrayList<>();
        for (JsonNode r : records) keys.add(r.path("key").asText() + " " + r.path("value").asText());
        assertTrue(keys.contains("internal.t0m.co 192.168.42.31"), keys.toString());
        assertTrue(keys.contains("scrutiny.internal 192.168.42.101"), keys.toString());
    }

    @Test
    void eachProvidersSettingsLandInItsValues() throws Exception {
        JsonNode values = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(
                today.doc("dns/providers/external-dns-values.yaml").at("/data/values.yaml").asText());
        assertEquals("cloudflare", values.at("/provider/name").asText());
        assertEquals("[\"t0m.co\",\"${CEAPP_DOMAIN}\"]", values.path("domainFilters").toString());
        assertEquals("[\"crd\",\"gateway-httproute\"]", values.path("sources").toString());
        assertEquals("k8s.", values.path("txtPrefix").asText());
        assertEquals("default", values.path("txtOwnerId").asText());
        assertEquals("sync", values.path("policy").asText());
        // records follow a new route at once, as every reference repository's external-dns is set to
        assertTrue(values.path("triggerLoopOnEvent").asBoolean(false));
        JsonNode unifi = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(
                today.doc("dns/providers/unifi-dns-values.yaml").at("/data/values.yaml").asText());
        assertEquals("webhook", unifi.at("/provider/name").asText());
        assertEquals("ghcr.io/kashalls/external-dns-unifi-webhook", unifi.at("/provider/webhook/image/repository").asText());
        assertEquals("v0.9.0", unifi.at("/provider/webhook/image/tag").asText());
        assertEquals("https://192.168.1.1", unifi.at("/provider/webhook/env/0/value").asText());
    }
}

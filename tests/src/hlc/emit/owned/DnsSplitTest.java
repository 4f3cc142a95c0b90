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
 * instance that reads DNSEndpoints and a UniFi instance that does not, so no LAN address may reach a DNSEndpoint.
 */
class DnsSplitTest {
    private static EmitFixtures.Run today;
    private static EmitFixtures.Run unifiReadsCrd;

    @BeforeAll
    static void compile() {
        today = Compiles.clean(Compiles.today());
        unifiReadsCrd = Compiles.changed(Compiles.today(), "home-ops-today.hl",
                "sources [gateway-httproute, service]", "sources [crd, gateway-httproute, service]");
    }

    /** Every record of every DNSEndpoint, by the provider its label names. */
    private static Map<String, List<String>> recordsByProvider(EmitFixtures.Run run) {
        Map<String, List<String>> out = new TreeMap<>();
        for (RenderedFile f : run.files()) {
            for (JsonNode d : EmitFixtures.docs(f)) {
                if (!d.path("kind").asText().equals("DNSEndpoint")) continue;
                String provider = d.at("/metadata/labels/hlc.dev~1dns-provider").asText("(none)");
                for (JsonNode e : d.at("/spec/endpoints")) {
                    out.computeIfAbsent(provider, k -> new ArrayList<>()).add(e.path("dnsName").asText() + " " + e.at("/targets/0").asText());
                }
            }
        }
        return out;
    }

    @Test
    void noLanAddressGoesToThePublicProvider() {
        assertEquals(Map.of(), recordsByProvider(today), "every address of the spec is private; Cloudflare is the only DNSEndpoint reader");
        assertFalse(today.has("dns/dnsendpoints.yaml"));
    }

    @Test
    void aLanProviderThatReadsDnsEndpointsGetsTheLanRecords() {
        Map<String, List<String>> byProvider = recordsByProvider(unifiReadsCrd);
        assertEquals(List.of("unifi-dns"), List.copyOf(byProvider.keySet()));
        List<String> lan = byProvider.get("unifi-dns");
        assertTrue(lan.contains("k8s-1.t0m.co 192.168.5.211"), lan.toString());
        assertTrue(lan.contains("k8s.internal 192.168.42.50"), "a load balancer's dns name gets its record: " + lan);
        assertTrue(lan.contains("grafana.t0m.co 192.168.42.31"), lan.toString());
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
        JsonNode unifi = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(
                today.doc("dns/providers/unifi-dns-values.yaml").at("/data/values.yaml").asText());
        assertEquals("webhook", unifi.at("/provider/name").asText());
        assertEquals("ghcr.io/kashalls/external-dns-unifi-webhook", unifi.at("/provider/webhook/image/repository").asText());
        assertEquals("v0.9.0", unifi.at("/provider/webhook/image/tag").asText());
        assertEquals("https://192.168.1.1", unifi.at("/provider/webhook/env/0/value").asText());
    }
}

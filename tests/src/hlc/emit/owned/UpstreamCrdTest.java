package hlc.emit.owned;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
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
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every Cilium, Rook, VolSync, CloudNativePG, External Secrets and Multus document both bundled specs compile to
 * matches the strict upstream CRD schema of its kind (../shared/schemas), and each spec writes the kinds it
 * should, as many as it should. A component's documents are validated as each Kustomization that includes it
 * applies them ({@link AsApplied}).
 */
class UpstreamCrdTest {
    private static EmitFixtures.Run homelab;
    private static EmitFixtures.Run today;

    @BeforeAll
    static void compile() {
        assumeTrue(Upstream.present(), "upstream schemas not found at " + Upstream.folder());
        homelab = Compiles.clean(Compiles.homelab());
        today = Compiles.clean(Compiles.today());
    }

    /** Every document of an upstream kind, validated; the count of each kind seen. */
    private static Map<String, Integer> validateAll(EmitFixtures.Run run, List<String> problems) {
        Map<String, Integer> seen = new TreeMap<>();
        for (RenderedFile f : run.files()) {
            for (AsApplied.Doc applied : AsApplied.docs(run, f)) {
                for (JsonNode d : withEmbedded(applied.doc())) {
                    String kind = Upstream.kindOf(d);
                    JsonSchema s = Upstream.schemaFor(kind);
                    if (s == null) continue;
                    seen.merge(kind, 1, Integer::sum);
                    String where = f.path() + (applied.includedBy() == null ? "" : " as " + applied.includedBy() + " applies it");
                    for (String v : Upstream.violations(s, d)) problems.add(where + " (" + kind + "): " + v);
                }
            }
        }
        return seen;
    }

    /** A document, and the resources rendered from Helm values it carries (Rook's cephClusterSpec). */
    static List<JsonNode> withEmbedded(JsonNode doc) {
        List<JsonNode> out = new ArrayList<>(List.of(doc));
        out.addAll(hlc.emit.HelmValues.embedded(doc).stream().map(hlc.emit.HelmValues.Embedded::document).toList());
        return out;
    }

    @Test
    void theArchitecturePageSpecMatchesUpstream() {
        List<String> problems = new ArrayList<>();
        Map<String, Integer> seen = validateAll(homelab, problems);
        assertEquals(List.of(), problems);
        assertEquals(1, seen.get("cilium.io/v2 CiliumLoadBalancerIPPool"), "one pool: the L2 addresses on lan");
        assertEquals(1, seen.get("cilium.io/v2alpha1 CiliumL2AnnouncementPolicy"));
        assertEquals(null, seen.get("cilium.io/v2 CiliumBGPClusterConfig"), "no bgp block, no BGP");
        assertEquals(1, seen.get("ceph.rook.io/v1 CephCluster"), "the Rook values, rendered as the chart's CephCluster");
        assertEquals(1, seen.get("external-secrets.io/v1 ClusterSecretStore"), "one vault: akeyless");
        assertEquals(5, seen.get("volsync.backube/v1alpha1 ReplicationSource"), "the five apps that depend on volsync");
        assertEquals(5, seen.get("volsync.backube/v1alpha1 ReplicationDestination"));
        assertEquals(1, seen.get("barmancloud.cnpg.io/v1 ObjectStore"), "one database cluster: cnpg-cluster");
        assertEquals(1, seen.get("postgresql.cnpg.io/v1 ScheduledBackup"));
    }

    @Test
    void theClusterAsItRunsTodayMatchesUpstream() {
        List<String> problems = new ArrayList<>();
        Map<String, Integer> seen = validateAll(today, problems);
        assertEquals(List.of(), problems);
        assertEquals(1, seen.get("cilium.io/v2 CiliumLoadBalancerIPPool"), "one routed pool: lb");
        assertEquals(null, seen.get("cilium.io/v2alpha1 CiliumL2AnnouncementPolicy"), "BGP, not L2");
        assertEquals(1, seen.get("cilium.io/v2 CiliumBGPClusterConfig"));
        assertEquals(1, seen.get("cilium.io/v2 CiliumBGPPeerConfig"));
        assertEquals(1, seen.get("cilium.io/v2 CiliumBGPAdvertisement"));
        assertEquals(1, seen.get("ceph.rook.io/v1 CephCluster"));
        assertEquals(1, seen.get("external-secrets.io/v1 ClusterSecretStore"));
        assertEquals(null, seen.get("volsync.backube/v1alpha1 ReplicationSource"), "PVCs are backed up by Kopiur, not VolSync");
        assertEquals(2, seen.get("barmancloud.cnpg.io/v1 ObjectStore"), "pgsql and pgvector clusters");
        assertEquals(2, seen.get("postgresql.cnpg.io/v1 ScheduledBackup"));
        assertEquals(7, seen.get("k8s.cni.cncf.io/v1 NetworkAttachmentDefinition"), "five apps on iot, two on vpn");
    }

    /**
     * The storage backends and load-balancer pools the bundled specs do not use, from the corpus specs that use
     * them correctly: Rook's CephBlockPool, CephFilesystem and CephObjectStore, Longhorn's RecurringJob, and
     * Cilium pools of ranges, a /32 block, IPv6, and the node subnet shared with the nodes.
     */
    @Test
    void theNewStorageAndPoolWordsMatchUpstream() {
        java.nio.file.Path corpus = EmitFixtures.projectDir().resolve("tests/corpus/check");
        List<String> problems = new ArrayList<>();
        Map<String, Integer> storage = validateAll(Compiles.clean(corpus.resolve("ok-storage-backends.hl")), problems);
        Map<String, Integer> ranges = validateAll(Compiles.clean(corpus.resolve("ok-lb-pool-ranges-dual-stack.hl")), problems);
        Map<String, Integer> shared = validateAll(Compiles.clean(corpus.resolve("ok-lb-pool-is-the-node-subnet.hl")), problems);
        assertEquals(List.of(), problems);
        assertEquals(1, storage.get("ceph.rook.io/v1 CephBlockPool"));
        assertEquals(1, storage.get("ceph.rook.io/v1 CephFilesystem"));
        assertEquals(1, storage.get("ceph.rook.io/v1 CephObjectStore"));
        assertEquals(2, storage.get("longhorn.io/v1beta2 RecurringJob"), "a snapshot and a backup job");
        assertEquals(1, ranges.get("cilium.io/v2 CiliumLoadBalancerIPPool"));
        assertEquals(1, ranges.get("cilium.io/v2alpha1 CiliumL2AnnouncementPolicy"), "a pool of ranges without bgp: L2");
        assertEquals(1, shared.get("cilium.io/v2 CiliumLoadBalancerIPPool"));
        assertEquals(null, shared.get("cilium.io/v2alpha1 CiliumL2AnnouncementPolicy"), "announce bgp: no L2 policy");
    }

    /** A pool that is the node subnet hands out no address a node, the VIP, the gateway or DHCP has. */
    @Test
    void aPoolThatIsTheNodeSubnetLeavesOutTheAddressesInUse() {
        EmitFixtures.Run run = Compiles.clean(EmitFixtures.projectDir().resolve("tests/corpus/check/ok-lb-pool-is-the-node-subnet.hl"));
        JsonNode blocks = run.doc("network/cilium/pool-lan.yaml").at("/spec/blocks");
        List<String> ranges = new ArrayList<>();
        blocks.forEach(b -> ranges.add(b.path("start").asText() + "-" + b.path("stop").asText()));
        // .1 gateway, .10 VIP, .11 the node, .100-.150 DHCP; .0 and .255 are the network and broadcast addresses
        assertEquals(List.of("192.168.5.2-192.168.5.9", "192.168.5.12-192.168.5.99", "192.168.5.151-192.168.5.254"), ranges);
    }

    /** The validation above can fail: a misspelled field and a wrong type are rejected. */
    @Test
    void aMisspelledOrMistypedFieldIsRejected() {
        JsonNode pool = today.doc("network/cilium/pool-lb.yaml");
        JsonSchema s = Upstream.schemaFor(Upstream.kindOf(pool));
        assertEquals(List.of(), Upstream.violations(s, pool));
        ObjectNode typo = pool.deepCopy();
        ((ObjectNode) typo.path("spec")).put("allowFirstLastIP", "No");
        assertFalse(Upstream.violations(s, typo).isEmpty(), "allowFirstLastIP was accepted");
        ObjectNode wrong = pool.deepCopy();
        ((ObjectNode) wrong.path("spec")).put("allowFirstLastIPs", "no");
        assertFalse(Upstream.violations(s, wrong).isEmpty(), "allowFirstLastIPs: no was accepted");
    }

    /** An ExternalSecret names a store hlc writes, so no secret waits for a store that is not there. */
    @Test
    void everyExternalSecretPointsAtAClusterSecretStoreHlcWrites() {
        for (EmitFixtures.Run run : List.of(homelab, today)) {
            java.util.Set<String> stores = new java.util.TreeSet<>();
            List<JsonNode> refs = new ArrayList<>();
            for (RenderedFile f : run.files()) {
                for (JsonNode d : EmitFixtures.docs(f)) {
                    if (d.path("kind").asText().equals("ClusterSecretStore")) stores.add(d.at("/metadata/name").asText());
                    if (d.path("kind").asText().equals("ExternalSecret")) refs.add(d.at("/spec/secretStoreRef"));
                }
            }
            assertFalse(stores.isEmpty());
            for (JsonNode ref : refs) {
                assertEquals("ClusterSecretStore", ref.path("kind").asText());
                assertTrue(stores.contains(ref.path("name").asText()), ref + " names none of " + stores);
            }
        }
    }
}

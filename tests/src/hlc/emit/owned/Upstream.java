package hlc.emit.owned;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import hlc.emit.EmitFixtures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The strict upstream CRD schemas in ../shared/schemas (SOURCES.md there), by apiVersion and kind, for the
 * resources hlc writes from facts it owns: Cilium, Rook, VolSync, CloudNativePG, External Secrets, Multus.
 * These are the upstream projects' own schemas with {@code additionalProperties: false} added (kubeconform
 * -strict), not hlc's shipped copies, so a field hlc misspells or misplaces is caught even if its copy were wrong.
 */
final class Upstream {
    private static final ObjectMapper JSON = new ObjectMapper();

    static final Map<String, String> STRICT = Map.ofEntries(
            Map.entry("cilium.io/v2 CiliumLoadBalancerIPPool", "cilium-loadbalancerippool.v2.strict.schema.json"),
            Map.entry("cilium.io/v2alpha1 CiliumL2AnnouncementPolicy", "cilium-l2announcementpolicy.v2alpha1.strict.schema.json"),
            Map.entry("cilium.io/v2 CiliumBGPClusterConfig", "cilium-bgpclusterconfig.v2.strict.schema.json"),
            Map.entry("cilium.io/v2 CiliumBGPPeerConfig", "cilium-bgppeerconfig.v2.strict.schema.json"),
            Map.entry("cilium.io/v2 CiliumBGPAdvertisement", "cilium-bgpadvertisement.v2.strict.schema.json"),
            Map.entry("ceph.rook.io/v1 CephCluster", "rook-cephcluster.v1.strict.schema.json"),
            Map.entry("ceph.rook.io/v1 CephBlockPool", "rook-cephblockpool.v1.strict.schema.json"),
            Map.entry("ceph.rook.io/v1 CephFilesystem", "rook-cephfilesystem.v1.strict.schema.json"),
            Map.entry("ceph.rook.io/v1 CephObjectStore", "rook-cephobjectstore.v1.strict.schema.json"),
            Map.entry("longhorn.io/v1beta2 RecurringJob", "longhorn-recurringjob.v1beta2.strict.schema.json"),
            Map.entry("external-secrets.io/v1 ClusterSecretStore", "eso-clustersecretstore.v1.strict.schema.json"),
            Map.entry("external-secrets.io/v1 ExternalSecret", "eso-externalsecret.v1.strict.schema.json"),
            Map.entry("volsync.backube/v1alpha1 ReplicationSource", "volsync-replicationsource.v1alpha1.strict.schema.json"),
            Map.entry("volsync.backube/v1alpha1 ReplicationDestination", "volsync-replicationdestination.v1alpha1.strict.schema.json"),
            Map.entry("postgresql.cnpg.io/v1 ScheduledBackup", "cnpg-scheduledbackup.v1.strict.schema.json"),
            Map.entry("barmancloud.cnpg.io/v1 ObjectStore", "barman-cloud-objectstore.v1.strict.schema.json"),
            Map.entry("k8s.cni.cncf.io/v1 NetworkAttachmentDefinition", "multus-networkattachmentdefinition.v1.strict.schema.json"),
            Map.entry("externaldns.k8s.io/v1alpha1 DNSEndpoint", "dnsendpoint.v1alpha1.strict.schema.json"));

    private static final Map<String, JsonSchema> LOADED = new HashMap<>();

    private Upstream() {}

    static Path folder() {
        return EmitFixtures.projectDir().resolve("../shared/schemas").normalize();
    }

    static boolean present() {
        return Files.isRegularFile(folder().resolve("cilium-loadbalancerippool.v2.strict.schema.json"));
    }

    static String kindOf(JsonNode doc) {
        return doc.path("apiVersion").asText("") + " " + doc.path("kind").asText("");
    }

    /** The strict upstream schema for this kind, or null when the document is not one of these kinds. */
    static synchronized JsonSchema schemaFor(String kind) {
        String file = STRICT.get(kind);
        if (file == null) return null;
        return LOADED.computeIfAbsent(file, f -> {
            try {
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(JSON.readTree(folder().resolve(f).toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static List<String> violations(JsonSchema schema, JsonNode doc) {
        return schema.validate(doc).stream().map(ValidationMessage::toString).sorted().toList();
    }
}

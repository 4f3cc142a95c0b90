package hlc.emit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The project's own JSON schemas for every kind of document hlc writes (under {@code schemas/}), each compiled
 * once per run. A document is matched to its schema by apiVersion and kind (a Talos machine config by its
 * {@code version}); a document of no known kind is itself an error: hlc only writes what it can validate.
 */
public final class SchemaCatalog {
    private static final Map<String, String> BY_KIND = Map.ofEntries(
            Map.entry("kustomize.toolkit.fluxcd.io/v1 Kustomization", "flux-kustomization"),
            Map.entry("kustomize.config.k8s.io/v1beta1 Kustomization", "kustomize-kustomization"),
            Map.entry("kustomize.config.k8s.io/v1alpha1 Component", "kustomize-component"),
            Map.entry("v1 Namespace", "namespace"),
            Map.entry("v1 ConfigMap", "configmap"),
            Map.entry("external-secrets.io/v1 ExternalSecret", "externalsecret"),
            Map.entry("storage.k8s.io/v1 StorageClass", "storageclass"),
            Map.entry("ceph.rook.io/v1 CephBlockPool", "cephblockpool"),
            Map.entry("externaldns.k8s.io/v1alpha1 DNSEndpoint", "dnsendpoint"),
            // Upstream CRD schemas, strict copies (see schemas/UPSTREAM.md)
            Map.entry("cilium.io/v2 CiliumLoadBalancerIPPool", "cilium-loadbalancerippool"),
            Map.entry("cilium.io/v2alpha1 CiliumL2AnnouncementPolicy", "cilium-l2announcementpolicy"),
            Map.entry("cilium.io/v2 CiliumBGPClusterConfig", "cilium-bgpclusterconfig"),
            Map.entry("cilium.io/v2 CiliumBGPPeerConfig", "cilium-bgppeerconfig"),
            Map.entry("cilium.io/v2 CiliumBGPAdvertisement", "cilium-bgpadvertisement"),
            Map.entry("external-secrets.io/v1 ClusterSecretStore", "clustersecretstore"),
            Map.entry("volsync.backube/v1alpha1 ReplicationSource", "volsync-replicationsource"),
            Map.entry("volsync.backube/v1alpha1 ReplicationDestination", "volsync-replicationdestination"),
            Map.entry("barmancloud.cnpg.io/v1 ObjectStore", "barman-objectstore"),
            Map.entry("postgresql.cnpg.io/v1 ScheduledBackup", "cnpg-scheduledbackup"),
            Map.entry("k8s.cni.cncf.io/v1 NetworkAttachmentDefinition", "multus-networkattachmentdefinition"),
            // The documents of a Talos multi-document machine config (v1.12 and v1.13) beside the machine document
            Map.entry("v1alpha1 HostnameConfig", "talos-hostnameconfig"),
            Map.entry("v1alpha1 LinkAliasConfig", "talos-linkaliasconfig"),
            Map.entry("v1alpha1 LinkConfig", "talos-linkconfig"),
            Map.entry("v1alpha1 BondConfig", "talos-bondconfig"),
            Map.entry("v1alpha1 VLANConfig", "talos-vlanconfig"),
            Map.entry("v1alpha1 DHCPv4Config", "talos-dhcpv4config"),
            Map.entry("v1alpha1 Layer2VIPConfig", "talos-layer2vipconfig"),
            Map.entry("v1alpha1 ResolverConfig", "talos-resolverconfig"),
            Map.entry("v1alpha1 VolumeConfig", "talos-volumeconfig"),
            Map.entry("v1alpha1 UserVolumeConfig", "talos-uservolumeconfig"));

    private final ObjectMapper json = new ObjectMapper();
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    /** The upstream CRD schemas declare draft-07 (SOURCES.md of ../shared/schemas); they are read as such. */
    private final JsonSchemaFactory draft07 = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private final Map<String, JsonSchema> compiled = new HashMap<>();

    /**
     * The schema name for a document, or null when hlc has none for it. A Talos {@code v1alpha1} machine config
     * alone in its file is the classic form; beside other documents it is the reduced machine document of the
     * multi-document form, which must not carry what moved into those documents.
     */
    public static String schemaFor(JsonNode doc, String path, boolean multiDocument) {
        if (path.endsWith(".json")) return "unifi-static-dns";
        if (!doc.has("apiVersion") && "v1alpha1".equals(doc.path("version").asText(null))) {
            return multiDocument ? "talos-machine" : "talos-v1alpha1";
        }
        if (!doc.has("apiVersion") && doc.has("customization")) return "talos-schematic";
        return BY_KIND.get(doc.path("apiVersion").asText("") + " " + doc.path("kind").asText(""));
    }

    /**
     * The schema of a document of a patched Talos config: Talos's own v1.10 schema (a shipped copy of
     * ../shared/schemas/talos-config.v1.10.schema.json), for the machine document and for any kind it has, since
     * a patch may set anything Talos accepts; the kind's hlc schema for kinds v1.10 does not have.
     */
    public static String patchedSchemaFor(JsonNode doc, String path, boolean multiDocument) {
        if (!doc.has("apiVersion") && !doc.has("kind")) return TALOS_UPSTREAM + "#v1alpha1.Config";
        String own = schemaFor(doc, path, multiDocument);
        return own != null ? own : TALOS_UPSTREAM + "#kind " + doc.path("kind").asText("");
    }

    static final String TALOS_UPSTREAM = "talos-config-v1.10";

    /** What a document is, for messages: its kind, or "v1alpha1 machine config" for a Talos machine document. */
    public static String kindOf(JsonNode doc) {
        if (!doc.has("apiVersion") && doc.has("version")) return doc.path("version").asText() + " machine config";
        if (doc.has("kind")) return "kind " + doc.path("kind").asText();
        return "no kind";
    }

    /** Compiles every schema now rather than on first use; one that cannot be loaded is left to fail on use. */
    void prepareAll() {
        List<String> names = new java.util.ArrayList<>(new java.util.TreeSet<>(BY_KIND.values()));
        names.addAll(List.of("rook-cephcluster", "unifi-static-dns", "talos-v1alpha1", "talos-machine", "talos-schematic"));
        for (String name : names) {
            try {
                compiled.computeIfAbsent(name, this::load);
            } catch (RuntimeException later) {
                // reported by the validation that needs it
            }
        }
    }

    /**
     * One definition of a Talos schema as a schema of its own: {@code v1alpha1.Config}, or {@code kind NAME} for
     * the top-level alternative whose {@code kind} is NAME (none: a schema nothing matches).
     */
    private static JsonNode definition(com.fasterxml.jackson.databind.node.ObjectNode root, String which) {
        String def = which;
        if (which.startsWith("kind ")) {
            String kind = which.substring(5);
            def = null;
            for (var it = root.path("$defs").fields(); it.hasNext(); ) {
                var e = it.next();
                if (e.getValue().at("/properties/kind/enum/0").asText("").equals(kind)) def = e.getKey();
            }
            if (def == null) {
                root.removeAll();
                root.put("not", true);
                return root;
            }
        }
        root.remove("oneOf");
        root.put("$ref", "#/$defs/" + def);
        return root;
    }

    /** Violations as "JSON path: message", empty when the document is valid. */
    public List<String> validate(String schema, JsonNode doc) {
        JsonSchema s = compiled.computeIfAbsent(schema, this::load);
        Set<ValidationMessage> errors = s.validate(doc);
        return errors.stream()
                .map(m -> m.getInstanceLocation() + ": " + m.getMessage())
                .sorted()
                .toList();
    }

    private JsonSchema load(String name) {
        int hash = name.indexOf('#');
        String file = hash < 0 ? name : name.substring(0, hash);
        try (InputStream in = SchemaCatalog.class.getResourceAsStream("/schemas/" + file + ".schema.json")) {
            if (in == null) throw new IllegalStateException("no schema " + name);
            JsonNode root = json.readTree(in);
            if (hash >= 0) root = definition((com.fasterxml.jackson.databind.node.ObjectNode) root, name.substring(hash + 1));
            boolean isDraft07 = root.path("$schema").asText("").contains("draft-07");
            return (isDraft07 ? draft07 : factory).getSchema(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read schema " + name, e);
        }
    }
}

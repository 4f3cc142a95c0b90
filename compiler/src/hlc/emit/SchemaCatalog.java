package hlc.emit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import hlc.resolve.TalosSchemas;
import hlc.resolve.TalosShape;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The project's own JSON schemas for every kind of document hlc writes (under {@code schemas/}), each compiled
 * once per run. A document is matched to its schema by apiVersion and kind (a Talos machine config by its
 * {@code version}); a document of no known kind is itself an error: hlc only writes what it can validate.
 *
 * <p>Thread-safe, and one {@link #shared} instance serves every render of a process: a compiled schema is a pure
 * function of a shipped file and never changes (the validator builds every validator of a schema, its references'
 * included, when it compiles it), so the threads that render files on every core share one compilation instead
 * of each compiling all of them. A schema is compiled on its first use, by the thread that needs it or by the
 * renderer's warm-up ({@link #prepare}); another thread that needs it meanwhile waits for that compilation.
 */
public final class SchemaCatalog {
    /** The catalog of the process (schemas are shipped files, so their compilations hold for every run). */
    static SchemaCatalog shared() {
        return Shared.INSTANCE;
    }

    private static final class Shared {
        static final SchemaCatalog INSTANCE = new SchemaCatalog();
    }

    private static final Map<String, String> BY_KIND = Map.ofEntries(
            Map.entry("kustomize.toolkit.fluxcd.io/v1 Kustomization", "flux-kustomization"),
            Map.entry("source.toolkit.fluxcd.io/v1 GitRepository", "flux-gitrepository"),
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
            Map.entry("ceph.rook.io/v1 CephFilesystem", "rook-cephfilesystem"),
            Map.entry("ceph.rook.io/v1 CephObjectStore", "rook-cephobjectstore"),
            Map.entry("longhorn.io/v1beta2 RecurringJob", "longhorn-recurringjob"),
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
            Map.entry("v1alpha1 UserVolumeConfig", "talos-uservolumeconfig"),
            Map.entry("v1alpha1 TimeSyncConfig", "talos-timesyncconfig"),
            Map.entry("v1alpha1 RegistryMirrorConfig", "talos-registrymirrorconfig"));

    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    /** The upstream CRD schemas declare draft-07 (SOURCES.md of ../shared/schemas); they are read as such. */
    private final JsonSchemaFactory draft07 = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    /** Each schema's one compilation, run by the first thread that needs it; later ones wait for its result. */
    private final Map<String, FutureTask<JsonSchema>> compiled = new ConcurrentHashMap<>();

    /** Talos's own v1.14 config schema (schemas/UPSTREAM.md): every document of a v1.14 file is held to its kind there. */
    static final String TALOS_V114 = "talos-config-v1.14";

    /**
     * The schema of a Talos file's machine document, by the template that writes it (the first of the file):
     * the classic form's full v1alpha1 document (with volume documents beside it or not), the reduced machine
     * document of the v1.12/v1.13 form, which must not carry what moved into the other documents, and the v1.14
     * form's, held to Talos's own schema like every document of its file.
     */
    private static final Map<String, String> MACHINE_DOCUMENT_BY_TEMPLATE = Map.of(
            "talos-v1alpha1.yaml.j2", "talos-v1alpha1",
            "talos-machine.yaml.j2", "talos-machine",
            "talos-v1.14-machine.yaml.j2", TALOS_V114 + "#v1alpha1.Config");

    /**
     * The schema name for a document, or null when hlc has none for it. {@code firstTemplate} is the template of
     * the file's first document, which says the form of a Talos machine config (see above).
     */
    public static String schemaFor(JsonNode doc, String path, String firstTemplate) {
        if (path.endsWith(".json")) return "unifi-static-dns";
        String machine = MACHINE_DOCUMENT_BY_TEMPLATE.get(firstTemplate);
        boolean machineDocument = !doc.has("apiVersion") && "v1alpha1".equals(doc.path("version").asText(null));
        if (machine != null && machine.startsWith(TALOS_V114 + "#")) {
            return machineDocument ? machine : upstreamKind(doc);
        }
        if (machineDocument) return machine;
        if (!doc.has("apiVersion") && doc.has("customization")) return "talos-schematic";
        return BY_KIND.get(doc.path("apiVersion").asText("") + " " + doc.path("kind").asText(""));
    }

    /**
     * The v1.14 schema's alternative for a document's kind: the top-level {@code oneOf} entry whose
     * {@code kind} enum names it, or null when the kind is not one of Talos's.
     */
    private static String upstreamKind(JsonNode doc) {
        if (!"v1alpha1".equals(doc.path("apiVersion").asText())) return null;
        String def = upstreamDefs().get(doc.path("kind").asText(""));
        return def == null ? null : TALOS_V114 + "#" + def;
    }

    private static Map<String, String> upstreamDefs;

    /** Kind → its $defs name in the v1.14 schema, read once from the kind enum of each oneOf alternative. */
    private static synchronized Map<String, String> upstreamDefs() {
        if (upstreamDefs == null) {
            JsonNode root = readSchema(TALOS_V114);
            Map<String, String> defs = new HashMap<>(TalosSchemas.KIND_AS_THE_REFERENCE_SPELLS_IT);
            for (JsonNode alt : root.path("oneOf")) {
                String def = alt.path("$ref").asText().replace("#/$defs/", "");
                for (JsonNode kind : root.path("$defs").path(def).path("properties").path("kind").path("enum")) {
                    defs.putIfAbsent(kind.asText(), def);
                }
            }
            upstreamDefs = Map.copyOf(defs);
        }
        return upstreamDefs;
    }

    private static JsonNode readSchema(String name) {
        return TalosSchemas.read(name);
    }

    /**
     * The schema of a document of a patched Talos config: Talos's own schema of the release the cluster pins
     * ({@code talos}), since a patch may set anything that release accepts, and what one release takes another
     * refuses (v1.9 still has {@code machine.disks}; v1.10 added {@code searchDomains}). The choice is the patch
     * check's ({@link TalosShape#documentSchema}), so a patch it accepts gives a config this accepts; null for a
     * kind the release does not have. A document that is not Talos's (none is, today) keeps its own schema.
     */
    public static String patchedSchemaFor(JsonNode doc, String path, String firstTemplate, hlc.model.Version talos) {
        if (!doc.has("apiVersion") && !doc.has("kind")) return TalosShape.documentSchema(talos, null);
        if ("v1alpha1".equals(doc.path("apiVersion").asText()) && doc.has("kind")) {
            return TalosShape.documentSchema(talos, doc.path("kind").asText());
        }
        return schemaFor(doc, path, firstTemplate);
    }

    /** What a document is, for messages: its kind, or "v1alpha1 machine config" for a Talos machine document. */
    public static String kindOf(JsonNode doc) {
        if (!doc.has("apiVersion") && doc.has("version")) return doc.path("version").asText() + " machine config";
        if (doc.has("kind")) return "kind " + doc.path("kind").asText();
        return "no kind";
    }

    /** Compiles a schema now rather than on first use; one that cannot be loaded is left to fail on use. */
    void prepare(String name) {
        try {
            compiledSchema(name);
        } catch (RuntimeException later) {
            // reported by the validation that needs it
        }
    }

    /** The schemas compiled (or being compiled) so far, by name. */
    java.util.SortedSet<String> compiledNames() {
        return new java.util.TreeSet<>(compiled.keySet());
    }

    /** True when the schema is compiled or being compiled (the warm-up leaves it then). */
    boolean started(String name) {
        return compiled.containsKey(name);
    }

    /**
     * One definition of a Talos schema (v1.10 for patches, v1.14 for that form) as a schema of its own:
     * {@code v1alpha1.Config} or another $defs name, or {@code kind NAME} for the top-level alternative whose
     * {@code kind} is NAME (none: a schema nothing matches).
     */
    private static JsonNode definition(String schema, String which) {
        String def = which.startsWith("kind ") ? TalosSchemas.definitionOfKind(schema, which.substring(5)) : which;
        if (def == null) return JsonNodeFactory.instance.objectNode().put("not", true);
        return TalosSchemas.cut(schema, def);
    }

    /** Violations as "JSON path: message", empty when the document is valid. */
    public List<String> validate(String schema, JsonNode doc) {
        Set<ValidationMessage> errors = compiledSchema(schema).validate(doc);
        return errors.stream()
                .map(m -> m.getInstanceLocation() + ": " + m.getMessage())
                .sorted()
                .toList();
    }

    /**
     * The compiled schema, compiled here unless another thread is doing it (then its result). A schema that
     * cannot be loaded throws here on every use, as on the first.
     */
    private JsonSchema compiledSchema(String name) {
        FutureTask<JsonSchema> task = compiled.get(name);
        if (task == null) task = compiled.computeIfAbsent(name, n -> new FutureTask<>(() -> load(n)));
        task.run(); // a no-op when it has run or another thread is running it
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException("cannot compile schema " + name, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while compiling schema " + name, e);
        }
    }

    private JsonSchema load(String name) {
        int hash = name.indexOf('#');
        JsonNode root = hash < 0 ? readSchema(name) : definition(name.substring(0, hash), name.substring(hash + 1));
        boolean isDraft07 = root.path("$schema").asText("").contains("draft-07");
        return (isDraft07 ? draft07 : factory).getSchema(root);
    }
}

package hlc.emit.talos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import hlc.diag.Diagnostic;
import hlc.emit.EmitFixtures;
import hlc.emit.RenderedFile;
import hlc.emit.Renderer;
import hlc.secrets.SecretsBundleGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static hlc.emit.talos.MultiDocumentTest.ofKind;
import static hlc.emit.talos.MultiDocumentTest.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Talos v1.14 form: the cluster as it runs today, pinned to v1.14, is written with the settings v1.14 moved
 * out of the v1alpha1 document in the documents that took them, says the same of each node as the v1.13 form,
 * and every document validates against its kind in the newest Talos schema in ../shared/schemas (read here by
 * the test itself, not through hlc's catalog).
 */
class KubernetesDocumentsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ObjectNode newest;
    private static final Map<String, JsonSchema> BY_KIND = new HashMap<>();
    static final String TODAY_V114 = MultiDocumentTodayTest.TODAY.replace("talos v1.13.8", "talos v1.14.0");
    private static EmitFixtures.Run v114;
    private static EmitFixtures.Run v113;

    @BeforeAll
    static void emit() throws Exception {
        Path schemas = EmitFixtures.projectDir().resolve("../shared/schemas").normalize();
        assumeTrue(Files.isRegularFile(schemas.resolve("talos-config.schema.json")), "upstream schemas not at " + schemas);
        newest = (ObjectNode) JSON.readTree(schemas.resolve("talos-config.schema.json").toFile());
        var bundle = new SecretsBundleGenerator().generate();
        v114 = EmitFixtures.emitText(TODAY_V114, bundle, new Renderer("today.hl"));
        assertFalse(v114.failed(), v114.findings());
        v113 = EmitFixtures.emitText(MultiDocumentTodayTest.TODAY, bundle, new Renderer("today.hl"));
        assertFalse(v113.failed(), v113.findings());
    }

    /** The newest schema's alternative whose kind enum names this kind (the machine document: v1alpha1.Config). */
    private static JsonSchema forKind(String kind) {
        return BY_KIND.computeIfAbsent(kind, k -> {
            String def = null;
            for (JsonNode alt : newest.path("oneOf")) {
                String ref = alt.path("$ref").asText().replace("#/$defs/", "");
                JsonNode kinds = newest.path("$defs").path(ref).path("properties").path("kind").path("enum");
                if (k.equals("v1alpha1") ? ref.equals("v1alpha1.Config") : kinds.toString().contains("\"" + k + "\"")) def = ref;
                // the schema spells this one's kind UnattendedInstall; Talos's v1.14 reference, UnattendedInstallConfig
                if (k.equals("UnattendedInstallConfig") && ref.equals("runtime.UnattendedInstallConfigV1Alpha1")) def = ref;
            }
            assertTrue(def != null, "no alternative for kind " + k + " in the newest Talos schema");
            ObjectNode copy = newest.deepCopy();
            copy.remove("oneOf");
            copy.put("$ref", "#/$defs/" + def);
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(copy);
        });
    }

    private static List<String> violations(JsonNode doc) {
        String kind = doc.has("kind") ? doc.path("kind").asText() : "v1alpha1";
        return forKind(kind).validate(doc).stream().map(m -> m.getInstanceLocation() + ": " + m.getMessage())
                // the one place the schema and the reference disagree (see forKind)
                .filter(v -> !(kind.equals("UnattendedInstallConfig") && v.startsWith("$.kind:")))
                .sorted().toList();
    }

    private static List<JsonNode> docs(EmitFixtures.Run run, String host) {
        return MultiDocumentTest.docs(run, host);
    }

    @Test
    void everyDocumentOfEveryNodeMatchesItsKindInTheV114Schema() {
        List<String> problems = new ArrayList<>();
        Set<String> kinds = new TreeSet<>();
        int configs = 0;
        for (RenderedFile f : v114.files()) {
            if (!f.path().startsWith("talos/")) continue;
            configs++;
            for (JsonNode doc : EmitFixtures.docs(f)) {
                kinds.add(doc.has("kind") ? doc.path("kind").asText() : "v1alpha1");
                for (String v : violations(doc)) problems.add(f.path() + " " + doc.path("kind").asText("v1alpha1") + " " + v);
            }
        }
        assertEquals(List.of(), problems, "documents Talos v1.14's schema rejects");
        assertEquals(4, configs);
        assertTrue(kinds.containsAll(Set.of("v1alpha1", "HostnameConfig", "ResolverConfig", "LinkAliasConfig", "BondConfig",
                "VLANConfig", "DHCPv4Config", "VolumeConfig", "UserVolumeConfig", "UnattendedInstallConfig",
                "KernelModuleConfig", "DiscoveryServiceConfig", "DiscoveryIdentityConfig", "KubeletConfig", "KubeNodeConfig",
                "KubeClusterConfig", "KubeNetworkConfig", "KubeProxyConfig", "KubePrismConfig", "KubeAPIServerCAConfig",
                "KubeAggregatorCAConfig", "KubeServiceAccountConfig", "KubeEtcdEncryptionConfig", "KubeAPIServerConfig",
                "KubeControllerManagerConfig", "KubeSchedulerConfig")), kinds.toString());
    }

    /** A v1.13 machine document is not a v1.14 one: the schema the test validates with can fail. */
    @Test
    void theV113MachineDocumentIsRejectedByTheV114Schema() {
        List<String> v = violations(docs(v113, "k8s-1").get(0));
        assertTrue(v.stream().anyMatch(m -> m.contains("install")), v.toString());
        assertTrue(v.stream().anyMatch(m -> m.contains("clusterName")), v.toString());
        ObjectNode kubelet = ofKind(docs(v114, "k8s-1"), "KubeletConfig").get(0).deepCopy();
        kubelet.put("clusterDns", "10.43.0.10");
        assertFalse(violations(kubelet).isEmpty(), "a misspelled KubeletConfig field was accepted");
    }

    @Test
    void theMachineDocumentKeepsOnlyWhatV114LeftInIt() {
        JsonNode machine = docs(v114, "k8s-1").get(0);
        assertEquals(Set.of("type", "token", "ca", "features"), names(machine.path("machine")));
        assertEquals(Set.of("token", "etcd"), names(machine.path("cluster")));
        assertEquals(Set.of("token"), names(docs(v114, "ai3090").get(0).path("cluster")), "a worker has no etcd");
    }

    /** What v1.13 says in the machine document, v1.14 says in the documents that took it: the same facts. */
    @Test
    void eachNodeSaysTheSameAsInTheV113Form() {
        for (String host : List.of("k8s-1", "k8s-2", "k8s-3", "ai3090")) {
            List<JsonNode> old = docs(v113, host), now = docs(v114, host);
            JsonNode m = old.get(0);
            JsonNode install = ofKind(now, "UnattendedInstallConfig").get(0);
            assertEquals("disk.dev_path == \"" + m.at("/machine/install/disk").asText() + "\"",
                    install.at("/provisioning/diskSelector/match").asText(), host);
            assertEquals(m.at("/machine/install/image").asText().replace("v1.13.8", "v1.14.0"),
                    install.at("/installer/image").asText(), host);
            JsonNode node = ofKind(now, "KubeNodeConfig").get(0);
            assertEquals(m.at("/machine/kubelet/nodeIP"), node.path("nodeIP"), host);
            assertEquals(m.at("/machine/nodeLabels").isMissingNode() ? JSON.createObjectNode() : m.at("/machine/nodeLabels"),
                    node.path("labels").isMissingNode() ? JSON.createObjectNode() : node.path("labels"), host);
            JsonNode network = ofKind(now, "KubeNetworkConfig").get(0);
            assertEquals(texts(m.at("/cluster/network/podSubnets")), texts(network.path("podSubnets")), host);
            assertEquals(texts(m.at("/cluster/network/serviceSubnets")), texts(network.path("serviceSubnets")), host);
            assertEquals(m.at("/cluster/network/dnsDomain").asText(), network.path("dnsDomain").asText(), host);
            assertTrue(ofKind(now, "KubeFlannelCNIConfig").isEmpty(), "Cilium: Talos deploys no CNI");
            assertEquals(m.at("/cluster/proxy/disabled").asBoolean(), !ofKind(now, "KubeProxyConfig").get(0).path("enabled").asBoolean(), host);
            JsonNode cluster = ofKind(now, "KubeClusterConfig").get(0);
            assertEquals(m.at("/cluster/clusterName").asText(), cluster.path("clusterName").asText(), host);
            assertEquals(m.at("/cluster/controlPlane/endpoint").asText(), cluster.path("endpoint").asText(), host);
            assertEquals(m.at("/machine/features/kubePrism/port").asInt(), ofKind(now, "KubePrismConfig").get(0).path("port").asInt(), host);
            assertEquals(m.at("/cluster/id").asText(), ofKind(now, "DiscoveryIdentityConfig").get(0).path("clusterID").asText(), host);
            assertEquals(m.at("/machine/kernel/modules").findValuesAsText("name"),
                    ofKind(now, "KernelModuleConfig").stream().map(d -> d.path("name").asText()).toList(), host);
            assertTrue(ofKind(now, "ResolverConfig").get(0).at("/hostDNS/forwardKubeDNSToHost").asBoolean(), host);
            // the network and volume documents are the v1.13 form's, unchanged
            for (String kind : List.of("HostnameConfig", "LinkAliasConfig", "LinkConfig", "BondConfig", "VLANConfig",
                    "DHCPv4Config", "VolumeConfig", "UserVolumeConfig", "Layer2VIPConfig")) {
                assertEquals(ofKind(old, kind), ofKind(now, kind), host + " " + kind);
            }
        }
    }

    /** The worker's taint and the control planes' own: they take no workloads beside the worker. */
    @Test
    void taintsAndTheControlPlaneTaintAreInKubeNodeConfig() {
        JsonNode worker = ofKind(docs(v114, "ai3090"), "KubeNodeConfig").get(0);
        assertEquals("present:NoSchedule", worker.at("/taints/nvidia.com~1gpu").asText());
        boolean schedules = docs(v113, "k8s-1").get(0).at("/cluster/allowSchedulingOnControlPlanes").asBoolean();
        JsonNode cp = ofKind(docs(v114, "k8s-1"), "KubeNodeConfig").get(0);
        assertEquals(!schedules, cp.path("taints").has("node-role.kubernetes.io/control-plane"), cp.toString());
    }

    /** Workers get the Kubernetes CA as accepted, control planes as issuing, with its key; only they get the rest. */
    @Test
    void onlyControlPlanesHoldTheCaKeysAndTheControlPlaneDocuments() {
        JsonNode cpCa = ofKind(docs(v114, "k8s-1"), "KubeAPIServerCAConfig").get(0);
        assertTrue(cpCa.at("/issuingCA/key").asText().startsWith("-----BEGIN"), "PEM, not base64: " + cpCa);
        JsonNode workerCa = ofKind(docs(v114, "ai3090"), "KubeAPIServerCAConfig").get(0);
        assertTrue(workerCa.path("issuingCA").isMissingNode());
        assertEquals(cpCa.at("/issuingCA/cert").asText(), workerCa.path("acceptedCAs").get(0).asText());
        for (String kind : List.of("KubeAggregatorCAConfig", "KubeServiceAccountConfig", "KubeEtcdEncryptionConfig",
                "KubeAPIServerConfig", "KubeControllerManagerConfig", "KubeSchedulerConfig")) {
            assertEquals(1, ofKind(docs(v114, "k8s-1"), kind).size(), kind);
            assertEquals(0, ofKind(docs(v114, "ai3090"), kind).size(), kind);
        }
        JsonNode sa = ofKind(docs(v114, "k8s-1"), "KubeServiceAccountConfig").get(0);
        assertEquals("https://k8s.internal:6443", sa.at("/issuer/issuerURL").asText());
    }

    /** Talos v1.15 has no form: HL096 at the release, as before v1.14 had one. */
    @Test
    void aReleaseAfterV114IsStillHl096() {
        EmitFixtures.Run run = EmitFixtures.emitText(TODAY_V114.replace("talos v1.14.0", "talos v1.15.0")
                .replace("kubernetes v1.36.3", "kubernetes v1.37.0"));
        assertTrue(run.failed());
        assertEquals(List.of("HL096"), run.reporter().sorted().stream().filter(Diagnostic::isError).map(Diagnostic::code).distinct().toList());
    }

    private static Set<String> names(JsonNode object) {
        Set<String> out = new TreeSet<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }
}

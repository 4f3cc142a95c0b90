package hlc.emit.talos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import hlc.emit.EmitFixtures;
import hlc.emit.RenderedFile;
import hlc.emit.Renderer;
import hlc.secrets.SecretsBundle;
import hlc.secrets.SecretsBundleGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code encrypt}: LUKS2 on a node's STATE and EPHEMERAL volumes, as each Talos release takes it. v1.10 to v1.13
 * write the v1alpha1 document's {@code machine.systemDiskEncryption}; v1.14, whose v1alpha1 document has none,
 * writes each volume's VolumeConfig {@code encryption}. A static key's passphrase comes from the secrets bundle
 * (its {@code diskkeys}), only into the node's secret config; a host's own {@code encrypt} wins over its role's,
 * which wins over the cluster's. Every document is held to Talos's own schema of its release.
 */
class DiskEncryptionTest {
    static final String SPEC = """
            network lan { cidr 192.168.5.0/24  gateway 192.168.5.1 }
            cluster main {
              talos TALOS
              kubernetes KUBERNETES
              vip 192.168.5.210 on lan
              encrypt STATE key "state-key"
              encrypt worker EPHEMERAL tpm
            }
            host cp-1 {
              role controlplane
              interface eth0 on lan address 192.168.5.11
              encrypt STATE key "cp-1-state"
            }
            host cp-2 { role controlplane interface eth0 on lan address 192.168.5.12 }
            host cp-3 { role controlplane interface eth0 on lan address 192.168.5.13 }
            host w-1 {
              role worker
              secure-boot
              interface eth0 on lan address 192.168.5.21
              volume EPHEMERAL { max-size 200GiB }
            }
            """;

    static final String STATE_KEY = "correct horse battery staple";
    static final String CP1_KEY = "cp-1 passphrase of its own";

    static SecretsBundle bundle() throws java.security.GeneralSecurityException {
        SecretsBundle g = new SecretsBundleGenerator().generate();
        return new SecretsBundle(g.clusterId(), g.clusterSecret(), g.bootstrapToken(), g.secretboxEncryptionSecret(),
                g.trustdToken(), g.etcd(), g.k8s(), g.k8sAggregator(), g.k8sServiceAccountKey(), g.os(),
                Map.of("state-key", STATE_KEY, "cp-1-state", CP1_KEY), false);
    }

    static EmitFixtures.Run run(String talos, String kubernetes) throws Exception {
        EmitFixtures.Run run = EmitFixtures.emitText(SPEC.replace("TALOS", talos).replace("KUBERNETES", kubernetes),
                bundle(), new Renderer("test.hl"));
        assertFalse(run.failed(), run.findings());
        return run;
    }

    static void valid(Path schemaFile, String def, JsonNode doc) throws Exception {
        assumeTrue(Files.isRegularFile(schemaFile), "upstream schema not at " + schemaFile);
        ObjectNode root = (ObjectNode) new ObjectMapper().readTree(schemaFile.toFile());
        root.remove("oneOf");
        root.put("$ref", "#/$defs/" + def);
        assertEquals(Set.of(), JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root).validate(doc), def);
    }

    static Path upstream(String name) {
        return EmitFixtures.projectDir().resolve("../shared/schemas/" + name).normalize();
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1.10.7", "v1.12.2"})
    void theV1alpha1DocumentSaysItUpToV113(String talos) throws Exception {
        EmitFixtures.Run run = run(talos, "v1.33.3");
        JsonNode cp1 = MultiDocumentTest.docs(run, "cp-1").get(0).at("/machine/systemDiskEncryption");
        assertEquals(CP1_KEY, cp1.at("/state/keys/0/static/passphrase").asText(), "the host's own key wins over the cluster's");
        assertEquals("luks2", cp1.at("/state/provider").asText());
        assertTrue(cp1.path("ephemeral").isMissingNode(), "a control plane: the worker role's EPHEMERAL is not its");
        JsonNode cp2 = MultiDocumentTest.docs(run, "cp-2").get(0).at("/machine/systemDiskEncryption");
        assertEquals(STATE_KEY, cp2.at("/state/keys/0/static/passphrase").asText(), "the cluster's key, from the bundle");
        JsonNode w1 = MultiDocumentTest.docs(run, "w-1").get(0).at("/machine/systemDiskEncryption");
        assertTrue(w1.at("/ephemeral/keys/0/tpm").isObject(), "the worker role's TPM key");
        assertEquals(0, w1.at("/ephemeral/keys/0/slot").asInt(-1));
        for (String host : List.of("cp-1", "cp-2", "w-1")) {
            // Talos's v1.10 schema; v1.12 and v1.13 still take the field (deprecated there, gone from v1.14's)
            valid(upstream("talos-config.v1.10.schema.json"), "v1alpha1.SystemDiskEncryptionConfig",
                    MultiDocumentTest.docs(run, host).get(0).at("/machine/systemDiskEncryption"));
        }
        assertTrue(MultiDocumentTest.ofKind(MultiDocumentTest.docs(run, "w-1"), "VolumeConfig").get(0).path("encryption").isMissingNode());
    }

    @Test
    void v114WritesEachVolumesVolumeConfig() throws Exception {
        EmitFixtures.Run run = run("v1.14.0", "v1.36.3");
        List<JsonNode> w1 = MultiDocumentTest.docs(run, "w-1");
        assertTrue(w1.get(0).at("/machine/systemDiskEncryption").isMissingNode(), "v1.14's v1alpha1 document has no such field");
        JsonNode ephemeral = MultiDocumentTest.single(w1, "VolumeConfig", "EPHEMERAL");
        assertEquals("200GiB", ephemeral.at("/provisioning/maxSize").asText(), "one document per volume: its sizes and its encryption");
        assertTrue(ephemeral.at("/encryption/keys/0/tpm").isObject());
        JsonNode state = MultiDocumentTest.single(w1, "VolumeConfig", "STATE");
        assertEquals(STATE_KEY, state.at("/encryption/keys/0/static/passphrase").asText());
        assertTrue(state.path("provisioning").isMissingNode(), "STATE is only encrypted, not sized");
        for (JsonNode v : MultiDocumentTest.ofKind(w1, "VolumeConfig")) {
            valid(upstream("talos-config.schema.json"), "block.VolumeConfigV1Alpha1", v);
        }
        JsonNode cp1State = MultiDocumentTest.single(MultiDocumentTest.docs(run, "cp-1"), "VolumeConfig", "STATE");
        assertEquals(CP1_KEY, cp1State.at("/encryption/keys/0/static/passphrase").asText());
    }

    @Test
    void thePassphraseIsOnlyInTheNodesSecretConfig() throws Exception {
        EmitFixtures.Run run = run("v1.12.2", "v1.33.3");
        for (RenderedFile f : run.files()) {
            boolean holds = f.content().contains(STATE_KEY) || f.content().contains(CP1_KEY);
            if (!f.secret()) assertFalse(holds, f.path() + " may be committed and holds a disk passphrase");
        }
        RenderedFile cp1 = run.file("talos/cp-1.yaml");
        assertTrue(cp1.secret() && cp1.content().contains(CP1_KEY), "the node's config, marked secret, carries it");
    }
}

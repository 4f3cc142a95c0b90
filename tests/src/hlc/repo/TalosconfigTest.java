package hlc.repo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import hlc.testing.Hlc;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code out/talosconfig} and the Talos configs beside it, compiled into a real git repository: the client's
 * file in talosctl's layout (docs.siderolabs.com, reference/talosconfig), with an admin certificate the
 * bundle's OS CA signed; owner-only, ignored by git; the same bytes on every compile so {@code --check} can
 * compare it; and never left stale by a compile without the bundle.
 */
class TalosconfigTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final String SPEC = GateTest.GOOD.replace("""
            host k8s-1 {""", """
            host k8s-2 {
              role worker
              interface eth0 on lan address 192.168.5.21
            }

            host k8s-1 {""");

    @TempDir
    Path tmp;
    TempRepo repo;
    Path bundle;

    @BeforeEach
    void repository() throws Exception {
        assumeTrue(TempRepo.gitWorks(), "git is not installed");
        repo = TempRepo.init(Files.createDirectories(tmp.resolve("repo")));
        repo.write("spec/homelab.hl", SPEC);
        bundle = tmp.resolve("cluster.secrets.yaml");
        assertEquals(0, Hlc.run("secrets", "init", bundle.toString()).exit());
    }

    private Hlc compile(String... more) {
        List<String> args = new ArrayList<>(List.of("compile", repo.dir().resolve("spec/homelab.hl").toString(),
                "--out", repo.dir().resolve("out").toString()));
        args.addAll(List.of(more));
        return Hlc.run(args.toArray(String[]::new));
    }

    @Test
    void theTalosconfigReachesTheNodesWithAnAdminCertificateOfTheBundlesCa() throws Exception {
        assertEquals(0, compile("--secrets", bundle.toString()).exit());
        Path file = repo.dir().resolve("out/talosconfig");
        JsonNode tc = YAML.readTree(file.toFile());
        assertEquals("main", tc.path("context").asText());
        JsonNode ctx = tc.at("/contexts/main");
        assertEquals(List.of("192.168.5.11"), texts(ctx.path("endpoints")), "the control planes, not the VIP");
        assertEquals(List.of("192.168.5.11", "192.168.5.21"), texts(ctx.path("nodes")));
        JsonNode b = YAML.readTree(bundle.toFile());
        assertEquals(b.at("/certs/os/crt").asText(), ctx.path("ca").asText());

        X509CertificateHolder ca = cert(ctx.path("ca").asText());
        X509CertificateHolder client = cert(ctx.path("crt").asText());
        assertTrue(client.isSignatureValid(new JcaContentVerifierProviderBuilder().build(ca)), "signed by the OS CA");
        assertEquals(new X500Name("O=os:admin"), client.getSubject());
        assertTrue(ExtendedKeyUsage.fromExtensions(client.getExtensions()).hasKeyPurposeId(KeyPurposeId.id_kp_clientAuth));
        assertTrue(pem(ctx.path("key").asText()).startsWith("-----BEGIN ED25519 PRIVATE KEY-----"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(0, repo.git("check-ignore", "-q", "out/talosconfig").exit(), "git-ignored");

        String first = Files.readString(file);
        assertEquals(0, compile("--secrets", bundle.toString(), "--check").exit(), "the same bytes again: --check compares it");
        assertEquals(0, compile("--secrets", bundle.toString()).exit());
        assertEquals(first, Files.readString(file));
    }

    @Test
    void aPlainCompileAfterOneWithTheBundleLeavesNoStaleConfig() throws Exception {
        assertEquals(0, compile("--secrets", bundle.toString()).exit());
        assertTrue(Files.isRegularFile(repo.dir().resolve("out/talos/k8s-1.yaml")));

        Hlc check = compile("--check");
        assertEquals(1, check.exit(), "configs it cannot verify: " + check.err());
        assertTrue(check.err().contains("out/talos/k8s-1.yaml: unverifiable"), check.err());

        repo.write("spec/homelab.hl", SPEC.replace("192.168.5.11", "192.168.5.12")); // the node moves
        Hlc stale = compile("--secrets", bundle.toString(), "--check");
        assertEquals(1, stale.exit());
        assertTrue(stale.err().contains("out/talos/k8s-1.yaml: stale (differs from what the spec and the bundle generate; not shown"), stale.err());
        assertFalse(stale.err().contains(YAML.readTree(bundle.toFile()).at("/cluster/secret").asText()), "no secret in the message");

        Hlc plain = compile();
        assertEquals(0, plain.exit(), plain.err());
        assertTrue(plain.err().contains("removed 3 files with secrets of an earlier compile"), plain.err());
        assertFalse(Files.exists(repo.dir().resolve("out/talos/k8s-1.yaml")), "the config with the old address is gone");
        assertFalse(Files.exists(repo.dir().resolve("out/talosconfig")));
        assertEquals(0, compile("--check").exit(), "current, and nothing it cannot verify");
    }

    private static List<String> texts(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.forEach(x -> out.add(x.asText()));
        return out;
    }

    private static String pem(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.US_ASCII);
    }

    private static X509CertificateHolder cert(String base64Pem) throws Exception {
        String body = pem(base64Pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return new X509CertificateHolder(Base64.getDecoder().decode(body));
    }
}

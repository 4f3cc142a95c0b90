package hlc.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import hlc.emit.EmitFixtures;
import hlc.secrets.SecretsBundle;
import hlc.secrets.SecretsBundleGenerator;
import hlc.secrets.SecretsBundleReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static hlc.write.TreeFixtures.hlc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Talos secrets bundle: {@code hlc secrets init} makes one (0600, never over an old one), the reader refuses
 * what must not be used (missing, SOPS-encrypted, incomplete, tracked by git) without ever printing a value, and
 * a compile with a bundle writes the Talos configs 0600 while no committed file carries any of its values.
 */
class SecretsTest {
    @TempDir
    Path dir;

    /** Every value of a bundle file, plus the PEM text inside the base64 ones: none may leak. */
    static List<String> values(Path bundle) throws IOException {
        JsonNode root = new YAMLMapper().readTree(bundle.toFile());
        List<String> out = new ArrayList<>();
        collect(root, out);
        for (String v : List.copyOf(out)) {
            try {
                String pem = new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8);
                if (pem.startsWith("-----BEGIN ")) {
                    pem.lines().filter(l -> !l.startsWith("-----") && l.length() >= 16).forEach(out::add);
                }
            } catch (IllegalArgumentException notBase64) {
                // a token
            }
        }
        assertTrue(out.size() >= 14, "expected every bundle field, got " + out.size());
        return out;
    }

    private static void collect(JsonNode n, List<String> out) {
        if (n.isTextual()) out.add(n.asText());
        n.forEach(c -> collect(c, out));
    }

    static void assertNoValueIn(String text, List<String> values, String where) {
        for (String v : values) assertFalse(text.contains(v), where + " contains a secret value");
    }

    Path init(String name) {
        Path f = dir.resolve(name);
        TreeFixtures.Cli r = hlc("secrets", "init", f.toString());
        assertEquals(0, r.exit(), r.toString());
        return f;
    }

    @Test
    void initWritesAnOwnerOnlyBundleTheReaderReadsBack() throws Exception {
        Path f = init("cluster.secrets.yaml");
        if (TreeFixtures.posix(f)) assertEquals("rw-------", TreeFixtures.mode(f));
        SecretsBundle b = SecretsBundleReader.read(f);
        assertNotNull(b.clusterId());
        assertEquals(Files.readString(f), SecretsBundleGenerator.toYaml(b), "read back field for field");
        assertFalse(b.toString().contains(b.clusterSecret()), "toString never prints a value");
        SecretsBundle other = new SecretsBundleGenerator().generate();
        assertFalse(other.clusterSecret().equals(b.clusterSecret()) || other.os().key().equals(b.os().key()),
                "two bundles share a secret");
    }

    @Test
    void initNeverReplacesABundle() throws Exception {
        Path f = init("cluster.secrets.yaml");
        byte[] before = Files.readAllBytes(f);
        TreeFixtures.Cli again = hlc("secrets", "init", f.toString());
        assertEquals(2, again.exit(), again.toString());
        assertTrue(again.err().contains("already exists"), again.toString());
        assertEquals(TreeFixtures.sha256(before), TreeFixtures.sha256(Files.readAllBytes(f)), "the bundle changed");
        if (TreeFixtures.posix(f)) assertEquals("rw-------", TreeFixtures.mode(f));
    }

    private SecretsBundleReader.BundleException rejected(Path f, List<String> values) {
        var e = assertThrows(SecretsBundleReader.BundleException.class, () -> SecretsBundleReader.read(f));
        assertNoValueIn(e.getMessage(), values, "the message for " + f.getFileName() + " (" + e.getMessage() + ")");
        return e;
    }

    @Test
    void theReaderRefusesMissingSopsIncompleteAndMalformedBundles() throws Exception {
        Path good = init("good.yaml");
        List<String> values = values(good);
        String text = Files.readString(good);

        var missing = rejected(dir.resolve("absent.yaml"), values);
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());

        Path sops = dir.resolve("sops.yaml");
        Files.writeString(sops, text + "sops:\n    version: 3.9.0\n    mac: ENC[AES256_GCM,data:abc,type:str]\n");
        var sopsError = rejected(sops, values);
        assertTrue(sopsError.getMessage().contains("SOPS"), sopsError.getMessage());

        Path incomplete = dir.resolve("incomplete.yaml");
        Files.writeString(incomplete, text.lines().filter(l -> !l.contains("secretboxencryptionsecret"))
                .reduce("", (a, l) -> a + l + "\n"));
        var incompleteError = rejected(incomplete, values);
        assertTrue(incompleteError.getMessage().contains("secrets.secretboxencryptionsecret"), incompleteError.getMessage());

        // a malformed value: the message names the field, never what it holds
        SecretsBundle b = SecretsBundleReader.read(good);
        String badToken = b.bootstrapToken() + "Z";
        Path malformed = dir.resolve("malformed.yaml");
        Files.writeString(malformed, text.replace(b.bootstrapToken(), badToken));
        List<String> withBad = new ArrayList<>(values);
        withBad.add(badToken);
        var malformedError = rejected(malformed, withBad);
        assertTrue(malformedError.getMessage().contains("bootstraptoken"), malformedError.getMessage());

        Path notYaml = dir.resolve("broken.yaml");
        Files.writeString(notYaml, text + "  : : [\n" + b.clusterSecret() + "\n");
        rejected(notYaml, values);
    }

    @Test
    void theReaderRefusesABundleGitTracks() throws Exception {
        assumeTrue(gitAvailable(), "git is not installed");
        Path repo = dir.resolve("repo");
        Files.createDirectories(repo);
        Path bundle = repo.resolve("cluster.secrets.yaml");
        assertEquals(0, hlc("secrets", "init", bundle.toString()).exit());
        List<String> values = values(bundle);
        git(repo, "init", "-q");
        SecretsBundleReader.read(bundle); // untracked in a work tree: fine
        git(repo, "add", "cluster.secrets.yaml");
        git(repo, "-c", "user.name=hlc test", "-c", "user.email=test@example.invalid", "commit", "-q", "-m", "oops");
        var e = rejected(bundle, values);
        assertTrue(e.getMessage().contains("tracked by git"), e.getMessage());

        TreeFixtures.Cli compile = hlc("compile", EmitFixtures.realSpec().toString(), "--secrets", bundle.toString(),
                "-o", dir.resolve("out").toString());
        assertEquals(2, compile.exit(), compile.toString());
        assertNoValueIn(compile.out() + compile.err(), values, "compile's output");
        assertFalse(Files.exists(dir.resolve("out")), "a refused bundle writes nothing");
    }

    @Test
    void compileWritesOwnerOnlyTalosConfigsAndNoSecretElsewhere() throws Exception {
        Path bundle = init("cluster.secrets.yaml");
        List<String> values = values(bundle);
        Path out = dir.resolve("out");
        TreeFixtures.Cli r = hlc("compile", EmitFixtures.realSpec().toString(), "--secrets", bundle.toString(),
                "-o", out.toString());
        assertEquals(0, r.exit(), r.toString());
        assertNoValueIn(r.out() + r.err(), values, "compile's output");

        SecretsBundle b = SecretsBundleReader.read(bundle);
        for (String host : List.of("k8s-1", "k8s-2", "k8s-3")) {
            Path config = out.resolve("talos/" + host + ".yaml");
            assertTrue(Files.isRegularFile(config), config.toString());
            if (TreeFixtures.posix(config)) assertEquals("rw-------", TreeFixtures.mode(config));
            String text = Files.readString(config);
            assertTrue(text.contains(b.clusterSecret()) && text.contains(b.os().key()), host + " lacks the bundle's values");
        }
        if (TreeFixtures.posix(out)) assertEquals("rwx------", TreeFixtures.mode(out.resolve("talos")));

        int committed = 0;
        try (Stream<Path> s = Files.walk(out)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String rel = out.relativize(p).toString();
                if (rel.startsWith("talos/") || rel.equals("talosconfig")) continue; // the secret files, git-ignored
                committed++;
                assertNoValueIn(Files.readString(p), values, rel);
            }
        }
        assertTrue(committed > 50, "only " + committed + " committed files");

        // without the bundle the next compile cannot tell the configs are current, so it removes them and says so
        TreeFixtures.Cli noBundle = hlc("compile", EmitFixtures.realSpec().toString(), "-o", out.toString());
        assertEquals(0, noBundle.exit(), noBundle.toString());
        assertFalse(Files.exists(out.resolve("talos/k8s-1.yaml")));
        assertTrue(noBundle.err().contains("removed 4 files with secrets of an earlier compile"), noBundle.err());
    }

    /**
     * A bundle value pasted into the spec (the mistake HL095 is for) appears in no output format of check or
     * compile: the finding shows where it is, masked, and the failed compile writes nothing.
     */
    @Test
    void aSecretPastedIntoTheSpecIsInNoOutputFormat() throws Exception {
        Path bundle = init("cluster.secrets.yaml");
        SecretsBundle b = SecretsBundleReader.read(bundle);
        List<String> leaked = List.of(b.clusterSecret(), b.os().key());
        String text = Files.readString(EmitFixtures.realSpec());
        assertTrue(text.contains("app plex {\n"), "the real spec has a plex app");
        Path spec = Files.writeString(dir.resolve("leaky.hl"), text.replace("app plex {\n",
                "app plex {\n  var CLUSTER_SECRET \"" + b.clusterSecret() + "\"\n  var OS_KEY \"" + b.os().key() + "\"\n"));
        Path out = dir.resolve("out");
        for (String format : List.of("text", "json", "sarif", "github")) {
            for (String command : List.of("check", "compile")) {
                TreeFixtures.Cli r = command.equals("check")
                        ? hlc("check", spec.toString(), "--format", format)
                        : hlc("compile", spec.toString(), "--format", format, "--secrets", bundle.toString(), "-o", out.toString());
                assertEquals(1, r.exit(), command + " --format " + format + ": " + r);
                assertTrue((r.out() + r.err()).contains("HL095"), command + " --format " + format + " names no HL095: " + r);
                assertNoValueIn(r.out() + r.err(), leaked, command + " --format " + format);
            }
        }
        assertFalse(Files.exists(out), "a failed compile writes nothing");
    }

    static boolean gitAvailable() {
        try {
            Process p = new ProcessBuilder("git", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static void git(Path repo, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(repo.toFile()).redirectErrorStream(true);
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        pb.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "git " + String.join(" ", args) + " hung");
        assertEquals(0, p.exitValue(), "git " + String.join(" ", args) + ": " + output);
    }
}

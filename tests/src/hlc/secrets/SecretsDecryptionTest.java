package hlc.secrets;

import hlc.Compiler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An encrypted bundle is read through the command the spec names, from its output only. The "encryption" here
 * is base64 and the "sops" a shell script, so the tests need neither sops nor age installed; what they prove is
 * hlc's side: the command and its arguments, the reference, the failure messages, and that nothing decrypted is
 * ever written next to the spec.
 */
class SecretsDecryptionTest {
    private static SecretsBundle bundle;
    private static String plaintext;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeBundle() throws Exception {
        bundle = new SecretsBundleGenerator().generate();
        plaintext = SecretsBundleGenerator.toYaml(bundle);
    }

    private static final String SPEC = """
            network lan { cidr 192.168.5.0/24 }
            cluster main {
              talos v1.10.7
              kubernetes v1.33.3
              vip 192.168.5.210 on lan
              %s
            }
            host k8s-1 { role controlplane interface eth0 on lan address 192.168.5.11 }
            """;

    /** A fake `sops`: `-d FILE` prints FILE base64-decoded; anything else fails as sops would. */
    private Path fakeSops() throws Exception {
        Path script = dir.resolve("fake-sops");
        Files.writeString(script, """
                #!/bin/sh
                if [ "$1" != "-d" ] || [ ! -f "$2" ]; then echo "fake-sops: usage: fake-sops -d FILE" >&2; exit 3; fi
                base64 -d < "$2"
                """);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private Path encryptedBundle() throws Exception {
        Files.createDirectories(dir.resolve("talos"));
        Path f = dir.resolve("talos/secrets.sops.yaml");
        Files.writeString(f, Base64.getEncoder().encodeToString(plaintext.getBytes(StandardCharsets.UTF_8)) + "\n");
        return f;
    }

    private Compiler.Compilation compile(String secretsLine, String optionDecrypt) throws Exception {
        Path spec = dir.resolve("homelab.hl");
        Files.writeString(spec, SPEC.formatted(secretsLine));
        return Compiler.compile(spec, new Compiler.Options(null, "homelab.hl", w -> {}, null, optionDecrypt));
    }

    @Test
    void theSpecsCommandDecryptsTheBundle() throws Exception {
        fakeSops();
        encryptedBundle();
        Files.writeString(dir.resolve("homelab.hl"), "");
        List<Path> before = files();
        Compiler.Compilation c = compile("secrets \"talos/secrets.sops.yaml\" decrypt \"./fake-sops -d\"", null);
        assertNull(c.setupProblem());
        assertTrue(c.talosConfigs() > 0);
        String config = c.files().stream().filter(f -> f.path().equals("talos/k8s-1.yaml")).findFirst().orElseThrow().content();
        assertTrue(config.contains(bundle.trustdToken()), "the config carries the decrypted bundle's machine token");
        assertEquals(before, files(), "nothing was written beside the spec (no decrypted copy)");
    }

    @Test
    void aPlaceholderNamesTheReference() throws Exception {
        // A password manager's reference: the command gets it where {} stands, and it is no file.
        Path op = dir.resolve("fake-op");
        Path store = Files.createDirectories(dir.resolve("store"));
        Files.writeString(store.resolve("talos-bundle"), plaintext);
        Files.writeString(op, """
                #!/bin/sh
                [ "$1" = "read" ] && [ "$2" = "op://homelab/talos-bundle/secrets.yaml" ] || { echo "fake-op: no such item" >&2; exit 1; }
                cat store/talos-bundle
                """);
        Files.setPosixFilePermissions(op, PosixFilePermissions.fromString("rwx------"));
        Compiler.Compilation c = compile("secrets \"op://homelab/talos-bundle/secrets.yaml\" decrypt \"./fake-op read {}\"", null);
        assertNull(c.setupProblem());
        assertTrue(c.talosConfigs() > 0);
    }

    @Test
    void aFailingCommandSaysWhichAndWhy() throws Exception {
        fakeSops();
        encryptedBundle();
        Compiler.Compilation c = compile("secrets \"talos/secrets.sops.yaml\" decrypt \"./fake-sops --decrypt\"", null);
        assertNotNull(c.setupProblem());
        assertTrue(c.setupProblem().contains("`./fake-sops --decrypt` failed (exit 3): fake-sops: usage"), c.setupProblem());
        assertTrue(c.files().isEmpty());
    }

    @Test
    void theCommandLineOverridesTheSpecsCommand() throws Exception {
        fakeSops();
        encryptedBundle();
        Compiler.Compilation c = compile("secrets \"talos/secrets.sops.yaml\" decrypt \"false\"", "./fake-sops -d");
        assertNull(c.setupProblem());
    }

    @Test
    void anEncryptedBundleWithoutACommandIsRefusedWithTheWayOut() throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, "cluster: ENC[AES256_GCM,data:x]\nsops:\n  version: 3.9.0\n");
        SecretsBundleReader.BundleException e = assertThrows(SecretsBundleReader.BundleException.class, () -> SecretsBundleReader.read(f));
        assertTrue(e.getMessage().contains("decrypt \"sops -d\""), e.getMessage());
        Files.writeString(f, "-----BEGIN AGE ENCRYPTED FILE-----\nYWdl\n-----END AGE ENCRYPTED FILE-----\n");
        e = assertThrows(SecretsBundleReader.BundleException.class, () -> SecretsBundleReader.read(f));
        assertTrue(e.getMessage().contains("encrypted with age"), e.getMessage());
    }

    @Test
    void aGitTrackedPlaintextBundleIsRefusedEvenThroughACommand() throws Exception {
        Path bundleFile = dir.resolve("secrets.yaml");
        Files.writeString(bundleFile, plaintext);
        git("init", "-q");
        git("add", "secrets.yaml");
        SecretsBundleReader.BundleException e = assertThrows(SecretsBundleReader.BundleException.class,
                () -> SecretsDecryption.read("cat", "secrets.yaml", dir));
        assertTrue(e.getMessage().contains("tracked by git and is not encrypted"), e.getMessage());
        // An encrypted bundle in the repository is the point of encrypting it.
        fakeSops();
        Path enc = encryptedBundle();
        git("add", dir.relativize(enc).toString());
        assertEquals(bundle.trustdToken(), SecretsDecryption.read("./fake-sops -d", "talos/secrets.sops.yaml", dir).trustdToken());
    }

    @Test
    void wordsKeepQuotedArguments() {
        assertEquals(List.of("age", "-d", "-i", "my key.txt"), SecretsDecryption.words("age -d -i \"my key.txt\""));
        assertEquals(List.of("sh", "-c", "op read x"), SecretsDecryption.words("sh -c 'op read x'"));
    }

    private void git(String... args) throws Exception {
        String[] cmd = Stream.concat(Stream.of("git", "-c", "user.email=t@t", "-c", "user.name=t"), Stream.of(args)).toArray(String[]::new);
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor());
    }

    private List<Path> files() throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.sorted().toList();
        }
    }
}

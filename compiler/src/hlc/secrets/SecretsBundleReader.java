package hlc.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * Reads a secrets bundle ({@code talosctl gen secrets} layout). It refuses, with a reason and never a value:
 * a missing or unreadable file, a SOPS-encrypted one (decrypt it first), one that git tracks (a bundle in the
 * repository is a leaked cluster), and one with a missing or malformed entry. It never makes up a fresh bundle:
 * new secrets for an existing cluster would lock every node out.
 */
public final class SecretsBundleReader {
    /** Why a bundle cannot be used; the message names fields, never values. */
    public static final class BundleException extends Exception {
        public BundleException(String message) {
            super(message);
        }
    }

    private SecretsBundleReader() {}

    public static SecretsBundle read(Path file) throws BundleException {
        return read(file, warning -> {});
    }

    /** Reads the bundle; {@code warnings} hears of what is allowed but unwise (a bundle other users can read). */
    public static SecretsBundle read(Path file, java.util.function.Consumer<String> warnings) throws BundleException {
        if (!Files.isRegularFile(file)) throw new BundleException("secrets bundle " + file + " does not exist");
        worldReadable(file, warnings);
        if (GitTracking.isTracked(file)) {
            throw new BundleException("secrets bundle " + file + " is tracked by git; hlc will not read secrets from a "
                    + "repository. Move it out of the repository (and rotate it if it was ever pushed)");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BundleException("secrets bundle " + file + " cannot be read as YAML");
        }
        if (text.startsWith("-----BEGIN AGE ENCRYPTED FILE-----") || text.startsWith("age-encryption.org/")) {
            throw new BundleException("secrets bundle " + file + " is encrypted with age; name the command that decrypts it: "
                    + "`secrets \"" + file.getFileName() + "\" decrypt \"age -d -i KEY\"` (or --secrets-decrypt)");
        }
        return parse(text, file.toString());
    }

    /**
     * Reads a bundle from its plaintext, held in memory only (what a decryption command printed); {@code name}
     * says in messages where it came from. The same checks as a file's, except git's: the text is on no disk.
     */
    public static SecretsBundle parse(String text, String name) throws BundleException {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(text);
        } catch (IOException e) {
            throw new BundleException("secrets bundle " + name + " cannot be read as YAML");
        }
        if (root == null || !root.isObject()) throw new BundleException("secrets bundle " + name + " is empty");
        if (root.has("sops")) {
            throw new BundleException("secrets bundle " + name + " is encrypted with SOPS; name the command that decrypts it: "
                    + "`secrets \"…\" decrypt \"sops -d\"` in the cluster, or --secrets-decrypt \"sops -d\"");
        }
        Fields f = new Fields(name, root);
        return new SecretsBundle(
                f.base64("cluster", "id"), f.base64("cluster", "secret"),
                f.token("secrets", "bootstraptoken"), f.base64("secrets", "secretboxencryptionsecret"),
                f.token("trustdinfo", "token"),
                f.pair("etcd"), f.pair("k8s"), f.pair("k8saggregator"),
                f.pem("certs", "k8sserviceaccount", "key"), f.pair("os"), diskKeys(root, name), false);
    }

    /**
     * The bundle's static disk passphrases: an optional {@code diskkeys} map of names to strings, beside the
     * sections {@code talosctl gen secrets} writes. Messages name the key, never the value.
     */
    private static java.util.Map<String, String> diskKeys(JsonNode root, String name) throws BundleException {
        JsonNode keys = root.path("diskkeys");
        if (keys.isMissingNode() || keys.isNull()) return java.util.Map.of();
        if (!keys.isObject()) throw new BundleException("secrets bundle " + name + ": `diskkeys` is not a map of names to passphrases");
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        for (var it = keys.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getValue().isTextual() || e.getValue().asText().isEmpty()) {
                throw new BundleException("secrets bundle " + name + ": disk key `" + e.getKey() + "` is not a non-empty string");
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    private static void worldReadable(Path file, java.util.function.Consumer<String> warnings) {
        try {
            var perms = Files.getPosixFilePermissions(file);
            if (perms.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ)
                    || perms.contains(java.nio.file.attribute.PosixFilePermission.GROUP_READ)) {
                warnings.accept("secrets bundle " + file + " is readable by other users (mode "
                        + java.nio.file.attribute.PosixFilePermissions.toString(perms) + "); run `chmod 600 " + file + "`");
            }
        } catch (IOException | UnsupportedOperationException noPosix) {
            // Not a POSIX file system: nothing to say about modes.
        }
    }

    /** Field access with errors that say which field, and never what it holds. */
    private record Fields(String file, JsonNode root) {
        String text(String... path) throws BundleException {
            JsonNode n = root;
            for (String p : path) n = n.path(p);
            if (!n.isTextual() || n.asText().isBlank()) {
                throw new BundleException("secrets bundle " + file + " has no `" + String.join(".", path) + "`");
            }
            return n.asText().strip();
        }

        String base64(String... path) throws BundleException {
            String v = text(path);
            try {
                Base64.getDecoder().decode(v);
            } catch (IllegalArgumentException e) {
                throw new BundleException("secrets bundle " + file + ": `" + String.join(".", path) + "` is not base64");
            }
            return v;
        }

        String token(String... path) throws BundleException {
            String v = text(path);
            if (!v.matches("[a-z0-9]{6}\\.[a-z0-9]{16}")) {
                throw new BundleException("secrets bundle " + file + ": `" + String.join(".", path)
                        + "` is not a token of the form xxxxxx.xxxxxxxxxxxxxxxx");
            }
            return v;
        }

        String pem(String... path) throws BundleException {
            String v = base64(path);
            String decoded = new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8);
            if (!decoded.startsWith("-----BEGIN ")) {
                throw new BundleException("secrets bundle " + file + ": `" + String.join(".", path) + "` is not base64 of PEM");
            }
            return v;
        }

        SecretsBundle.KeyPair pair(String name) throws BundleException {
            return new SecretsBundle.KeyPair(pem("certs", name, "crt"), pem("certs", name, "key"));
        }
    }

    /** Whether git tracks the file (a plaintext bundle there is a leaked cluster). */
    public static boolean isTracked(Path file) {
        return GitTracking.isTracked(file);
    }

    /** Asks git whether a file is tracked; without git (or outside a work tree) the answer is no. */
    static final class GitTracking {
        static boolean isTracked(Path file) {
            Path abs = file.toAbsolutePath().normalize();
            try {
                Process p = new ProcessBuilder("git", "ls-files", "--error-unmatch", abs.getFileName().toString())
                        .directory(abs.getParent().toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return false;
                }
                return p.exitValue() == 0;
            } catch (IOException | InterruptedException e) {
                return false;
            }
        }
    }
}

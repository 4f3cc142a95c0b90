package hlc.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A secrets bundle kept the way people keep it: encrypted in the repository (SOPS, age) or in a password manager
 * ({@code op://vault/item/field}), read by running the command the spec or {@code --secrets-decrypt} names and
 * taking what it prints. The plaintext only ever lives in memory: no temporary file, no shell. The command is
 * split into words (double or single quotes group); {@code {}} in a word is the bundle's path or reference, and
 * without one the path is added as the last word ({@code sops -d} runs {@code sops -d talos/secrets.sops.yaml}).
 * It runs in the spec's folder. A plaintext bundle that git tracks is still refused: naming a command
 * ({@code cat}) does not make a committed plaintext bundle any less leaked.
 */
public final class SecretsDecryption {
    /** How long a decryption may take: a password manager may wait for a touch or a pass phrase. */
    static final long TIMEOUT_SECONDS = 120;

    private SecretsDecryption() {}

    /**
     * Runs {@code command} for {@code source} (a file or a reference, or null when the command names the bundle
     * itself), in {@code dir}, and reads the bundle from its standard output.
     */
    public static SecretsBundle read(String command, String source, Path dir) throws SecretsBundleReader.BundleException {
        List<String> words = words(command);
        if (words.isEmpty()) throw new SecretsBundleReader.BundleException("the secrets decryption command is empty");
        String name = source == null ? "printed by `" + command + "`" : source + " (decrypted by `" + command + "`)";
        Path file = source == null || isReference(source) ? null : dir.resolve(source).normalize();
        if (file != null) refusePlaintextInGit(file);
        List<String> argv = new ArrayList<>();
        boolean placed = false;
        for (String w : words) {
            if (source != null && w.contains("{}")) {
                argv.add(w.replace("{}", file != null ? file.toString() : source));
                placed = true;
            } else {
                argv.add(w);
            }
        }
        if (!placed && source != null) argv.add(file != null ? file.toString() : source);
        return SecretsBundleReader.parse(run(argv, dir, command), name);
    }

    /** {@code op://vault/item/field}, {@code vault://…}: a reference a command resolves, not a file. */
    public static boolean isReference(String source) {
        return source.matches("[a-zA-Z][a-zA-Z0-9+.-]*://.*");
    }

    private static void refusePlaintextInGit(Path file) throws SecretsBundleReader.BundleException {
        if (!Files.isRegularFile(file)) {
            throw new SecretsBundleReader.BundleException("secrets bundle " + file + " does not exist");
        }
        if (!SecretsBundleReader.isTracked(file)) return;
        try {
            JsonNode root = new YAMLMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
            boolean plaintext = root != null && root.isObject() && !root.has("sops") && root.has("certs");
            if (plaintext) {
                throw new SecretsBundleReader.BundleException("secrets bundle " + file + " is tracked by git and is not "
                        + "encrypted; hlc will not read secrets from a repository. Encrypt it (sops -e) or move it out of "
                        + "the repository (and rotate it if it was ever pushed)");
            }
        } catch (IOException notYaml) {
            // age's armour or binary output: encrypted, as a tracked bundle must be
        }
    }

    private static String run(List<String> argv, Path dir, String command) throws SecretsBundleReader.BundleException {
        Process p;
        try {
            p = new ProcessBuilder(argv).directory(dir.toFile()).redirectInput(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new SecretsBundleReader.BundleException("cannot run the secrets decryption command `" + command + "`: "
                    + e.getMessage());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread errReader = drain(p.getErrorStream(), err);
        Thread outReader = drain(p.getInputStream(), out);
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new SecretsBundleReader.BundleException("the secrets decryption command `" + command
                        + "` did not finish within " + TIMEOUT_SECONDS + "s");
            }
            outReader.join();
            errReader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new SecretsBundleReader.BundleException("interrupted while decrypting the secrets bundle");
        }
        if (p.exitValue() != 0) {
            String first = err.toString(StandardCharsets.UTF_8).strip().lines().findFirst().orElse("");
            throw new SecretsBundleReader.BundleException("the secrets decryption command `" + command + "` failed (exit "
                    + p.exitValue() + ")" + (first.isEmpty() ? "" : ": " + first));
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Thread drain(InputStream in, ByteArrayOutputStream to) {
        Thread t = new Thread(() -> {
            try (in) {
                in.transferTo(to);
            } catch (IOException ignored) {
                // the process went away; what was read is what there is
            }
        }, "hlc-decrypt-reader");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** The command's words: split at blanks, except inside single or double quotes. */
    static List<String> words(String command) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (char c : command.toCharArray()) {
            if (quote != 0) {
                if (c == quote) quote = 0;
                else w.append(c);
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) out.add(w.toString());
                w.setLength(0);
                inWord = false;
            } else {
                w.append(c);
                inWord = true;
            }
        }
        if (inWord) out.add(w.toString());
        return out;
    }
}

package hlc.repo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real kustomize, as {@code kubectl kustomize} (kustomize v5 inside kubectl). The tests that need it fail,
 * never skip, when it is missing or too old: {@code .ci/run} makes sure the machine has one.
 */
final class Kubectl {
    record Result(int exit, String out, String err) {}

    private static volatile String checked;

    private Kubectl() {}

    static Result kustomize(Path dir) throws IOException, InterruptedException {
        requireV5();
        return run(List.of("kubectl", "kustomize", dir.toString()));
    }

    /** Fails with what to do when there is no kubectl or its kustomize is older than v5. */
    static synchronized void requireV5() throws IOException, InterruptedException {
        if (checked != null) return;
        Result v;
        try {
            v = run(List.of("kubectl", "version", "--client"));
        } catch (IOException e) {
            throw new AssertionError("kubectl is not installed: the reconcile test builds the output with `kubectl kustomize`"
                    + " (kustomize v5); .ci/run installs it, or install kubectl 1.27 or newer");
        }
        Matcher m = Pattern.compile("Kustomize Version: v(\\d+)").matcher(v.out());
        if (!m.find() || Integer.parseInt(m.group(1)) < 5) {
            throw new AssertionError("kubectl's kustomize is not v5 (`kubectl version --client` says: " + v.out().strip()
                    + "); install kubectl 1.27 or newer");
        }
        checked = v.out();
    }

    private static Result run(List<String> cmd) throws IOException, InterruptedException {
        Path err = Files.createTempFile("hlc-kubectl", ".err");
        try {
            Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = p.waitFor();
            return new Result(exit, out, Files.readString(err));
        } finally {
            Files.deleteIfExists(err);
        }
    }
}

package hlc.repo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The git work tree an output folder will be committed in, as git itself says (worktrees, submodules and
 * {@code $GIT_DIR} move it): its top folder, and the output folder's place in it. An output folder git ignores
 * is not committed, so it is in no repository as far as Flux is concerned; neither is one outside any work
 * tree, or one on a machine without git.
 */
public record Repository(Path top, Path output) {

    /** The repository that will hold {@code out}, if git sees one and does not ignore the folder. */
    public static Optional<Repository> holding(Path out) {
        Path abs = out.toAbsolutePath().normalize();
        Path probe = abs;
        while (probe != null && !Files.isDirectory(probe)) probe = probe.getParent();
        if (probe == null) return Optional.empty();
        String top = git(probe, "rev-parse", "--show-toplevel");
        if (top == null || top.isEmpty()) return Optional.empty();
        Path topPath;
        try {
            topPath = Path.of(top).toRealPath();
            Path realProbe = probe.toRealPath();
            abs = realProbe.resolve(probe.relativize(abs)).normalize();
        } catch (IOException e) {
            return Optional.empty();
        }
        if (!abs.startsWith(topPath)) return Optional.empty();
        // check-ignore exits 0 when ignored, 1 when not: only "not ignored" means the folder will be committed.
        if (!abs.equals(topPath) && exit(topPath, "check-ignore", "-q", topPath.relativize(abs).toString()) != 1) {
            return Optional.empty();
        }
        return Optional.of(new Repository(topPath, abs));
    }

    /** The output folder relative to the top, with forward slashes ({@code .} when it is the top itself). */
    public String outputInRepository() {
        String rel = top.relativize(output).toString().replace('\\', '/');
        return rel.isEmpty() ? "." : rel;
    }

    private static String git(Path dir, String... args) {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
            try (InputStream in = p.getInputStream(); InputStream err = p.getErrorStream()) {
                String out = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
                err.readAllBytes();
                return p.waitFor() == 0 ? out : null;
            }
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static int exit(Path dir, String... args) {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}

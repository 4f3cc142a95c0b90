package hlc.hook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The two facts about a git repository a hook needs, asked of git itself rather than guessed from a
 * {@code .git} folder: linked worktrees, submodules, {@code core.hooksPath} and {@code $GIT_DIR} all move them.
 */
public record GitRepo(Path topLevel, Path hooksDir) {

    /** A failure to ask git: not a repository, or no git at all. */
    public static final class NotARepository extends Exception {
        NotARepository(String message) {
            super(message);
        }
    }

    /** The repository {@code dir} is in. */
    public static GitRepo at(Path dir) throws NotARepository {
        if (!Files.isDirectory(dir)) throw new NotARepository(dir + " is not a folder");
        Path top = Path.of(git(dir, "rev-parse", "--show-toplevel"));
        // --git-path answers relative to the folder git ran in, and honours core.hooksPath.
        Path hooks = dir.resolve(git(dir, "rev-parse", "--git-path", "hooks")).toAbsolutePath().normalize();
        return new GitRepo(top.toAbsolutePath().normalize(), hooks);
    }

    /** The URL of the remote {@code origin}, or null when there is none. */
    public String originUrl() {
        try {
            String url = git(topLevel, "remote", "get-url", "origin");
            return url.isEmpty() ? null : url;
        } catch (NotARepository e) {
            return null;
        }
    }

    private static String git(Path dir, String... args) throws NotARepository {
        String[] command = new String[args.length + 1];
        command[0] = "git";
        System.arraycopy(args, 0, command, 1, args.length);
        Process p;
        try {
            p = new ProcessBuilder(command).directory(dir.toFile()).start();
        } catch (IOException e) {
            throw new NotARepository("cannot run git: " + e.getMessage());
        }
        try (InputStream out = p.getInputStream(); InputStream err = p.getErrorStream()) {
            // rev-parse prints a line or two: neither stream can fill its pipe while the other is read.
            String output = new String(out.readAllBytes(), StandardCharsets.UTF_8).strip();
            String error = new String(err.readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.waitFor() != 0) throw new NotARepository(dir + " is not in a git work tree (git: " + error + ")");
            return output;
        } catch (IOException e) {
            throw new NotARepository("cannot run git: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotARepository("interrupted while asking git about " + dir);
        }
    }
}

package hlc.gate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The few questions {@code hlc gate} asks git about the index, each one git process in the work tree's top. */
final class Git {
    /** A git command that failed: its message is git's own. */
    static final class Failed extends Exception {
        Failed(String message) {
            super(message);
        }
    }

    private final Path top;

    Git(Path top) {
        this.top = top;
    }

    /** The paths the commit adds or changes (copies and renames included), as git spells them. */
    List<String> staged() throws Failed {
        return split(run("diff", "--cached", "--name-only", "-z", "--diff-filter=ACMR"));
    }

    /**
     * The paths git tracks in the work tree whose content holds {@code text}, found by git's own search, which
     * reads the files natively and on every core (reading each tracked file from Java, a thousand of them for
     * this repository, was most of the gate's cost beyond a compile). Binary files are searched as text.
     */
    List<String> trackedContaining(String text) throws Failed {
        return split(run(true, "grep", "-l", "-z", "-a", "-F", "-e", text));
    }

    /** A file as the index has it. */
    byte[] stagedContent(String path) throws Failed {
        return run("show", ":" + path);
    }

    /** Writes every file of the index under {@code dir}, as the commit will record them. */
    void exportIndex(Path dir) throws Failed {
        run("checkout-index", "--all", "--force", "--prefix=" + dir.toAbsolutePath() + "/");
    }

    private static List<String> split(byte[] z) {
        String s = new String(z, StandardCharsets.UTF_8);
        if (s.isEmpty()) return List.of();
        return new ArrayList<>(Arrays.asList(s.split("\u0000")));
    }

    private byte[] run(String... args) throws Failed {
        return run(false, args);
    }

    /** {@code noMatchIsEmpty}: exit code 1 with no output is an empty answer (git grep finding nothing), not a failure. */
    private byte[] run(boolean noMatchIsEmpty, String... args) throws Failed {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "core.quotepath=off"));
        cmd.addAll(List.of(args));
        try {
            Path err = Files.createTempFile("hlc-git", ".err");
            try {
                Process p = new ProcessBuilder(cmd).directory(top.toFile()).redirectError(err.toFile()).start();
                byte[] out;
                try (InputStream in = p.getInputStream()) {
                    out = in.readAllBytes();
                }
                int exit = p.waitFor();
                if (exit == 1 && noMatchIsEmpty && out.length == 0) return out;
                if (exit != 0) throw new Failed("git " + args[0] + " failed: " + Files.readString(err).strip());
                return out;
            } finally {
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new Failed("cannot run git: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed("interrupted while running git");
        }
    }
}

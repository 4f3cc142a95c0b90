package hlc.repo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A git repository in a temporary folder, as a user's: files written, staged and committed through real git. */
record TempRepo(Path dir) {
    record Run(int exit, String output) {}

    static boolean gitWorks() {
        try {
            return new ProcessBuilder("git", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static TempRepo init(Path dir) throws IOException, InterruptedException {
        TempRepo r = new TempRepo(dir.toRealPath());
        r.git("init", "-q", "-b", "main");
        r.git("config", "user.name", "hlc test");
        r.git("config", "user.email", "hlc-test@example.invalid");
        r.git("config", "commit.gpgsign", "false");
        // Hooks installed by a test stay in this repository, whatever the user's global core.hooksPath says.
        r.git("config", "core.hooksPath", ".git/hooks");
        return r;
    }

    Path write(String rel, String text) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    /** Copies a file, or a folder with everything in it, to {@code rel}. */
    void copy(Path from, String rel) throws IOException {
        Path to = dir.resolve(rel);
        if (Files.isRegularFile(from)) {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    Run git(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out);
    }

    void commitAll(String message) throws IOException, InterruptedException {
        git("add", "-A");
        Run c = git("commit", "-q", "--no-verify", "-m", message);
        if (c.exit() != 0) throw new AssertionError("git commit failed: " + c.output());
    }

    /** A fresh clone: only what was committed, as Flux's source-controller fetches it. */
    Path cloneTo(Path target) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("git", "clone", "-q", dir.toString(), target.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new AssertionError("git clone failed: " + out);
        return target.toRealPath();
    }

    List<String> tracked() throws IOException, InterruptedException {
        return git("ls-files").output().lines().toList();
    }
}

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
 * tree, or one on a machine without git. {@code remotes} are the URLs of its git remotes, which say whether it is
 * the repository the spec's {@code flux repository} names ({@link #isOrMayBe}).
 */
public record Repository(Path top, Path output, List<String> remotes) {
    public Repository {
        remotes = List.copyOf(remotes);
    }

    /** A repository known only by its folder (a copy of the index): its remotes are those of {@code gitTop}. */
    public static Repository copyOf(Path tree, Path output, Path gitTop) {
        return new Repository(tree, output, remotesOf(gitTop));
    }

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
        return Optional.of(new Repository(topPath, abs, remotesOf(topPath)));
    }

    /**
     * A lookup of the repository running on a daemon thread of its own, so that the git processes it starts run
     * beside the caller's work (reading and checking the spec) rather than after it.
     */
    public static final class Lookup {
        private final java.util.concurrent.FutureTask<Optional<Repository>> task;

        private Lookup(java.util.concurrent.FutureTask<Optional<Repository>> task) {
            this.task = task;
        }

        public static Lookup start(java.util.function.Supplier<Optional<Repository>> lookup) {
            Lookup l = new Lookup(new java.util.concurrent.FutureTask<>(lookup::get));
            Thread t = new Thread(l.task, "hlc-git");
            t.setDaemon(true);
            t.start();
            return l;
        }

        /** A lookup already answered. */
        public static Lookup done(Optional<Repository> repo) {
            Lookup l = new Lookup(new java.util.concurrent.FutureTask<>(() -> repo));
            l.task.run();
            return l;
        }

        /** The repository, once git has answered; a lookup that failed with a bug rethrows it here. */
        public Optional<Repository> get() {
            try {
                return task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) throw r;
                if (e.getCause() instanceof Error err) throw err;
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** The URLs of the work tree's remotes (fetch and push), as git has them. */
    static List<String> remotesOf(Path top) {
        String out = git(top, "config", "--get-regexp", "^remote\\..*\\.(url|pushurl)$");
        if (out == null || out.isEmpty()) return List.of();
        return out.lines().map(l -> l.substring(l.indexOf(' ') + 1).strip()).filter(u -> !u.isEmpty()).distinct().sorted().toList();
    }

    /**
     * Whether this work tree is the repository Flux syncs, by the spec's {@code flux repository} URL: yes when the
     * spec names none (the output's own repository is the only one in sight) or when one of the remotes is that
     * repository, whatever the URL's form (https, ssh, scp-like {@code git@host:owner/name}, with or without
     * {@code .git}). A spec that names a repository no remote points at describes another one, which hlc
     * cannot see: the bundled specs are compiled inside hlc's own repository, their apps live in the cluster's.
     */
    public boolean isOrMayBe(String fluxRepository) {
        if (fluxRepository == null || fluxRepository.isBlank()) return true;
        String wanted = canonicalUrl(fluxRepository);
        return remotes.stream().map(Repository::canonicalUrl).anyMatch(wanted::equals);
    }

    /**
     * {@code host/owner/name} of a git URL, lower-case host, no scheme, user, port or {@code .git}; a local path
     * stays a path. {@code git@github.com:me/lab.git} and {@code https://github.com/me/lab} are the same.
     */
    static String canonicalUrl(String url) {
        String u = url.strip();
        int scheme = u.indexOf("://");
        if (scheme >= 0) {
            u = u.substring(scheme + 3);
        } else if (u.matches("[^/@:]+@[^/:]+:.*") || u.matches("[A-Za-z0-9.-]+\\.[A-Za-z]+:[^/].*")) {
            u = u.replaceFirst(":", "/"); // scp-like git@github.com:me/lab
        }
        int at = u.indexOf('@');
        int slash = u.indexOf('/');
        if (at >= 0 && (slash < 0 || at < slash)) u = u.substring(at + 1);
        slash = u.indexOf('/');
        String host = slash < 0 ? u : u.substring(0, slash);
        String path = slash < 0 ? "" : u.substring(slash);
        host = host.replaceFirst(":\\d+$", "").toLowerCase(java.util.Locale.ROOT);
        while (path.endsWith("/")) path = path.substring(0, path.length() - 1);
        if (path.endsWith(".git")) path = path.substring(0, path.length() - 4);
        return host + path;
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

package hlc.write;

import hlc.emit.RenderedFile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Replaces the output folder as a whole. The new tree is built in a temporary folder beside it (same file
 * system, so renames are atomic), holding the new files, the files hlc never generated, and, when this run made
 * no Talos configs, the old ones; then the old folder is renamed away and the new one into its place. A run
 * that dies between the two renames leaves the old folder under its aside name, which the next run restores.
 */
public final class OutputFolder {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private final Path out;
    private final Steps steps;
    private final Consumer<String> messages;

    /**
     * Named points of the write path, so the crash tests can stop a real process right after each one and check
     * that the folder is then entirely old or entirely new.
     */
    interface Steps {
        Steps NONE = step -> {};

        void after(String step);
    }

    /** An output folder whose "waiting for another run" messages go nowhere (tests, library use). */
    public OutputFolder(Path out) {
        this(out, message -> {}, Steps.NONE);
    }

    public OutputFolder(Path out, Consumer<String> messages) {
        this(out, messages, Steps.NONE);
    }

    OutputFolder(Path out, Consumer<String> messages, Steps steps) {
        this.out = out.toAbsolutePath().normalize();
        this.messages = messages;
        this.steps = steps;
    }

    /**
     * Writes {@code files}. The secret files ({@link SecretPaths}) of an earlier run never survive it: with
     * {@code secretsEmitted} this run's replace them, and without, they are removed, because they were built
     * from an earlier spec and would be applied as if current (a moved node keeps its old address). Returns the
     * secret files removed that way, so the caller can say so. Runs on one folder are serialised by
     * {@link OutputLock}.
     */
    public List<String> replace(List<RenderedFile> files, boolean secretsEmitted) throws IOException {
        List<String> dropped;
        try (OutputLock lock = OutputLock.acquire(out, messages)) {
            steps.after("locked");
            recover();
            steps.after("recovered");
            Path parent = out.getParent();
            String tag = out.getFileName() + ".hlc-" + ProcessHandle.current().pid();
            Path tmp = parent.resolve("." + tag + "-new");
            Path aside = parent.resolve("." + tag + "-old");
            deleteTree(tmp);
            Files.createDirectory(tmp);
            try {
                dropped = carryOver(tmp, files, secretsEmitted);
                steps.after("carried-over");
                for (RenderedFile f : files) write(tmp.resolve(f.path()), f.content(), f.secret());
                write(tmp.resolve(Manifest.NAME), Manifest.render(files), false);
                steps.after("built");
                swapIn(tmp, aside);
            } catch (IOException | RuntimeException e) {
                if (!Files.exists(out) && Files.exists(aside)) Files.move(aside, out, StandardCopyOption.ATOMIC_MOVE);
                deleteTree(tmp);
                throw e;
            }
            syncDirectory(parent);
            steps.after("swapped");
            deleteTree(tmp);   // after an exchange it holds the old tree
            deleteTree(aside);
            steps.after("cleaned");
        }
        return dropped;
    }

    /**
     * Puts the built tree in place: one atomic exchange where the system has it; otherwise the old folder is
     * renamed aside first, and a crash between the two renames is undone by {@link #recover()}.
     */
    private void swapIn(Path tmp, Path aside) throws IOException {
        if (!Files.exists(out)) {
            Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        if (AtomicSwap.exchange(tmp, out)) return;
        Files.move(out, aside, StandardCopyOption.ATOMIC_MOVE);
        steps.after("aside");
        Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Makes the renames durable: a directory's entries reach the disk when the directory itself is synced. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, java.nio.file.StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Some file systems cannot sync a directory; the renames are still atomic, only less durable.
        }
    }

    /**
     * Restores an output folder a dead run left aside, and removes half-built or swapped-out trees. Called with
     * the lock held, so no other run is using them.
     */
    void recover() throws IOException {
        Path parent = out.getParent();
        if (parent == null || !Files.isDirectory(parent)) return;
        String prefix = "." + out.getFileName() + ".hlc-";
        try (Stream<Path> s = Files.list(parent)) {
            for (Path p : s.sorted().toList()) {
                String n = p.getFileName().toString();
                if (!n.startsWith(prefix)) continue;
                if (n.endsWith("-old") && !Files.exists(out)) {
                    Files.move(p, out, StandardCopyOption.ATOMIC_MOVE);
                } else if (n.endsWith("-new") || n.endsWith("-old")) {
                    deleteTree(p);
                }
            }
        }
    }

    /** Copies the files hlc never generated into the new tree; returns the old secret files it leaves out without a replacement. */
    private List<String> carryOver(Path tmp, List<RenderedFile> files, boolean secretsEmitted) throws IOException {
        List<String> dropped = new java.util.ArrayList<>();
        if (!Files.isDirectory(out)) return dropped;
        Set<String> generated = Manifest.read(out);
        Set<String> written = new java.util.HashSet<>();
        for (RenderedFile f : files) written.add(f.path());
        try (Stream<Path> s = Files.walk(out)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                String rel = out.relativize(p).toString().replace('\\', '/');
                if (rel.equals(Manifest.NAME) || generated.contains(rel) || written.contains(rel)) continue; // hlc's: replaced by this run
                if (SecretPaths.isSecret(rel)) {
                    if (!secretsEmitted) dropped.add(rel);
                    continue;
                }
                Path target = tmp.resolve(rel);
                Files.createDirectories(target.getParent());
                Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return dropped;
    }

    private static void write(Path target, String content, boolean secret) throws IOException {
        Files.createDirectories(target.getParent());
        if (secret) restrictDir(target.getParent());
        StandardOpenOption[] opts = {StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE};
        try (FileChannel ch = secret && supportsPosix(target)
                ? FileChannel.open(target, Set.of(opts), PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : FileChannel.open(target, opts)) {
            ch.write(ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8)));
            ch.force(true);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("two files would be written to " + target, e);
        }
    }

    private static void restrictDir(Path dir) throws IOException {
        if (supportsPosix(dir)) Files.setPosixFilePermissions(dir, OWNER_ONLY_DIR);
    }

    private static boolean supportsPosix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(q);
        }
    }

}

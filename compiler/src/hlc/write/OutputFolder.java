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
import java.util.stream.Stream;

/**
 * Replaces the output folder as a whole. The new tree is built in a temporary folder beside it (same file
 * system, so renames are atomic), holding the new files, the files hlc never generated, and, when this run made
 * no Talos configs, the old ones; then the old folder is renamed away and the new one into its place. A run
 * that dies between the two renames leaves the old folder under its aside name, which the next run restores.
 */
public final class OutputFolder {
    static final String SECRET_DIR = "talos";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private final Path out;

    public OutputFolder(Path out) {
        this.out = out.toAbsolutePath().normalize();
    }

    /**
     * Writes {@code files}. When {@code secretsEmitted} is false the old secret folder is carried over untouched
     * (a run without a secrets bundle must not delete the user's Talos configs).
     */
    public void replace(List<RenderedFile> files, boolean secretsEmitted) throws IOException {
        recover();
        Path parent = out.getParent();
        Files.createDirectories(parent);
        String tag = out.getFileName() + ".hlc-" + ProcessHandle.current().pid();
        Path tmp = parent.resolve("." + tag + "-new");
        Path aside = parent.resolve("." + tag + "-old");
        deleteTree(tmp);
        Files.createDirectory(tmp);
        try {
            carryOver(tmp, secretsEmitted);
            for (RenderedFile f : files) write(tmp.resolve(f.path()), f.content(), f.secret());
            write(tmp.resolve(Manifest.NAME), Manifest.render(files), false);
            if (Files.exists(out)) Files.move(out, aside, StandardCopyOption.ATOMIC_MOVE);
            Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            if (!Files.exists(out) && Files.exists(aside)) Files.move(aside, out, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(tmp);
            throw e;
        }
        deleteTree(aside);
    }

    /** Restores an output folder a dead run left aside, and removes its half-built new one. */
    public void recover() throws IOException {
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

    private void carryOver(Path tmp, boolean secretsEmitted) throws IOException {
        if (!Files.isDirectory(out)) return;
        Set<String> generated = Manifest.read(out);
        try (Stream<Path> s = Files.walk(out)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                String rel = out.relativize(p).toString().replace('\\', '/');
                boolean secret = rel.startsWith(SECRET_DIR + "/");
                if (rel.equals(Manifest.NAME) || generated.contains(rel)) continue; // hlc's: replaced by this run
                if (secret && secretsEmitted) continue;
                Path target = tmp.resolve(rel);
                Files.createDirectories(target.getParent());
                Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
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

package hlc.hook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** The {@code pre-commit} file in a hooks folder: written and removed only when it is hlc's own (or forced). */
public final class PreCommitHook {
    public enum Installed { CREATED, UPDATED, REPLACED_FOREIGN, REFUSED_FOREIGN }

    public enum Removed { REMOVED, ABSENT, LEFT_FOREIGN }

    private final Path file;

    public PreCommitHook(Path hooksDir) {
        this.file = hooksDir.resolve("pre-commit");
    }

    public Path file() {
        return file;
    }

    public Installed install(HlcInvocation hlc, String spec, String out, boolean force) throws IOException {
        Installed outcome;
        if (!Files.exists(file)) outcome = Installed.CREATED;
        else if (HookScript.isOurs(read())) outcome = Installed.UPDATED;
        else if (force) outcome = Installed.REPLACED_FOREIGN;
        else return Installed.REFUSED_FOREIGN;
        Files.createDirectories(file.getParent());
        // Written beside the hook and renamed over it, so a commit never runs half a script.
        Path tmp = Files.createTempFile(file.getParent(), ".pre-commit-", ".hlc-tmp");
        try {
            Files.writeString(tmp, HookScript.render(hlc, spec, out), StandardCharsets.UTF_8);
            if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return outcome;
    }

    public Removed uninstall() throws IOException {
        if (!Files.exists(file)) return Removed.ABSENT;
        if (!HookScript.isOurs(read())) return Removed.LEFT_FOREIGN;
        Files.delete(file);
        return Removed.REMOVED;
    }

    private String read() throws IOException {
        // A binary hook is not ours either: decode leniently rather than fail on it.
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }
}

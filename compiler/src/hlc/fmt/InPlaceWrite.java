package hlc.fmt;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code hlc fmt --write}: replaces a file's content in one step, so an editor, a build or a crash sees either
 * the old file or the new one, never half of it. The new text goes to a temporary file in the same folder
 * (a rename is only atomic within one file system), is flushed to disk, gets the old file's permissions, and
 * is then renamed over the old file. A symbolic link is followed, so the link keeps pointing at the spec; a
 * read-only file is refused, as an editor would refuse it.
 */
public final class InPlaceWrite {
    /** The prefix the repository's .gitignore already ignores, should a crash leave a temporary file behind. */
    private static final String TEMP_PREFIX = ".hlc-tmp-fmt-";
    private static final Set<PosixFilePermission> WRITE = EnumSet.of(
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

    private InPlaceWrite() {}

    public static void replace(Path file, String text) throws IOException {
        Path target = file.toRealPath();
        PosixFileAttributeView posix = Files.getFileAttributeView(target, PosixFileAttributeView.class);
        Set<PosixFilePermission> permissions = posix == null ? null : posix.readAttributes().permissions();
        // Renaming over a file needs only the folder's permission: honour the file's own, even for root.
        if (!Files.isWritable(target) || (permissions != null && Collections.disjoint(permissions, WRITE))) {
            throw new AccessDeniedException(file.toString(), null, "the file is read-only");
        }
        Path temp = Files.createTempFile(target.getParent(), TEMP_PREFIX, ".hl");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) channel.write(bytes);
                channel.force(true);
            }
            if (permissions != null) Files.setPosixFilePermissions(temp, permissions);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}

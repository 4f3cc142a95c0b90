package hlc.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Serialises runs that write the same output folder (two pre-commit hooks, an editor and a terminal). The lock is
 * an OS file lock on {@code .<out>.hlc.lock} beside the folder: the kernel releases it when its process dies,
 * however it dies, so a lock left by a killed run is simply free and the next run takes it over. The file holds
 * the owner's pid, for the message of a run that has to wait.
 */
public final class OutputLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock, waiting for another run when needed; {@code waiting} is told once who holds it. */
    public static OutputLock acquire(Path out, java.util.function.Consumer<String> waiting) throws IOException {
        Path parent = out.toAbsolutePath().normalize().getParent();
        Files.createDirectories(parent);
        Path file = parent.resolve("." + out.getFileName() + ".hlc.lock");
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            FileLock l = ch.tryLock();
            if (l == null) {
                waiting.accept("waiting for another hlc run (pid " + holder(ch) + ") to finish writing " + out);
                l = ch.lock();
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            return new OutputLock(ch, l);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e instanceof IOException io ? io : new IOException("cannot lock " + file + ": " + e.getMessage(), e);
        }
    }

    private static String holder(FileChannel ch) {
        try {
            ByteBuffer b = ByteBuffer.allocate(32);
            ch.read(b, 0);
            String s = new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII).strip();
            return s.isEmpty() ? "unknown" : s;
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}

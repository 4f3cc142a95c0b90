package hlc.write;

import com.sun.jna.Library;
import com.sun.jna.Native;

import java.nio.file.Path;

/**
 * Exchanges two directories in one atomic step with Linux's {@code renameat2(RENAME_EXCHANGE)}, so that a reader
 * (or a crash) sees the old output folder or the new one, never neither. Where the call is not available (not
 * Linux, an old libc, a file system without support) {@link #exchange} says so and the caller falls back to two
 * renames with recovery.
 */
final class AtomicSwap {
    private static final int AT_FDCWD = -100;
    private static final int RENAME_EXCHANGE = 2;

    interface LibC extends Library {
        int renameat2(int oldDirFd, String oldPath, int newDirFd, String newPath, int flags);
    }

    private static volatile LibC libc;
    private static volatile boolean unavailable;

    private AtomicSwap() {}

    /** True when {@code a} and {@code b} were exchanged; false when the system cannot do it (nothing changed). */
    static boolean exchange(Path a, Path b) {
        LibC c = load();
        if (c == null) return false;
        try {
            return c.renameat2(AT_FDCWD, a.toString(), AT_FDCWD, b.toString(), RENAME_EXCHANGE) == 0;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            unavailable = true;
            return false;
        }
    }

    private static LibC load() {
        // -Dhlc.write.noExchange=true forces the two-rename fallback, so its recovery is tested on Linux too.
        if (unavailable || Boolean.getBoolean("hlc.write.noExchange")
                || !System.getProperty("os.name", "").toLowerCase().contains("linux")) return null;
        if (libc == null) {
            try {
                libc = Native.load("c", LibC.class);
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                unavailable = true;
                return null;
            }
        }
        return libc;
    }
}

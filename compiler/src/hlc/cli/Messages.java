package hlc.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** I/O failures in plain words ("no such file"), not exception class names. */
final class Messages {
    private Messages() {}

    static String of(Exception e) {
        if (e instanceof NoSuchFileException) return "no such file";
        if (e instanceof AccessDeniedException) return "permission denied";
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}

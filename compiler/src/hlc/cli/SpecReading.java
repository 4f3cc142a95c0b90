package hlc.cli;

import hlc.Compiler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Reads and checks the root spec for a command; an unreadable root file is a one-line message (exit 2). */
final class SpecReading {
    private SpecReading() {}

    /**
     * The result, or null after printing why the spec could not be read. Only failures to read are caught here;
     * any other exception is a bug in hlc and reaches {@link Main}'s handler, which says so instead of blaming
     * the file.
     */
    static Compiler.Result check(Path spec) {
        try {
            return Compiler.check(spec);
        } catch (IOException | UncheckedIOException | InvalidPathException e) {
            System.err.println("hlc: cannot read " + spec + ": " + Messages.of(e));
            return null;
        }
    }
}

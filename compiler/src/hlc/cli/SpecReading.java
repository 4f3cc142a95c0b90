package hlc.cli;

import hlc.Compiler;

import java.io.IOException;
import java.nio.file.Path;

/** Reads and checks the root spec for a command; an unreadable root file is a one-line message (exit 2). */
final class SpecReading {
    private SpecReading() {}

    /** The result, or null after printing why the spec could not be read. */
    static Compiler.Result check(Path spec) {
        try {
            return Compiler.check(spec);
        } catch (IOException | RuntimeException e) {
            System.err.println("hlc: cannot read " + spec + ": " + Messages.of(e));
            return null;
        }
    }
}

package hlc.cli;

import hlc.emit.Renderer;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/**
 * The {@code hlc} command's entry point. No picocli type appears here (see {@link HlcCommand}): the commands a
 * hook runs on every commit start without it ({@link DirectArgs}).
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // Findings quote the spec (names, `…`, carets under non-ASCII text): print UTF-8 whatever the locale says,
        // or a C locale turns every such character into `?`.
        System.setOut(utf8(FileDescriptor.out));
        System.setErr(utf8(FileDescriptor.err));
        // A compile (and the gate, which compiles) renders with Jinjava, Jackson and the schema validator: they load
        // on another core meanwhile.
        if (args.length > 0 && (args[0].equals("compile") || args[0].equals("gate"))) Renderer.warmUpInBackground();
        Callable<Integer> direct = DirectArgs.command(args);
        int code = direct != null ? call(direct) : HlcCommand.execute(args);
        System.out.flush();
        System.err.flush();
        // A clean check, compile, fmt or gate ends by returning: it has no thread left but daemons, and System.exit
        // looks up a system logger on JDK 21 and newer (a search of the class path, then the logger's classes).
        if (code == 0 && direct != null) return;
        System.exit(code);
    }

    private static PrintStream utf8(FileDescriptor fd) {
        return new PrintStream(new BufferedOutputStream(new FileOutputStream(fd), 8192), true, StandardCharsets.UTF_8);
    }

    /** Runs hlc with arguments and returns its exit code (tests call this instead of main). */
    public static int run(String... args) {
        Callable<Integer> direct = DirectArgs.command(args);
        return direct != null ? call(direct) : HlcCommand.execute(args);
    }

    private static int call(Callable<Integer> command) {
        try {
            return command.call();
        } catch (Exception ex) {
            return internalError(ex, new PrintWriter(System.err, true));
        }
    }

    static int internalError(Exception ex, PrintWriter err) {
        err.println("hlc: internal error: " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
        err.println("this is a bug in hlc; please report it with the spec that triggers it");
        err.flush();
        return 2;
    }
}

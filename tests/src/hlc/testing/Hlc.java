package hlc.testing;

import hlc.cli.Main;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** One run of the hlc command line in this JVM, as a user would start it from a shell: exit code and output. */
public record Hlc(int exit, String out, String err) {

    /** The project's root folder (Maven runs the tests there; the property is for IDEs that do not). */
    public static Path project() {
        return Path.of(System.getProperty("hlc.project.dir", ".")).toAbsolutePath().normalize();
    }

    /** The bundled real spec. */
    public static String homelab() {
        return project().resolve("spec/homelab.hl").toString();
    }

    /** The commands print to System.out and System.err, so both are swapped for the length of the run. */
    public static synchronized Hlc run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = Main.run(args);
            System.out.flush();
            System.err.flush();
            return new Hlc(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}

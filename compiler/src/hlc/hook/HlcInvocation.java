package hlc.hook;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How a hook script runs this same hlc again, by absolute paths so it works from any folder and with the
 * sparse PATH of a git GUI: the {@code hlc} launcher when hlc was started through it (it rebuilds the jar when
 * the sources change), else {@code java -jar} on the jar it runs from, else — classes on a class path, as in an
 * IDE or the tests — {@code java -cp} with that class path.
 */
public record HlcInvocation(List<String> command) {
    /** Set by the {@code hlc} launcher script to its own absolute path. */
    static final String LAUNCHER_VARIABLE = "HLC_LAUNCHER";

    public HlcInvocation {
        command = List.copyOf(command);
    }

    public static HlcInvocation current() {
        String launcher = System.getenv(LAUNCHER_VARIABLE);
        if (launcher != null && Files.isExecutable(Path.of(launcher))) {
            return new HlcInvocation(List.of(Path.of(launcher).toAbsolutePath().normalize().toString()));
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path code = codeSource();
        if (code != null && Files.isRegularFile(code) && code.toString().endsWith(".jar")) {
            return new HlcInvocation(List.of(java, "-jar", code.toString()));
        }
        return new HlcInvocation(List.of(java, "-cp", absoluteClassPath(), "hlc.cli.Main"));
    }

    /** The program the hook starts; the hook checks it is still there. */
    public String program() {
        return command.get(0);
    }

    private static Path codeSource() {
        try {
            var source = HlcInvocation.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }

    /** The class path with every entry made absolute: the hook runs in another folder. */
    private static String absoluteClassPath() {
        String sep = System.getProperty("path.separator");
        StringBuilder s = new StringBuilder();
        for (String entry : System.getProperty("java.class.path").split(java.util.regex.Pattern.quote(sep))) {
            if (entry.isEmpty()) continue;
            if (s.length() > 0) s.append(sep);
            s.append(Path.of(entry).toAbsolutePath().normalize());
        }
        return s.toString();
    }
}

package hlc.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The places in the output folder that hold secrets (the Talos machine configs under {@code talos/} and the
 * client's {@code talosconfig}): written owner-only, git-ignored by the folder's own .gitignore, never listed
 * in the manifest, and never left behind by a compile that could not make current ones.
 */
public final class SecretPaths {
    public static final String TALOS_DIR = "talos";
    public static final String TALOSCONFIG = "talosconfig";

    private SecretPaths() {}

    /** Whether a path relative to the output folder is one of them. */
    public static boolean isSecret(String rel) {
        return rel.equals(TALOSCONFIG) || rel.startsWith(TALOS_DIR + "/");
    }

    /** The secret files the folder holds now, relative to it, in path order. */
    public static List<String> present(Path out) throws IOException {
        List<String> found = new ArrayList<>();
        if (Files.isRegularFile(out.resolve(TALOSCONFIG))) found.add(TALOSCONFIG);
        Path dir = out.resolve(TALOS_DIR);
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.filter(Files::isRegularFile).map(p -> out.relativize(p).toString().replace('\\', '/')).sorted().forEach(found::add);
            }
        }
        return found;
    }
}

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
 * in the manifest, and never left behind by a compile that could not make current ones. A spec with several
 * clusters writes each cluster's into its own folder ({@code edge/talos/}, {@code edge/talosconfig}): those are
 * the same places one level down.
 */
public final class SecretPaths {
    public static final String TALOS_DIR = "talos";
    public static final String TALOSCONFIG = "talosconfig";

    private SecretPaths() {}

    /** Whether a path relative to the output folder is one of them. */
    public static boolean isSecret(String rel) {
        return atTop(rel) || rel.indexOf('/') > 0 && atTop(rel.substring(rel.indexOf('/') + 1));
    }

    /** Whether a path relative to the output folder is a Talos machine config (of the cluster, or of one of several). */
    public static boolean isMachineConfig(String rel) {
        return rel.startsWith(TALOS_DIR + "/") || rel.indexOf('/') > 0 && rel.substring(rel.indexOf('/') + 1).startsWith(TALOS_DIR + "/");
    }

    private static boolean atTop(String rel) {
        return rel.equals(TALOSCONFIG) || rel.startsWith(TALOS_DIR + "/");
    }

    /** The secret files the folder holds now, relative to it, in path order: its own and its clusters' folders'. */
    public static List<String> present(Path out) throws IOException {
        List<Path> places = new ArrayList<>();
        places.add(out);
        try (Stream<Path> s = Files.list(out)) {
            s.filter(Files::isDirectory).sorted().forEach(places::add);
        }
        List<String> found = new ArrayList<>();
        for (Path place : places) {
            if (Files.isRegularFile(place.resolve(TALOSCONFIG))) found.add(rel(out, place.resolve(TALOSCONFIG)));
            Path dir = place.resolve(TALOS_DIR);
            if (Files.isDirectory(dir) && !(place != out && place.getFileName().toString().equals(TALOS_DIR))) {
                try (Stream<Path> s = Files.walk(dir)) {
                    s.filter(Files::isRegularFile).map(p -> rel(out, p)).forEach(found::add);
                }
            }
        }
        java.util.Collections.sort(found);
        return List.copyOf(new java.util.LinkedHashSet<>(found));
    }

    private static String rel(Path out, Path p) {
        return out.relativize(p).toString().replace('\\', '/');
    }
}

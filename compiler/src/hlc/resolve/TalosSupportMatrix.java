package hlc.resolve;

import hlc.model.Version;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Talos–Kubernetes support matrix, as data: {@code talos/kubernetes-support.tsv} (one row per Talos minor
 * release, with the page of Talos's documentation it comes from). Kept out of the code so that a new Talos
 * release is a new row, reviewed against its source, not a formula that happens to hold.
 */
public final class TalosSupportMatrix {
    static final String RESOURCE = "/talos/kubernetes-support.tsv";

    /** The Kubernetes minor releases one Talos minor release supports, first and last, and where that is said. */
    public record Row(int talosMinor, int firstKubernetesMinor, int lastKubernetesMinor, String source) {
        public boolean supports(Version kubernetes) {
            return kubernetes.major() == 1 && kubernetes.minor() >= firstKubernetesMinor
                    && kubernetes.minor() <= lastKubernetesMinor;
        }

        /** "v1.28 to v1.33", for messages. */
        public String range() {
            return "v1." + firstKubernetesMinor + " to v1." + lastKubernetesMinor;
        }
    }

    private static final Map<Integer, Row> ROWS = load();

    private TalosSupportMatrix() {}

    /** The row of a Talos release, or null for a release the matrix has no row for (then nothing is said). */
    public static Row of(Version talos) {
        return talos.major() == 1 ? ROWS.get(talos.minor()) : null;
    }

    /** Every row, by Talos minor release. */
    public static Map<Integer, Row> rows() {
        return ROWS;
    }

    static Map<Integer, Row> parse(BufferedReader in) throws IOException {
        Map<Integer, Row> rows = new TreeMap<>();
        String line;
        int n = 0;
        while ((line = in.readLine()) != null) {
            n++;
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t");
            if (f.length != 4) throw new IllegalStateException(RESOURCE + ":" + n + ": expected 4 tab-separated fields");
            int talos = minorOf(f[0], n), first = minorOf(f[1], n), last = minorOf(f[2], n);
            if (first > last) throw new IllegalStateException(RESOURCE + ":" + n + ": first release after the last");
            if (rows.put(talos, new Row(talos, first, last, f[3].strip())) != null) {
                throw new IllegalStateException(RESOURCE + ":" + n + ": Talos 1." + talos + " has two rows");
            }
        }
        return Collections.unmodifiableMap(rows);
    }

    private static int minorOf(String release, int line) {
        String[] p = release.strip().split("\\.");
        if (p.length != 2 || !p[0].equals("1")) throw new IllegalStateException(RESOURCE + ":" + line + ": not a 1.N release: " + release);
        return Integer.parseInt(p[1]);
    }

    private static Map<Integer, Row> load() {
        try (InputStream in = TalosSupportMatrix.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

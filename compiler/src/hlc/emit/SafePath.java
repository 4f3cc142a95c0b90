package hlc.emit;

import java.util.regex.Pattern;

/**
 * Output paths are built from spec names, so they are restricted to a safe alphabet: relative, no `..`, no
 * hidden files, no separators but `/`. Names in the language already obey this; this is the last line.
 */
public final class SafePath {
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private SafePath() {}

    public static boolean isSafe(String path) {
        if (path == null || path.isEmpty() || path.startsWith("/")) return false;
        for (String seg : path.split("/", -1)) {
            if (!SEGMENT.matcher(seg).matches() || seg.equals("..") || seg.contains("..")) return false;
        }
        return true;
    }

    /** A spec name fit for a path segment, or null when it is not (the caller reports it). */
    public static String segment(String name) {
        return name != null && SEGMENT.matcher(name).matches() && !name.contains("..") ? name : null;
    }
}

package hlc.emit;

import java.util.Map;

/**
 * One file to emit, before rendering: where it goes (relative to the output folder), which template renders
 * it, the plain data the template reads, and whether it holds secrets (then it is written 0600 into a
 * git-ignored folder and never compared by {@code --check}).
 */
public record FileSpec(String path, String template, Map<String, Object> context, boolean secret) {
    public FileSpec {
        if (!SafePath.isSafe(path)) throw new IllegalArgumentException("unsafe output path: " + path);
    }
}

package hlc.write;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import hlc.emit.RenderedFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code hlc compile --check}: compares what the spec compiles to with what the output folder holds. Reports
 * each stale, missing or extra file, with a short unified diff for the committed ones. The secret files
 * ({@link SecretPaths}) are compared too when the compile had the bundle (without a diff: it would print the
 * keys); without the bundle, any the folder holds is {@code unverifiable}, since nothing can tell whether they
 * are current, and a stale machine config applied to a node breaks it.
 */
public final class StaleCheck {
    private static final int MAX_DIFF_LINES = 40;

    private StaleCheck() {}

    /** One difference: {@code kind} is stale, missing, extra or unverifiable. */
    public record Finding(String kind, String path, String diff) {}

    /** Compares the committed files only, as without a bundle: old secret files are unverifiable. */
    public static List<Finding> compare(Path out, List<RenderedFile> files) throws IOException {
        return compare(out, files, false);
    }

    /** {@code secretsKnown}: the compile had the bundle, and {@code files} holds the secret files it makes. */
    public static List<Finding> compare(Path out, List<RenderedFile> files, boolean secretsKnown) throws IOException {
        List<Finding> findings = new ArrayList<>();
        Set<String> now = new TreeSet<>();
        for (RenderedFile f : files) {
            if (f.secret() && !secretsKnown) continue;
            now.add(f.path());
            Path p = out.resolve(f.path());
            if (!Files.isRegularFile(p)) {
                findings.add(new Finding("missing", f.path(), ""));
                continue;
            }
            String old = Files.readString(p, StandardCharsets.UTF_8);
            if (!old.equals(f.content())) findings.add(new Finding("stale", f.path(), f.secret() ? "" : diff(f.path(), old, f.content())));
        }
        if (Files.isDirectory(out)) {
            for (String p : SecretPaths.present(out)) {
                if (!secretsKnown) findings.add(new Finding("unverifiable", p, ""));
                else if (!now.contains(p)) findings.add(new Finding("extra", p, ""));
            }
        }
        Set<String> before = Files.isDirectory(out) ? Manifest.read(out) : Set.of();
        for (String p : before) {
            if (!now.contains(p) && Files.exists(out.resolve(p))) findings.add(new Finding("extra", p, ""));
        }
        return findings;
    }

    private static String diff(String path, String old, String now) {
        List<String> a = Arrays.asList(old.split("\n", -1));
        List<String> b = Arrays.asList(now.split("\n", -1));
        Patch<String> patch = DiffUtils.diff(a, b);
        List<String> lines = UnifiedDiffUtils.generateUnifiedDiff("out/" + path, "spec/" + path, a, patch, 2);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < lines.size() && i < MAX_DIFF_LINES; i++) s.append("    ").append(lines.get(i)).append('\n');
        if (lines.size() > MAX_DIFF_LINES) s.append("    … ").append(lines.size() - MAX_DIFF_LINES).append(" more diff lines\n");
        return s.toString();
    }
}

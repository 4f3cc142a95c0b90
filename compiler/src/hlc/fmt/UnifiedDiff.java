package hlc.fmt;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;

import java.util.Arrays;
import java.util.List;

/**
 * What formatting would change in a file, as a unified diff with three lines of context: both headers name the
 * file, so {@code patch -p0} applies it. Unlike the stale-output check, nothing is cut short: a reviewer (or
 * {@code patch}) needs all of it.
 */
public final class UnifiedDiff {
    private UnifiedDiff() {}

    public static String of(String file, String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        Patch<String> patch = DiffUtils.diff(a, b);
        StringBuilder s = new StringBuilder();
        for (String line : UnifiedDiffUtils.generateUnifiedDiff(file, file, a, patch, 3)) s.append(line).append('\n');
        return s.toString();
    }

    /** Lines as the file has them; a CR before LF stays visible at the end of its line, since it is a change too. */
    private static List<String> lines(String text) {
        return Arrays.asList(text.split("\n", -1));
    }
}

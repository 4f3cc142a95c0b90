package hlc.explain;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's table of checks is what users read first; it must list exactly the codes hlc has, in order, each
 * with the severity its explanation states (which the examples test proves is the one hlc reports).
 */
class ReadmeChecksTest {
    private static final Pattern ROW = Pattern.compile("^\\| (HL\\d{3}) \\| (error|warning) \\| .+ \\|$");

    @Test
    void theTableListsEveryCodeWithTheCatalogueSeverity() throws IOException {
        Map<String, String> table = table(section(readme(), "## The checks"));
        Map<String, String> catalogue = new LinkedHashMap<>();
        for (Explanation e : Catalogue.all()) catalogue.put(e.code().name(), e.severity().label());
        assertEquals(List.copyOf(catalogue.keySet()), List.copyOf(table.keySet()), "the README's codes, in order");
        assertEquals(catalogue, table, "the README's severities");
    }

    @Test
    void theSectionPointsAtHlcExplain() throws IOException {
        assertTrue(section(readme(), "## The checks").contains("`hlc explain HL022`"));
    }

    private static String readme() throws IOException {
        return Files.readString(Path.of(System.getProperty("hlc.project.dir", ".")).resolve("README.md"));
    }

    private static String section(String readme, String heading) {
        int start = readme.indexOf("\n" + heading + "\n");
        assertTrue(start >= 0, "the README has no section " + heading);
        int end = readme.indexOf("\n## ", start + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    /** Code to severity, in the order of the rows; a row that names a code but does not fit the layout fails. */
    private static Map<String, String> table(String section) {
        Map<String, String> rows = new LinkedHashMap<>();
        List<String> duplicates = new ArrayList<>();
        for (String line : section.lines().filter(l -> l.startsWith("| HL")).toList()) {
            Matcher m = ROW.matcher(line);
            assertTrue(m.matches(), "a row of the README's table of checks does not read `| HLxxx | error or warning | what |`: " + line);
            if (rows.put(m.group(1), m.group(2)) != null) duplicates.add(m.group(1));
        }
        assertEquals(List.of(), duplicates, "codes listed twice in the README");
        assertFalse(rows.isEmpty(), "the README's table of checks has no rows");
        return rows;
    }
}

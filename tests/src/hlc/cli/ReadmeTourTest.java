package hlc.cli;

import hlc.Compiler;
import hlc.fmt.Formatter;
import hlc.testing.Hlc;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's language tour is a spec a reader can copy: it checks clean, warnings included, and it is in the
 * layout `hlc fmt` writes, so the first thing a newcomer pastes neither fails nor gets reformatted.
 */
class ReadmeTourTest {
    @Test
    void theTourChecksCleanAndIsInTheFmtLayout() throws IOException {
        String readme = Files.readString(Hlc.project().resolve("README.md"));
        int section = readme.indexOf("## The language");
        assertTrue(section >= 0, "README has a '## The language' section");
        int start = readme.indexOf("```hl\n", section);
        int end = readme.indexOf("```", start + 6);
        String tour = readme.substring(start + 6, end);
        var result = Compiler.checkText("tour.hl", tour);
        assertEquals(0, result.reporter().errorCount() + result.reporter().warningCount(),
                "the tour reports " + result.reporter().sorted());
        assertEquals(tour, Formatter.formatText("tour.hl", tour).text(), "the tour is not in the fmt layout");
    }
}

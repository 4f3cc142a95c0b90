package hlc.cli;

import hlc.Compiler;
import hlc.diag.TextRenderer;
import hlc.testing.Hlc;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's first example of a finding is what hlc prints for the real spec with k8s-2's LAN address typed
 * as 192.168.6.12: same place, same caret, same hint. A reformatted spec or a reworded message must update it.
 */
class ReadmeSampleTest {
    private static final String FENCE_AFTER = "A finding looks like a good compiler's:\n\n```\n";

    @Test
    void theSampleFindingIsWhatHlcPrints() throws IOException {
        String readme = Files.readString(Hlc.project().resolve("README.md"));
        int from = readme.indexOf(FENCE_AFTER);
        assertTrue(from >= 0, "README.md lost its sample finding");
        from += FENCE_AFTER.length();
        String shown = readme.substring(from, readme.indexOf("```\n", from));

        String spec = Files.readString(Hlc.project().resolve("spec/homelab.hl"));
        String typo = "address 192.168.5.212 bond";
        assertTrue(spec.contains(typo), "k8s-2's bond0 address is no longer written as `" + typo + "`");
        Compiler.Result r = Compiler.checkText("spec/homelab.hl", spec.replace(typo, "address 192.168.6.12 bond"));
        String printed = new TextRenderer(false).render(r.reporter().sorted(), r.reporter().errorCount(), r.reporter().warningCount());
        assertEquals(printed, shown, "paste hlc's output into README.md");
    }
}

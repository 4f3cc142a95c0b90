package hlc.explain;

import hlc.diag.Code;
import hlc.diag.Severity;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The catalogue covers every code, and its file format is enforced rather than guessed at. */
class CatalogueTest {
    private static final String PROSE = "Severity: error\n\nWhat is checked, and why.\n\n";
    private static final String EXAMPLES = "Failing example:\n\n```hl\nnetwork lan { cidr 192.168.5.1/24 }\n```\n\n"
            + "Fixed example:\n\n```hl\nnetwork lan { cidr 192.168.5.0/24 }\n```\n";

    @Test
    void everyCodeHasAnExplanationUnderItsOwnTitle() {
        for (Code code : Code.values()) {
            Explanation e = Catalogue.of(code);
            assertEquals(code, e.code());
            assertEquals(code.title(), e.title(), "the heading of " + code + ".md and Code." + code + " disagree");
        }
    }

    /** Dropping an example is a decision to be made here, in review, not by deleting a section quietly. */
    @Test
    void onlyCodesNoSpecCanShowGoWithoutExamples() {
        Set<String> without = new TreeSet<>();
        for (Explanation e : Catalogue.all()) {
            if (!e.hasExamples()) without.add(e.code().name());
        }
        assertEquals(Set.of("HL002", "HL077", "HL078", "HL098", "HL099"), without);
    }

    @Test
    void noExampleIsMarkedForCompile() {
        // `hlc check` means "will compile": whatever compile refuses, check reports (HL096 included).
        Set<String> marked = new TreeSet<>();
        for (Explanation e : Catalogue.all()) {
            if (e.hasExamples() && e.failing().compileOnly()) marked.add(e.code().name());
        }
        assertEquals(Set.of(), marked, "every finding of compile is check's too: no example needs compile to fail");
    }

    @Test
    void readsTitleSeverityAndBothExamples() {
        Explanation e = ExplanationFormat.parse(Code.HL021, "# HL021: CIDR with host bits set\n\n" + PROSE.replace("error", "warning") + EXAMPLES);
        assertEquals("CIDR with host bits set", e.title());
        assertEquals(Severity.WARNING, e.severity());
        assertEquals("network lan { cidr 192.168.5.1/24 }\n", e.failing().spec());
        assertEquals("network lan { cidr 192.168.5.0/24 }\n", e.fixed().spec());
        assertFalse(e.failing().compileOnly());
    }

    @Test
    void aCompileFenceMarksTheExample() {
        String text = "# HL096: t\n\n" + PROSE + EXAMPLES.replace("```hl\n", "```hl compile\n");
        assertTrue(ExplanationFormat.parse(Code.HL096, text).failing().compileOnly());
    }

    @Test
    void aNoteMayStandInForTheExamples() {
        Explanation e = ExplanationFormat.parse(Code.HL099, "# HL099: internal error\n\n" + PROSE + "No example: none is known.\n");
        assertFalse(e.hasExamples());
        assertNull(e.fixed());
    }

    @Test
    void rejectsMalformedFiles() {
        String good = "# HL021: t\n\n" + PROSE + EXAMPLES;
        ExplanationFormat.parse(Code.HL021, good); // the base of every broken variant below is well formed
        for (String bad : new String[]{
                good.replace("# HL021", "# HL022"),                       // the heading names another code
                good.replace("# HL021: t", "# HL021: "),                  // no title
                good.replace("Severity: error\n", ""),                    // no severity
                good.replace("Severity: error", "Severity: fatal"),       // an unknown severity
                good.substring(0, good.indexOf("Fixed example")),        // a failing example without its fix
                good.replace("```hl\n", "```yaml\n"),                    // an example that is not a spec
                good.substring(0, good.lastIndexOf("```")),              // a fence never closed
                "# HL021: t\n\n" + PROSE,                                // no examples and no note saying why
        }) {
            assertThrows(IllegalStateException.class, () -> ExplanationFormat.parse(Code.HL021, bad), bad);
        }
    }

    @Test
    void plainTextDropsTheMarkdownNoise() {
        String plain = ExplanationFormat.plainText("# HL021: t\n\n" + PROSE + EXAMPLES);
        assertTrue(plain.startsWith("HL021: t\n"), plain);
        assertFalse(plain.contains("```"), plain);
        assertTrue(plain.contains("\n    network lan { cidr 192.168.5.1/24 }\n"), plain);
    }

    @Test
    void theListIsInCodeOrder() {
        assertEquals(Arrays.asList(Code.values()), Catalogue.all().stream().map(Explanation::code).toList());
    }
}

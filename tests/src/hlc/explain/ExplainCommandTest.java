package hlc.explain;

import hlc.testing.Hlc;
import hlc.diag.Code;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code hlc explain}, run as a user runs it: what it prints and how it exits. */
class ExplainCommandTest {
    @Test
    void explainsACodeWithItsTitleAndExamplesWithoutFences() {
        Hlc run = Hlc.run("explain", "HL022");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("HL022: " + Code.HL022.title() + "\n"), run.out());
        assertTrue(run.out().contains("Failing example:") && run.out().contains("Fixed example:"), run.out());
        String firstLine = Catalogue.of(Code.HL022).failing().spec().lines().findFirst().orElseThrow();
        assertTrue(run.out().contains("\n    " + firstLine + "\n"), "the example is not indented: " + run.out());
        assertFalse(run.out().contains("```"), run.out());
    }

    @Test
    void explainsEveryCode() {
        for (Code code : Code.values()) {
            Hlc run = Hlc.run("explain", code.name());
            assertEquals(0, run.exit(), code + ": " + run.err());
            assertTrue(run.out().startsWith(code + ": " + code.title()), run.out());
        }
    }

    @Test
    void acceptsALowerCaseCode() {
        Hlc run = Hlc.run("explain", "hl042");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("HL042: "), run.out());
    }

    @Test
    void listsEveryCodeWithSeverityAndTitle() {
        Hlc run = Hlc.run("explain");
        assertEquals(0, run.exit(), run.err());
        assertEquals(Code.values().length, run.out().lines().count(), run.out());
        for (Explanation e : Catalogue.all()) {
            assertTrue(run.out().lines().anyMatch(l -> l.startsWith(e.code().name()) && l.contains(" " + e.severity().label() + " ")
                    && l.endsWith(e.title())), e.code() + " is missing from the list:\n" + run.out());
        }
    }

    @Test
    void anUnknownCodeExits2WithTheNearestCode() {
        Hlc run = Hlc.run("explain", "HL23");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("there is no code `HL23`; did you mean `HL023`?"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void anUnknownCodeFarFromAnyExits2WithoutAGuess() {
        Hlc run = Hlc.run("explain", "E0308");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("there is no code `E0308`."), run.err());
        assertFalse(run.err().contains("did you mean"), run.err());
    }

    @Test
    void theHelpNamesTheCommand() {
        Hlc run = Hlc.run("--help");
        assertEquals(0, run.exit());
        assertTrue(run.out().contains("explain"), run.out());
    }
}

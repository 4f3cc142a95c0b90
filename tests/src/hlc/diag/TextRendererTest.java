package hlc.diag;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The text format, laid out as rustc lays out its findings. */
class TextRendererTest {
    static final String SPEC = """
            network lan { cidr 192.168.5.0/24 }
              interface bond0 on lan address 192.168.6.11
              interface bond1 on lan address 192.168.6.12
            """;
    static final SourceFile FILE = new SourceFile(Path.of("a.hl"), "a.hl", SPEC);

    static Diagnostic finding(String code, int line, int column, int length, String message) {
        return new Diagnostic(code, Code.valueOf(code).severity(), new Span(FILE, line, column, length), message,
                List.of(), null, List.of(), false);
    }

    static String render(List<Diagnostic> ds) {
        return new TextRenderer(false).render(ds, ds.size(), 0);
    }

    @Test
    void theFirstFindingOfEachCodeNamesHlcExplainOnce() {
        String out = render(List.of(
                finding("HL023", 2, 34, 12, "outside `lan`"),
                finding("HL023", 3, 34, 12, "outside `lan`"),
                finding("HL021", 1, 20, 14, "host bits")));
        assertEquals(1, count(out, "run `hlc explain HL023`"), out);
        assertEquals(1, count(out, "run `hlc explain HL021`"), out);
        // It closes the first HL023 finding, not the second.
        int first = out.indexOf("a.hl:2:34"), second = out.indexOf("a.hl:3:34");
        int explain = out.indexOf("hlc explain HL023");
        assertEquals(true, first < explain && explain < second, out);
    }

    @Test
    void anImportFindingHasNoExplainLine() {
        Diagnostic imp = new Diagnostic("IMP03", Severity.WARNING, new Span(FILE, 1, 1, 7), "encrypted",
                List.of(), null, List.of(), false);
        assertEquals(0, count(render(List.of(imp)), "hlc explain"));
    }

    static Diagnostic withLabels(String primaryLabel, List<Label> labels) {
        return new Diagnostic("HL023", Severity.ERROR, new Span(FILE, 3, 34, 12), "address outside `lan`",
                labels, null, List.of(), false, primaryLabel, List.of());
    }

    @Test
    void thePrimaryLabelSitsBesideItsCaret() {
        String out = render(List.of(withLabels("not in 192.168.5.0/24", List.of())));
        assertTrue(out.contains("""
                3 |   interface bond1 on lan address 192.168.6.12
                  |                                  ^^^^^^^^^^^^ not in 192.168.5.0/24
                """), out);
    }

    @Test
    void labelsOnThePrimaryLineShareItsSnippet() {
        String out = render(List.of(withLabels("not in `lan`", List.of(
                new Label(new Span(FILE, 3, 3, 9), "this interface"),
                new Label(new Span(FILE, 3, 22, 3), "`lan` is named here")))));
        assertTrue(out.contains("""
                  |
                3 |   interface bond1 on lan address 192.168.6.12
                  |   ---------          ---         ^^^^^^^^^^^^ not in `lan`
                  |   |                  |
                  |   |                  `lan` is named here
                  |   this interface
                """), out);
        assertEquals(1, count(out, "3 |   interface bond1"), "the line is quoted once:\n" + out);
    }

    @Test
    void aLabelOnAnotherLineKeepsItsOwnSnippet() {
        String out = render(List.of(withLabels(null, List.of(new Label(new Span(FILE, 1, 20, 14), "`lan` is declared here")))));
        assertTrue(out.contains("""
                a.hl:1:20: note: `lan` is declared here
                  |
                1 | network lan { cidr 192.168.5.0/24 }
                  |                    ^^^^^^^^^^^^^^
                """), out);
    }

    /** rustc's one gutter per finding: a note on line 1 under a finding on line 12 keeps the bars in one column. */
    @Test
    void aFindingAndItsNotesShareOneGutterWidth() {
        SourceFile twelve = new SourceFile(Path.of("b.hl"), "b.hl", "network lan { cidr 192.168.5.0/24 }\n" + "\n".repeat(10)
                + "  interface bond0 on lan address 192.168.6.11\n");
        Diagnostic d = new Diagnostic("HL023", Severity.ERROR, new Span(twelve, 12, 34, 12), "address outside `lan`",
                List.of(new Label(new Span(twelve, 1, 20, 14), "`lan` is declared here")), "use an address in 192.168.5.0/24",
                List.of(), false);
        String out = render(List.of(d));
        assertTrue(out.contains("""
                   |
                12 |   interface bond0 on lan address 192.168.6.11
                   |                                  ^^^^^^^^^^^^
                b.hl:1:20: note: `lan` is declared here
                   |
                1  | network lan { cidr 192.168.5.0/24 }
                   |                    ^^^^^^^^^^^^^^
                   = hint: use an address in 192.168.5.0/24
                """), out);
    }

    @Test
    void aSuggestionIsHelpWithTheLineAsItWouldRead() {
        Diagnostic d = hlc.Compiler.checkText("a.hl", "network lan { cidr 192.168.5.1/24 }\n").reporter().sorted().stream()
                .filter(x -> x.code().equals("HL021")).findFirst().orElseThrow();
        assertEquals(List.of(new Suggestion(d.span(), "192.168.5.0/24", "the network is written `192.168.5.0/24`")),
                d.suggestions());
        String out = render(List.of(d));
        assertTrue(out.contains("""
                help: the network is written `192.168.5.0/24`
                  |
                1 | network lan { cidr 192.168.5.0/24 }
                  |                    ~~~~~~~~~~~~~~
                """), out);
    }

    @Test
    void aTypoedReferenceSuggestsTheNameItMeant() {
        String spec = """
                network lan { cidr 192.168.5.0/24 }
                host k8s-1 { role controlplane interface bond0 on lam address 192.168.5.11 }
                """;
        Diagnostic d = hlc.Compiler.checkText("b.hl", spec).reporter().sorted().stream()
                .filter(x -> x.code().equals("HL010")).findFirst().orElseThrow();
        assertEquals(1, d.suggestions().size(), d.toString());
        Suggestion g = d.suggestions().get(0);
        assertEquals("lan", g.replacement());
        assertEquals("did you mean `lan`?", g.message());
        assertEquals("lam", spec.lines().toList().get(g.span().line() - 1)
                .substring(g.span().column() - 1, g.span().column() - 1 + g.span().length()));
    }

    static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) n++;
        return n;
    }
}

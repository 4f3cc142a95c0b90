package hlc.diag;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

    static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) n++;
        return n;
    }
}

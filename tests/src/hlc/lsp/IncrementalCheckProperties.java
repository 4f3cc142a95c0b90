package hlc.lsp;

import hlc.diag.Diagnostic;
import hlc.diag.Reporter;
import hlc.diag.Span;
import hlc.parse.ParsedFile;
import hlc.parse.SpecLoader;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The language server checks an edited spec by re-parsing only the blocks an edit touched ({@link IncrementalFront});
 * what it reports must be what {@code hlc check} reports for the text as it is then. Random edit sequences (typing,
 * deleting, new lines, braces and quotes that break and mend the syntax, whole new blocks) on the bundled spec, on a
 * spec with imports and on a generated one: after every edit the findings, with their places, the source lines they
 * quote, hints, labels and suggestions, and the model itself (every value with its place) equal a check from scratch.
 */
class IncrementalCheckProperties {
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final List<String> INSERTS = List.of("x", "x", "x", "1", " ", " ", "\n", "\n", "\n\n", "}", "{",
            "\"", "-", ".", "/", "# note\n", "// hlc\n", "mtu 9000\n", "  description \"new\"\n",
            "\nhost extra-1 {\n  role worker\n}\n", "\nnetwork spare {\n  cidr 10.99.0.0/24\n}\n", "import \"nowhere.hl\"\n",
            "k8s-1", "lan", "10.0.0.5", "\"\"\"\n", "\u00e9");

    /** An edit: at the last one's end (typing on), at a random place, or inside a random string (always clean). */
    record Edit(int where, double at, int delete, String insert) {}

    @Provide
    Arbitrary<List<Edit>> edits() {
        Arbitrary<Edit> edit = Combinators.combine(
                Arbitraries.of(0, 0, 1, 2, 2, 3),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, Arbitraries.just(0)), net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(1, 3)),
                        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(4, 60))),
                Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, Arbitraries.of(INSERTS)), net.jqwik.api.Tuple.of(2, Arbitraries.just(""))))
                .as(Edit::new);
        return edit.list().ofMinSize(1).ofMaxSize(10);
    }

    @Property(tries = 40)
    void bundledSpec(@ForAll("edits") List<Edit> edits) throws Exception {
        replay(ROOT.resolve("spec/homelab.hl"), edits);
    }

    @Property(tries = 15)
    void specWithImports(@ForAll("edits") List<Edit> edits) throws Exception {
        replay(ROOT.resolve("spec/examples/home-ops-today.hl"), edits);
    }

    @Property(tries = 15)
    void generatedSpec(@ForAll("edits") List<Edit> edits) throws Exception {
        Path dir = Files.createTempDirectory("hlc-incremental");
        Path spec = dir.resolve("lab.hl");
        Files.writeString(spec, hlc.bench.SpecGenerator.generate(40));
        try {
            replay(spec, edits);
        } finally {
            Files.deleteIfExists(spec);
            Files.deleteIfExists(dir);
        }
    }

    /** The keystrokes the benchmark types, and a new line: the incremental path is taken, not only correct. */
    @Example
    void aKeystrokeReparsesOneBlock() throws Exception {
        Path spec = ROOT.resolve("spec/homelab.hl").toRealPath();
        String text = Files.readString(spec);
        IncrementalFront front = new IncrementalFront();
        check(spec, text, front);
        assertEquals("whole", front.readingOf(spec));
        int at = text.indexOf("description \"") + "description \"".length();
        for (String typed : List.of("x", "y")) {
            text = text.substring(0, at) + typed + text.substring(at);
            at += typed.length();
            assertSame(spec, text, front);
            assertEquals("blocks", front.readingOf(spec), "after typing " + typed);
        }
        // A new line at the end of that line moves every block below it one line down.
        int eol = text.indexOf('\n', at);
        text = text.substring(0, eol) + "\n" + text.substring(eol);
        assertSame(spec, text, front);
        assertEquals("blocks", front.readingOf(spec), "after a new line");
        int end = text.lastIndexOf('}');
        text = text.substring(0, end + 1) + "\n\nhost late {\n  role worker\n}\n" + text.substring(end + 1);
        assertSame(spec, text, front);
        assertEquals("blocks", front.readingOf(spec));
    }

    private static void replay(Path file, List<Edit> edits) throws Exception {
        Path spec = file.toRealPath();
        String text = Files.readString(spec);
        IncrementalFront front = new IncrementalFront();
        check(spec, text, front);
        int cursor = text.length() / 2;
        for (Edit e : edits) {
            int random = (int) (e.at() * text.length());
            int quote = text.indexOf("\"", random);
            int eol = text.indexOf('\n', random);
            int at = switch (e.where()) {
                case 0 -> Math.min(cursor, text.length());
                case 2 -> quote < 0 ? random : quote + 1;
                case 3 -> eol < 0 ? random : eol;
                default -> random;
            };
            // In a string, typing; at a line's end, new lines, comments and whole blocks.
            String insert = e.where() == 2 ? "x" : e.where() == 3 && e.insert().length() < 3 ? "\n" : e.insert();
            int to = Math.min(text.length(), at + (e.where() >= 2 ? 0 : e.delete()));
            text = text.substring(0, at) + insert + text.substring(to);
            cursor = at + insert.length();
            assertSame(spec, text, front);
        }
    }

    private static void assertSame(Path spec, String text, IncrementalFront front) throws Exception {
        SpecAnalyzer.Analysis incremental = check(spec, text, front);
        Reporter reporter = new Reporter();
        List<ParsedFile> parsed = new SpecLoader(reporter).withOverlay(p -> p.equals(spec) ? text : null).load(spec);
        hlc.Compiler.Result scratch = hlc.Compiler.checkLoaded(parsed, reporter);
        // How each edit was read ("blocks": incrementally), shown in the report so a test that never takes the
        // incremental path is seen.
        net.jqwik.api.statistics.Statistics.collect(front.readingOf(spec));
        String edited = "after the edits, at " + front.readingOf(spec) + ":\n" + text;
        assertEquals(render(reporter.sorted()), render(incremental.diagnostics), edited);
        assertEquals(String.valueOf(scratch.spec()), String.valueOf(incremental.spec), edited);
    }

    private static SpecAnalyzer.Analysis check(Path spec, String text, IncrementalFront front) {
        Map<Path, DocumentStore.Document> open = Map.of(spec, new DocumentStore.Document(spec.toUri().toString(), spec, text, 1));
        return SpecAnalyzer.analyze(spec, open, front, () -> false);
    }

    private static List<String> render(List<Diagnostic> found) {
        List<String> out = new ArrayList<>();
        for (Diagnostic d : found) {
            StringBuilder s = new StringBuilder(d.code()).append(' ').append(d.severity()).append(' ').append(place(d.span()))
                    .append(' ').append(d.message()).append(" | hint ").append(d.hint()).append(" | ").append(d.primaryLabel());
            d.labels().forEach(l -> s.append(" | label ").append(place(l.span())).append(' ').append(l.message()));
            d.suggestions().forEach(g -> s.append(" | fix ").append(place(g.span())).append(' ').append(g.replacement()).append(' ').append(g.message()));
            d.notes().forEach(n -> s.append(" | note ").append(n));
            out.add(s.toString());
        }
        return out;
    }

    /** A place with the line it quotes, read from the file the span names (the new text, not an old one). */
    private static String place(Span s) {
        return s.path() + ":" + s.line() + ":" + s.column() + "+" + s.length() + " `" + s.file().line(s.line()) + "`";
    }
}

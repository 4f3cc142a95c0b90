package hlc.parse;

import hlc.bench.SpecGenerator;
import hlc.diag.Diagnostic;
import hlc.diag.Reporter;
import hlc.diag.SourceFile;
import hlc.model.Spec;
import hlc.parse.gen.HomeLabParser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link SpecLoader#read} builds each declaration as the parser finishes it and drops its tree
 * ({@link BuiltDeclarations}); the model used to be built from the whole file's tree after the parse. The two
 * must be indistinguishable to a user: the same model, the same findings in the same order (syntax errors with
 * their places and words, the builders' findings, "missing attribute" left out where a syntax error sits in the
 * block), the same imports followed. Compared over the corpus, the bundled specs, generated specs, and broken
 * copies of them (cut short, a line dropped, a brace dropped), which put syntax errors everywhere.
 */
class StreamedReadingTest {
    static Path project() {
        return Path.of(System.getProperty("hlc.project.dir", "."));
    }

    /** What one reading gave: the model, every finding in the order reported, the imports of the tree. */
    private record Outcome(Spec spec, List<Diagnostic> findings, List<String> imports) {}

    private static Outcome whole(SourceFile source) {
        Reporter reporter = new Reporter();
        HomeLabParser.SpecContext tree = TreeParser.tree(source, reporter);
        Spec spec = new ModelBuilder(reporter).build(List.of(new ParsedFile(source, tree)));
        return new Outcome(spec, reporter.reported(), imports(tree));
    }

    private static Outcome streamed(SourceFile source) {
        Reporter reporter = new Reporter();
        ParsedFile file = BuiltDeclarations.read(source, reporter);
        Spec spec = new ModelBuilder(reporter).build(List.of(file));
        return new Outcome(spec, reporter.reported(), imports(file.tree()));
    }

    private static List<String> imports(HomeLabParser.SpecContext tree) {
        return tree.importDecl().stream().map(i -> i.getText()).toList();
    }

    private static void same(String name, String text) {
        // One SourceFile for both, so that every Span compares equal when the places are the same.
        SourceFile source = new SourceFile(Path.of(name), name, text);
        Outcome w = whole(source), s = streamed(source);
        assertEquals(w.findings(), s.findings(), name + ": findings");
        assertEquals(w.spec(), s.spec(), name + ": model");
        assertEquals(w.imports(), s.imports(), name + ": imports");
    }

    /** The text, and broken copies of it: cut at a few places, each with one line dropped, one `}` dropped. */
    private static List<String> variants(String text) {
        List<String> out = new ArrayList<>();
        out.add(text);
        String[] lines = text.split("\n", -1);
        for (int k = 1; k <= 5; k++) {
            int at = lines.length * k / 6;
            out.add(String.join("\n", java.util.Arrays.copyOf(lines, at)));
            List<String> dropped = new ArrayList<>(List.of(lines));
            dropped.remove(at);
            out.add(String.join("\n", dropped));
            int brace = text.indexOf('}', text.length() * k / 6);
            if (brace >= 0) out.add(text.substring(0, brace) + text.substring(brace + 1));
        }
        return out;
    }

    /** The check corpus and both bundled specs (PiecewiseReadingTest reads the same files). */
    static Stream<Path> specs() throws IOException {
        List<Path> all = new ArrayList<>();
        try (Stream<Path> corpus = Files.list(project().resolve("tests/corpus/check"))) {
            corpus.filter(p -> p.toString().endsWith(".hl")).sorted().forEach(all::add);
        }
        all.add(project().resolve("spec/homelab.hl"));
        all.add(project().resolve("spec/examples/home-ops-today.hl"));
        return all.stream();
    }

    @TestFactory
    Stream<DynamicTest> sameModelAndFindingsOverTheCorpusAndTheBundledSpecs() throws IOException {
        return specs().map(p -> DynamicTest.dynamicTest(project().relativize(p).toString(), () -> {
            String text = Files.readString(p, StandardCharsets.UTF_8);
            for (String v : variants(text)) same(p.getFileName().toString(), v);
        }));
    }

    @Test
    void sameModelAndFindingsOnGeneratedSpecs() {
        for (int hosts : new int[]{3, 40}) {
            for (String v : variants(SpecGenerator.generate(hosts))) same("generated-" + hosts + ".hl", v);
        }
    }

    @Test
    void aFileTooBrokenToReadGivesNoModelEitherWay() {
        // one syntax error per block, more than SyntaxLimit.MAX of them: the parse gives up part way
        StringBuilder b = new StringBuilder("host a {\n  role controlplane\n}\n");
        for (int i = 0; i < SyntaxLimit.MAX + 10; i++) b.append("host h").append(i).append(" {\n  rol controlplane\n}\n");
        String text = b.toString();
        same("broken.hl", text);
        SourceFile source = new SourceFile(Path.of("broken.hl"), "broken.hl", text);
        Outcome s = streamed(source);
        assertTrue(s.spec().hosts().isEmpty(), "nothing of a file given up on is used");
        assertTrue(s.findings().stream().anyMatch(d -> d.message().startsWith("too many syntax errors")));
    }

    @Test
    void theTreeKeepsOnlyTheImportsUnlessTheFileHasAcknowledgements() {
        String plain = "import \"a.hl\"\nhost k8s-1 {\n  role controlplane\n}\n";
        SourceFile source = new SourceFile(Path.of("p.hl"), "p.hl", plain);
        ParsedFile file = BuiltDeclarations.read(source, new Reporter());
        assertTrue(file.tree().declaration().isEmpty(), "the declarations' trees are dropped once built");
        assertEquals(1, file.built().declarations().size());
        assertEquals(List.of("import\"a.hl\""), imports(file.tree()));

        String acknowledged = "# hlc:allow HL061 \"one node for now\"\n" + plain;
        SourceFile withAllow = new SourceFile(Path.of("q.hl"), "q.hl", acknowledged);
        ParsedFile kept = BuiltDeclarations.read(withAllow, new Reporter());
        assertFalse(kept.tree().declaration().isEmpty(), "acknowledgements are read from the whole tree");
        assertEquals(TreeParser.tree(withAllow, new Reporter()).toStringTree(), kept.tree().toStringTree());
        same("q.hl", acknowledged);
    }
}

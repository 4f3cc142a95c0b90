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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A large file is read in pieces on several threads ({@link PiecewiseReading}); that must never show: the same
 * model (every span, so every line and column), the same findings in the same order, the same imports as one pass
 * over the whole file. Forced here on small files with many pieces, so that cuts fall everywhere: over the
 * corpus, the bundled specs, generated specs with the builders' findings sown through them, and broken copies
 * (where a piecewise read must give way to the ordinary one, which {@link BuiltDeclarations#read} then does).
 */
class PiecewiseReadingTest {
    private static Path project() {
        return Path.of(System.getProperty("hlc.project.dir", "."));
    }

    private record Outcome(Spec spec, List<Diagnostic> findings, List<String> imports) {}

    private static Outcome onePass(SourceFile source) {
        Reporter reporter = new Reporter();
        HomeLabParser.SpecContext tree = TreeParser.tree(source, reporter);
        Spec spec = new ModelBuilder(reporter).build(List.of(new ParsedFile(source, tree)));
        return new Outcome(spec, reporter.reported(), imports(tree));
    }

    private static Outcome of(ParsedFile file) {
        Reporter reporter = new Reporter();
        Spec spec = new ModelBuilder(reporter).build(List.of(file));
        return new Outcome(spec, reporter.reported(), imports(file.tree()));
    }

    private static List<String> imports(HomeLabParser.SpecContext tree) {
        return tree.importDecl().stream().map(i -> i.getText()).toList();
    }

    /**
     * Reads {@code text} in 2, 3, 5 and 11 pieces on 3 threads: each read that is used must be the one-pass
     * read's; returns how many were used (a read that gave way is null).
     */
    private static int samePiecewise(String name, String text) {
        SourceFile source = new SourceFile(Path.of(name), name, text);
        Outcome expected = onePass(source);
        int used = 0;
        for (int pieces : new int[]{2, 3, 5, 11}) {
            ParsedFile file = PiecewiseReading.read(source, 3, pieces);
            if (file == null) continue;
            used++;
            Outcome got = of(file);
            assertEquals(expected.findings(), got.findings(), name + " in " + pieces + " pieces: findings");
            assertEquals(expected.spec(), got.spec(), name + " in " + pieces + " pieces: model");
            assertEquals(expected.imports(), got.imports(), name + " in " + pieces + " pieces: imports");
        }
        return used;
    }

    @TestFactory
    Stream<DynamicTest> sameModelAndFindingsOverTheCorpusAndTheBundledSpecs() throws IOException {
        return StreamedReadingTest.specs().map(p -> DynamicTest.dynamicTest(project().relativize(p).toString(), () -> {
            String text = Files.readString(p, StandardCharsets.UTF_8);
            if (text.contains("hlc:allow") || text.codePoints().anyMatch(Character::isSupplementaryCodePoint)) return;
            samePiecewise(p.getFileName().toString(), text);
            for (String broken : broken(text)) samePiecewise(p.getFileName().toString() + " (broken)", broken);
        }));
    }

    @Test
    void theBundledSpecReadsInPiecesAtAll() throws IOException {
        // so that the comparison above is not only of reads that gave way
        String text = Files.readString(project().resolve("spec/homelab.hl"), StandardCharsets.UTF_8);
        assertEquals(4, samePiecewise("homelab.hl", text));
    }

    @Test
    void sameModelAndFindingsOnGeneratedSpecsWithTheBuildersFindings() {
        String text = SpecGenerator.generate(60);
        // the builders' own findings in many blocks, so that findings come from every piece: an address octet
        // out of range, an MTU of 0
        String sown = text.replace(".11 ", ".311 ").replace("mtu 9000", "mtu 0");
        assertTrue(!sown.equals(text));
        SourceFile source = new SourceFile(Path.of("sown.hl"), "sown.hl", sown);
        Outcome expected = onePass(source);
        assertTrue(expected.findings().size() > 10, "findings from the builders: " + expected.findings().size());
        assertTrue(expected.findings().stream().noneMatch(d -> d.code().equals("HL001")), "and no syntax error");
        assertEquals(4, samePiecewise("sown.hl", sown));
        assertEquals(4, samePiecewise("generated.hl", text));
    }

    @Test
    void aCutInsideATextBlockIsRefusedAndTheFileReadInOnePass() {
        // a text block's line that looks like a block's first line: the guess cuts there, the lexer says no
        String text = "cluster home {\n  talos v1.10.3\n  patch \"\"\"\nhost inside {\n    \"\"\"\n}\n"
                + "network lan {\n  cidr 192.168.5.0/24\n}\n";
        SourceFile source = new SourceFile(Path.of("t.hl"), "t.hl", text);
        // in eight pieces, the first cut is due at an eighth of the text, before the text block's line
        assertEquals(new TopLevelCuts.Cut(text.indexOf("host inside"), 4, 0), TopLevelCuts.of(text, 8).get(0));
        assertNull(PiecewiseReading.read(source, 2, 8));
        assertEquals(onePass(source).findings(), of(BuiltDeclarations.read(source, new Reporter())).findings());
    }

    @Test
    void aSyntaxErrorInAnyPieceMakesTheWholeFileReadInOnePass() {
        String text = SpecGenerator.generate(20);
        int at = text.lastIndexOf("role ");
        String broken = text.substring(0, at) + "rol" + text.substring(at + 4);
        SourceFile source = new SourceFile(Path.of("b.hl"), "b.hl", broken);
        assertNotNull(PiecewiseReading.read(new SourceFile(Path.of("g.hl"), "g.hl", text), 2, 4));
        assertNull(PiecewiseReading.read(source, 2, 4), "the error is in the last piece");
        Reporter reporter = new Reporter();
        of(BuiltDeclarations.read(source, reporter));
        assertFalse(reporter.reported().isEmpty());
    }

    @Test
    void cutsFallAtTheStartOfALineThatOpensABlockWithItsLine() {
        String text = "site home {\n  domain example.com\n}\n# a comment\nhost a {\n  role controlplane\n}\nnetwork lan {\n}\n";
        List<TopLevelCuts.Cut> cuts = TopLevelCuts.of(text, 3);
        assertEquals(List.of(new TopLevelCuts.Cut(text.indexOf("host a"), 5, 0), new TopLevelCuts.Cut(text.indexOf("network lan"), 8, 0)), cuts);
        assertEquals(List.of(), TopLevelCuts.of("host a { role worker }", 4), "one line: nowhere to cut");
    }

    @Test
    void aHomelabSizedSpecIsReadOnTheCallingThread() throws IOException {
        String text = Files.readString(project().resolve("spec/homelab.hl"), StandardCharsets.UTF_8);
        assertEquals(1, PiecewiseReading.threadsFor(new SourceFile(Path.of("h.hl"), "h.hl", text)));
        String large = SpecGenerator.generate(1000);
        int cores = Runtime.getRuntime().availableProcessors();
        assertEquals(Math.min(cores, large.length() / PiecewiseReading.MIN_PIECE_CHARS),
                PiecewiseReading.threadsFor(new SourceFile(Path.of("l.hl"), "l.hl", large)));
    }

    /** Broken copies: cut short at the middle, a `}` dropped at a third and at two thirds. */
    private static List<String> broken(String text) {
        List<String> out = new ArrayList<>();
        out.add(text.substring(0, text.length() / 2));
        for (int k = 1; k <= 2; k++) {
            int brace = text.indexOf('}', text.length() * k / 3);
            if (brace >= 0) out.add(text.substring(0, brace) + text.substring(brace + 1));
        }
        return out;
    }
}

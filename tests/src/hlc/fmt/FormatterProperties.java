package hlc.fmt;

import hlc.Compiler;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What must hold for every spec, not just the examples: formatting is idempotent, its output has the
 * canonical shape, horizontal whitespace never matters, and formatting never changes what a spec means (its
 * findings, its model, the files it compiles to). Inputs are the bundled spec with random whitespace, line
 * breaks and comments inserted between its tokens, and every corpus file without syntax errors.
 */
class FormatterProperties {
    private static final Path PROJECT = Path.of(System.getProperty("hlc.project.dir", "."));
    private static final Path CORPUS = PROJECT.resolve("tests/corpus/check");
    private static final String SPEC = read(PROJECT.resolve("spec/homelab.hl"));
    private static final Pattern SYNTAX_ERROR_EXPECTED = Pattern.compile("\\bHL00[12]\\b"); // syntax errors, and text that is not text (NUL)

    /** A copy of the corpus, so a file can be replaced by its formatted text and checked with its imports. */
    private static Path corpusCopy;

    @BeforeContainer
    static void copyCorpus() throws IOException {
        corpusCopy = Files.createTempDirectory("hlc-fmt-").resolve("check"); // same folder name: same hints
        try (Stream<Path> all = Files.walk(CORPUS)) {
            for (Path p : all.toList()) Files.copy(p, corpusCopy.resolve(CORPUS.relativize(p).toString()));
        }
    }

    @AfterContainer
    static void deleteCopy() throws IOException {
        try (Stream<Path> all = Files.walk(corpusCopy.getParent())) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    @Provide
    Arbitrary<String> mutatedSpec() {
        return Mutation.of(SPEC, Mutation.ANY);
    }

    @Provide
    Arbitrary<String> respacedSpec() {
        return Mutation.of(SPEC, Mutation.HORIZONTAL);
    }

    /** Corpus files (relative to the corpus) that expect no syntax error, imported helpers included. */
    @Provide
    Arbitrary<Path> cleanCorpusFiles() {
        return Arbitraries.of(corpusFiles(false));
    }

    @Property(tries = 300)
    void formattingTwiceChangesNothing(@ForAll("mutatedSpec") String spec) {
        String once = fmt(spec);
        assertEquals(once, fmt(once));
    }

    @Property(tries = 300)
    void theOutputHasTheCanonicalShape(@ForAll("mutatedSpec") String spec) {
        String out = fmt(spec);
        assertFalse(out.contains("\r"), "only LF line ends");
        assertTrue(out.endsWith("\n") && !out.endsWith("\n\n"), "exactly one newline at the end");
        assertFalse(out.startsWith("\n"), "no blank line at the start");
        assertFalse(out.contains("\n\n\n"), "never two blank lines in a row");
        for (String line : out.split("\n")) {
            assertEquals(line.stripTrailing(), line, "no trailing blanks");
            String indent = line.substring(0, line.length() - line.stripLeading().length());
            assertTrue(indent.chars().allMatch(c -> c == ' ') && indent.length() % 2 == 0,
                    () -> "indentation is two spaces per level: `" + line + "`");
        }
    }

    @Property(tries = 200)
    void horizontalWhitespaceNeverChangesTheResult(@ForAll("respacedSpec") String spec) {
        assertEquals(fmt(SPEC), fmt(spec));
    }

    @Property(tries = 100)
    void formattingKeepsTheFindingsAndTheModel(@ForAll("mutatedSpec") String spec) {
        Compiler.Result before = Compiler.checkText("homelab.hl", spec);
        Compiler.Result after = Compiler.checkText("homelab.hl", fmt(spec));
        assertEquals(Meaning.findings(before), Meaning.findings(after));
        assertEquals(Meaning.model(before), Meaning.model(after));
    }

    /** Few tries: emitting renders and validates some forty files; the model comparison above is the broad net. */
    @Property(tries = 10)
    void formattingKeepsTheEmittedFiles(@ForAll("mutatedSpec") String spec) {
        Compiler.Result before = Compiler.checkText("homelab.hl", spec);
        Compiler.Result after = Compiler.checkText("homelab.hl", fmt(spec));
        assertFalse(before.reporter().hasErrors(), "the mutation broke the spec");
        assertEquals(Meaning.emitted(before), Meaning.emitted(after));
    }

    @Property(generation = GenerationMode.EXHAUSTIVE)
    void everyCleanCorpusFileFormatsIdempotently(@ForAll("cleanCorpusFiles") Path file) throws IOException {
        String once = fmt(Files.readString(CORPUS.resolve(file.toString())));
        assertEquals(once, fmt(once));
    }

    @Property(generation = GenerationMode.EXHAUSTIVE)
    void everyCleanCorpusFileKeepsItsMeaning(@ForAll("cleanCorpusFiles") Path file) throws IOException {
        Path copy = corpusCopy.resolve(file.toString());
        String original = Files.readString(copy);
        Compiler.Result before = Compiler.check(copy);
        Compiler.Result after;
        Files.writeString(copy, fmt(original));
        try {
            after = Compiler.check(copy);
        } finally {
            Files.writeString(copy, original);
        }
        assertEquals(Meaning.findings(before), Meaning.findings(after));
        assertEquals(Meaning.model(before), Meaning.model(after));
        if (!before.reporter().hasErrors()) assertEquals(Meaning.emitted(before), Meaning.emitted(after));
    }

    @Example
    void theFormatterRefusesExactlyTheCorpusFilesWithSyntaxErrors() throws IOException {
        List<Path> broken = corpusFiles(true);
        assertFalse(broken.isEmpty());
        for (Path file : broken) {
            Formatter.Result result = Formatter.formatText(file.toString(), Files.readString(CORPUS.resolve(file.toString())));
            assertNull(result.text(), file + " was formatted");
            assertTrue(result.reporter().sorted().stream().anyMatch(d -> d.code().equals("HL001") || d.code().equals("HL002")), file.toString());
        }
        assertTrue(corpusFiles(false).size() > 100, "the clean corpus went missing");
    }

    private static String fmt(String text) {
        Formatter.Result result = Formatter.formatText("test.hl", text);
        assertTrue(result.formatted(), () -> "refused: " + Meaning.findings(result.reporter()));
        return result.text();
    }

    private static List<Path> corpusFiles(boolean withSyntaxErrors) {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> all = Files.walk(CORPUS)) {
            for (Path p : all.filter(p -> p.toString().endsWith(".hl")).sorted().toList()) {
                if (SYNTAX_ERROR_EXPECTED.matcher(read(p)).find() == withSyntaxErrors) out.add(CORPUS.relativize(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package hlc.fmt;

import hlc.testing.Hlc;
import hlc.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code hlc fmt} as a user runs it: what it prints, what it writes, and its exit codes. */
class FmtCommandTest {
    private static final String MESSY = "app a { namespace x   depends [b c] }\n";
    private static final String CANONICAL = """
            app a {
              namespace x
              depends [b, c]
            }
            """;
    private static final String BROKEN = "app a { namespace }\n";

    @TempDir
    Path dir;

    static Hlc hlc(String... args) {
        return Hlc.run(args);
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void printsTheFormattedTextAndLeavesTheFileAlone() throws IOException {
        Path f = file("a.hl", MESSY);
        Hlc run = hlc("fmt", f.toString());
        assertEquals(new Hlc(0, CANONICAL, ""), run);
        assertEquals(MESSY, Files.readString(f));
    }

    @Test
    void printingTakesOneFile() throws IOException {
        Hlc run = hlc("fmt", file("a.hl", MESSY).toString(), file("b.hl", MESSY).toString());
        assertEquals(2, run.exit());
        assertEquals("", run.out());
    }

    @Test
    void checkIsQuietAndExitsZeroWhenEveryFileIsFormatted() throws IOException {
        Hlc run = hlc("fmt", "--check", file("a.hl", CANONICAL).toString(), file("b.hl", "app b {}\n").toString());
        assertEquals(new Hlc(0, "", ""), run);
    }

    @Test
    void checkPrintsAUnifiedDiffAndExitsOneWhenAFileIsNotFormatted() throws IOException {
        Path good = file("good.hl", CANONICAL);
        Path bad = file("bad.hl", MESSY);
        Hlc run = hlc("fmt", "--check", good.toString(), bad.toString());
        assertEquals(1, run.exit());
        assertEquals("--- " + bad + "\n+++ " + bad + "\n" + """
                @@ -1,2 +1,5 @@
                -app a { namespace x   depends [b c] }
                +app a {
                +  namespace x
                +  depends [b, c]
                +}
                 \n""", run.out());
        assertEquals("hlc: 1 file is not formatted; run `hlc fmt --write` on it\n", run.err());
        assertEquals(MESSY, Files.readString(bad), "--check writes nothing");
    }

    @Test
    void writeRewritesOnlyWhatChangesAndKeepsPermissions() throws IOException {
        Path messy = file("messy.hl", MESSY);
        Path canonical = file("canonical.hl", CANONICAL);
        Files.setPosixFilePermissions(messy, PosixFilePermissions.fromString("rw-r-----"));
        FileTime long_ago = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(canonical, long_ago);

        Hlc run = hlc("fmt", "--write", messy.toString(), canonical.toString());

        assertEquals(new Hlc(0, "", "hlc: formatted " + messy + "\n"), run);
        assertEquals(CANONICAL, Files.readString(messy));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(messy)));
        assertEquals(long_ago, Files.getLastModifiedTime(canonical), "a formatted file is not rewritten");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void writeRefusesAReadOnlyFile() throws IOException {
        Path f = file("locked.hl", MESSY);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("r--r--r--"));
        Hlc run = hlc("fmt", "--write", f.toString());
        assertEquals(2, run.exit());
        assertEquals("hlc: cannot write " + f + ": permission denied\n", run.err());
        assertEquals(MESSY, Files.readString(f));
    }

    @Test
    void writeThroughASymbolicLinkRewritesTheTargetAndKeepsTheLink() throws IOException {
        Path target = file("real.hl", MESSY);
        Path link = Files.createSymbolicLink(dir.resolve("link.hl"), target.getFileName());
        assertEquals(0, hlc("fmt", "--write", link.toString()).exit());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(CANONICAL, Files.readString(target));
    }

    @Test
    void aFileWithSyntaxErrorsIsReportedLikeCheckAndLeftAlone() throws IOException {
        Path broken = file("broken.hl", BROKEN);
        Path messy = file("messy.hl", MESSY);
        Hlc run = hlc("fmt", "--write", broken.toString(), messy.toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().startsWith(broken + ":1:19: error[HL001]: "), run.err());
        assertTrue(run.err().contains("1 error, 0 warnings"), run.err());
        assertEquals(BROKEN, Files.readString(broken));
        assertEquals(CANONICAL, Files.readString(messy), "the other files are still formatted");
    }

    @Test
    void anUnreadableFileIsAnIoErrorThatOutweighsFindings() throws IOException {
        Hlc run = hlc("fmt", "--check", dir.resolve("missing.hl").toString(), file("bad.hl", MESSY).toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith("hlc: cannot read " + dir.resolve("missing.hl") + ": no such file\n"), run.err());
    }

    @Test
    void checkAndWriteTogetherAreAUsageError() throws IOException {
        assertEquals(2, hlc("fmt", "--check", "--write", file("a.hl", MESSY).toString()).exit());
        assertEquals(MESSY, Files.readString(dir.resolve("a.hl")));
    }

    /**
     * In a child JVM whose default charset is ASCII, as Java 17 has under a C locale: the printed text must still
     * be the file's UTF-8, or {@code hlc fmt a.hl > b.hl} would turn every non-ASCII character into `?`.
     */
    @Test
    void printsUtf8WhateverThePlatformCharset() throws IOException, InterruptedException {
        String text = "// caf\u00e9 \u2014 \u00fcber\napp a {}\n";
        Path f = file("utf8.hl", text);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Dfile.encoding=US-ASCII",
                "-cp", System.getProperty("java.class.path"), "hlc.cli.Main", "fmt", f.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor());
        assertEquals(text, new String(out, StandardCharsets.UTF_8));
    }

    @Test
    void theBundledSpecIsInTheCanonicalLayout() {
        Path spec = Path.of(System.getProperty("hlc.project.dir", ".")).resolve("spec/homelab.hl");
        Hlc run = hlc("fmt", "--check", spec.toString());
        assertEquals(new Hlc(0, "", ""), run, "run `hlc fmt --write spec/homelab.hl`");
    }
}

package hlc.hostile;

import hlc.Compiler;
import hlc.diag.Diagnostic;
import hlc.diag.Label;
import hlc.diag.Span;
import hlc.cli.Main;
import hlc.parse.SyntaxLimit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inputs no one writes on purpose but everyone gets eventually: empty files, BOMs, CRLF, NUL bytes, bad UTF-8,
 * huge files and lines, deep nesting, thousands of imports, symlink loops, enormous ranges and numbers. Each must
 * give findings with positions inside the input, in bounded time (the timeouts are hang guards, generous on
 * purpose: speed is measured by bench/run), and never a stack trace.
 */
class PathologicalInputTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private static String realSpec() throws IOException {
        return Files.readString(Path.of(System.getProperty("hlc.project.dir", ".")).resolve("spec/homelab.hl"));
    }

    @Test
    void emptyFileAndOnlyCommentsCheckClean() throws IOException {
        assertEquals(List.of(), codes(write("empty.hl", "")));
        assertEquals(List.of(), codes(write("comments.hl", "// nothing here\n# nor here\n\n\n")));
    }

    @Test
    void byteOrderMarkIsIgnored() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        Path f = dir.resolve("bom.hl");
        Files.write(f, concat(bom, realSpec().getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(), codes(f));
    }

    @Test
    void crlfAndMixedLineEndsKeepPositions() throws IOException {
        String text = "site s { domain example.com }\r\nnetwork lan { cidr 192.168.5.1/24 }\rnetwork x {\n cidr 10.0.0.1/8 }\r\n";
        List<Diagnostic> ds = check(write("crlf.hl", text));
        assertTrue(ds.stream().anyMatch(d -> d.code().equals("HL021") && d.span().line() == 2 && d.span().column() == 20), ds.toString());
        assertTrue(ds.stream().anyMatch(d -> d.code().equals("HL021") && d.span().line() == 4 && d.span().column() == 7), ds.toString());
    }

    @Test
    void nulBytesAreSyntaxErrorsAtTheirPlace() throws IOException {
        List<Diagnostic> ds = check(write("nul.hl", "site s {\0 domain example.com }\n"));
        assertTrue(ds.stream().anyMatch(d -> d.code().equals("HL001") && d.span().line() == 1 && d.span().column() == 9), ds.toString());
    }

    @Test
    void invalidUtf8IsReportedAtTheBadByte() throws IOException {
        Path f = dir.resolve("latin1.hl");
        Files.write(f, concat("site s {\n  description \"caf".getBytes(StandardCharsets.US_ASCII), new byte[]{(byte) 0xE9},
                "\" domain example.com }\n".getBytes(StandardCharsets.US_ASCII)));
        List<Diagnostic> ds = check(f);
        assertTrue(ds.stream().anyMatch(d -> d.code().equals("HL002") && d.span().line() == 2 && d.span().column() == 19), ds.toString());
    }

    @Test
    void tenMegabyteFile() throws IOException {
        StringBuilder b = new StringBuilder(realSpec());
        int i = 0;
        while (b.length() < 10_000_000) {
            b.append("app generated-").append(i).append(" { namespace gen  depends [cilium]  var APP \"generated-")
                    .append(i++).append("\" }\n");
        }
        b.append("app broken { namespace gen depends [nope] }\n");
        Path f = write("big.hl", b.toString());
        List<Diagnostic> ds = check(f);
        assertEquals(List.of("HL010"), ds.stream().map(Diagnostic::code).toList());
    }

    @Test
    void hundredThousandCharacterLine() throws IOException {
        String line = "site s { domain example.com description \"" + "x".repeat(100_000) + "\" } bogus";
        Path f = write("longline.hl", line + "\n");
        List<Diagnostic> ds = check(f);
        assertTrue(ds.stream().anyMatch(d -> d.code().equals("HL001") && d.span().column() > 100_000), ds.toString());
        String text = cli("check", f.toString());
        assertTrue(text.lines().allMatch(l -> l.length() < 400), "a diagnostic quoted the whole 100,000-character line");
    }

    @Test
    void tenThousandDeepNesting() throws IOException {
        Path f = write("deep.hl", "site s " + "{".repeat(10_000) + "}".repeat(10_000) + "\n");
        List<Diagnostic> ds = check(f);
        long syntax = ds.stream().filter(d -> d.code().equals("HL001")).count();
        assertTrue(syntax >= 1 && syntax <= SyntaxLimit.MAX + 1, syntax + " syntax errors for one file");
        assertTrue(ds.stream().allMatch(d -> d.code().equals("HL001") || d.code().equals("HL007")), ds.toString().substring(0, 300));
    }

    @Test
    void tenThousandImports() throws IOException {
        StringBuilder root = new StringBuilder("site s { domain example.com }\n");
        Path parts = Files.createDirectories(dir.resolve("parts"));
        for (int i = 0; i < 10_000; i++) {
            Files.writeString(parts.resolve("n" + i + ".hl"), "network n" + i + " { cidr 10." + (i / 256) + "." + (i % 256) + ".0/24 }\n");
            root.append("import \"parts/n").append(i).append(".hl\"\n");
        }
        Path f = write("root.hl", root.toString());
        assertEquals(List.of(), codes(f));
    }

    @Test
    void symlinkLoopIsAnImportError() throws IOException {
        Path a = dir.resolve("a.hl");
        Path b = dir.resolve("b.hl");
        Files.createSymbolicLink(a, b);
        Files.createSymbolicLink(b, a);
        Path f = write("root.hl", "import \"a.hl\"\n");
        List<Diagnostic> ds = check(f);
        assertEquals(List.of("HL003"), ds.stream().map(Diagnostic::code).toList());
        assertEquals(1, ds.get(0).span().line());
    }

    @Test
    void slashEightDhcpPoolIsNotEnumerated() throws IOException {
        String spec = "site s { domain example.com }\n"
                + "network big { cidr 10.0.0.0/8 dhcp 10.0.0.2 to 10.255.255.254 }\n"
                // pod and service subnets outside the /8: the defaults (10.244.0.0/16, 10.96.0.0/12) lie inside it
                + "cluster c { talos v1.10.7 kubernetes v1.33.3 pods 172.16.0.0/16 services 172.17.0.0/16 }\n"
                + "host h { role controlplane interface e on big address 10.200.0.1 }\n";
        List<Diagnostic> ds = check(write("dhcp8.hl", spec));
        assertEquals(List.of("HL025"), ds.stream().map(Diagnostic::code).toList());
    }

    @Test
    void hugeNumbersAreRangeErrors() throws IOException {
        String spec = "site s { domain example.com }\n"
                + "network n { cidr 10.0.0.0/24 vlan 99999999999999999999 mtu 99999999999999999999999 }\n"
                + "cluster c { talos v99999999999.1.0 kubernetes v1.33.3 }\n"
                + "ceph r { pool p { replicas 99999999999999999999 min-size 99999999999999999999 } }\n"
                + "backup b { source pvcs to n every 99999999999999999999999h }\n"
                + "host h { role controlplane memory 99999999999999999999999999PiB }\n";
        List<Diagnostic> ds = check(write("huge.hl", spec));
        for (String code : List.of("HL090", "HL092", "HL004")) {
            assertTrue(ds.stream().anyMatch(d -> d.code().equals(code)), code + " missing: " + ds);
        }
    }

    // ---------------------------------------------------------------- helpers

    /** Checks a file through the real entry point, asserting what every hostile input must satisfy. */
    private List<Diagnostic> check(Path f) {
        return assertTimeoutPreemptively(HANG_GUARD, () -> {
            Compiler.Result r = Compiler.check(f);
            for (Diagnostic d : r.reporter().sorted()) {
                assertFalse(d.code().equals("HL099"), "internal error: " + d.message());
                inside(d.span());
                for (Label l : d.labels()) inside(l.span());
            }
            return r.reporter().sorted();
        });
    }

    private List<String> codes(Path f) {
        return check(f).stream().map(Diagnostic::code).toList();
    }

    private static void inside(Span s) {
        assertTrue(s.line() >= 1 && s.line() <= s.file().lineCount(), "line outside the input: " + s);
        assertTrue(s.column() >= 1 && s.column() <= s.file().line(s.line()).length() + 1, "column outside the line: " + s);
    }

    /** Runs the command line and returns what it printed; it must not print a stack trace. */
    private static String cli(String... args) {
        PrintStream out = System.out, err = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(buf, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            Main.run(args);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String text = buf.toString(StandardCharsets.UTF_8);
        assertFalse(text.contains("\tat ") || text.contains("Exception"), "stack trace printed:\n" + text);
        return text;
    }

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) b.writeBytes(p);
        return b.toByteArray();
    }
}

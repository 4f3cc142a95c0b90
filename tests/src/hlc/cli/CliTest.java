package hlc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command line as a user meets it, through {@link Main#run} with stdout and stderr captured: exit codes (0 clean,
 * 1 findings, 2 usage or I/O problems), the compiler-style text report, the JSON report, --strict, and messages
 * without stack traces.
 */
class CliTest {
    private static final String ANSI = "\u001b[";

    @TempDir
    Path dir;

    /** One run of hlc: its exit code and what it printed. */
    record Run(int code, String out, String err) {
        String all() {
            return out + err;
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** Runs hlc with System.out and System.err captured, and puts them back afterwards whatever happens. */
    static Run hlc(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = Main.run(args);
            System.out.flush();
            System.err.flush();
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Path realSpec() {
        return Path.of(System.getProperty("hlc.project.dir", ".")).resolve("spec/homelab.hl");
    }

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    /** One error (a misspelt network: HL010 with a "did you mean" hint and no secondary places). */
    private static final String BROKEN = String.join("\n",
            "site home { domain example.com }",
            "network lan { cidr 192.168.5.0/24 }",
            "cluster main { talos v1.10.7 kubernetes v1.33.3 }",
            "host k8s-1 {",
            "  role controlplane",
            "  interface eth0 on lna address 192.168.5.11",
            "}",
            "");

    /** Only a warning: two control planes (HL061). */
    private static final String WARNING_ONLY = String.join("\n",
            "site home { domain example.com }",
            "network lan { cidr 192.168.5.0/24 }",
            "cluster main { talos v1.10.7 kubernetes v1.33.3 }",
            "host a { role controlplane interface eth0 on lan address 192.168.5.11 }",
            "host b { role controlplane interface eth0 on lan address 192.168.5.12 }",
            "");

    // ------------------------------------------------------------------ check

    @Test
    void cleanSpecExitsZero() {
        Run r = hlc("check", realSpec().toString());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.all().contains("no problems found"), r::toString);
        assertFalse(r.all().contains(ANSI), "colour without a terminal:\n" + r);
    }

    @Test
    void brokenSpecIsReportedLikeACompiler() throws IOException {
        Path spec = write("broken.hl", BROKEN);
        for (List<String> colour : List.of(List.<String>of(), List.of("--color", "never"))) {
            List<String> args = new java.util.ArrayList<>(List.of("check"));
            args.addAll(colour);
            args.add(spec.toString());
            Run r = hlc(args.toArray(String[]::new));
            assertEquals(1, r.code(), r::toString);
            assertFalse(r.all().contains(ANSI), "colour with " + colour + ":\n" + r);

            List<String> lines = r.all().lines().toList();
            Pattern header = Pattern.compile("^(.+):(\\d+):(\\d+): error\\[(HL\\d{3})\\]: (.+)$");
            int at = -1;
            Matcher m = null;
            for (int i = 0; i < lines.size() && at < 0; i++) {
                m = header.matcher(lines.get(i));
                if (m.matches()) at = i;
            }
            assertTrue(at >= 0, "no `file:line:col: error[HLxxx]: message` line:\n" + r);
            assertEquals(spec.toString(), m.group(1), r::toString);
            assertEquals("HL010", m.group(4), r::toString);
            int line = Integer.parseInt(m.group(2));
            int column = Integer.parseInt(m.group(3));
            assertEquals(6, line, r::toString);
            String source = BROKEN.lines().toList().get(line - 1);
            assertEquals(source.indexOf("lna") + 1, column, r::toString);

            // The quoted source line, then a caret line whose carets start under the column, then the hint.
            assertTrue(lines.size() > at + 4, r::toString);
            assertTrue(lines.get(at + 1).matches("^\\s*\\|\\s*$"), "gutter line expected:\n" + r);
            String quoted = lines.get(at + 2);
            assertTrue(quoted.matches("^\\s*" + line + " \\| .*$") && quoted.endsWith(source),
                    "the source line expected after the header:\n" + r);
            String carets = lines.get(at + 3);
            int bar = quoted.indexOf(" | ") + 3;
            assertTrue(carets.matches("^\\s*\\| *\\^+$"), "a caret line expected:\n" + r);
            assertEquals(bar + column - 1, carets.indexOf('^'), "the caret is not under the column:\n" + r);
            assertEquals("lna".length(), carets.length() - carets.indexOf('^'), "carets should cover `lna`:\n" + r);
            assertTrue(lines.get(at + 4).matches("^\\s*= hint: .+$"), "a `= hint:` line expected:\n" + r);
            assertTrue(r.all().contains("1 error, 0 warnings"), r::toString);
        }
    }

    @Test
    void jsonFormatIsValidJsonWithCounts() throws IOException {
        Path spec = write("broken.hl", BROKEN);
        Run r = hlc("check", "--format", "json", spec.toString());
        assertEquals(1, r.code(), r::toString);
        JsonNode root = new ObjectMapper().readTree(r.out());
        JsonNode ds = root.get("diagnostics");
        assertTrue(ds != null && ds.isArray() && ds.size() >= 1, r::toString);
        long errors = 0, warnings = 0;
        for (JsonNode d : ds) {
            assertTrue(d.get("code").asText().matches("HL\\d{3}"), d::toString);
            assertTrue(d.get("line").isInt() && d.get("line").asInt() >= 1, d::toString);
            assertTrue(d.get("column").isInt() && d.get("column").asInt() >= 1, d::toString);
            assertEquals(spec.toString(), d.get("file").asText(), d::toString);
            if (d.get("severity").asText().equals("error")) errors++;
            else warnings++;
        }
        JsonNode first = ds.get(0);
        assertEquals("HL010", first.get("code").asText());
        assertEquals(6, first.get("line").asInt());
        assertEquals(BROKEN.lines().toList().get(5).indexOf("lna") + 1, first.get("column").asInt());
        assertTrue(root.get("errors").isIntegralNumber() && root.get("warnings").isIntegralNumber(), r::toString);
        assertEquals(errors, root.get("errors").asLong(), r::toString);
        assertEquals(warnings, root.get("warnings").asLong(), r::toString);
        assertFalse(r.all().contains(ANSI), r::toString);
    }

    @Test
    void jsonOfACleanSpecHasNoDiagnostics() throws IOException {
        Run r = hlc("check", "--format", "json", realSpec().toString());
        assertEquals(0, r.code(), r::toString);
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(0, root.get("diagnostics").size(), r::toString);
        assertEquals(0, root.get("errors").asLong());
        assertEquals(0, root.get("warnings").asLong());
    }

    @Test
    void warningsPassUnlessStrict() throws IOException {
        Path spec = write("two-control-planes.hl", WARNING_ONLY);
        Run lenient = hlc("check", spec.toString());
        assertEquals(0, lenient.code(), lenient::toString);
        assertTrue(lenient.all().contains("warning[HL061]"), lenient::toString);
        assertTrue(lenient.all().contains("0 errors, 1 warning"), lenient::toString);
        assertFalse(lenient.all().contains("error["), lenient::toString);

        Run strict = hlc("check", "--strict", spec.toString());
        assertEquals(1, strict.code(), strict::toString);
        assertTrue(strict.all().contains("warning[HL061]"), strict::toString);
    }

    // ------------------------------------------------------------------ usage and I/O problems

    @Test
    void missingFileIsOneLineWithoutStackTrace() {
        Path missing = dir.resolve("no-such-spec.hl");
        Run r = hlc("check", missing.toString());
        assertEquals(2, r.code(), r::toString);
        String text = r.all().strip();
        assertFalse(text.isEmpty(), "nothing said about the missing file");
        assertEquals(1, text.lines().count(), "one line expected:\n" + r);
        assertTrue(text.contains(missing.toString()), "the message should name the file:\n" + r);
        noStackTrace(r);
    }

    @Test
    void unknownOptionIsAUsageError() {
        for (String[] args : List.of(new String[]{"--no-such-option"}, new String[]{"check", "--no-such-option", realSpec().toString()})) {
            Run r = hlc(args);
            assertEquals(2, r.code(), r::toString);
            assertTrue(r.all().contains("--no-such-option"), "the message should name the option:\n" + r);
            noStackTrace(r);
        }
    }

    @Test
    void versionAndHelp() {
        Run version = hlc("--version");
        assertEquals(0, version.code(), version::toString);
        assertTrue(version.out().contains("hlc"), version::toString);

        Run help = hlc("--help");
        assertEquals(0, help.code(), help::toString);
        assertTrue(help.out().contains("Usage:") && help.out().contains("check"), help::toString);

        Run checkHelp = hlc("check", "--help");
        assertEquals(0, checkHelp.code(), checkHelp::toString);
        assertTrue(checkHelp.out().contains("--format") && checkHelp.out().contains("--strict"), checkHelp::toString);
        for (Run r : List.of(version, help, checkHelp)) noStackTrace(r);
    }

    @Test
    void colourOnlyWhenAsked() throws IOException {
        Path spec = write("broken.hl", BROKEN);
        Run never = hlc("check", "--color", "never", spec.toString());
        assertFalse(never.all().contains(ANSI), never::toString);
        Run always = hlc("check", "--color", "always", spec.toString());
        assertTrue(always.all().contains(ANSI), "--color always should colour:\n" + always);
        // Without a console (as under Maven) the default, auto, must not colour.
        Run auto = hlc("check", spec.toString());
        assertFalse(auto.all().contains(ANSI), auto::toString);
    }

    private static void noStackTrace(Run r) {
        assertFalse(r.all().contains("Exception"), "an exception name in the output:\n" + r);
        assertFalse(r.all().contains("\tat "), "a stack trace in the output:\n" + r);
    }
}

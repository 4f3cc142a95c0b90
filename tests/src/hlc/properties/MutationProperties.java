package hlc.properties;

import hlc.Compiler;
import hlc.diag.Diagnostic;
import hlc.diag.JsonRenderer;
import hlc.diag.Label;
import hlc.diag.Span;
import hlc.diag.TextRenderer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import net.jqwik.api.statistics.Statistics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mutation fuzzing of the real spec: spec/homelab.hl with a few random edits (a token deleted, a range
 * duplicated, two lines swapped, characters inserted — braces, quotes, NUL, non-ASCII, stray surrogates, keywords,
 * import statements —, a character replaced, line ends turned into CR or CRLF). Whatever comes out,
 * {@link Compiler#checkText} must
 * <ul>
 *   <li>return, within a hang guard of 10 s per try (generous on purpose: this is not a speed test),</li>
 *   <li>never throw and never report HL099 (an internal error is a bug in hlc, not in the spec),</li>
 *   <li>place every diagnostic and every label inside the text it points at: 1 ≤ line ≤ lineCount() of that
 *       source, 1 ≤ column ≤ length of that line + 1 (one past the end is where "expected `}`" points),</li>
 * </ul>
 * and its findings must render as text and JSON without throwing. A second property does the same through a file
 * and {@link Compiler#check}, with raw bytes (invalid UTF-8, byte-order marks) inserted after encoding, since a
 * Java string cannot hold them.
 *
 * <p>How many tries: jqwik wants {@code @Property(tries = …)} to be a constant, so the annotation says 300 (the
 * quick default of every build) and the {@link FuzzTries} hook below replaces it with the system property
 * {@code fuzz.tries} when one is given: {@code mvn -o test -Dtest=MutationProperties -Dfuzz.tries=100000} for a
 * long run. Going through jqwik's own try loop (rather than a hand-written loop inside one try) keeps shrinking and
 * the printed seed, so a failure of a long run comes back as a small list of edits that reproduces it
 * ({@link #apply(String, List)} on spec/homelab.hl).
 */
class MutationProperties {
    /** Per-try hang guard. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(10);
    /** The name the mutant is checked under; checkText resolves its imports against the working folder. */
    private static final String NAME = "mutant.hl";
    private static final String SPEC = readSpec();
    /** Where the file-level property writes its mutant (imports in it resolve against this folder). */
    private static final Path WORK = workFolder();

    @Property(tries = 300)
    @AddLifecycleHook(FuzzTries.class)
    void mutatedSpecsAreCheckedSafely(@ForAll("mutationLists") List<Mutation> mutations) {
        String text = apply(SPEC, mutations);
        Compiler.Result result = assertTimeoutPreemptively(HANG_GUARD, () -> Compiler.checkText(NAME, text),
                () -> "hlc did not finish within " + HANG_GUARD);
        safe(result);
    }

    /**
     * The same through a file, with bytes that no Java string can carry inserted as well: invalid UTF-8 (a Latin-1
     * byte, a lone continuation byte, an overlong NUL, an encoded surrogate, a truncated sequence), byte-order marks,
     * CR and NUL. This is the path of `hlc check FILE`, where the bytes are decoded and bad ones reported (HL002).
     */
    @Property(tries = 300)
    @AddLifecycleHook(FuzzTries.class)
    void mutatedFilesAreCheckedSafely(@ForAll("mutationLists") List<Mutation> mutations,
                                      @ForAll("byteEditLists") List<ByteEdit> edits) throws IOException {
        byte[] content = ByteEdit.apply(apply(SPEC, mutations).getBytes(StandardCharsets.UTF_8), edits);
        Path file = WORK.resolve(NAME);
        Files.write(file, content);
        Compiler.Result result = assertTimeoutPreemptively(HANG_GUARD, () -> Compiler.check(file),
                () -> "hlc did not finish within " + HANG_GUARD);
        safe(result);
    }

    /** No internal error, every place inside its file, and the findings render. */
    private static void safe(Compiler.Result result) {
        List<Diagnostic> diagnostics = result.reporter().sorted();
        for (Diagnostic d : diagnostics) {
            assertFalse(d.code().equals("HL099"), () -> "internal error: " + d.message());
            inside(d.span(), d);
            for (Label l : d.labels()) inside(l.span(), d);
        }
        new TextRenderer(false).render(diagnostics, result.reporter().errorCount(), result.reporter().warningCount());
        new JsonRenderer().render(diagnostics, result.reporter().errorCount(), result.reporter().warningCount());
        Statistics.label("findings").collect(diagnostics.isEmpty() ? "none" : diagnostics.size() < 5 ? "1-4" : "5+");
    }

    private static void inside(Span s, Diagnostic d) {
        assertNotNull(s, () -> "a diagnostic or label without a place: " + d);
        assertNotNull(s.file(), () -> "a span without a file: " + d);
        int lines = s.file().lineCount();
        assertTrue(s.line() >= 1 && s.line() <= lines, () -> d.code() + " \"" + d.message() + "\" at line " + s.line()
                + " of " + s.path() + ", which has " + lines + " lines");
        int width = s.file().line(s.line()).length();
        assertTrue(s.column() >= 1 && s.column() <= width + 1, () -> d.code() + " \"" + d.message() + "\" at "
                + s + ", but line " + s.line() + " has " + width + " characters; " + around(s.file().text(), s.line()));
    }

    // ------------------------------------------------------------------ mutations

    enum Kind { DELETE_TOKEN, DUPLICATE_RANGE, SWAP_LINES, INSERT, REPLACE_CHAR, LINE_ENDS }

    /**
     * One edit. Positions are arbitrary non-negative numbers, taken modulo the current text's length when the edit
     * is applied, so that every edit applies to every text and shrinking (towards 0) keeps them meaningful.
     */
    record Mutation(Kind kind, int at, int other, int length, String payload) {
        @Override
        public String toString() {
            return switch (kind) {
                case DELETE_TOKEN -> "delete " + length + " token(s) at " + at;
                case DUPLICATE_RANGE -> "copy " + length + " chars at " + at + " to " + other;
                case SWAP_LINES -> "swap lines " + at + " and " + other;
                case INSERT -> "insert " + escape(payload) + " at " + at;
                case REPLACE_CHAR -> "replace char at " + at + " by " + escape(payload);
                case LINE_ENDS -> "line ends from " + at + " on become " + escape(payload);
            };
        }
    }

    static String apply(String text, List<Mutation> mutations) {
        String t = text;
        for (Mutation m : mutations) t = apply(t, m);
        return t;
    }

    static String apply(String t, Mutation m) {
        int n = t.length();
        switch (m.kind()) {
            case DELETE_TOKEN -> {
                if (n == 0) return t;
                int start = m.at() % n;
                while (start > 0 && word(t.charAt(start - 1)) && word(t.charAt(start))) start--;
                int end = start;
                for (int k = 0; k < m.length() && end < n; k++) {
                    if (word(t.charAt(end))) {
                        while (end < n && word(t.charAt(end))) end++;
                    } else {
                        end++;
                    }
                }
                return t.substring(0, start) + t.substring(end);
            }
            case DUPLICATE_RANGE -> {
                if (n == 0) return t;
                int from = m.at() % n;
                int to = Math.min(n, from + m.length());
                int where = m.other() % (n + 1);
                return t.substring(0, where) + t.substring(from, to) + t.substring(where);
            }
            case SWAP_LINES -> {
                List<String> lines = new ArrayList<>(List.of(t.split("\n", -1)));
                int i = m.at() % lines.size();
                int j = m.other() % lines.size();
                String x = lines.get(i);
                lines.set(i, lines.get(j));
                lines.set(j, x);
                return String.join("\n", lines);
            }
            case INSERT -> {
                int where = m.at() % (n + 1);
                return t.substring(0, where) + m.payload() + t.substring(where);
            }
            case REPLACE_CHAR -> {
                if (n == 0) return m.payload();
                int where = m.at() % n;
                return t.substring(0, where) + m.payload() + t.substring(where + 1);
            }
            case LINE_ENDS -> {
                int from = m.at() % (n + 1);
                return t.substring(0, from) + t.substring(from).replace("\n", m.payload());
            }
        }
        throw new AssertionError(m.kind());
    }

    /** Characters that make up one token-ish word (a name, a number, an address, a version, a DNS name). */
    private static boolean word(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_' || c == ':' || c == '/' || c == '*';
    }

    @Provide
    Arbitrary<List<Mutation>> mutationLists() {
        return mutation().list().ofMinSize(1).ofMaxSize(8);
    }

    private static Arbitrary<Mutation> mutation() {
        Arbitrary<Integer> position = Arbitraries.integers().between(0, Integer.MAX_VALUE);
        Arbitrary<Mutation> delete = Combinators.combine(position, Arbitraries.integers().between(1, 6))
                .as((at, len) -> new Mutation(Kind.DELETE_TOKEN, at, 0, len, ""));
        Arbitrary<Mutation> duplicate = Combinators.combine(position, position, Arbitraries.integers().between(1, 3000))
                .as((at, other, len) -> new Mutation(Kind.DUPLICATE_RANGE, at, other, len, ""));
        Arbitrary<Mutation> swap = Combinators.combine(position, position)
                .as((at, other) -> new Mutation(Kind.SWAP_LINES, at, other, 0, ""));
        Arbitrary<Mutation> insert = Combinators.combine(position, payload())
                .as((at, p) -> new Mutation(Kind.INSERT, at, 0, 0, p));
        Arbitrary<Mutation> replace = Combinators.combine(position, special().map(String::valueOf))
                .as((at, p) -> new Mutation(Kind.REPLACE_CHAR, at, 0, 0, p));
        // Old Mac (CR) and Windows (CRLF) line ends, from some point on: a file edited on two systems.
        Arbitrary<Mutation> lineEnds = Combinators.combine(position, Arbitraries.of("\r", "\r\n", "\n\r", "\u2028"))
                .as((at, p) -> new Mutation(Kind.LINE_ENDS, at, 0, 0, p));
        return Arbitraries.frequencyOf(Tuple.of(3, delete), Tuple.of(2, duplicate), Tuple.of(2, swap),
                Tuple.of(4, insert), Tuple.of(3, replace), Tuple.of(1, lineEnds));
    }

    /** Characters that lexers and renderers get wrong: delimiters, quotes, controls, non-ASCII, lone surrogates. */
    private static final String SPECIAL = "{}[]\",/#\\*.:-=_ \t\n\r\u0000\u0001\u001b\u007f\u0085\u00a0\u00e9\u00df\u20ac"
            + "\u2028\u2029\u200b\u202e\ufeff\ufffd\uffff\ud800\udc00\u000b\u000c\u4e2d0123456789azAZ";

    private static Arbitrary<Character> special() {
        return Arbitraries.of(SPECIAL.chars().mapToObj(c -> (char) c).toList());
    }

    /** Snippets that reach deeper than single characters: keywords, blocks, extreme values, imports. */
    private static final List<String> SNIPPETS = List.of(
            "{", "}", "\"", "\0", "{ }", "}}}}", "{{{{", "\"unterminated", "\\\"", "\n\n", "\r\n", "\r",
            "\uD834\uDD1E", "h\u00f4te", "\u0645\u0631\u062d\u0628\u0627", "\ud83d\ude00\ud83d\ude00",
            "site ", "network ", "cluster ", "host ", "device ", "ceph ", "storage-class ", "service ", "backup ", "app ",
            "import ", "on ", "address ", "via ", "depends [", "default ", "true ", "false ",
            "import \"nope.hl\"\n", "import \"\"\n", "import \"../outside.hl\"\n", "import \"/etc/hostname\"\n",
            "import \"spec/homelab.hl\"\n", "import \"spec\"\n", "import \"pom.xml\"\n", "import \"mutant.hl\"\n",
            "import \"a\0b\"\n",
            "network n { cidr 10.0.0.0/8 }\n", "site s { domain example.com }\n",
            "host h { role controlplane interface e on lan address 192.168.5.211 }\n",
            "app a { namespace a depends [a] }\n", "storage-class s { hostpath \"/x\" default }\n",
            "cluster c { }\n", "ceph c { pool p { replicas 99 } }\n",
            "99999999999999999999999999", "v1.2.3", "v99999999999999999999.1", "v1.2.3-rc.1", "1.92TB",
            "99999999999999999999999PiB", "1h30m", "99999999999999999999999d", "0s", "10.0.0.256", "10.0.0.0/33",
            "10.0.0.1/8", "::", ":::", "1:2:3:4:5:6:7:8:9", "fd00::/129", "fe80::1%eth0", "::ffff:1.2.3.4/120",
            "*.", "*.t0m.co", "a..b", "-a-.t0m.co", "x".repeat(300) + ".t0m.co", "// comment", "# comment",
            "[", "]", ",", "[,,,]", "secret \"k\" from akeyless", "https://user:pass@host/");

    private static Arbitrary<String> payload() {
        Arbitrary<String> chars = Arbitraries.strings().withChars(SPECIAL.toCharArray()).ofMinLength(1).ofMaxLength(12);
        return Arbitraries.frequencyOf(
                Tuple.of(3, special().map(String::valueOf)),
                Tuple.of(3, chars),
                Tuple.of(4, Arbitraries.of(SNIPPETS)));
    }

    /** Bytes inserted into the encoded mutant. */
    record ByteEdit(int at, byte[] bytes) {
        static byte[] apply(byte[] content, List<ByteEdit> edits) {
            byte[] out = content;
            for (ByteEdit e : edits) {
                int where = e.at() % (out.length + 1);
                byte[] next = new byte[out.length + e.bytes().length];
                System.arraycopy(out, 0, next, 0, where);
                System.arraycopy(e.bytes(), 0, next, where, e.bytes().length);
                System.arraycopy(out, where, next, where + e.bytes().length, out.length - where);
                out = next;
            }
            return out;
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder("insert");
            for (byte x : bytes) b.append(String.format(" %02X", x & 0xff));
            return b.append(" at ").append(at).toString();
        }
    }

    private static final List<int[]> BYTES = List.of(
            new int[]{0xE9}, new int[]{0xFF}, new int[]{0x80}, new int[]{0xBF}, new int[]{0xC0, 0x80},
            new int[]{0xED, 0xA0, 0x80}, new int[]{0xE2, 0x82}, new int[]{0xF4, 0x90, 0x80, 0x80}, new int[]{0xF8},
            new int[]{0xEF, 0xBB, 0xBF}, new int[]{0xFE, 0xFF}, new int[]{0x0D}, new int[]{0x00}, new int[]{0x0D, 0xE9});

    @Provide
    Arbitrary<List<ByteEdit>> byteEditLists() {
        Arbitrary<byte[]> bytes = Arbitraries.of(BYTES).map(ints -> {
            byte[] b = new byte[ints.length];
            for (int i = 0; i < ints.length; i++) b[i] = (byte) ints[i];
            return b;
        });
        return Combinators.combine(Arbitraries.integers().between(0, Integer.MAX_VALUE), bytes).as(ByteEdit::new)
                .list().ofMinSize(0).ofMaxSize(4);
    }

    // ------------------------------------------------------------------ plumbing

    private static String readSpec() {
        try {
            return Files.readString(Path.of(System.getProperty("hlc.project.dir", ".")).resolve("spec/homelab.hl"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path workFolder() {
        try {
            Path dir = Files.createTempDirectory("hlc-mutants-");
            dir.toFile().deleteOnExit();
            dir.resolve(NAME).toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Where a failure happened, for the message: the mutant is too long to print whole (and is reproduced from the
     * shrunk list of edits anyway, by {@link #apply(String, List)} on spec/homelab.hl).
     */
    private static String around(String text, int line) {
        String[] lines = text.split("\n", -1);
        StringBuilder b = new StringBuilder("the file has ").append(lines.length).append(" lines");
        for (int i = Math.max(1, line - 2); i <= Math.min(lines.length, line + 2); i++) {
            String l = lines[i - 1];
            b.append("\n  ").append(i).append(" | ").append(escape(l.length() > 160 ? l.substring(0, 160) + "…" : l));
        }
        return b.toString();
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') b.append(c);
            else b.append(String.format("\\u%04x", (int) c));
        }
        return b.append('"').toString();
    }

    /**
     * Replaces the constant {@code tries} of the annotation with {@code -Dfuzz.tries=N} when that property is set
     * (see the class comment). jqwik reads the attributes after this hook has run, so the new count is the one used.
     */
    static final class FuzzTries implements AroundPropertyHook {
        @Override
        public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
            String tries = System.getProperty("fuzz.tries");
            if (tries != null && !tries.isBlank()) context.attributes().setTries(Integer.parseInt(tries.trim()));
            return property.execute();
        }
    }
}

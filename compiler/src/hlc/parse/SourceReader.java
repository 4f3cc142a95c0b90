package hlc.parse;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.diag.SourceFile;
import hlc.diag.Span;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Turns the bytes of a spec file into text. A byte-order mark is dropped; bytes that are not UTF-8 are reported
 * once, at their place, and replaced so that the rest of the file is still checked; so is a NUL character.
 */
final class SourceReader {
    private SourceReader() {}

    /**
     * A lone CR (old Mac line end) becomes LF, so the lexer, which counts only LF, and the diagnostics agree on
     * line numbers. CRLF stays as it is; the text keeps its length, so columns do not move.
     */
    private static String lineEnds(String text) {
        if (text.indexOf('\r') < 0) return text;
        StringBuilder b = new StringBuilder(text);
        for (int i = 0; i < b.length(); i++) {
            if (b.charAt(i) == '\r' && (i + 1 == b.length() || b.charAt(i + 1) != '\n')) b.setCharAt(i, '\n');
        }
        return b.toString();
    }

    private static boolean ascii(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) if (bytes[i] < 0) return false;
        return true;
    }

    static SourceFile decode(Path path, String displayPath, byte[] bytes, Reporter reporter) {
        int start = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            start = 3;
        }
        if (ascii(bytes, start)) {
            // ASCII is valid UTF-8 and decodes byte for byte: a copy, where the checking decoder works per character.
            String text = new String(bytes, start, bytes.length - start, StandardCharsets.ISO_8859_1);
            return nul(new SourceFile(path, displayPath, lineEnds(text)), reporter);
        }
        // Decoding replaces each malformed sequence with U+FFFD, so text without one came from valid UTF-8 and is
        // what the checking decoder below gives, without its per-character loop and buffer copies (most of a
        // large spec's decoding time). Only text with a U+FFFD is decoded again, strictly, to find a bad byte.
        String lenientFirst = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
        if (lenientFirst.indexOf('\uFFFD') < 0) return nul(new SourceFile(path, displayPath, lineEnds(lenientFirst)), reporter);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = strict.decode(in, out, true);
        if (!result.isError()) {
            strict.flush(out);
            out.flip();
            return nul(new SourceFile(path, displayPath, lineEnds(out.toString())), reporter);
        }
        // Where the first bad byte sits: the lines and columns of the (line-end normalised) text before it.
        out.flip();
        String before = lineEnds(out.toString());
        // String decoding replaces malformed input with U+FFFD, which is what we want for the rest of the file.
        String lenient = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
        SourceFile file = new SourceFile(path, displayPath, lineEnds(lenient));
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < before.length(); i++) {
            if (before.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int badByte = in.position();
        reporter.error(Code.HL002, new Span(file, line, before.length() - lineStart + 1, 1),
                        String.format("byte 0x%02X at offset %d is not valid UTF-8", bytes[badByte] & 0xff, badByte))
                .hint("save the file as UTF-8; the bad bytes are read as \uFFFD here")
                .emit();
        return nul(file, reporter);
    }

    /**
     * A NUL character anywhere, comments included, is reported once at the first: it is valid UTF-8 but not text,
     * git treats such a file as binary (no diffs, no merges), and editors and terminals show it differently.
     */
    private static SourceFile nul(SourceFile file, Reporter reporter) {
        String text = file.text();
        int at = text.indexOf('\0');
        if (at < 0) return file;
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        long count = text.chars().filter(c -> c == 0).count();
        reporter.error(Code.HL002, new Span(file, line, at - lineStart + 1, 1), "the file contains the NUL character U+0000"
                        + (count > 1 ? " (" + count + " times; this is the first)" : ""))
                .hint("remove it: git treats a file with NUL bytes as binary, so it would get no diffs or merges")
                .emit();
        return file;
    }
}

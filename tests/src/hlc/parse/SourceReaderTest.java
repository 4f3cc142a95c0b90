package hlc.parse;

import hlc.diag.Diagnostic;
import hlc.diag.Reporter;
import hlc.diag.SourceFile;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Valid UTF-8 is decoded without the checking decoder's loop unless the text holds a U+FFFD (what decoding puts
 * for a bad byte): a spec that writes U+FFFD itself is still valid, and a bad byte is still found.
 */
class SourceReaderTest {
    private static SourceFile decode(byte[] bytes, Reporter reporter) {
        return SourceReader.decode(Path.of("t.hl"), "t.hl", bytes, reporter);
    }

    @Test
    void validTextIsItsOwnDecodingWithNoFinding() {
        for (String text : List.of("site s { description \"café — 東京 😀\" }\n", "site s { description \"a \uFFFD b\" }\n")) {
            Reporter r = new Reporter();
            assertEquals(text, decode(text.getBytes(StandardCharsets.UTF_8), r).text());
            assertEquals(List.of(), r.reported(), text);
        }
    }

    @Test
    void aBadByteAfterValidNonAsciiIsReportedAtItsPlace() {
        byte[] head = "site s {\n  description \"é \uFFFD ".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(head, head.length + 3);
        bytes[head.length] = (byte) 0xC3; // a lead byte without its continuation
        bytes[head.length + 1] = '"';
        bytes[head.length + 2] = '}';
        Reporter r = new Reporter();
        SourceFile f = decode(bytes, r);
        List<Diagnostic> found = r.reported();
        assertEquals(1, found.size(), found.toString());
        assertEquals("HL002", found.get(0).code());
        assertEquals(2, found.get(0).span().line());
        assertEquals(20, found.get(0).span().column());
        assertTrue(f.text().endsWith("\uFFFD\"}"), f.text());
    }
}

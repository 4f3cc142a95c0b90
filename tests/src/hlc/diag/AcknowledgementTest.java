package hlc.diag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hlc.Compiler;
import hlc.fmt.Formatter;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An acknowledged warning no longer counts (so {@code --strict} passes), but it is not hidden from the machine
 * formats: JSON lists it with its reason, SARIF as a result with an in-source suppression.
 */
class AcknowledgementTest {
    private static final String FOUR = """
            network lan { cidr 192.168.5.0/24 }
            # hlc:allow HL061 "a fifth control plane arrives next month"
            cluster main { talos v1.10.7 kubernetes v1.33.3 }
            host k8s-1 { role controlplane interface eth0 on lan address 192.168.5.11 }
            host k8s-2 { role controlplane interface eth0 on lan address 192.168.5.12 }
            host k8s-3 { role controlplane interface eth0 on lan address 192.168.5.13 }
            host k8s-4 { role controlplane interface eth0 on lan address 192.168.5.14 }
            """;

    @Test
    void anAcknowledgedWarningIsNotCountedButKept() {
        Reporter r = Compiler.checkText("four.hl", FOUR).reporter();
        assertEquals(0, r.warningCount());
        assertEquals(1, r.suppressed().size());
        assertEquals("HL061", r.suppressed().get(0).diagnostic().code());
        assertEquals("a fifth control plane arrives next month", r.suppressed().get(0).by().reason());
    }

    @Test
    void withoutTheCommentTheWarningCounts() {
        Reporter r = Compiler.checkText("four.hl", FOUR.replace("# hlc:allow", "# allow")).reporter();
        assertEquals(1, r.warningCount());
        assertEquals(0, r.suppressed().size());
    }

    @Test
    void jsonListsItAsSuppressed() throws Exception {
        Reporter r = Compiler.checkText("four.hl", FOUR).reporter();
        JsonNode root = new ObjectMapper().readTree(new JsonRenderer().render(r.sorted(), r.suppressed(), r.errorCount(), r.warningCount()));
        assertEquals(0, root.path("warnings").asInt());
        assertEquals(1, root.path("acknowledged").asInt());
        JsonNode d = root.path("diagnostics").get(0);
        assertEquals("HL061", d.path("code").asText());
        assertEquals("a fifth control plane arrives next month", d.path("suppressed").path("reason").asText());
        assertEquals(2, d.path("suppressed").path("line").asInt());
    }

    @Test
    void sarifGivesTheResultAnInSourceSuppression() throws Exception {
        Reporter r = Compiler.checkText("four.hl", FOUR).reporter();
        JsonNode root = new ObjectMapper().readTree(new SarifRenderer("0.1.0", new ReportPath(Path.of(""))).render(r.sorted(), r.suppressed()));
        JsonNode result = root.path("runs").get(0).path("results").get(0);
        assertEquals("HL061", result.path("ruleId").asText());
        JsonNode s = result.path("suppressions").get(0);
        assertEquals("inSource", s.path("kind").asText());
        assertEquals("a fifth control plane arrives next month", s.path("justification").asText());
    }

    /** The formatter spreads the one-line cluster block over lines; the acknowledgement still covers it. */
    @Test
    void formattingKeepsAnEndOfLineAcknowledgementOnItsBlock() {
        String spec = FOUR.replace("# hlc:allow HL061 \"a fifth control plane arrives next month\"\n", "")
                .replace("v1.33.3 }", "v1.33.3 } # hlc:allow HL061 \"four, knowingly\"");
        String formatted = Formatter.formatText("four.hl", spec).text();
        assertTrue(formatted.contains("}"), formatted);
        Reporter r = Compiler.checkText("four.hl", formatted).reporter();
        assertEquals(0, r.warningCount(), formatted);
        assertEquals(1, r.suppressed().size(), formatted);
    }
}

package hlc.diag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hlc.Compiler;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The JSON report carries a finding's exact suggestions, so a script can apply them. */
class JsonRendererTest {
    @Test
    void aSuggestionHasItsReplacementAndPlace() throws Exception {
        Reporter r = Compiler.checkText("a.hl", "network lan { cidr 192.168.5.1/24 }\n").reporter();
        JsonNode root = new ObjectMapper().readTree(new JsonRenderer().render(r.sorted(), r.errorCount(), r.warningCount()));
        JsonNode hl021 = null;
        for (JsonNode d : root.get("diagnostics")) if (d.get("code").asText().equals("HL021")) hl021 = d;
        JsonNode s = hl021.at("/suggestions/0");
        assertEquals("192.168.5.0/24", s.get("replacement").asText());
        assertEquals("the network is written `192.168.5.0/24`", s.get("message").asText());
        assertEquals(1, s.get("line").asInt());
        assertEquals(20, s.get("column").asInt());
        assertEquals(14, s.get("length").asInt());
    }
}

package hlc.properties;

import com.fasterxml.jackson.databind.JsonNode;
import hlc.emit.EmitFixtures;
import hlc.emit.RenderedFile;
import hlc.emit.talos.NetworkFacts;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Moving a cluster from Talos v1.11 to v1.13 changes the shape of its machine configs, not what they say: for any
 * valid spec (bonds by driver, links by name or driver, links without addresses, a VIP or none, one or more
 * networks per host), the classic config of v1.10 and the multi-document config of v1.13 say the same about
 * every node's hostname, nameservers, addresses, MTUs, routes, bonds and VIP; and no two documents of the
 * multi-document config share a kind and name, which Talos refuses.
 */
class TalosFormsProperties {
    @Property(tries = 30)
    void theClassicAndTheMultiDocumentFormsAgreeOnEveryNodesNetwork(@ForAll("validSpecs") ValidSpecProperties.GeneratedSpec spec) {
        String text = spec.text();
        String pin = "\\btalos v[0-9]+\\.[0-9]+\\.[0-9]+[-A-Za-z0-9.]*";
        EmitFixtures.Run classic = EmitFixtures.emitText(text.replaceFirst(pin, "talos v1.10.7"));
        EmitFixtures.Run multi = EmitFixtures.emitText(text.replaceFirst(pin, "talos v1.13.8"));
        assertFalse(classic.failed(), classic.findings());
        assertFalse(multi.failed(), multi.findings());
        List<RenderedFile> configs = classic.files().stream().filter(f -> f.path().startsWith("talos/")).toList();
        assertEquals(spec.hosts(), configs.size());
        for (RenderedFile f : configs) {
            List<JsonNode> docs = EmitFixtures.docs(multi.file(f.path()));
            assertTrue(docs.size() >= 2, f.path());
            // Talos refuses a config with two documents of one kind and name ("duplicate document")
            Set<String> ids = new HashSet<>();
            for (JsonNode d : docs) {
                if (d.has("kind")) assertTrue(ids.add(d.path("kind").asText() + "/" + d.path("name").asText()), () -> f.path()
                        + ": two documents " + d.path("kind").asText() + "/" + d.path("name").asText());
            }
            assertEquals(NetworkFacts.ofClassic(EmitFixtures.docs(f).get(0)), NetworkFacts.ofMultiDocument(docs), f.path());
        }
        Statistics.label("hosts").collect(spec.hosts());
    }

    @Provide
    Arbitrary<ValidSpecProperties.GeneratedSpec> validSpecs() {
        return new ValidSpecProperties().validSpecs();
    }
}

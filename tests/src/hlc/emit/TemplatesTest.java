package hlc.emit;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a render gives through the shortcuts the renderer takes with Jinjava ({@link Templates.QuoteFilter}'s
 * direct call, a top context that records nothing): the q filter's quoting, every binding of one render gone
 * from the next, and a template's errors reported.
 */
class TemplatesTest {
    private static Map<String, Object> context(Object name, String description) {
        Map<String, Object> c = new HashMap<>();
        if (name != null) c.put("name", name);
        c.put("description", description);
        c.put("hlc_header", "header");
        return c;
    }

    @Test
    void qQuotesWhatItIsGivenAsQuoteDoes() {
        Templates t = new Templates();
        for (Object name : List.<Object>of("web", "a\"b\\c: #d\n---", "\u0085\u2028", 42)) {
            Templates.Result r = t.render("namespace.yaml.j2", context(name, ""));
            assertEquals(List.of(), r.errors());
            assertTrue(r.text().contains("  name: " + Templates.quote(name.toString()) + "\n"), r.text());
        }
    }

    @Test
    void aRenderSeesOnlyItsOwnBindings() {
        Templates t = new Templates();
        assertTrue(t.render("namespace.yaml.j2", context("a", "described")).text().contains("kubernetes.io/description"));
        String next = t.render("namespace.yaml.j2", context("b", "")).text();
        assertTrue(!next.contains("kubernetes.io/description") && next.contains("name: \"b\""), next);
    }

    @Test
    void aTemplatesErrorsAreReportedWithTheirLine() {
        Map<String, Object> noHeader = context("web", "");
        noHeader.remove("hlc_header");
        Templates.Result r = new Templates().render("namespace.yaml.j2", noHeader);
        assertEquals(List.of("line 1: UnknownTokenException: Unknown token found: hlc_header"), r.errors());

        // A value that does not fit its schema: the file is refused, naming the template, the file and the path.
        Renderer.Outcome o = new Renderer("spec.hl").render(new FileSpec("ns.yaml", "namespace.yaml.j2", context("Not A Name", ""), false));
        assertNull(o.file());
        assertEquals(1, o.problems().size(), o.problems().toString());
        assertTrue(o.problems().get(0).startsWith("template namespace.yaml.j2 for ns.yaml: does not match schema namespace at $.metadata.name"),
                o.problems().toString());
    }
}

package hlc.emit;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.interpret.RenderResult;
import hlc.Compiler;
import hlc.resolve.ResolvedSpec;
import hlc.secrets.SecretsBundle;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link TemplateInterpreter}'s short way through name paths gives what Jinjava's own evaluation gives: every
 * document of the bundled specs rendered by hlc's renderer and by a plain Jinjava with the same configuration and
 * filter, text for text; and the cases the short way must leave to Jinjava (a missing name or key, a loop
 * variable, a value that is no plain string, number, boolean, map or list) still behave as Jinjava makes them.
 */
class TemplateInterpreterTest {
    private static String plain(String template, Map<String, Object> context) {
        Jinjava plain = new Jinjava(Templates.config());
        plain.registerFilter(new Templates.QuoteFilter());
        RenderResult r = plain.renderForResult(Templates.load(template), context);
        assertTrue(r.getErrors().stream().noneMatch(e -> e.getSeverity() == com.hubspot.jinjava.interpret.TemplateError.ErrorType.FATAL),
                template + ": " + r.getErrors());
        return r.getOutput();
    }

    @Test
    void everyDocumentOfTheBundledSpecsRendersAsPlainJinjavaRendersIt() throws Exception {
        List<Path> specs = new ArrayList<>(List.of(EmitFixtures.realSpec()));
        try (Stream<Path> s = Files.list(EmitFixtures.projectDir().resolve("spec/examples"))) {
            s.filter(p -> p.toString().endsWith(".hl")).sorted().forEach(specs::add);
        }
        Templates templates = new Templates();
        int documents = 0;
        for (Path spec : specs) {
            Compiler.Result checked = Compiler.check(spec);
            assertFalse(checked.reporter().hasErrors(), spec + ": " + EmitFixtures.describe(checked.reporter()));
            for (ResolvedSpec view : checked.resolved().perCluster()) {
                EmitProblems problems = new EmitProblems(checked.reporter(), view.spec());
                for (Emitter e : Emitters.all(SecretsBundle.placeholder(), null)) {
                    for (FileSpec f : e.files(view, problems)) {
                        for (FileSpec.Document d : f.parts()) {
                            Map<String, Object> context = new HashMap<>(d.context());
                            context.put("hlc_header", "header");
                            Templates.Result r = templates.render(d.template(), context);
                            assertEquals(List.of(), r.errors(), f.path());
                            assertEquals(plain(d.template(), context), r.text(), spec + ": " + f.path() + " (" + d.template() + ")");
                            documents++;
                        }
                    }
                }
            }
        }
        assertTrue(documents > 200, "only " + documents + " documents compared");
    }

    @Test
    void whatTheShortWayLeavesToJinjavaStillWorks() {
        Templates t = new Templates();
        Map<String, Object> c = new HashMap<>();
        c.put("hlc_header", "header");
        c.put("name", "web");
        c.put("description", Map.of("nested", "value")); // a map printed and quoted: Jinjava's own string of it
        Templates.Result r = t.render("namespace.yaml.j2", c);
        assertEquals(List.of(), r.errors());
        Map<String, Object> asPlain = new HashMap<>(c);
        assertEquals(plain("namespace.yaml.j2", asPlain), r.text());

        c.remove("name"); // a missing name: what Jinjava makes of it (under a filter: the filter given nothing)
        Templates.Result missing = t.render("namespace.yaml.j2", c);
        assertEquals(List.of(), missing.errors());
        assertEquals(plain("namespace.yaml.j2", new HashMap<>(c)), missing.text());
        assertTrue(missing.text().contains("  name: \"\"\n"), missing.text());

        c.remove("hlc_header"); // a missing name printed alone: Jinjava's error
        assertEquals(List.of("line 1: UnknownTokenException: Unknown token found: hlc_header"), t.render("namespace.yaml.j2", c).errors());
    }
}

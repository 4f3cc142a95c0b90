package hlc.bench;

import hlc.Compiler;
import hlc.resolve.ResolvedSpec;
import hlc.diag.Reporter;
import hlc.emit.Emission;
import hlc.emit.Emitters;
import hlc.emit.RenderedFile;
import hlc.emit.Renderer;
import hlc.secrets.SecretsBundle;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The benchmark's generated specs are valid (no finding at all) and depend only on their size and seed. */
class SpecGeneratorTest {
    @Test
    void hundredHostsCheckClean() {
        Compiler.Result r = Compiler.checkText("generated-100.hl", SpecGenerator.generate(100));
        assertNotNull(r.spec());
        assertEquals(List.of(), findings(r.reporter()));
        assertEquals(100, r.spec().hosts().size());
        assertEquals(200 + 9, r.spec().apps().size());
        assertTrue(r.spec().networks().size() > 2, "racks get networks of their own");
    }

    @Test
    void smallSpecCompilesClean() {
        Compiler.Result r = Compiler.checkText("generated-12.hl", SpecGenerator.generate(12));
        assertEquals(List.of(), findings(r.reporter()));
        Reporter reporter = r.reporter();
        List<RenderedFile> files = Emission.run(new ResolvedSpec(r.spec()), Emitters.all(SecretsBundle.placeholder()),
                new Renderer("generated-12.hl"), reporter);
        assertEquals(List.of(), findings(reporter));
        assertEquals(12, files.stream().filter(RenderedFile::secret).count(), "a Talos config per host");
    }

    @Test
    void sameSizeSameText() {
        assertEquals(SpecGenerator.generate(100), SpecGenerator.generate(100));
        assertNotEquals(SpecGenerator.generate(100), SpecGenerator.generate(100, 1));
        assertFalse(SpecGenerator.generate(101).equals(SpecGenerator.generate(100)));
    }

    private static List<String> findings(Reporter r) {
        return r.sorted().stream().map(d -> d.span() + " " + d.code() + " " + d.message()).collect(Collectors.toList());
    }
}

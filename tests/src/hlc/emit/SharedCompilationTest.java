package hlc.emit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hlc.Compiler;
import hlc.bench.SpecGenerator;
import hlc.resolve.ResolvedSpec;
import hlc.secrets.SecretsBundle;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The compiled schemas and parsed templates are shared by every thread of a process: threads that meet a schema or
 * a template for the first time at the same moment get the files one thread makes alone, and a document that breaks
 * its schema is still refused whichever thread compiled the schema.
 */
class SharedCompilationTest {
    private static final int THREADS = 4;

    @Test
    void threadsCompilingTheSameSchemasAtOnceRenderTheBytesOfOneThread() throws Exception {
        Compiler.Result r = Compiler.checkText("generated-8.hl", SpecGenerator.generate(8));
        assertFalse(r.reporter().hasErrors());
        ResolvedSpec index = new ResolvedSpec(r.spec());
        EmitProblems problems = new EmitProblems(r.reporter(), r.spec());
        List<FileSpec> specs = new ArrayList<>();
        for (Emitter e : Emitters.all(SecretsBundle.placeholder())) specs.addAll(e.files(index, problems));
        assertTrue(specs.size() > 20, "files of many templates and schemas");

        List<RenderedFile> alone = renderAll(new Renderer("generated-8.hl", new SchemaCatalog()), specs);

        // A fresh catalog, so that every schema is compiled while all threads ask for it; each thread starts at the
        // same file, so they meet the same uncompiled schema together.
        SchemaCatalog fresh = new SchemaCatalog();
        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<RenderedFile>>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                results.add(pool.submit(() -> {
                    Renderer renderer = new Renderer("generated-8.hl", fresh);
                    start.await();
                    return renderAll(renderer, specs);
                }));
            }
            for (Future<List<RenderedFile>> f : results) assertEquals(alone, f.get());
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<RenderedFile> renderAll(Renderer renderer, List<FileSpec> specs) {
        List<RenderedFile> out = new ArrayList<>();
        for (FileSpec f : specs) {
            Renderer.Outcome o = renderer.render(f);
            assertEquals(List.of(), o.problems(), f.path());
            out.add(o.file());
        }
        return out;
    }

    @Test
    void aDocumentThatBreaksItsSchemaIsRefusedOnEveryThread() throws Exception {
        SchemaCatalog shared = new SchemaCatalog();
        FileSpec bad = new FileSpec("bad/namespace.yaml", "namespace.yaml.j2", Map.of("name", "Not_A_Name", "description", ""), false);
        ObjectNode extra = JsonNodeFactory.instance.objectNode().put("apiVersion", "v1").put("kind", "Namespace").put("spec", "x");
        extra.putObject("metadata").put("name", "ok");
        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Renderer.Outcome>> rendered = new ArrayList<>();
            List<Future<List<String>>> validated = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                rendered.add(pool.submit(() -> {
                    start.await();
                    return new Renderer("x.hl", shared).render(bad);
                }));
            }
            for (Future<Renderer.Outcome> f : rendered) {
                Renderer.Outcome o = f.get();
                assertNull(o.file(), "nothing to write");
                assertEquals(1, o.problems().size(), o.problems().toString());
                assertTrue(o.problems().get(0).contains("does not match schema namespace at $.metadata.name"), o.problems().get(0));
            }
            for (int t = 0; t < THREADS; t++) validated.add(pool.submit(() -> shared.validate("namespace", extra)));
            for (Future<List<String>> f : validated) {
                List<String> v = f.get();
                assertEquals(1, v.size(), v.toString());
                assertTrue(v.get(0).contains("spec"), v.get(0));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theWarmUpGuessesTheSchemasOfTheFilesFromTheirTemplates() {
        Compiler.Result r = Compiler.checkText("generated-3.hl", SpecGenerator.generate(3));
        ResolvedSpec index = new ResolvedSpec(r.spec());
        EmitProblems problems = new EmitProblems(r.reporter(), r.spec());
        List<FileSpec> specs = new ArrayList<>();
        for (Emitter e : Emitters.all(SecretsBundle.placeholder())) specs.addAll(e.files(index, problems));
        List<String> guessed = ExpectedSchemas.of(ExpectedSchemas.partsOf(specs));
        // Every schema that validation really takes for these files is among the guesses (a miss would only be a
        // compilation on first use, but the guess should not miss the kinds hlc writes).
        SchemaCatalog recording = new SchemaCatalog();
        Renderer renderer = new Renderer("generated-3.hl", recording);
        for (FileSpec f : specs) assertEquals(List.of(), renderer.render(f).problems());
        assertEquals(recording.compiledNames(), new java.util.TreeSet<>(guessed));
    }
}

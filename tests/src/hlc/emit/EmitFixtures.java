package hlc.emit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import hlc.Compiler;
import hlc.check.SpecIndex;
import hlc.diag.Diagnostic;
import hlc.diag.Reporter;
import hlc.emit.talos.TalosEmitter;
import hlc.secrets.SecretsBundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Shared by the emitter tests (and the output-folder tests in hlc.write): compile a spec in memory through the
 * same pipeline as {@code hlc compile} (check → index → every emitter → render, parse back, validate) and read
 * the result back with Jackson. Not a test class itself.
 */
public final class EmitFixtures {
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    private EmitFixtures() {}

    /** The project folder (the pom's hlc.project.dir), else the working directory. */
    public static Path projectDir() {
        return Path.of(System.getProperty("hlc.project.dir", ".")).toAbsolutePath().normalize();
    }

    public static Path realSpec() {
        return projectDir().resolve("spec/homelab.hl");
    }

    /** The emitters of a compile, in the order of hlc.cli.Targets (package-private there). */
    public static List<Emitter> emitters(SecretsBundle bundle) {
        return List.of(new FluxEmitter(), new StorageEmitter(), new DnsEmitter(), new hlc.emit.cilium.CiliumEmitter(),
                new hlc.emit.rook.RookEmitter(), new hlc.emit.secretstore.SecretStoreEmitter(),
                new hlc.emit.backup.BackupEmitter(), new hlc.emit.multus.MultusEmitter(),
                new hlc.emit.dns.DnsProviderEmitter(), new TalosEmitter(bundle));
    }

    /** What one in-memory compile produced: the files (empty when anything failed) and every finding. */
    public record Run(List<RenderedFile> files, Reporter reporter) {
        public boolean failed() {
            return reporter.hasErrors();
        }

        public String findings() {
            return describe(reporter);
        }

        public RenderedFile file(String path) {
            return files.stream().filter(f -> f.path().equals(path)).findFirst()
                    .orElseThrow(() -> new AssertionError("no file " + path + " among "
                            + files.stream().map(RenderedFile::path).toList()));
        }

        public boolean has(String path) {
            return files.stream().anyMatch(f -> f.path().equals(path));
        }

        /** The single document of a file. */
        public JsonNode doc(String path) {
            List<JsonNode> docs = docs(file(path));
            if (docs.size() != 1) throw new AssertionError(path + " holds " + docs.size() + " documents, not 1");
            return docs.get(0);
        }

        public List<String> paths() {
            return files.stream().map(RenderedFile::path).toList();
        }

        /** The Flux Kustomizations under flux/apps (the apps', not the root), by NAMESPACE/NAME; a name twice fails. */
        public Map<String, JsonNode> appKustomizations() {
            Map<String, JsonNode> out = new TreeMap<>();
            for (RenderedFile f : files) {
                if (!f.path().startsWith("flux/apps/")) continue;
                for (JsonNode doc : docs(f)) {
                    if (!doc.path("apiVersion").asText().equals("kustomize.toolkit.fluxcd.io/v1")) continue;
                    String key = doc.at("/metadata/namespace").asText() + "/" + doc.at("/metadata/name").asText();
                    if (out.put(key, doc) != null) throw new AssertionError("two Kustomizations " + key);
                }
            }
            return out;
        }
    }

    public static String describe(Reporter reporter) {
        return reporter.sorted().stream().map(EmitFixtures::describe).collect(Collectors.joining("\n  ", "\n  ", ""));
    }

    public static String describe(Diagnostic d) {
        return d.span() + " " + d.code() + " " + d.message();
    }

    /** Checks and emits spec text; a spec that does not check clean comes back with no files and its findings. */
    public static Run emitText(String text, SecretsBundle bundle, Renderer renderer) {
        Compiler.Result r = Compiler.checkText("test.hl", text);
        return emit(r, bundle, renderer);
    }

    public static Run emitText(String text) {
        return emitText(text, SecretsBundle.placeholder(), new Renderer("test.hl"));
    }

    public static Run emitFile(Path spec, SecretsBundle bundle, Renderer renderer) {
        try {
            return emit(Compiler.check(spec), bundle, renderer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Run emit(Compiler.Result r, SecretsBundle bundle, Renderer renderer) {
        if (r.reporter().hasErrors() || r.spec() == null) return new Run(List.of(), r.reporter());
        List<RenderedFile> files = Emission.run(new SpecIndex(r.spec()), emitters(bundle), renderer, r.reporter());
        return new Run(files, r.reporter());
    }

    /** Emits spec text that must check and emit clean, failing the test with the findings otherwise. */
    public static Run emitClean(String text) {
        Run run = emitText(text);
        if (run.failed()) fail("the spec should compile cleanly but hlc reported:" + run.findings());
        assertFalse(run.files().isEmpty(), "no files were emitted");
        return run;
    }

    /** Every document of a rendered file, read back with plain Jackson (not hlc's own reader). */
    public static List<JsonNode> docs(RenderedFile f) {
        try {
            if (f.path().endsWith(".json")) return List.of(JSON.readTree(f.content()));
            List<JsonNode> docs = new ArrayList<>();
            try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(f.content())) {
                while (it.hasNext()) {
                    JsonNode n = it.next();
                    if (n != null && !n.isMissingNode() && !n.isNull()) docs.add(n);
                }
            }
            return docs;
        } catch (IOException e) {
            throw new AssertionError(f.path() + " does not parse: " + e.getMessage() + "\n" + f.content(), e);
        }
    }

    public static JsonNode at(JsonNode doc, String pointer) {
        JsonNode n = doc.at(pointer);
        assertNotNull(n);
        return n;
    }
}

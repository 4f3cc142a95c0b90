package hlc.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import hlc.diag.Reporter;
import hlc.emit.Emission;
import hlc.emit.Emitter;
import hlc.emit.RenderedFile;
import hlc.emit.Renderer;
import hlc.resolve.ResolvedSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What some emitters write for a spec, as YAML documents with the file each is in: the compiled side of a round
 * trip, which compares facts of documents, not text. A file that does not parse gives no documents (its facts are
 * then missing from the comparison, which reports them lost).
 */
final class EmittedDocuments {
    /** One document of the output, and the output path of its file ({@code flux/apps/x.yaml}). */
    record Document(String path, JsonNode node) {}

    private EmittedDocuments() {}

    static List<Document> of(ResolvedSpec resolved, Path rootSpec, List<Emitter> emitters) {
        List<RenderedFile> files = Emission.run(resolved, emitters, new Renderer(rootSpec.getFileName().toString()), new Reporter());
        Renderer parser = new Renderer("");
        List<Document> docs = new ArrayList<>();
        for (RenderedFile file : files) {
            if (!file.path().endsWith(".yaml")) continue;
            try {
                for (JsonNode d : parser.parse(file.path(), file.content())) docs.add(new Document(file.path(), d));
            } catch (Exception e) {
                // no documents from this file
            }
        }
        return docs;
    }
}
